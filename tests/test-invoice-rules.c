/* test-invoice-rules.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core.h"

/* The Invoices screen's rules that need no widget: the status pill, the date presets,
 * the filter bar's query and setting, the local match, and finding a payment whose answer
 * was lost. */

/* 2026-03-29 10:30 in Berlin: the morning the clocks went forward, a 23-hour day. */
#define SPRING_FORWARD_MORNING G_GINT64_CONSTANT (1774773000)

static void
test_status_pill (void)
{
  const struct { const char *text; DeskInvoiceStatus status; } cases[] = {
    { "Paid", DESK_INVOICE_STATUS_PAID },
    { "paid", DESK_INVOICE_STATUS_PAID },
    { "Unpaid", DESK_INVOICE_STATUS_UNPAID },
    { "Partial", DESK_INVOICE_STATUS_PARTIAL },
    { "OverPaid", DESK_INVOICE_STATUS_OVERPAID },
    { "Over Paid", DESK_INVOICE_STATUS_OVERPAID },
    { " over-paid ", DESK_INVOICE_STATUS_OVERPAID },
    { "Refund", DESK_INVOICE_STATUS_REFUND },
    { "Refunded", DESK_INVOICE_STATUS_REFUND },
    { NULL, DESK_INVOICE_STATUS_UNKNOWN },
    { "", DESK_INVOICE_STATUS_UNKNOWN },
    { "Void", DESK_INVOICE_STATUS_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (desk_invoice_status_from_text (cases[i].text), ==, cases[i].status);

  g_assert_cmpstr (desk_invoice_status_label (DESK_INVOICE_STATUS_OVERPAID), ==, "Overpaid");
  g_assert_cmpstr (desk_invoice_status_label (DESK_INVOICE_STATUS_UNKNOWN), ==, "Unknown");
  g_assert_cmpstr (desk_invoice_status_css_class (DESK_INVOICE_STATUS_PAID), ==, "invoice-paid");
  g_assert_cmpstr (desk_invoice_status_css_class (DESK_INVOICE_STATUS_UNKNOWN), ==,
                   "invoice-unknown");
}

static GDateTime *
berlin (gint64 unix_time)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  g_assert_nonnull (tz);
  return g_date_time_to_timezone (utc, tz);
}

static char *
local_text (GDateTime *now,
            gint64     unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) here = g_date_time_to_timezone (utc, g_date_time_get_timezone (now));

  return g_date_time_format (here, "%F %T");
}

static void
check_range (DeskInvoiceRange  range,
             const char       *first,
             const char       *last)
{
  g_autoptr(GDateTime) now = berlin (SPRING_FORWARD_MORNING);
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gint64 from, to;

  g_assert_true (desk_invoice_range_bounds (range, now, 0, 0, &from, &to));
  from_text = local_text (now, from);
  to_text = local_text (now, to);
  g_assert_cmpstr (from_text, ==, first);
  g_assert_cmpstr (to_text, ==, last);
}

/* Whole local days, counted on the calendar: the day the clocks change has 23 hours. */
static void
test_date_presets (void)
{
  g_autoptr(GDateTime) now = berlin (SPRING_FORWARD_MORNING);
  gint64 from = -1, to = -1;

  check_range (DESK_INVOICE_RANGE_TODAY, "2026-03-29 00:00:00", "2026-03-29 23:59:59");
  check_range (DESK_INVOICE_RANGE_YESTERDAY, "2026-03-28 00:00:00", "2026-03-28 23:59:59");
  check_range (DESK_INVOICE_RANGE_LAST_WEEK, "2026-03-23 00:00:00", "2026-03-29 23:59:59");
  check_range (DESK_INVOICE_RANGE_LAST_MONTH, "2026-02-28 00:00:00", "2026-03-29 23:59:59");

  g_assert_true (desk_invoice_range_bounds (DESK_INVOICE_RANGE_TODAY, now, 0, 0, &from, &to));
  g_assert_cmpint (to - from + 1, ==, 23 * 3600);

  g_assert_false (desk_invoice_range_bounds (DESK_INVOICE_RANGE_ALL, now, 0, 0, &from, &to));
  g_assert_cmpint (from, ==, 0);
  g_assert_cmpint (to, ==, 0);
  g_assert_false (desk_invoice_range_bounds (DESK_INVOICE_RANGE_CUSTOM, now, 0, 0, &from, &to));
}

static void
test_custom_range (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (SPRING_FORWARD_MORNING);
  g_autoptr(GDateTime) a = g_date_time_new_local (2026, 1, 10, 15, 0, 0);
  g_autoptr(GDateTime) b = g_date_time_new_local (2026, 1, 12, 9, 0, 0);
  g_autoptr(GDateTime) first = g_date_time_new_local (2026, 1, 10, 0, 0, 0);
  g_autoptr(GDateTime) after = g_date_time_new_local (2026, 1, 13, 0, 0, 0);
  gint64 from, to;

  /* Either way round, any moment of the days: from the first midnight to the last second. */
  g_assert_true (desk_invoice_range_bounds (DESK_INVOICE_RANGE_CUSTOM, now,
                                            g_date_time_to_unix (b), g_date_time_to_unix (a),
                                            &from, &to));
  g_assert_cmpint (from, ==, g_date_time_to_unix (first));
  g_assert_cmpint (to, ==, g_date_time_to_unix (after) - 1);
}

static void
test_filters_query (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (SPRING_FORWARD_MORNING);
  DeskInvoiceFilters filters = { .status = DESK_INVOICE_FILTER_REFUNDED,
                                 .range = DESK_INVOICE_RANGE_LAST_WEEK };
  g_autoptr(DeskListQuery) listed = desk_invoice_filters_to_query (&filters, NULL, now);
  g_autoptr(DeskListQuery) searched = desk_invoice_filters_to_query (&filters, " 1042 ", now);
  g_autoptr(DeskListQuery) all = NULL;
  gint64 from, to;

  desk_invoice_range_bounds (DESK_INVOICE_RANGE_LAST_WEEK, now, 0, 0, &from, &to);
  g_assert_cmpstr (listed->status, ==, "refunded");
  g_assert_null (listed->keyword);
  g_assert_cmpint (listed->from_date, ==, from);
  g_assert_cmpint (listed->to_date, ==, to);

  /* A search looks through every date, in the chosen status. */
  g_assert_cmpstr (searched->keyword, ==, "1042");
  g_assert_cmpstr (searched->status, ==, "refunded");
  g_assert_cmpint (searched->from_date, ==, 0);
  g_assert_cmpint (searched->filter, ==, DESK_LIST_FILTER_ALL);

  /* All dates are asked for as such: with no date RepairDesk gives today's only. */
  filters = (DeskInvoiceFilters) { .status = DESK_INVOICE_FILTER_ANY, .range = DESK_INVOICE_RANGE_ALL };
  all = desk_invoice_filters_to_query (&filters, NULL, now);
  g_assert_null (all->status);
  g_assert_cmpint (all->filter, ==, DESK_LIST_FILTER_ALL);
  g_assert_cmpint (all->from_date, ==, 0);
}

static void
test_filters_setting (void)
{
  DeskInvoiceFilters filters = { .status = DESK_INVOICE_FILTER_PARTIAL,
                                 .range = DESK_INVOICE_RANGE_CUSTOM,
                                 .from_date = 1768000000, .to_date = 1768400000 };
  DeskInvoiceFilters loaded;
  g_autoptr(GVariant) saved = g_variant_ref_sink (desk_invoice_filters_save (&filters));
  g_autoptr(GVariant) broken = g_variant_ref_sink (g_variant_new_parsed (
    "{'status': <'weird'>, 'range': <'custom'>, 'from': <'x'>}"));

  desk_invoice_filters_load (&loaded, saved);
  g_assert_cmpint (loaded.status, ==, DESK_INVOICE_FILTER_PARTIAL);
  g_assert_cmpint (loaded.range, ==, DESK_INVOICE_RANGE_CUSTOM);
  g_assert_cmpint (loaded.from_date, ==, 1768000000);
  g_assert_cmpint (loaded.to_date, ==, 1768400000);

  /* Nothing saved yet: the last 30 days, any status. A custom range without dates is not
   * kept. */
  desk_invoice_filters_load (&loaded, NULL);
  g_assert_cmpint (loaded.status, ==, DESK_INVOICE_FILTER_ANY);
  g_assert_cmpint (loaded.range, ==, DESK_INVOICE_RANGE_LAST_MONTH);
  desk_invoice_filters_load (&loaded, broken);
  g_assert_cmpint (loaded.status, ==, DESK_INVOICE_FILTER_ANY);
  g_assert_cmpint (loaded.range, ==, DESK_INVOICE_RANGE_LAST_MONTH);
}

static void
test_local_match (void)
{
  g_autoptr(DeskInvoice) invoice = desk_invoice_new ();
  g_autoptr(DeskCustomer) customer = desk_customer_new ();
  g_autofree char *needle = g_utf8_casefold ("ZOË", -1);

  g_object_set (customer, "full-name", "Zoë Adams", NULL);
  g_object_set (invoice, "order-id", "I-1042", NULL);
  desk_invoice_set_customer (invoice, customer);

  g_assert_true (desk_invoice_matches (invoice, NULL));
  g_assert_true (desk_invoice_matches (invoice, "i-104"));
  g_assert_true (desk_invoice_matches (invoice, needle));
  g_assert_false (desk_invoice_matches (invoice, "1043"));
}

static DeskPayment *
payment (gint64      id,
         gint64      amount,
         gint64      date,
         const char *method,
         const char *notes)
{
  DeskPayment *p = desk_payment_new (amount, date, method, notes);

  g_object_set (p, "id", id, NULL);
  return p;
}

static void
test_payment_find_new (void)
{
  g_autoptr(GListStore) before = g_list_store_new (DESK_TYPE_PAYMENT);
  g_autoptr(GListStore) after = g_list_store_new (DESK_TYPE_PAYMENT);
  g_autoptr(GArray) known = NULL;
  g_autoptr(DeskPayment) old = payment (1, 2000, 1768478400, "Cash", "deposit");
  g_autoptr(DeskPayment) other = payment (2, 2000, 1768478400, "Card", "rest");
  g_autoptr(DeskPayment) sent = payment (3, 2000, 1768478400 + 3600, "Cash", "rest");

  g_list_store_append (before, old);
  known = desk_payment_ids (G_LIST_MODEL (before));
  g_assert_cmpuint (known->len, ==, 1);

  /* The same payment as one made before is not taken for the new one. */
  g_list_store_append (after, old);
  g_assert_null (desk_payment_find_new (G_LIST_MODEL (after), known, 2000, "Cash", 1768478400,
                                        "deposit"));
  /* Another method is another payment. */
  g_list_store_append (after, other);
  g_assert_null (desk_payment_find_new (G_LIST_MODEL (after), known, 2000, "Cash", 1768478400,
                                        "rest"));
  /* Same amount, method and notes, the same day (the server keeps its own hour). */
  g_list_store_append (after, sent);
  g_assert_true (desk_payment_find_new (G_LIST_MODEL (after), known, 2000, "Cash", 1768478400,
                                        " rest") == sent);
  g_assert_null (desk_payment_find_new (G_LIST_MODEL (after), known, 2000, "Cash",
                                        1768478400 + 2 * 86400, "rest"));
  g_assert_null (desk_payment_find_new (G_LIST_MODEL (after), known, 2001, "Cash", 1768478400,
                                        "rest"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/invoice-rules/status-pill", test_status_pill);
  g_test_add_func ("/invoice-rules/date-presets", test_date_presets);
  g_test_add_func ("/invoice-rules/custom-range", test_custom_range);
  g_test_add_func ("/invoice-rules/filters-query", test_filters_query);
  g_test_add_func ("/invoice-rules/filters-setting", test_filters_setting);
  g_test_add_func ("/invoice-rules/local-match", test_local_match);
  g_test_add_func ("/invoice-rules/payment-find-new", test_payment_find_new);

  return g_test_run ();
}
