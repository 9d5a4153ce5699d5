/* test-money-range.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core.h"

/* Amounts and percentages out of any shop's range are refused or saturated, never wrapped
 * into a negative amount: from the JSON, through line totals and tax, to an invoice's
 * totals. */

static JsonNode *
node_from (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_json_money_refused (void)
{
  static const char * const amounts[] = {
    "9223372036854775807", "-9223372036854775807", "92233720368547758", "92233720368547759",
    "1e300", "-1e300", "1.7976931348623157e308", "1e17",
    "\"92233720368547758.07\"", "\"$92,233,720,368,547,758.08\"", "\"99999999999999999999\"",
    "\"1e300\"", "\"2.5E+3\"", "\"1e-300\"", "\"10000000000000.01\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autoptr(JsonNode) node = node_from (amounts[i]);
      gint64 cents = 12345;

      g_test_message ("amount %s", amounts[i]);
      g_assert_false (desk_json_node_get_money (node, &cents, NULL));
      g_assert_cmpint (cents, ==, 0);
    }
}

static void
test_json_money_in_range (void)
{
  g_autoptr(JsonNode) big = node_from ("9999999999999");
  g_autoptr(JsonNode) text = node_from ("\"-1,234,567.89\"");
  gint64 cents = 0;

  g_assert_true (desk_json_node_get_money (big, &cents, NULL));
  g_assert_cmpint (cents, ==, G_GINT64_CONSTANT (999999999999900));
  g_assert_true (desk_json_node_get_money (text, &cents, NULL));
  g_assert_cmpint (cents, ==, -123456789);
}

static void
test_json_percent_refused (void)
{
  static const char * const percents[] = {
    "9223372036854775807", "9223372036854775", "1e300", "-1e300", "\"9223372036854775.807\"",
    "\"9223372036854775807\"", "100001",
  };

  for (guint i = 0; i < G_N_ELEMENTS (percents); i++)
    {
      g_autoptr(JsonNode) node = node_from (percents[i]);
      gint64 millipercent = 12345;

      g_test_message ("percent %s", percents[i]);
      g_assert_false (desk_json_node_get_percent (node, &millipercent));
      g_assert_cmpint (millipercent, ==, 0);
    }
}

/* A record whose price is out of range does not get a wrapped one. */
static void
test_record_price (void)
{
  g_autoptr(JsonNode) node = node_from ("{\"id\":\"1\",\"price\":9223372036854775807,"
                                        "\"quantity\":\"2\",\"tax_class\":{\"id\":\"3\","
                                        "\"tax_percent\":9223372036854775807}}");
  g_autoptr(DeskInvoiceItem) item = desk_invoice_item_new_from_json (node, NULL);

  g_assert_nonnull (item);
  g_assert_cmpint (desk_invoice_item_get_price (item), >=, 0);
  g_assert_cmpint (desk_tax_class_get_tax_percent (desk_invoice_item_get_tax_class (item)), >=, 0);
}

static void
test_line_total_checked (void)
{
  gint64 total = 0;

  g_assert_true (desk_money_checked_line_total (1999, 3, 500, &total));
  g_assert_cmpint (total, ==, 5497);

  g_assert_false (desk_money_checked_line_total (G_MAXINT64 / 2, 3, 0, &total));
  g_assert_false (desk_money_checked_line_total (DESK_MONEY_MAX, 2, 0, &total));
  g_assert_false (desk_money_checked_line_total (1000, 1, G_MININT64, &total));

  /* The plain functions saturate instead of wrapping. */
  g_assert_cmpint (desk_money_line_total (G_MAXINT64 / 2, 3, 0), ==, DESK_MONEY_MAX);
  g_assert_cmpint (desk_money_line_total (-(G_MAXINT64 / 2), 3, 0), ==, -DESK_MONEY_MAX);
}

static void
test_tax_checked (void)
{
  gint64 tax = 0;

  g_assert_true (desk_money_checked_tax (10000, 8750, &tax));
  g_assert_cmpint (tax, ==, 875);

  g_assert_false (desk_money_checked_tax (DESK_MONEY_MAX, DESK_PERCENT_MAX + 1, &tax));
  g_assert_false (desk_money_checked_tax (G_MAXINT64 / 3, 20000, &tax));
  g_assert_true (desk_money_checked_tax (DESK_MONEY_MAX, 20000, &tax));
  g_assert_cmpint (tax, ==, DESK_MONEY_MAX / 5);

  g_assert_cmpint (desk_money_tax (G_MAXINT64 / 3, 20000), >, 0);
  g_assert_cmpint (desk_money_tax (-(G_MAXINT64 / 3), 20000), <, 0);
}

static void
test_totals_checked (void)
{
  DeskTotals totals;

  desk_totals_init (&totals);
  desk_totals_add_line (&totals, 1000, 2, 0, 10000);
  g_assert_false (totals.out_of_range);
  g_assert_cmpint (totals.total, ==, 2200);

  desk_totals_add_line (&totals, DESK_MONEY_MAX, 10000, 0, 20000);
  g_assert_true (totals.out_of_range);
  g_assert_cmpint (totals.subtotal, >, 0);
  g_assert_cmpint (totals.total, >, 0);
  g_assert_cmpint (totals.due, >, 0);

  /* Many lines near the limit do not wrap either. */
  desk_totals_init (&totals);
  for (guint i = 0; i < 20; i++)
    desk_totals_add_line (&totals, DESK_MONEY_MAX, 1, 0, 0);
  g_assert_true (totals.out_of_range);
  g_assert_cmpint (totals.total, ==, DESK_MONEY_MAX);

  desk_totals_init (&totals);
  desk_totals_add_payment (&totals, G_MAXINT64);
  desk_totals_add_payment (&totals, G_MAXINT64);
  g_assert_true (totals.out_of_range);
  g_assert_cmpint (totals.paid, >, 0);
  g_assert_cmpint (totals.due, <, 0);
}

/* An invoice's totals from its lines: price × quantity near the limit. */
static void
test_invoice_totals (void)
{
  g_autoptr(JsonNode) node = node_from (
    "{\"summary\":{\"id\":\"4\"},\"items\":["
    "{\"id\":\"1\",\"price\":\"9999999999999.00\",\"quantity\":\"9223372036854775\"},"
    "{\"id\":\"2\",\"price\":\"10.00\",\"quantity\":\"1\"}]}");
  g_autoptr(DeskInvoice) invoice = desk_invoice_new_from_json (node, NULL);
  DeskTotals totals;

  g_assert_nonnull (invoice);
  desk_invoice_compute_totals (invoice, &totals);
  g_assert_true (totals.out_of_range);
  g_assert_cmpint (totals.subtotal, >, 0);
  g_assert_cmpint (totals.total, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/money-range/json-money-refused", test_json_money_refused);
  g_test_add_func ("/money-range/json-money-in-range", test_json_money_in_range);
  g_test_add_func ("/money-range/json-percent-refused", test_json_percent_refused);
  g_test_add_func ("/money-range/record-price", test_record_price);
  g_test_add_func ("/money-range/line-total-checked", test_line_total_checked);
  g_test_add_func ("/money-range/tax-checked", test_tax_checked);
  g_test_add_func ("/money-range/totals-checked", test_totals_checked);
  g_test_add_func ("/money-range/invoice-totals", test_invoice_totals);

  return g_test_run ();
}
