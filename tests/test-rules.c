/* test-rules.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core.h"
#include "desk-customer-check.h"
#include "desk-server-url.h"
#include "desk-ticket-filters.h"
#include "desk-ticket-match.h"

/* The rules the screens apply that need no widget: they run here without a display. */

typedef struct
{
  const char *text;
  const char *stored;   /* NULL when refused */
  int         code;
} UrlCase;

static const UrlCase url_cases[] = {
  { "https://api.repairdesk.co/api/web/v1/", "https://api.repairdesk.co/api/web/v1/", 0 },
  { "  https://api.repairdesk.co/api/web/v1  ", "https://api.repairdesk.co/api/web/v1/", 0 },
  { "HTTPS://shop.example.com:8443/api", "HTTPS://shop.example.com:8443/api/", 0 },
  { "http://127.0.0.1:8080/api/web/v1/", "http://127.0.0.1:8080/api/web/v1/", 0 },
  { "http://127.5.6.7/", "http://127.5.6.7/", 0 },
  { "http://localhost:3000", "http://localhost:3000/", 0 },
  { "http://[::1]:3000/v1", "http://[::1]:3000/v1/", 0 },
  { "http://api.repairdesk.co/api/web/v1/", NULL, DESK_SERVER_URL_ERROR_INSECURE },
  { "http://192.168.1.10/", NULL, DESK_SERVER_URL_ERROR_INSECURE },
  { "http://localhost.example.com/", NULL, DESK_SERVER_URL_ERROR_INSECURE },
  { "http://127.0.0.1.example.com/", NULL, DESK_SERVER_URL_ERROR_INSECURE },
  { "http://[::ffff:10.0.0.1]/", NULL, DESK_SERVER_URL_ERROR_INSECURE },
  { "ftp://localhost/", NULL, DESK_SERVER_URL_ERROR_INSECURE },
  { "ws://127.0.0.1/", NULL, DESK_SERVER_URL_ERROR_INSECURE },
  { "api.repairdesk.co/api/web/v1/", NULL, DESK_SERVER_URL_ERROR_INVALID },
  { "https://", NULL, DESK_SERVER_URL_ERROR_INVALID },
  { "https://shop.example.com/api?key=1", NULL, DESK_SERVER_URL_ERROR_INVALID },
  { "https://shop.example.com/api#top", NULL, DESK_SERVER_URL_ERROR_INVALID },
  { "", NULL, DESK_SERVER_URL_ERROR_INVALID },
  { "   ", NULL, DESK_SERVER_URL_ERROR_INVALID },
};

static void
test_url_rule (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (url_cases); i++)
    {
      const UrlCase *c = &url_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = desk_server_url_normalize (c->text, &error);

      g_test_message ("URL “%s”", c->text);
      g_assert_cmpstr (stored, ==, c->stored);
      if (c->stored == NULL)
        g_assert_error (error, DESK_SERVER_URL_ERROR, c->code);
      else
        g_assert_no_error (error);
    }
}

static void
test_customer_shapes (void)
{
  g_autofree char *tel = desk_customer_link_markup ("tel", "+1 (555) 014-7788");
  g_autofree char *mail = desk_customer_link_markup ("mailto", "ann&bo@example.com");
  g_autofree char *tidy = desk_customer_tidy_name (" Leila  King ");

  g_assert_true (desk_customer_check_email ("ann@example.co"));
  g_assert_false (desk_customer_check_email ("ann.example.com"));
  g_assert_false (desk_customer_check_email ("@example.com"));
  g_assert_false (desk_customer_check_email ("ann@example"));
  g_assert_false (desk_customer_check_email ("ann@@example.com"));
  g_assert_false (desk_customer_check_email ("ann smith@example.com"));
  g_assert_false (desk_customer_check_email ("ann@example."));

  g_assert_true (desk_customer_check_phone ("+1 (555) 014-7788"));
  g_assert_true (desk_customer_check_phone ("555.210.3945"));
  g_assert_false (desk_customer_check_phone ("555-CALL-NOW"));
  g_assert_false (desk_customer_check_phone ("12345"));
  g_assert_false (desk_customer_check_phone ("1234567890123456"));
  g_assert_false (desk_customer_check_phone ("555+0123456"));

  g_assert_true (desk_customer_same_phone ("(555) 010-1234", "555 010 1234"));
  g_assert_false (desk_customer_same_phone ("555 010 1234", "555 010 1235"));
  g_assert_false (desk_customer_same_phone ("", NULL));

  g_assert_cmpstr (tel, ==, "<a href=\"tel:+15550147788\">+1 (555) 014-7788</a>");
  g_assert_cmpstr (mail, ==, "<a href=\"mailto:ann%26bo@example.com\">ann&amp;bo@example.com</a>");
  g_assert_null (desk_customer_link_markup ("tel", ""));

  g_assert_cmpstr (tidy, ==, "Leila King");
}

static DeskTicket *
make_ticket (void)
{
  DeskTicket *ticket = desk_ticket_new ();
  g_autoptr(DeskCustomer) customer = desk_customer_new ();
  g_autoptr(DeskTicketDevice) device = desk_ticket_device_new ();

  g_object_set (ticket, "order-id", "T-485", NULL);
  g_object_set (customer, "full-name", "Leila King", "phone", "(555) 010-1234",
                "email", "leila@example.com", NULL);
  g_object_set (device, "imei", "356938035643809", "serial", "F2LXK1", NULL);
  desk_ticket_set_customer (ticket, customer);
  desk_ticket_add_device (ticket, device);

  return ticket;
}

static gboolean
matches (DeskTicket *ticket,
         const char *text)
{
  g_autofree char *folded = desk_ticket_match_fold (text);

  return desk_ticket_matches (ticket, folded);
}

/* The local match covers the fields the server's keyword covers, phone numbers by their
 * digits; the exact match is what a scan means. */
static void
test_ticket_match (void)
{
  g_autoptr(DeskTicket) ticket = make_ticket ();

  g_assert_true (matches (ticket, ""));
  g_assert_true (matches (ticket, "t-48"));
  g_assert_true (matches (ticket, "  LEILA "));
  g_assert_true (matches (ticket, "555-010"));
  g_assert_true (matches (ticket, "643809"));
  g_assert_true (matches (ticket, "f2lx"));
  g_assert_false (matches (ticket, "T-486"));
  g_assert_false (matches (ticket, "Omar"));

  g_assert_true (desk_ticket_matches_exactly (ticket, "t-485"));
  g_assert_true (desk_ticket_matches_exactly (ticket, " 356938035643809 "));
  g_assert_true (desk_ticket_matches_exactly (ticket, "555 010 1234"));
  g_assert_false (desk_ticket_matches_exactly (ticket, "T-48"));
  g_assert_false (desk_ticket_matches_exactly (ticket, "5550101234x"));
  g_assert_false (desk_ticket_matches_exactly (ticket, ""));
}

/* The filters survive the setting, and a search looks through every date. */
static void
test_ticket_filters (void)
{
  DeskTicketFilters filters = { .status = g_strdup ("In Progress"), .assigned_to = 7,
                                .range = DESK_TICKET_RANGE_YESTERDAY };
  DeskTicketFilters loaded = { 0 };
  g_autoptr(GVariant) saved = g_variant_ref_sink (desk_ticket_filters_save (&filters));
  g_autoptr(DeskListQuery) browse = desk_ticket_filters_to_query (&filters, NULL);
  g_autoptr(DeskListQuery) search = desk_ticket_filters_to_query (&filters, " T-485 ");

  desk_ticket_filters_load (&loaded, saved);
  g_assert_cmpstr (loaded.status, ==, "In Progress");
  g_assert_cmpint (loaded.assigned_to, ==, 7);
  g_assert_cmpint (loaded.created_by, ==, 0);
  g_assert_cmpint (loaded.range, ==, DESK_TICKET_RANGE_YESTERDAY);

  g_assert_null (browse->keyword);
  g_assert_cmpint (browse->filter, ==, DESK_LIST_FILTER_YESTERDAY);
  g_assert_cmpstr (search->keyword, ==, "T-485");
  g_assert_cmpint (search->filter, ==, DESK_LIST_FILTER_ALL);
  g_assert_cmpstr (search->status, ==, "In Progress");
  g_assert_cmpint (search->assigned_to, ==, 7);

  g_assert_cmpint (desk_ticket_range_from_string (desk_ticket_range_to_string (DESK_TICKET_RANGE_CUSTOM)),
                   ==, DESK_TICKET_RANGE_CUSTOM);

  desk_ticket_filters_clear (&filters);
  desk_ticket_filters_clear (&loaded);
}

/* A table naming a property that does not exist fails at class init, not on screen. */
static void
test_property_tables (void)
{
  const char * const good[] = { "order-id", "total" };
  const char * const typo[] = { "order-id", "totl" };

  DESK_PROPERTIES_CHECK (DESK_TYPE_TICKET, good);

  g_test_expect_message ("desk-properties", G_LOG_LEVEL_CRITICAL, "*DeskTicket*“totl”*");
  DESK_PROPERTIES_CHECK (DESK_TYPE_TICKET, typo);
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/rules/server-url", test_url_rule);
  g_test_add_func ("/rules/customer-shapes", test_customer_shapes);
  g_test_add_func ("/rules/ticket-match", test_ticket_match);
  g_test_add_func ("/rules/ticket-filters", test_ticket_filters);
  g_test_add_func ("/rules/property-tables", test_property_tables);

  return g_test_run ();
}
