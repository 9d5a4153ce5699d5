/* fuzz-sandbox-request.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The sandbox's reading of a request, without sockets: the route from the method and path,
 * the query string as libsoup hands it to the server, the body (JSON or a form) as
 * desk_sandbox_parse_body() reads it, and then the route itself on a small seeded store,
 * inside a transaction that is rolled back so that every input meets the same data.
 *
 * The input is text:
 *
 *   METHOD path?query
 *   content type (may be empty)
 *   body ...
 */

#include "config.h"

#include <libsoup/soup.h>

#include "desk-sandbox-private.h"

#include "fuzz-common.h"

#define NOW      G_GINT64_CONSTANT (1780000000)   /* a fixed "now" keeps runs repeatable */
#define MIDNIGHT G_GINT64_CONSTANT (1779926400)

static DeskStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  DeskSeedParams params = {
    .seed = 7,
    .n_customers = 12,
    .n_tickets = 20,
    .n_invoices = 10,
    .now = NOW,
    .midnight = MIDNIGHT,
  };

  fuzz_common_init ();

  store = desk_store_open (":memory:", &error);
  g_assert_no_error (error);
  desk_sandbox_seed (store, &params, &error);
  g_assert_no_error (error);

  return 0;
}

/* Splits off the text up to the next newline. */
static char *
next_line (const char **p,
           const char  *end)
{
  const char *nl = memchr (*p, '\n', end - *p);
  const char *stop = nl != NULL ? nl : end;
  char *line = g_strndup (*p, stop - *p);

  *p = nl != NULL ? nl + 1 : end;

  return line;
}

static void
check_reply (JsonNode *reply)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  gsize len = 0;

  desk_sandbox_mangle_types (reply);
  desk_sandbox_grow_lists (reply, 3);

  /* What the server sends must be JSON that reads back. */
  json_generator_set_root (generator, reply);
  text = json_generator_to_data (generator, &len);
  g_assert_true (json_parser_load_from_data (parser, text, len, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *p = (const char *) data;
  const char *end = p + size;
  g_autofree char *request_line = next_line (&p, end);
  g_autofree char *content_type = next_line (&p, end);
  g_autoptr(GBytes) bytes = g_bytes_new (p, end - p);
  g_autoptr(GHashTable) query = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  const DeskRoute *route;
  char *path, *query_text;
  gint64 ids[2] = { 0, 0 };
  DeskRequest req = { 0 };
  gboolean ok;

  path = strchr (request_line, ' ');
  if (path == NULL)
    return 0;
  *path++ = '\0';
  query_text = strchr (path, '?');
  if (query_text != NULL)
    *query_text++ = '\0';

  route = desk_sandbox_find_route (request_line, path, ids);
  if (route == NULL)
    {
      g_autoptr(JsonNode) invalid = desk_reply_invalid_route (path);

      check_reply (invalid);
      return 0;
    }

  if (query_text != NULL)
    query = soup_form_decode (query_text);

  if (!desk_sandbox_check_query (query, &error))
    {
      g_assert_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_BAD_REQUEST);
      return 0;
    }

  /* As the server does: only a write has a body. */
  if (g_str_equal (request_line, "POST") || g_str_equal (request_line, "PUT") ||
      g_str_equal (request_line, "PATCH"))
    {
      body = desk_sandbox_parse_body (*content_type != '\0' ? content_type : NULL, bytes, &error);
      if (body == NULL)
        {
          g_assert_nonnull (error);
          return 0;
        }
      if (!JSON_NODE_HOLDS_OBJECT (body))
        return 0;
    }
  else
    {
      body = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (body, json_object_new ());
    }

  req.store = store;
  req.query = query;
  req.body = json_node_get_object (body);
  req.ids[0] = ids[0];
  req.ids[1] = ids[1];
  req.now = NOW;
  req.midnight = MIDNIGHT;

  ok = desk_store_exec (store, "BEGIN IMMEDIATE", &error) && route->func (&req, &error);
  desk_store_exec (store, "ROLLBACK", NULL);

  if (ok)
    {
      g_assert_no_error (error);
      reply = desk_reply_envelope (TRUE, 200, req.message != NULL ? req.message : "OK",
                                   g_steal_pointer (&req.data));
    }
  else
    {
      g_assert_nonnull (error);
      /* A request the route cannot serve is the client's fault, never an internal error. */
      if (error->domain != DESK_SANDBOX_ERROR || error->code == DESK_SANDBOX_ERROR_INTERNAL)
        g_error ("%s %s: internal error: %s", request_line, path, error->message);
      if (error->code == DESK_SANDBOX_ERROR_NO_RESULT)
        reply = desk_reply_envelope (FALSE, 100, "No Result Found", NULL);
      else
        reply = desk_reply_error (error->code, NULL, error->message);
    }

  check_reply (reply);
  g_clear_pointer (&req.data, json_node_unref);
  g_free (req.message);

  return 0;
}
