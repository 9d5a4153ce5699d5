/* desk-api-client-reply.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-api-client"

#include "config.h"

#include <libsoup/soup.h>

#include "desk-api-client-private.h"
#include "desk-api-error.h"
#include "desk-json.h"

/* How a RepairDesk reply becomes data or an error. The real server sends most failures
 * with HTTP 200 and the code in the body, newer ones also as the HTTP status, and proxies
 * in front of it answer with HTML pages: the HTTP status is looked at first, then the
 * envelope `{success, statusCode, message, data}`. */

/* The envelope's values change type like every other field of the API. */
static gboolean
read_loose_bool (JsonNode *node,
                 gboolean *out)
{
  const char *text;
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);

  if (type == G_TYPE_BOOLEAN)
    *out = json_node_get_boolean (node);
  else if (type == G_TYPE_INT64)
    *out = json_node_get_int (node) != 0;
  else if (type != G_TYPE_STRING)
    return FALSE;
  else if (g_strcmp0 (text = json_node_get_string (node), "1") == 0 ||
           g_ascii_strcasecmp (text, "true") == 0)
    *out = TRUE;
  else if (g_strcmp0 (text, "0") == 0 || g_ascii_strcasecmp (text, "false") == 0)
    *out = FALSE;
  else
    return FALSE;

  return TRUE;
}

static gint64
read_loose_int (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (node), NULL, 10);

  return 0;
}

static const char *
read_text (JsonObject *object,
           const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
read_object (JsonObject *object,
             const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return;

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0' || strstr (out->str, trimmed) != NULL)
    return;

  if (out->len > 0)
    g_string_append (out, " ");
  g_string_append (out, trimmed);
}

/* A validation failure may list its complaints per field instead of one message. */
static void
append_field_messages (GString    *out,
                       JsonObject *data)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, data);
  while (json_object_iter_next (&iter, &name, &node))
    {
      g_autofree char *line = NULL;

      if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
        node = json_array_get_element (json_node_get_array (node), 0);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;

      line = g_strdup_printf ("%s: %s", name, json_node_get_string (node));
      append_text (out, line);
    }
}

/* The server's own words: the framework error's message, the nested cause, else the
 * envelope's message. */
static char *
server_text (JsonObject *root)
{
  g_autoptr(GString) out = g_string_new (NULL);
  JsonObject *data = read_object (root, "data");

  append_text (out, read_text (data, "message"));
  append_text (out, read_text (read_object (data, "previous"), "message"));

  if (data != NULL && out->len == 0 && read_text (data, "name") == NULL)
    append_field_messages (out, data);

  append_text (out, read_text (root, "message"));

  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static DeskApiError
code_for_status (guint          status,
                 DeskReplyFlags flags)
{
  gboolean write = (flags & DESK_REPLY_WRITE) != 0;

  if (status == 401 || status == 403)
    return DESK_API_ERROR_UNAUTHORIZED;
  if (status == 404 || status == 100)
    return DESK_API_ERROR_NOT_FOUND;
  if (status == 408)
    return write ? DESK_API_ERROR_OUTCOME_UNKNOWN : DESK_API_ERROR_TIMEOUT;
  if (status == 429)
    return DESK_API_ERROR_RATE_LIMITED;
  if (status >= 400 && status < 500)
    return DESK_API_ERROR_VALIDATION;
  /* A server that failed may have applied the write first; a gateway that failed or gave
   * up may have passed it on. */
  if (write && status >= 500 && status < 600)
    return DESK_API_ERROR_OUTCOME_UNKNOWN;
  if (status >= 300 && status < 400)
    return DESK_API_ERROR_REDIRECTED;
  if (status >= 500 && status < 600)
    return DESK_API_ERROR_SERVER;

  return DESK_API_ERROR_PROTOCOL;
}

static JsonNode *
parse_body (GBytes  *body,
            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  const char *data;
  gsize size = 0;

  data = body != NULL ? g_bytes_get_data (body, &size) : NULL;

  if (size == 0)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, "empty reply");
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;

  /* json-glib reads a body of white space alone as a document without a root. */
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, "blank reply");
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

static JsonNode *
fail_http (guint            status,
           const char      *reason,
           GBytes          *body,
           DeskReplyFlags   flags,
           GError         **error)
{
  g_autoptr(JsonNode) root = parse_body (body, NULL);
  g_autofree char *detail = NULL;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    detail = server_text (json_node_get_object (root));

  if (detail == NULL)
    detail = g_strdup_printf ("HTTP %u %s", status,
                              reason != NULL ? reason : soup_status_get_phrase (status));

  g_propagate_error (error, desk_api_error_new (code_for_status (status, flags), detail));

  return NULL;
}

static JsonNode *
fail_unreadable (DeskReplyFlags   flags,
                 const char      *detail,
                 GError         **error)
{
  /* The server did answer a write, so it received it: whether it applied it cannot be
   * told from a reply that cannot be read. */
  DeskApiError code = (flags & DESK_REPLY_WRITE) ? DESK_API_ERROR_OUTCOME_UNKNOWN
                                                 : DESK_API_ERROR_PROTOCOL;

  g_propagate_error (error, desk_api_error_new (code, detail));

  return NULL;
}

/* A list's records mapped as the parser finishes each, or a plain parse. */
static JsonNode *
parse_body_mapped (GBytes           *body,
                   DeskJsonMapFunc   map,
                   DeskJsonMapped  **mapped,
                   GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (map == NULL || body == NULL || g_bytes_get_size (body) == 0)
    return parse_body (body, error);

  root = desk_json_parse_mapped (body, map, mapped, &local_error);

  /* In the words of the parser, as parse_body() gives them. */
  if (root == NULL)
    {
      const char *detail = desk_api_error_get_detail (local_error);

      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           detail != NULL ? detail : local_error->message);
    }

  return root;
}

static JsonNode *
evaluate (guint             http_status,
          const char       *reason,
          GBytes           *body,
          DeskReplyFlags    flags,
          DeskJsonMapFunc   map,
          DeskJsonMapped  **mapped_out,
          GError          **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(DeskJsonMapped) mapped = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *detail = NULL;
  JsonObject *object;
  JsonNode *data;
  gboolean success;
  gint64 status_code;

  if (!SOUP_STATUS_IS_SUCCESSFUL (http_status))
    return fail_http (http_status, reason, body, flags, error);

  root = parse_body_mapped (body, map, &mapped, &parse_error);
  if (root == NULL)
    {
      detail = g_strdup_printf ("The reply is not JSON: %s", parse_error->message);
      return fail_unreadable (flags, detail, error);
    }

  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL || !read_loose_bool (json_object_get_member (object, "success"), &success))
    return fail_unreadable (flags, "The reply has no RepairDesk envelope", error);

  data = json_object_get_member (object, "data");

  if (success)
    {
      if (mapped_out != NULL)
        *mapped_out = g_steal_pointer (&mapped);
      return data != NULL ? json_node_ref (data) : json_node_init_null (json_node_alloc ());
    }

  status_code = read_loose_int (json_object_get_member (object, "statusCode"));

  /* "No Result Found" is how some list queries say that nothing matched. */
  if (status_code == 100 && (flags & DESK_REPLY_LIST))
    {
      JsonNode *empty = json_node_new (JSON_NODE_ARRAY);

      json_node_take_array (empty, json_array_new ());
      return empty;
    }

  /* A refusal the server explains changed nothing; a failure inside it may have. */
  if (status_code <= 0 || (status_code >= 300 && status_code < 400))
    status_code = 400;
  if (status_code < 500)
    flags &= ~DESK_REPLY_WRITE;

  detail = server_text (object);
  g_propagate_error (error, desk_api_error_new (code_for_status ((guint) status_code, flags),
                                                detail));

  return NULL;
}

/**
 * desk_api_reply_evaluate:
 * @http_status: the HTTP status
 * @reason: (nullable): the HTTP reason phrase
 * @body: (nullable): the reply body
 * @flags: how to read it
 * @error: return location for a %DESK_API_ERROR
 *
 * Returns: (transfer full) (nullable): the envelope's `data` (a null node when absent),
 *   or %NULL with @error set
 */
JsonNode *
desk_api_reply_evaluate (guint            http_status,
                         const char      *reason,
                         GBytes          *body,
                         DeskReplyFlags   flags,
                         GError         **error)
{
  return evaluate (http_status, reason, body, flags, NULL, NULL, error);
}

/**
 * desk_api_reply_evaluate_mapped:
 * @http_status: the HTTP status
 * @reason: (nullable): the HTTP reason phrase
 * @body: (nullable): the reply body
 * @flags: how to read it
 * @map: maps one record of the list the reply holds
 * @mapped: (out) (transfer full) (nullable): the records mapped while parsing, for
 *   desk_json_mapped_take() on the records of the returned data; %NULL when nothing
 *   was mapped
 * @error: return location for a %DESK_API_ERROR
 *
 * Judges a reply as desk_api_reply_evaluate() does, mapping each record of a list
 * while the parser finishes it (desk_json_parse_mapped()).
 *
 * Returns: (transfer full) (nullable): the envelope's `data`, or %NULL with @error set
 */
JsonNode *
desk_api_reply_evaluate_mapped (guint             http_status,
                                const char       *reason,
                                GBytes           *body,
                                DeskReplyFlags    flags,
                                DeskJsonMapFunc   map,
                                DeskJsonMapped  **mapped,
                                GError          **error)
{
  g_return_val_if_fail (mapped != NULL, NULL);

  *mapped = NULL;
  return evaluate (http_status, reason, body, flags, map, mapped, error);
}

/**
 * desk_api_reply_is_unsent:
 * @error: a transport error from libsoup or GIO
 *
 * Returns: whether the request certainly never reached the server
 */
gboolean
desk_api_reply_is_unsent (const GError *error)
{
  if (error->domain == G_RESOLVER_ERROR)
    return TRUE;

  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND);
}

/**
 * desk_api_reply_is_transient:
 * @error: a %DESK_API_ERROR
 *
 * Returns: whether trying a read again later may succeed
 */
gboolean
desk_api_reply_is_transient (const GError *error)
{
  return g_error_matches (error, DESK_API_ERROR, DESK_API_ERROR_NETWORK) ||
         g_error_matches (error, DESK_API_ERROR, DESK_API_ERROR_TIMEOUT) ||
         g_error_matches (error, DESK_API_ERROR, DESK_API_ERROR_SERVER);
}

/**
 * desk_api_reply_map_transport_error:
 * @error: an error from libsoup or GIO that is not a cancellation
 * @flags: how the request was sent
 *
 * Returns: (transfer full): the matching %DESK_API_ERROR, with the library's text as detail
 */
GError *
desk_api_reply_map_transport_error (const GError   *error,
                                    DeskReplyFlags  flags)
{
  gboolean write = (flags & DESK_REPLY_WRITE) != 0;
  DeskApiError code;

  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE) ||
      g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_NOT_TLS))
    code = DESK_API_ERROR_UNTRUSTED;
  else if (desk_api_reply_is_unsent (error) || error->domain == G_TLS_ERROR)
    code = DESK_API_ERROR_NETWORK;
  else if (write)
    code = DESK_API_ERROR_OUTCOME_UNKNOWN;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    code = DESK_API_ERROR_TIMEOUT;
  else if (error->domain == SOUP_SESSION_ERROR)
    code = DESK_API_ERROR_PROTOCOL;
  else
    code = DESK_API_ERROR_NETWORK;

  return desk_api_error_new (code, error->message);
}
