/* test-money-plain.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "desk-money.h"

/* Plain amounts ("75.00", "$77.40", "0"), which desk_money_parse() reads at once, read as
 * the general way reads them: the same text with a blank in front takes that way. Every
 * length of whole part, with and without cents and a dollar sign, up to those too large
 * for an amount. */

static void
check_same (const char *text)
{
  g_autofree char *padded = g_strconcat (" ", text, NULL);
  g_autofree char *currency = NULL;
  g_autofree char *padded_currency = NULL;
  gint64 cents = -1;
  gint64 padded_cents = -2;
  gboolean ok = desk_money_parse (text, &cents, &currency);
  gboolean padded_ok = desk_money_parse (padded, &padded_cents, &padded_currency);

  g_test_message ("parsing '%s'", text);
  g_assert_cmpint (ok, ==, padded_ok);
  g_assert_cmpstr (currency, ==, padded_currency);
  if (!ok)
    return;
  g_assert_cmpint (cents, ==, padded_cents);

  /* Without asking for the currency, the same amount. */
  cents = -1;
  g_assert_true (desk_money_parse (text, &cents, NULL));
  g_assert_cmpint (cents, ==, padded_cents);
}

static void
test_plain_same_as_general (void)
{
  const char *prefixes[] = { "", "$" };
  const char *suffixes[] = { "", ".00", ".05", ".40", ".99", ".5", ".123", ",00", "." };

  for (guint digits = 1; digits <= 17; digits++)
    {
      g_autoptr(GString) whole = g_string_new (NULL);

      /* 1, 12, 123, ... and 9, 99, 999, ...: the largest of each length too. */
      for (guint i = 0; i < digits; i++)
        g_string_append_c (whole, '1' + i % 9);

      for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
        for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
          {
            g_autofree char *text = g_strconcat (prefixes[p], whole->str, suffixes[s], NULL);
            g_autofree char *nines = g_strnfill (digits, '9');
            g_autofree char *nines_text = g_strconcat (prefixes[p], nines, suffixes[s], NULL);

            check_same (text);
            check_same (nines_text);
          }
    }

  check_same ("0");
  check_same ("00.00");
  check_same ("$0.00");
  check_same ("$$1.00");
  check_same ("1.00$");
}

static void
test_plain_values (void)
{
  struct
  {
    const char *text;
    gint64      cents;
    const char *currency;
  } cases[] = {
    { "75.00", 7500, NULL },
    { "$77.40", 7740, "$" },
    { "0", 0, NULL },
    { "0.00", 0, NULL },
    { "100", 10000, NULL },
    { "9999999999999.99", G_GINT64_CONSTANT (999999999999999), NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *currency = NULL;
      gint64 cents = -1;

      g_test_message ("parsing '%s'", cases[i].text);
      g_assert_true (desk_money_parse (cases[i].text, &cents, &currency));
      g_assert_cmpint (cents, ==, cases[i].cents);
      g_assert_cmpstr (currency, ==, cases[i].currency);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money-plain/same-as-general", test_plain_same_as_general);
  g_test_add_func ("/money-plain/values", test_plain_values);

  return g_test_run ();
}
