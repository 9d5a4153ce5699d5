/* test-sandbox-util.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "desk-clock.h"
#include "desk-sandbox.h"

/* What the sandbox tests share: a small store, a plain SoupSession and a synchronous
 * request helper. The sandbox serves from its own thread, so a blocking request from the
 * test's thread is fine. */

/* 2026-01-15 12:00 UTC, a fixed "now" so that the date filters answer alike any day. */
#define TEST_NOW G_GINT64_CONSTANT (1768478400)
#define TEST_CUSTOMERS 50
#define TEST_TICKETS 300
#define TEST_INVOICES 120

typedef struct
{
  guint      http_status;
  JsonNode  *root;      /* NULL when the body is not JSON */
  GBytes    *body;
  GError    *error;     /* a transport error */
} TestReply;

static inline void
test_reply_free (TestReply *reply)
{
  g_clear_pointer (&reply->root, json_node_unref);
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_error (&reply->error);
  g_free (reply);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestReply, test_reply_free)

static inline DeskSandbox *
test_sandbox_new (guint rate_limit)
{
  return g_object_new (DESK_TYPE_SANDBOX,
                       "seed", 7, "n-customers", TEST_CUSTOMERS, "n-tickets", TEST_TICKETS,
                       "n-invoices", TEST_INVOICES, "rate-limit", rate_limit,
                       "today", TEST_NOW, NULL);
}

static inline DeskSandbox *
test_sandbox_start (guint rate_limit)
{
  DeskSandbox *sandbox = test_sandbox_new (rate_limit);
  g_autoptr(GError) error = NULL;

  desk_sandbox_start (sandbox, 0, &error);
  g_assert_no_error (error);

  return sandbox;
}

static inline SoupSession *
test_session_new (void)
{
  /* The timeout is an outer bound only, far beyond what a loaded machine takes. */
  return soup_session_new_with_options ("timeout", 120, "max-conns", 64,
                                        "max-conns-per-host", 32, NULL);
}

static inline char *
test_url (DeskSandbox *sandbox,
          const char  *path,
          const char  *key)
{
  return g_strdup_printf ("%s%s%capi_key=%s", desk_sandbox_get_url (sandbox), path,
                          strchr (path, '?') != NULL ? '&' : '?',
                          key != NULL ? key : DESK_SANDBOX_DEMO_API_KEY);
}

static inline SoupMessage *
test_message (DeskSandbox *sandbox,
              const char  *method,
              const char  *path,
              const char  *key,
              const char  *body,
              const char  *content_type)
{
  g_autofree char *url = test_url (sandbox, path, key);
  SoupMessage *msg = soup_message_new (method, url);

  g_assert_nonnull (msg);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, content_type != NULL ? content_type :
                                                "application/json", bytes);
    }

  return msg;
}

static inline TestReply *
test_reply_from (SoupMessage *msg,
                 GBytes      *body,
                 GError      *error)
{
  TestReply *reply = g_new0 (TestReply, 1);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  reply->http_status = soup_message_get_status (msg);
  reply->body = body;
  reply->error = error;
  if (body != NULL &&
      json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                  NULL) &&
      json_parser_get_root (parser) != NULL)
    reply->root = json_node_copy (json_parser_get_root (parser));

  return reply;
}

/* Sends a request and reads the whole reply, whatever it is. */
static inline TestReply *
test_request_full (SoupSession *session,
                   DeskSandbox *sandbox,
                   const char  *method,
                   const char  *path,
                   const char  *key,
                   const char  *body,
                   const char  *content_type)
{
  g_autoptr(SoupMessage) msg = test_message (sandbox, method, path, key, body, content_type);
  GError *error = NULL;
  GBytes *bytes = soup_session_send_and_read (session, msg, NULL, &error);

  return test_reply_from (msg, bytes, error);
}

/* A request that must come back as a JSON envelope. */
static inline TestReply *
test_request (SoupSession *session,
              DeskSandbox *sandbox,
              const char  *method,
              const char  *path,
              const char  *body)
{
  TestReply *reply = test_request_full (session, sandbox, method, path, NULL, body, NULL);

  g_assert_no_error (reply->error);
  g_assert_nonnull (reply->root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->root));

  return reply;
}

static inline JsonObject *
test_envelope (TestReply *reply)
{
  return json_node_get_object (reply->root);
}

static inline gint64
test_status_code (TestReply *reply)
{
  return json_object_get_int_member (test_envelope (reply), "statusCode");
}

static inline gboolean
test_success (TestReply *reply)
{
  return json_object_get_boolean_member (test_envelope (reply), "success");
}

static inline JsonNode *
test_data (TestReply *reply)
{
  return json_object_get_member (test_envelope (reply), "data");
}

static inline JsonObject *
test_data_object (TestReply *reply)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (test_data (reply)));

  return json_node_get_object (test_data (reply));
}

static inline JsonArray *
test_data_array (TestReply *reply)
{
  g_assert_true (JSON_NODE_HOLDS_ARRAY (test_data (reply)));

  return json_node_get_array (test_data (reply));
}

/* Reads "162903" or 162903. */
static inline gint64
test_id (JsonObject *o,
         const char *key)
{
  JsonNode *node = json_object_get_member (o, key);

  g_assert_nonnull (node);
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (node), NULL, 10);

  return json_node_get_int (node);
}

/* A 1×1 white PNG, made by hand so the tests need no image library. */
static inline char *
test_png_base64 (void)
{
  static const guchar png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90,
    0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
    0xff, 0xff, 0x3f, 0x00, 0x05, 0xfe, 0x02, 0xfe, 0x0d, 0xef, 0x46, 0xb8, 0x00, 0x00, 0x00,
    0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
  };

  return g_base64_encode (png, sizeof png);
}

/* A started sandbox over the small store, and a session: the fixture of most tests. */
typedef struct
{
  DeskSandbox *sandbox;
  SoupSession *session;
} TestFixture;

static inline void
test_fixture_set_up (TestFixture   *f,
                     gconstpointer  data)
{
  f->sandbox = test_sandbox_start (0);
  f->session = test_session_new ();
}

static inline void
test_fixture_tear_down (TestFixture   *f,
                        gconstpointer  data)
{
  g_clear_object (&f->session);
  g_assert_finalize_object (f->sandbox);
}
