/* desk-money.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-money"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "desk-money.h"

/* Money is kept in integer minor units (cents) from the moment it leaves the JSON: a
 * double would turn "0.10" + "0.20" into a receipt that does not add up. */

static gboolean
is_separator (char c)
{
  return c == '.' || c == ',';
}

/* Picks the decimal separator of a number written with digits, '.' and ','. The last
 * separator is the decimal one unless it is followed by exactly three digits and is the
 * only kind present ("1,234" is a thousand, "1.234,56" and "75.00" are what they look
 * like). Returns the index of the decimal separator, or -1 for a whole number. */
static int
find_decimal (const char *digits,
              gsize       len)
{
  int last = -1;
  gboolean has_dot = FALSE;
  gboolean has_comma = FALSE;
  guint n_last = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (digits[i] == '.')
        has_dot = TRUE;
      else if (digits[i] == ',')
        has_comma = TRUE;

      if (is_separator (digits[i]))
        {
          if (last >= 0 && digits[last] == digits[i])
            n_last++;
          else
            n_last = 1;
          last = (int) i;
        }
    }

  if (last < 0)
    return -1;

  /* The same separator twice ("1,234,567") can only be grouping. */
  if (n_last > 1)
    return -1;

  if (!(has_dot && has_comma) && len - last - 1 == 3)
    return -1;

  return last;
}

/* Reads the number part into thousandths so that both money (two decimals) and percent
 * (three decimals) can share it. */
static gboolean
parse_fixed (const char *digits,
             gsize       len,
             int         decimal,
             guint       n_decimals,
             gint64     *value)
{
  gint64 whole = 0;
  gint64 frac = 0;
  guint n_frac = 0;
  gboolean round_up = FALSE;
  gboolean any = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = digits[i];

      if ((int) i == decimal || is_separator (c) || c == ' ' || c == '\'')
        continue;
      if (!g_ascii_isdigit (c))
        return FALSE;

      any = TRUE;
      if (decimal >= 0 && (int) i > decimal)
        {
          if (n_frac < n_decimals)
            {
              frac = frac * 10 + (c - '0');
              n_frac++;
            }
          else if (n_frac == n_decimals)
            {
              round_up = c >= '5';
              n_frac++;
            }
        }
      else
        {
          if (whole > G_MAXINT64 / 100000)
            return FALSE;
          whole = whole * 10 + (c - '0');
        }
    }

  if (!any)
    return FALSE;

  for (; n_frac < n_decimals; n_frac++)
    frac *= 10;

  *value = whole;
  for (guint i = 0; i < n_decimals; i++)
    *value *= 10;
  *value += frac + (round_up ? 1 : 0);

  return TRUE;
}

/* Collects the currency text; an overlong one means the text is not an amount. */
static gboolean
append_currency (char  *cur,
                 gsize *n_cur,
                 char   c)
{
  if (*n_cur >= 31)
    return FALSE;

  cur[(*n_cur)++] = c;
  return TRUE;
}

/* Most amounts are plain: digits, maybe cents, maybe a dollar sign ("75.00", "$77.40",
 * "0"). This reads those at once, as the general way reads them; it returns FALSE,
 * leaving @cents alone, for any other text. Thirteen digits before the point stay under
 * both DESK_MONEY_MAX and the general way's overflow check. */
static gboolean
parse_plain (const char  *text,
             gint64      *cents,
             char       **currency)
{
  gsize first = text[0] == '$' ? 1 : 0;
  gsize i = first;
  gint64 whole = 0;

  for (; g_ascii_isdigit (text[i]) && i - first < 13; i++)
    whole = whole * 10 + (text[i] - '0');

  if (i == first)
    return FALSE;

  if (text[i] == '\0')
    {
      *cents = whole * 100;
    }
  else if (text[i] == '.' && g_ascii_isdigit (text[i + 1]) && g_ascii_isdigit (text[i + 2]) &&
           text[i + 3] == '\0')
    {
      *cents = whole * 100 + (text[i + 1] - '0') * 10 + (text[i + 2] - '0');
    }
  else
    {
      return FALSE;
    }

  if (currency != NULL && first == 1)
    *currency = g_strndup (text, 1);

  return TRUE;
}

/**
 * desk_money_parse:
 * @text: an amount as RepairDesk writes it ("75.00", "$77.40", "-$20.00",
 *   "USD  100.00", "1.234,56", "0")
 * @cents: (out): the amount in minor units
 * @currency: (out) (optional) (nullable) (transfer full): the currency text, if any
 *
 * Returns: %TRUE if @text held an amount
 */
gboolean
desk_money_parse (const char  *text,
                  gint64      *cents,
                  char       **currency)
{
  /* No allocation on the way: a list page holds tens of thousands of amounts. */
  char cur[32];
  gsize n_cur = 0;
  gboolean negative = FALSE;
  const char *start;
  const char *end;
  const char *p;

  g_return_val_if_fail (cents != NULL, FALSE);

  if (currency != NULL)
    *currency = NULL;
  if (text == NULL)
    return FALSE;

  if (parse_plain (text, cents, currency))
    return TRUE;

  p = text;

  /* Leading sign and currency, in either order: "-$20.00", "$-20.00", "USD  100.00". */
  while (*p != '\0' && !g_ascii_isdigit (*p) && !is_separator (*p))
    {
      if (*p == '-' || *p == '(')
        negative = TRUE;
      else if (!g_ascii_isspace (*p) && *p != '+' && !append_currency (cur, &n_cur, *p))
        return FALSE;
      p++;
    }

  start = p;
  while (*p != '\0' && (g_ascii_isdigit (*p) || is_separator (*p) || *p == '\'' ||
                        (*p == ' ' && g_ascii_isdigit (p[1]))))
    p++;
  end = p;

  /* A trailing currency ("100,00 €") or closing parenthesis. A digit there is no
   * currency: "1e300" is a number in exponent notation, not 1.00 in "e300". */
  for (; *p != '\0'; p++)
    {
      if (*p == '-' || *p == ')')
        negative = TRUE;
      else if (g_ascii_isdigit (*p))
        return FALSE;
      else if (!g_ascii_isspace (*p) && !append_currency (cur, &n_cur, *p))
        return FALSE;
    }

  if (!parse_fixed (start, end - start, find_decimal (start, end - start), 2, cents))
    return FALSE;

  if (*cents > DESK_MONEY_MAX)
    {
      *cents = 0;
      return FALSE;
    }

  if (negative)
    *cents = -*cents;

  if (currency != NULL && n_cur > 0)
    *currency = g_strndup (cur, n_cur);

  return TRUE;
}

/**
 * desk_money_parse_percent:
 * @text: a percentage as RepairDesk writes it ("8.750", "0.000")
 * @millipercent: (out): thousandths of a percent (8.750 % is 8750)
 *
 * Returns: %TRUE if @text held a percentage
 */
gboolean
desk_money_parse_percent (const char *text,
                          gint64     *millipercent)
{
  g_autofree char *copy = NULL;
  const char *p;
  gsize len;

  g_return_val_if_fail (millipercent != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  len = strlen (copy);
  if (len > 0 && copy[len - 1] == '%')
    copy[--len] = '\0';

  /* A percentage always has a decimal point ("8.750") and never digit grouping, so the
   * money rule that reads "1,234" as a thousand does not apply. */
  p = strrchr (copy, '.');
  if (p == NULL)
    p = strrchr (copy, ',');

  if (!parse_fixed (copy, len, p != NULL ? (int) (p - copy) : -1, 3, millipercent))
    return FALSE;

  if (*millipercent > DESK_PERCENT_MAX)
    {
      *millipercent = 0;
      return FALSE;
    }

  return TRUE;
}

/**
 * desk_money_to_api:
 * @cents: an amount in minor units
 *
 * Returns: (transfer full): the amount as the API expects it in a request ("116.36")
 */
char *
desk_money_to_api (gint64 cents)
{
  guint64 abs_cents = cents < 0 ? (guint64) -cents : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          cents < 0 ? "-" : "",
                          abs_cents / 100,
                          (guint) (abs_cents % 100));
}

static void
append_grouped (GString    *out,
                guint64     whole,
                const char *group)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, whole);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, group);
      g_string_append_c (out, digits[i]);
    }
}

/**
 * desk_money_format:
 * @cents: an amount in minor units
 * @currency: (nullable): the currency text from the server ("$", "USD")
 *
 * Formats an amount for the user's locale: its decimal point and digit grouping.
 *
 * Returns: (transfer full): the amount for display ("$1,234.56", "-$20.00", "USD 100.00")
 */
char *
desk_money_format (gint64      cents,
                   const char *currency)
{
  struct lconv *lc = localeconv ();
  const char *point = lc->mon_decimal_point && *lc->mon_decimal_point ? lc->mon_decimal_point : ".";
  const char *group = lc->mon_thousands_sep && *lc->mon_thousands_sep ? lc->mon_thousands_sep : ",";
  guint64 abs_cents = cents < 0 ? (guint64) -cents : (guint64) cents;
  GString *out = g_string_new (NULL);

  if (cents < 0)
    g_string_append_c (out, '-');

  if (currency != NULL && *currency != '\0')
    {
      g_string_append (out, currency);
      /* A code ("USD") is set apart from the number, a symbol ("$") is not. */
      if (g_ascii_isalpha (currency[strlen (currency) - 1]))
        g_string_append_c (out, ' ');
    }

  append_grouped (out, abs_cents / 100, group);
  g_string_append_printf (out, "%s%02u", point, (guint) (abs_cents % 100));

  return g_string_free (out, FALSE);
}

/**
 * desk_money_line_total:
 * @price: unit price in minor units
 * @quantity: how many
 * @discount: the line discount in minor units
 *
 * Returns: price × quantity − discount
 */
static gboolean
in_range (gint64 value)
{
  return value >= -DESK_MONEY_MAX && value <= DESK_MONEY_MAX;
}

static gint64
saturate (gint64 value)
{
  return CLAMP (value, -DESK_MONEY_MAX, DESK_MONEY_MAX);
}

/**
 * desk_money_checked_line_total:
 * @price: the unit price
 * @quantity: how many
 * @discount: the line's discount
 * @total: (out): @price × @quantity − @discount
 *
 * Returns: %FALSE, with @total stopped at ±%DESK_MONEY_MAX, if the result or a step on
 *   the way is out of range
 */
gboolean
desk_money_checked_line_total (gint64  price,
                               gint64  quantity,
                               gint64  discount,
                               gint64 *total)
{
  gint64 gross;
  gint64 net;

  if (__builtin_mul_overflow (price, quantity, &gross))
    {
      *total = (price < 0) != (quantity < 0) ? -DESK_MONEY_MAX : DESK_MONEY_MAX;
      return FALSE;
    }

  if (__builtin_sub_overflow (gross, discount, &net))
    {
      *total = discount > 0 ? -DESK_MONEY_MAX : DESK_MONEY_MAX;
      return FALSE;
    }

  *total = saturate (net);

  return in_range (gross) && in_range (discount) && in_range (net);
}

gint64
desk_money_line_total (gint64 price,
                       gint64 quantity,
                       gint64 discount)
{
  gint64 total;

  desk_money_checked_line_total (price, quantity, discount, &total);

  return total;
}

/**
 * desk_money_checked_tax:
 * @amount: the taxed amount
 * @millipercent: the rate in thousandths of a percent
 * @tax: (out): the tax, rounded half away from zero to the minor unit
 *
 * Returns: %FALSE, with @tax stopped at ±%DESK_MONEY_MAX, if @amount, the rate or the
 *   tax is out of range
 */
gboolean
desk_money_checked_tax (gint64  amount,
                        gint64  millipercent,
                        gint64 *tax)
{
  gboolean ok = in_range (amount) && millipercent >= -DESK_PERCENT_MAX &&
                millipercent <= DESK_PERCENT_MAX;
  __int128 scaled;
  __int128 rounded;
  __int128 half = 50000;

  /* The product of two factors in range (10^15 × 10^6) needs more than 64 bits. */
  amount = saturate (amount);
  millipercent = CLAMP (millipercent, -DESK_PERCENT_MAX, DESK_PERCENT_MAX);
  scaled = (__int128) amount * millipercent;
  rounded = scaled >= 0 ? (scaled + half) / 100000 : -((-scaled + half) / 100000);

  if (rounded > DESK_MONEY_MAX || rounded < -DESK_MONEY_MAX)
    {
      rounded = rounded > 0 ? DESK_MONEY_MAX : -DESK_MONEY_MAX;
      ok = FALSE;
    }
  *tax = (gint64) rounded;

  return ok;
}

gint64
desk_money_tax (gint64 amount,
                gint64 millipercent)
{
  gint64 tax;

  desk_money_checked_tax (amount, millipercent, &tax);

  return tax;
}

/* Adds to a running total. Both are within ±DESK_MONEY_MAX, so the sum cannot wrap; a
 * sum past the limit stops there and marks the totals. */
static void
add_checked (DeskTotals *totals,
             gint64     *sum,
             gint64      value)
{
  gint64 result = *sum + saturate (value);

  if (!in_range (value) || !in_range (result))
    totals->out_of_range = TRUE;

  *sum = saturate (result);
}

void
desk_totals_init (DeskTotals *totals)
{
  memset (totals, 0, sizeof *totals);
}

/* Every figure is within ±DESK_MONEY_MAX, so these cannot wrap; they may pass the limit. */
static void
update_due (DeskTotals *totals)
{
  gint64 total = totals->subtotal - totals->discount + totals->tax;
  gint64 due;

  if (!in_range (total))
    totals->out_of_range = TRUE;
  totals->total = saturate (total);

  due = totals->total - totals->paid;
  if (!in_range (due))
    totals->out_of_range = TRUE;
  totals->due = saturate (due);
}

/**
 * desk_totals_add_line:
 * @totals: the totals
 * @price: unit price in minor units
 * @quantity: how many
 * @discount: the line discount in minor units
 * @millipercent: the line's tax class rate in thousandths of a percent
 *
 * Adds a line. The tax is taken on the discounted line total and rounded per line, as
 * the server's invoices show it (50.00 at 11.800 % is 5.90).
 *
 * Returns: the tax of this line
 */
gint64
desk_totals_add_line (DeskTotals *totals,
                      gint64      price,
                      gint64      quantity,
                      gint64      discount,
                      gint64      millipercent)
{
  gint64 gross;
  gint64 net;
  gint64 tax;

  gboolean ok;

  /* Each checked step leaves its result within range, even when it fails. */
  ok = desk_money_checked_line_total (price, quantity, 0, &gross);
  ok &= desk_money_checked_line_total (price, quantity, discount, &net);
  ok &= desk_money_checked_tax (net, millipercent, &tax);
  if (!ok)
    totals->out_of_range = TRUE;

  add_checked (totals, &totals->subtotal, gross);
  add_checked (totals, &totals->discount, discount);
  add_checked (totals, &totals->tax, tax);
  update_due (totals);

  return tax;
}

/**
 * desk_totals_add_payment:
 * @totals: the totals
 * @amount: a payment in minor units (negative for a refund)
 */
void
desk_totals_add_payment (DeskTotals *totals,
                         gint64      amount)
{
  add_checked (totals, &totals->paid, amount);
  update_due (totals);
}
