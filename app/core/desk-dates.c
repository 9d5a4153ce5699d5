/* desk-dates.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-dates"

#include "config.h"

#include "desk-dates.h"

/* Every date on screen goes through here, so that lists, details and forms agree. */

/**
 * desk_format_date:
 * @unix_time: unix seconds; 0 or less for none
 *
 * The locale's own date format (as `%x`), in local time, with no padding.
 *
 * Returns: (transfer full): the date for people, or an em dash for none
 */
char *
desk_format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) date = NULL;
  char *text;

  if (unix_time <= 0 || (date = g_date_time_new_from_unix_local (unix_time)) == NULL)
    return g_strdup ("—");

  /* Some locales pad the day with a space; stripped in place, as lists call this a lot. */
  text = g_date_time_format (date, "%x");
  return text != NULL ? g_strstrip (text) : g_strdup ("—");
}
