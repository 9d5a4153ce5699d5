/* desk-sandbox-json.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-sandbox"

#include "config.h"

#include <libsoup/soup.h>
#include <math.h>
#include <string.h>

#include "desk-money.h"
#include "desk-sandbox-private.h"

#define MAX_TEXT 2000

/* Writing replies the way the real server writes them, and reading request bodies the way
 * clients send them: as JSON or form fields, every scalar possibly a string. */

/* --- The envelope and the framework's error objects ------------------------------------ */

JsonNode *
desk_reply_envelope (gboolean    success,
                     int         status_code,
                     const char *message,
                     JsonNode   *data)
{
  g_autoptr(JsonObject) o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_boolean_member (o, "success", success);
  json_object_set_int_member (o, "statusCode", status_code);
  json_object_set_string_member (o, "message", message);
  if (data == NULL)
    {
      data = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (data, json_array_new ());
    }
  json_object_set_member (o, "data", data);
  json_node_set_object (node, o);

  return node;
}

const char *
desk_reply_status_name (int status)
{
  switch (status)
    {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 413: return "Request Entity Too Large";
    case 422: return "Data Validation Failed.";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    default: return "Error";
    }
}

/* {"success": false, "statusCode": N, "message": name, "data": {name, message, code, status}} */
JsonNode *
desk_reply_error (int         status,
                  const char *name,
                  const char *message)
{
  JsonNode *data = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) o = json_object_new ();

  if (name == NULL)
    name = desk_reply_status_name (status);

  jset_str (o, "name", name);
  jset_str (o, "message", message);
  jset_int (o, "code", 0);
  jset_int (o, "status", status);
  json_node_set_object (data, o);

  return desk_reply_envelope (FALSE, status, name, data);
}

JsonNode *
desk_reply_invalid_route (const char *path)
{
  JsonNode *reply = desk_reply_error (404, "Not Found", "Page not found.");
  JsonObject *data = json_object_get_object_member (json_node_get_object (reply), "data");
  JsonObject *previous = jset_object (data, "previous");
  /* The path is quoted back: bytes that are not UTF-8 would make the reply no JSON. */
  g_autofree char *shown = g_utf8_make_valid (path, -1);
  g_autofree char *message = g_strdup_printf ("Unable to resolve the request \"v1/%s\".", shown);

  jset_str (previous, "name", "Invalid Route");
  jset_str (previous, "message", message);
  jset_int (previous, "code", 0);

  return reply;
}

/* Sets a request error and returns FALSE, so that a check reads "return desk_sandbox_fail". */
gboolean
desk_sandbox_fail (GError    **error,
                   int         code,
                   const char *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (DESK_SANDBOX_ERROR, code, format, args));
  va_end (args);

  return FALSE;
}

/* --- Writing ----------------------------------------------------------------------------- */

void
jset_str (JsonObject *o,
          const char *key,
          const char *value)
{
  json_object_set_string_member (o, key, value != NULL ? value : "");
}

void
jset_int (JsonObject *o,
          const char *key,
          gint64      value)
{
  json_object_set_int_member (o, key, value);
}

void
jset_bool (JsonObject *o,
           const char *key,
           gboolean    value)
{
  json_object_set_boolean_member (o, key, value);
}

/* Ids in lists are strings; no id at all is "". */
void
jset_id (JsonObject *o,
         const char *key,
         gint64      id)
{
  g_autofree char *text = id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("");

  jset_str (o, key, text);
}

void
jset_money (JsonObject *o,
            const char *key,
            gint64      cents)
{
  g_autofree char *text = desk_money_to_api (cents);

  jset_str (o, key, text);
}

/* "$77.40", "-$20.00": the sign goes before the symbol, as the server writes it. */
char *
money_symbol (gint64 cents)
{
  g_autofree char *amount = desk_money_to_api (cents < 0 ? -cents : cents);

  return g_strdup_printf ("%s$%s", cents < 0 ? "-" : "", amount);
}

void
jset_symbol (JsonObject *o,
             const char *key,
             gint64      cents)
{
  g_autofree char *text = money_symbol (cents);

  jset_str (o, key, text);
}

void
jset_percent (JsonObject *o,
              const char *key,
              gint64      millipercent)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT ".%03d", millipercent / 1000,
                                           (int) (millipercent % 1000));

  jset_str (o, key, text);
}

JsonObject *
jset_object (JsonObject *o,
             const char *key)
{
  JsonObject *child = json_object_new ();

  json_object_set_object_member (o, key, child);

  return child;
}

JsonArray *
jset_array (JsonObject *o,
            const char *key)
{
  JsonArray *child = json_array_new ();

  json_object_set_array_member (o, key, child);

  return child;
}

JsonObject *
jadd_object (JsonArray *a)
{
  JsonObject *child = json_object_new ();

  json_array_add_object_element (a, child);

  return child;
}

/* --- Reading ----------------------------------------------------------------------------- */

static gboolean
invalid (GError    **error,
         const char *key,
         const char *what)
{
  g_set_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_INVALID,
               "%s must be %s.", key, what);
  return FALSE;
}

/* A scalar member as text: clients send "12", 12 or 12.5 for the same field. Missing and
 * null give NULL. */
gboolean
body_string (JsonObject  *o,
             const char  *key,
             char       **out,
             GError     **error)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, key) : NULL;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return invalid (error, key, "a text or a number");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      *out = g_strdup (json_node_get_string (node));
      return TRUE;
    case G_TYPE_INT64:
      *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      return TRUE;
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        *out = g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
        return TRUE;
      }
    case G_TYPE_BOOLEAN:
      *out = g_strdup (json_node_get_boolean (node) ? "1" : "0");
      return TRUE;
    default:
      return invalid (error, key, "a text or a number");
    }
}

/* A text member of at most MAX_TEXT bytes of UTF-8, kept alive by @keep. A missing member
 * leaves *@out alone. */
gboolean
body_text (JsonObject   *o,
           const char   *key,
           GPtrArray    *keep,
           const char  **out,
           GError      **error)
{
  char *text = NULL;

  if (!body_string (o, key, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  g_ptr_array_add (keep, text);
  if (strlen (text) > MAX_TEXT || !g_utf8_validate (text, -1, NULL))
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                              "%s is too long or not UTF-8.", key);
  *out = text;

  return TRUE;
}

gboolean
body_id (JsonObject  *o,
         const char  *key,
         gboolean     required,
         gint64      *out,
         GError     **error)
{
  g_autofree char *text = NULL;
  guint64 value = 0;

  if (!body_string (o, key, &text, error))
    return FALSE;

  if (text == NULL || *g_strstrip (text) == '\0')
    {
      if (required)
        {
          g_set_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_INVALID,
                       "%s cannot be blank.", key);
          return FALSE;
        }
      *out = 0;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL))
    return invalid (error, key, "an integer");

  *out = (gint64) value;

  return TRUE;
}

/* Leaves @out alone when the member is missing. */
gboolean
body_money (JsonObject  *o,
            const char  *key,
            gint64      *out,
            GError     **error)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, key) : NULL;
  g_autofree char *text = NULL;
  gint64 cents;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      if (!isfinite (value) || fabs (value) > 1e12)
        return invalid (error, key, "an amount");
      *out = (gint64) llround (value * 100);
      return TRUE;
    }

  if (!body_string (o, key, &text, error))
    return FALSE;
  if (text == NULL || *g_strstrip (text) == '\0')
    return TRUE;
  if (!desk_money_parse (text, &cents, NULL) || cents > G_GINT64_CONSTANT (100000000000))
    return invalid (error, key, "an amount");

  *out = cents;

  return TRUE;
}

JsonArray *
body_array (JsonObject  *o,
            const char  *key,
            GError     **error)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, key) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, key, "a list");
      return NULL;
    }

  return json_node_get_array (node);
}

JsonObject *
body_object (JsonObject  *o,
             const char  *key,
             GError     **error)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, key) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, key, "an object");
      return NULL;
    }

  return json_node_get_object (node);
}

JsonObject *
body_array_object (JsonArray   *a,
                   guint        i,
                   const char  *what,
                   GError     **error)
{
  JsonNode *node = json_array_get_element (a, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, what, "a list of objects");
      return NULL;
    }

  return json_node_get_object (node);
}

/* --- Form bodies ------------------------------------------------------------------------- */

/* Form fields name nested values the PHP way: "devices[0][Parts][1][price]=6.67". They are
 * put into a tree of objects first; objects whose keys are all numbers then become
 * arrays, so that the routes read one shape whatever the encoding. */
static JsonObject *
child_object (JsonObject *parent,
              const char *key)
{
  JsonNode *node = json_object_get_member (parent, key);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return jset_object (parent, key);

  return json_node_get_object (node);
}

static void
form_insert (JsonObject *root,
             const char *name,
             const char *value)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *normal = g_strdup (name);
  JsonObject *o = root;
  guint n;

  /* "a[b][c]" → "a[b[c" → {"a", "b", "c"} */
  for (char *r = normal, *w = normal;; r++)
    {
      if (*r != ']')
        *w++ = *r;
      if (*r == '\0')
        break;
    }
  /* A bounded depth: the tree is walked recursively afterwards. */
  parts = g_strsplit (normal, "[", 16);
  n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    o = child_object (o, parts[i][0] != '\0' ? parts[i] : "0");

  if (n > 0)
    jset_str (o, parts[n - 1][0] != '\0' ? parts[n - 1] : "0", value);
}

static gboolean
all_numeric_keys (JsonObject *o)
{
  g_autoptr(GList) members = json_object_get_members (o);

  if (members == NULL)
    return FALSE;

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_ascii_string_to_unsigned (l->data, 10, 0, 100000, NULL, NULL))
      return FALSE;

  return TRUE;
}

static gint
compare_numeric (gconstpointer a,
                 gconstpointer b)
{
  return (gint) (g_ascii_strtoull (a, NULL, 10) - g_ascii_strtoull (b, NULL, 10));
}

static JsonNode *
arrays_from_objects (JsonNode *node)
{
  JsonObject *o;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return json_node_copy (node);

  o = json_node_get_object (node);
  members = g_list_sort (json_object_get_members (o), compare_numeric);

  if (all_numeric_keys (o))
    {
      g_autoptr(JsonArray) a = json_array_new ();

      for (GList *l = members; l != NULL; l = l->next)
        json_array_add_element (a, arrays_from_objects (json_object_get_member (o, l->data)));
      /* The node takes a reference of its own. */
      return json_node_init_array (json_node_alloc (), a);
    }
  else
    {
      g_autoptr(JsonObject) copy = json_object_new ();

      g_clear_pointer (&members, g_list_free);
      members = json_object_get_members (o);
      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (copy, l->data,
                                arrays_from_objects (json_object_get_member (o, l->data)));
      return json_node_init_object (json_node_alloc (), copy);
    }
}

/* Returns NULL with %DESK_SANDBOX_ERROR_BAD_REQUEST when a name or value decodes to bytes
 * that are not UTF-8 ("%FF"): stored, they would come back in replies that are not JSON. */
JsonNode *
desk_sandbox_parse_form (const char  *form,
                         GError     **error)
{
  g_autoptr(GHashTable) fields = soup_form_decode (form);
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) tree = json_node_init_object (json_node_alloc (), root);
  g_autoptr(GList) names = NULL;

  if (!desk_sandbox_check_query (fields, NULL))
    {
      g_set_error_literal (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_BAD_REQUEST,
                           "The form in the request body is not UTF-8 text.");
      return NULL;
    }

  names = g_list_sort (g_hash_table_get_keys (fields), (GCompareFunc) strcmp);

  for (GList *l = names; l != NULL; l = l->next)
    form_insert (root, l->data, g_hash_table_lookup (fields, l->data));

  return arrays_from_objects (tree);
}
