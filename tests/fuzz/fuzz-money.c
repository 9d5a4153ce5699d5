/* fuzz-money.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* desk_money_parse() and desk_money_parse_percent() on any text, and what Front Desk does
 * with an amount once read: write it back for the API (which must read back the same),
 * format it, and sum it into totals. */

#include "config.h"

#include "desk-money.h"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_common_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_dup_string (data, size);
  g_autofree char *currency = NULL;
  gint64 cents = 0;
  gint64 millipercent = 0;

  if (desk_money_parse (text, &cents, &currency))
    {
      g_autofree char *api = desk_money_to_api (cents);
      g_autofree char *shown = desk_money_format (cents, currency);
      gint64 again = 0;
      DeskTotals totals;

      g_assert_cmpint (cents, <=, DESK_MONEY_MAX);
      g_assert_cmpint (cents, >=, -DESK_MONEY_MAX);
      g_assert_true (desk_money_parse (api, &again, NULL));
      g_assert_cmpint (again, ==, cents);
      g_assert_nonnull (shown);

      desk_totals_init (&totals);
      desk_totals_add_line (&totals, cents, 3, cents / 7, 8750);
      desk_totals_add_line (&totals, cents, cents, 0, DESK_PERCENT_MAX);
      desk_totals_add_payment (&totals, cents);
      desk_totals_add_payment (&totals, -cents);
      g_assert_cmpint (totals.total, <=, DESK_MONEY_MAX);
      g_assert_cmpint (totals.total, >=, -DESK_MONEY_MAX);
      g_assert_cmpint (totals.due, <=, DESK_MONEY_MAX);
      g_assert_cmpint (totals.due, >=, -DESK_MONEY_MAX);
    }
  else
    {
      g_assert_null (currency);
    }

  if (desk_money_parse_percent (text, &millipercent))
    {
      gint64 tax = 0;

      g_assert_cmpint (millipercent, <=, DESK_PERCENT_MAX);
      desk_money_checked_tax (DESK_MONEY_MAX, millipercent, &tax);
      desk_money_checked_tax (-DESK_MONEY_MAX, millipercent, &tax);
      g_assert_cmpint (tax, <=, DESK_MONEY_MAX);
      g_assert_cmpint (tax, >=, -DESK_MONEY_MAX);
    }

  return 0;
}
