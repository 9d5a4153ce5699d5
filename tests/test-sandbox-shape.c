/* test-sandbox-shape.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-sandbox-util.h"

/* Does the sandbox speak like the real server? Each fixture in tests/fixtures/sandbox/
 * reproduces the shape of a real reply (with our own values); the same kind of request is
 * sent to the sandbox and the two are compared key by key: every key of the fixture must be
 * in the reply, with the same JSON type (string, integer, boolean, object, array). Extra
 * keys in the reply are allowed. An array matches when each of its fixture elements
 * matches one of the reply's elements, since the server itself varies between records
 * (an unpaid ticket's "amount_due" is "0.00", a paid one's 0).
 *
 * The live server's own captured replies (tests/fixtures/samples/, whose SOURCES.md says
 * where each came from) are compared too, more leniently. */

typedef struct
{
  const char *fixture;
  const char *sample;     /* the captured reply it reproduces, or NULL */
  const char *method;
  const char *path;       /* {ticket}, {walkin}, {invoice}, {sale} are filled in */
  const char *body;
  gboolean    element;    /* the fixture is one element of the reply's data array */
} ShapeCase;

static const char create_body[] =
  "{\"summary\": {\"customer_id\": \"380001\"}, \"devices\": [{\"device\": \"137001\","
  " \"repairProdItems\": [{\"id\": \"892001\", \"name\": \"\"}], \"price\": \"20.00\"}]}";

static const ShapeCase cases[] = {
  { "customers-list.json", "customers-list-thinkdigital-2018.json", "GET", "customers" },
  { "customers-search-one.json", "customers-search-one-result-thinkdigital-2018.json", "GET", "customers?keyword=a" },
  { "customers-search-empty.json", "customers-search-empty-thinkdigital-2018.json", "GET", "customers?keyword=nobody-at-all" },
  { "customers-show.json", "customers-show-thinkdigital-2018.json", "GET", "customers/380001" },
  { "employees-list.json", "employees-list-thinkdigital-2018.json", "GET", "employees" },
  { "error-401.json", NULL, "GET", "tickets#wrong-key" },
  { "error-404-invalid-route.json", "error-404-invalid-route-customers-thinkdigital-2018.json", "GET", "customers/555-555-0000" },
  { "error-404-invalid-route.json", "error-404-invalid-route-invoice-thinkdigital-2017.json", "GET", "invoice/787800468732" },
  { "error-429.json", "error-429-rate-limit-thinkdigital-2018.json", "GET", "invoices/{invoice}#rate-limited" },
  { "inventory-list.json", "inventory-list-thinkdigital-2018.json", "GET", "inventory" },
  { "inventory-item.json", "inventory-item-issue847-2019.json", "GET", "inventory", NULL, TRUE },
  { "list-no-result.json", "invoices-list-error-no-result-issue253.json", "GET", "invoices?filter=0&keyword=nothing-like-it" },
  { "list-no-result.json", NULL, "GET", "tickets?filter=0&keyword=nothing-like-it" },
  { "invoices-list.json", "invoices-list-paginated-thinkdigital-2018.json", "GET", "invoices?filter=0&pagesize=1000" },
  { "invoices-list.json", "invoices-list-thinkdigital-2017.json", "GET", "invoices?filter=0&pagesize=1000" },
  { "invoices-list-overpaid.json", "invoices-list-overpaid-entry-thinkdigital-2017.json", "GET", "invoices?filter=0&pagesize=1000&status=OverPaid" },
  { "invoices-show.json", "invoices-show-thinkdigital-2018.json", "GET", "invoices/{invoice}" },
  { "invoices-show-sale.json", "invoices-show-partial-thinkdigital-2017.json", "GET", "invoices/{sale}" },
  { "parts-list.json", "parts-list-thinkdigital-2018.json", "GET", "parts" },
  { "problems-list.json", "problems-list-thinkdigital-2018.json", "GET", "problems" },
  { "tickets-list.json", "tickets-list-thinkdigital-2017.json", "GET", "tickets?filter=0&pagesize=1000" },
  { "tickets-show.json", "tickets-show-thinkdigital-2017.json", "GET", "tickets/{ticket}" },
  { "tickets-show-walkin.json", "tickets-show-walkin-demo-thinkdigital-2017.json", "GET", "tickets/{walkin}" },
  { "tickets-create.json", NULL, "POST", "tickets", create_body },
};

/* Keys whose type the live server itself changes between its replies: payment ids are
 * strings in one invoice and integers in another, device line ids likewise between two
 * tickets. Only the comparison against captured samples forgives them. */
static const char * const varying[] = { "payments[].id", "devices[].id", NULL };

static const char *
type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT: return "object";
    case JSON_NODE_ARRAY: return "array";
    case JSON_NODE_NULL: return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return "string";
        case G_TYPE_BOOLEAN: return "boolean";
        case G_TYPE_DOUBLE: return "double";
        default: return "integer";
        }
    }
}

static gboolean shape_matches (JsonNode *expected, JsonNode *actual, const char *path,
                               gboolean lenient, GString *why);

static gboolean
object_matches (JsonObject *expected,
                JsonObject *actual,
                const char *path,
                gboolean    lenient,
                GString    *why)
{
  g_autoptr(GList) keys = json_object_get_members (expected);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_autofree char *child = g_strdup_printf ("%s%s%s", path, *path ? "." : "", (char *) l->data);
      JsonNode *value = json_object_get_member (actual, l->data);

      if (value == NULL)
        {
          g_string_append_printf (why, "%s: missing\n", child);
          return FALSE;
        }
      if (!shape_matches (json_object_get_member (expected, l->data), value, child, lenient, why))
        return FALSE;
    }

  return TRUE;
}

static gboolean
array_matches (JsonArray  *expected,
               JsonArray  *actual,
               const char *path,
               gboolean    lenient,
               GString    *why)
{
  g_autofree char *child = g_strdup_printf ("%s[]", path);

  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      JsonNode *want = json_array_get_element (expected, i);
      g_autoptr(GString) first_why = g_string_new (NULL);
      gboolean found = FALSE;

      for (guint j = 0; !found && j < json_array_get_length (actual); j++)
        {
          g_autoptr(GString) attempt = g_string_new (NULL);

          found = shape_matches (want, json_array_get_element (actual, j), child, lenient, attempt);
          if (!found && first_why->len == 0)
            g_string_assign (first_why, attempt->str);
        }
      if (!found)
        {
          g_string_append_printf (why, "%s: no element of %u matches (first: %s)\n", child,
                                  json_array_get_length (actual),
                                  first_why->len ? first_why->str : "empty");
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_varying (const char *path)
{
  for (guint i = 0; varying[i] != NULL; i++)
    if (g_str_has_suffix (path, varying[i]))
      return TRUE;

  return FALSE;
}

static gboolean
shape_matches (JsonNode   *expected,
               JsonNode   *actual,
               const char *path,
               gboolean    lenient,
               GString    *why)
{
  const char *want = type_name (expected);
  const char *got = type_name (actual);

  if (!g_str_equal (want, got) && !(lenient && is_varying (path)))
    {
      g_string_append_printf (why, "%s: %s expected, %s found\n", path, want, got);
      return FALSE;
    }

  if (JSON_NODE_HOLDS_OBJECT (expected))
    return object_matches (json_node_get_object (expected), json_node_get_object (actual), path,
                           lenient, why);
  if (JSON_NODE_HOLDS_ARRAY (expected))
    return array_matches (json_node_get_array (expected), json_node_get_array (actual), path,
                          lenient, why);

  return TRUE;
}

/* --- Requests ------------------------------------------------------------------------------ */

typedef struct
{
  DeskSandbox *sandbox;
  SoupSession *session;
  char        *ticket;    /* ids for the {placeholders}: a ticket with a note, */
  char        *walkin;    /* one of a walk-in customer, an invoice of a ticket, a sale */
  char        *invoice;
  char        *sale;
} Fixture;

/* The id of the first record whose summary.@outer.@key is (or with @equal FALSE, is not)
 * @wanted. */
static char *
find_id (Fixture    *f,
         const char *path,
         const char *array,
         const char *outer,
         const char *key,
         const char *wanted,
         gboolean    equal)
{
  g_autoptr(TestReply) reply = test_request (f->session, f->sandbox, "GET", path, NULL);
  JsonArray *records = json_object_get_array_member (test_data_object (reply), array);

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *summary = json_object_get_object_member (json_array_get_object_element (records, i), "summary");
      JsonObject *o = json_object_get_object_member (summary, outer);

      if (g_str_equal (json_object_get_string_member (o, key), wanted) == equal)
        return g_strdup (json_object_get_string_member (summary, "id"));
    }

  g_error ("No record of %s with %s = \"%s\"", path, key, wanted);
}

/* A walk-in customer's ticket, still in the shop. */
static char *
create_walk_in (Fixture *f)
{
  g_autoptr(TestReply) created = test_request (f->session, f->sandbox, "POST", "tickets",
    "{\"summary\": {\"customer_id\": \"0\"}, \"devices\": [{\"device\": \"137002\","
    " \"repairProdItems\": [{\"id\": \"892010\"}], \"status\": \"In Progress\","
    " \"supplied\": [{\"name\": \"Charger\", \"result\": \"1\"}],"
    " \"PreConditions\": [{\"name\": \"Back Camera\", \"result\": \"0\"}]}]}");

  g_assert_true (test_success (created));

  return g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (test_data_object (created), "id"));
}

/* A ticket with an internal note, so that "notes" can be compared. */
static char *
find_noted_ticket (Fixture *f)
{
  g_autoptr(TestReply) list = test_request (f->session, f->sandbox, "GET",
                                            "tickets?filter=0&pagesize=1000", NULL);
  JsonArray *records = json_object_get_array_member (test_data_object (list), "ticketData");

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *summary = json_object_get_object_member (json_array_get_object_element (records, i), "summary");
      g_autofree char *path = g_strdup_printf ("tickets/%s", json_object_get_string_member (summary, "id"));
      g_autoptr(TestReply) shown = test_request (f->session, f->sandbox, "GET", path, NULL);

      if (json_array_get_length (json_object_get_array_member (test_data_object (shown), "notes")) > 0)
        return g_strdup (json_object_get_string_member (summary, "id"));
    }

  g_error ("No ticket has a note");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->sandbox = test_sandbox_start (0);
  f->session = test_session_new ();
  f->walkin = create_walk_in (f);
  f->ticket = find_noted_ticket (f);
  f->sale = find_id (f, "invoices?filter=0&pagesize=1000&status=paid", "invoiceData", "ticket", "order_id", "", TRUE);
  f->invoice = find_id (f, "invoices?filter=0&pagesize=1000", "invoiceData", "ticket", "order_id", "", FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->ticket);
  g_free (f->walkin);
  g_free (f->invoice);
  g_free (f->sale);
  g_clear_object (&f->session);
  g_assert_finalize_object (f->sandbox);
}

static char *
fill_in (Fixture    *f,
         const char *path)
{
  g_autoptr(GString) out = g_string_new (path);
  char *hash = strchr (out->str, '#');

  if (hash != NULL)
    g_string_truncate (out, hash - out->str);
  g_string_replace (out, "{ticket}", f->ticket, 0);
  g_string_replace (out, "{walkin}", f->walkin, 0);
  g_string_replace (out, "{invoice}", f->invoice, 0);
  g_string_replace (out, "{sale}", f->sale, 0);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static TestReply *
reply_for (Fixture         *f,
           const ShapeCase *c)
{
  g_autofree char *path = fill_in (f, c->path);

  if (g_str_has_suffix (c->path, "#wrong-key"))
    return test_request_full (f->session, f->sandbox, c->method, path, "wrong", NULL, NULL);

  if (g_str_has_suffix (c->path, "#rate-limited"))
    {
      /* One request a minute: the second is refused. */
      g_autoptr(TestReply) first = NULL;

      g_object_set (f->sandbox, "rate-limit", 1, NULL);
      first = test_request (f->session, f->sandbox, c->method, path, NULL);
      g_assert_true (test_success (first));
    }

  return test_request_full (f->session, f->sandbox, c->method, path, NULL, c->body, NULL);
}

static JsonNode *
load (const char *file)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, file, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
compare (Fixture         *f,
         const ShapeCase *c,
         const char      *file,
         gboolean         lenient)
{
  g_autoptr(TestReply) reply = reply_for (f, c);
  g_autoptr(JsonNode) expected = load (file);
  g_autoptr(GString) why = g_string_new (NULL);
  gboolean ok;

  g_assert_nonnull (reply->root);
  if (c->element)
    {
      g_autoptr(JsonArray) wrapper = json_array_new ();
      g_autoptr(JsonNode) wrapped = json_node_init_array (json_node_alloc (), wrapper);

      json_array_add_element (wrapper, json_node_copy (expected));
      ok = shape_matches (wrapped, json_object_get_member (test_envelope (reply), "data"), "data",
                          lenient, why);
    }
  else
    ok = shape_matches (expected, reply->root, "", lenient, why);

  if (!ok)
    g_error ("%s against %s %s:\n%s", file, c->method, c->path, why->str);
}

static void
test_fixtures (Fixture       *f,
               gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = g_test_build_filename (G_TEST_DIST, "fixtures", "sandbox",
                                                     cases[i].fixture, NULL);

      g_test_message ("%s: %s %s", cases[i].fixture, cases[i].method, cases[i].path);
      compare (f, &cases[i], file, FALSE);
      g_object_set (f->sandbox, "rate-limit", 0, NULL);
    }
}

static void
test_samples (Fixture       *f,
              gconstpointer  data)
{
  guint expected = 0;
  guint compared = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = NULL;

      if (cases[i].sample == NULL)
        continue;
      expected++;
      file = g_test_build_filename (G_TEST_DIST, "fixtures", "samples", cases[i].sample, NULL);
      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
      g_test_message ("%s: %s %s", cases[i].sample, cases[i].method, cases[i].path);
      compare (f, &cases[i], file, TRUE);
      g_object_set (f->sandbox, "rate-limit", 0, NULL);
      compared++;
    }

  g_test_message ("%u samples compared", compared);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (compared, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/sandbox/shape/fixtures", Fixture, NULL, fixture_set_up, test_fixtures, fixture_tear_down);
  g_test_add ("/sandbox/shape/samples", Fixture, NULL, fixture_set_up, test_samples, fixture_tear_down);

  return g_test_run ();
}
