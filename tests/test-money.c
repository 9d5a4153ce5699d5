/* test-money.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "desk-money.h"

typedef struct
{
  const char *text;
  gint64      cents;
  const char *currency;
} MoneyCase;

/* Every form the live server has been seen to send. */
static const MoneyCase money_cases[] = {
  { "75.00", 7500, NULL },
  { "$77.40", 7740, "$" },
  { "-$20.00", -2000, "$" },
  { "$-20.00", -2000, "$" },
  { "USD  100.00", 10000, "USD" },
  { "1.234,56", 123456, NULL },
  { "1,234.56", 123456, NULL },
  { "1,234", 123400, NULL },
  { "0", 0, NULL },
  { "0.5", 50, NULL },
  { "  1.234 ", 123400, NULL },
  { "100,00 €", 10000, "€" },
  { "1 234,50", 123450, NULL },
};

static void
test_money_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (money_cases); i++)
    {
      const MoneyCase *c = &money_cases[i];
      g_autofree char *currency = NULL;
      gint64 cents = -1;

      g_test_message ("parsing %s", c->text);
      g_assert_true (desk_money_parse (c->text, &cents, &currency));
      g_assert_cmpint (cents, ==, c->cents);
      g_assert_cmpstr (currency, ==, c->currency);
    }
}

static void
test_money_parse_invalid (void)
{
  const char *bad[] = { "", "$", "abc", "--", NULL };
  gint64 cents = 42;

  g_assert_false (desk_money_parse (NULL, &cents, NULL));
  for (guint i = 0; bad[i] != NULL; i++)
    g_assert_false (desk_money_parse (bad[i], &cents, NULL));
}

static void
test_money_percent (void)
{
  gint64 milli = -1;

  g_assert_true (desk_money_parse_percent ("8.750", &milli));
  g_assert_cmpint (milli, ==, 8750);
  g_assert_true (desk_money_parse_percent ("0.000", &milli));
  g_assert_cmpint (milli, ==, 0);
  g_assert_true (desk_money_parse_percent ("11.8", &milli));
  g_assert_cmpint (milli, ==, 11800);
  g_assert_true (desk_money_parse_percent ("20", &milli));
  g_assert_cmpint (milli, ==, 20000);
  g_assert_true (desk_money_parse_percent ("1,5%", &milli));
  g_assert_cmpint (milli, ==, 1500);
  g_assert_false (desk_money_parse_percent (NULL, &milli));
  g_assert_false (desk_money_parse_percent ("n/a", &milli));
}

static void
test_money_api_text (void)
{
  g_autofree char *a = desk_money_to_api (11636);
  g_autofree char *b = desk_money_to_api (-2000);
  g_autofree char *c = desk_money_to_api (5);

  g_assert_cmpstr (a, ==, "116.36");
  g_assert_cmpstr (b, ==, "-20.00");
  g_assert_cmpstr (c, ==, "0.05");
}

static void
test_money_format (void)
{
  g_autofree char *a = desk_money_format (123456, "$");
  g_autofree char *b = desk_money_format (-2000, "$");
  g_autofree char *c = desk_money_format (10000, "USD");
  g_autofree char *d = desk_money_format (7, NULL);

  g_assert_cmpstr (a, ==, "$1,234.56");
  g_assert_cmpstr (b, ==, "-$20.00");
  g_assert_cmpstr (c, ==, "USD 100.00");
  g_assert_cmpstr (d, ==, "0.07");
}

static void
test_money_totals (void)
{
  /* The sample invoice: 50.00 at 11.800 % is 5.90 of tax. */
  g_assert_cmpint (desk_money_tax (5000, 11800), ==, 590);
  /* 116.36 at 20 % is 23.272, kept as 23.27. */
  g_assert_cmpint (desk_money_tax (11636, 20000), ==, 2327);
  g_assert_cmpint (desk_money_tax (-1000, 8750), ==, -88);
  g_assert_cmpint (desk_money_line_total (2000, 1, 1000), ==, 1000);
  g_assert_cmpint (desk_money_line_total (667, 3, 0), ==, 2001);
}

/* The lines of a three-line invoice: 65.00; 20.00 less 10.00; 50.00 at 11.800 %. Its
 * subtotal is 135.00, discount 10.00, tax 5.90 and total 130.90, paid in full. */
static void
test_money_invoice_totals (void)
{
  DeskTotals t;

  desk_totals_init (&t);
  g_assert_cmpint (desk_totals_add_line (&t, 6500, 1, 0, 0), ==, 0);
  g_assert_cmpint (desk_totals_add_line (&t, 2000, 1, 1000, 0), ==, 0);
  g_assert_cmpint (desk_totals_add_line (&t, 5000, 1, 0, 11800), ==, 590);
  g_assert_cmpint (t.subtotal, ==, 13500);
  g_assert_cmpint (t.discount, ==, 1000);
  g_assert_cmpint (t.tax, ==, 590);
  g_assert_cmpint (t.total, ==, 13090);
  g_assert_cmpint (t.due, ==, 13090);

  desk_totals_add_payment (&t, 13090);
  g_assert_cmpint (t.paid, ==, 13090);
  g_assert_cmpint (t.due, ==, 0);

  /* Overpaid by 20.00: the due amount goes negative, as the server shows it. */
  desk_totals_add_payment (&t, 2000);
  g_assert_cmpint (t.due, ==, -2000);
}

/* Tax is rounded per line, not on the sum: three lines of 0.10 at 25 % are 0.03 each,
 * 0.09 in all, where the sum would give 0.08. */
static void
test_money_tax_per_line (void)
{
  DeskTotals t;

  desk_totals_init (&t);
  for (guint i = 0; i < 3; i++)
    desk_totals_add_line (&t, 10, 1, 0, 25000);
  g_assert_cmpint (t.tax, ==, 9);
  g_assert_cmpint (t.total, ==, 39);

  /* Quantity multiplies before the discount. */
  desk_totals_init (&t);
  g_assert_cmpint (desk_totals_add_line (&t, 1250, 2, 500, 7000), ==, 140);
  g_assert_cmpint (t.subtotal, ==, 2500);
  g_assert_cmpint (t.total, ==, 2140);
}

int
main (int   argc,
      char *argv[])
{
  /* The format test expects the C locale's grouping fallback. */
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/money/parse", test_money_parse);
  g_test_add_func ("/money/parse-invalid", test_money_parse_invalid);
  g_test_add_func ("/money/percent", test_money_percent);
  g_test_add_func ("/money/api-text", test_money_api_text);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/money/totals", test_money_totals);
  g_test_add_func ("/money/invoice-totals", test_money_invoice_totals);
  g_test_add_func ("/money/tax-per-line", test_money_tax_per_line);

  return g_test_run ();
}
