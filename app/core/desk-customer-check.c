/* desk-customer-check.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-customer-check"

#include "config.h"

#include <string.h>

#include "desk-customer-check.h"

/* The shapes the customer form accepts. They are deliberately loose: they catch a slip of
 * the finger at the counter (a missing "@", a letter in a number), not every address the
 * mail system would refuse. */

#define PHONE_MIN_DIGITS 6
#define PHONE_MAX_DIGITS 15  /* E.164 */

/* name@domain.tld: one "@", something before it, a dot inside the domain, no spaces. */
gboolean
desk_customer_check_email (const char *text)
{
  const char *at;
  const char *dot;

  if (text == NULL || strchr (text, ' ') != NULL)
    return FALSE;

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;

  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* Digits with the punctuation people write numbers with; a "+" only in front. */
gboolean
desk_customer_check_phone (const char *text)
{
  guint digits = 0;

  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '+' && p == text)
        continue;
      else if (strchr (" -().", *p) == NULL)
        return FALSE;
    }

  return digits >= PHONE_MIN_DIGITS && digits <= PHONE_MAX_DIGITS;
}

/* The digits alone, so that "(555) 010-1234" and "555 010 1234" compare equal. */
char *
desk_customer_phone_digits (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

gboolean
desk_customer_same_phone (const char *a,
                          const char *b)
{
  g_autofree char *da = desk_customer_phone_digits (a);
  g_autofree char *db = desk_customer_phone_digits (b);

  return *da != '\0' && g_str_equal (da, db);
}

/* Label markup for a tel: or mailto: link; NULL when there is nothing to link. */
char *
desk_customer_link_markup (const char *scheme,
                           const char *text)
{
  g_autofree char *target = NULL;

  if (text == NULL || *text == '\0')
    return NULL;

  if (g_str_equal (scheme, "tel"))
    {
      g_autofree char *digits = desk_customer_phone_digits (text);

      target = g_strconcat (text[0] == '+' ? "+" : "", digits, NULL);
    }
  else
    target = g_uri_escape_string (text, "@", FALSE);

  return g_markup_printf_escaped ("<a href=\"%s:%s\">%s</a>", scheme, target, text);
}

/* A name with the stray spaces some lists hold taken out: "Leila  King " is "Leila King". */
char *
desk_customer_tidy_name (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name != NULL ? name : "", " \t", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (builder, words[i]);

  kept = g_strv_builder_end (builder);
  return g_strjoinv (" ", kept);
}
