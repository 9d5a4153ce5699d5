/* desk-sandbox-query.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-sandbox"

#include "config.h"

#include <string.h>

#include "desk-sandbox-private.h"

/* The query parameters of the list routes, read as leniently as the real server reads
 * them: a value that is not a number is as good as none. */

#define DAY (24 * 60 * 60)
#define MAX_PAGE_SIZE 1000

const char *
query_str (DeskRequest *req,
           const char  *key)
{
  const char *value = req->query != NULL ? g_hash_table_lookup (req->query, key) : NULL;

  return value != NULL && *value != '\0' ? value : NULL;
}

gint64
query_int (DeskRequest *req,
           const char  *key,
           gint64       fallback)
{
  const char *text = query_str (req, key);
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT64 / 2, G_MAXINT64 / 2,
                                                 &value, NULL))
    return fallback;

  return value;
}

/* Without from_date, to_date or filter the server answers with today's records only;
 * filter=0 lifts that, filter=1 is yesterday, filter=N is the last N days.
 * Returns FALSE when the list is not restricted to dates at all. */
gboolean
query_date_range (DeskRequest *req,
                  gint64      *from,
                  gint64      *to)
{
  gint64 filter;

  if (query_str (req, "from_date") != NULL || query_str (req, "to_date") != NULL)
    {
      *from = query_int (req, "from_date", 0);
      *to = query_int (req, "to_date", G_MAXINT64 / 2);
      return TRUE;
    }

  filter = query_int (req, "filter", -1);
  if (filter == 0)
    return FALSE;

  if (filter == 1)
    {
      *from = req->midnight - DAY;
      *to = req->midnight - 1;
    }
  else if (filter > 1)
    {
      *from = req->now - filter * DAY;
      *to = G_MAXINT64 / 2;
    }
  else
    {
      *from = req->midnight;
      *to = req->midnight + DAY - 1;
    }

  return TRUE;
}

/* Page 0 and page 1 are both the first page (the documentation says 0, the server
 * reports 1). */
void
query_paging (DeskRequest *req,
              gint64       default_size,
              gint64      *page,
              gint64      *size)
{
  *page = MAX (query_int (req, "page", 1), 1);
  *size = query_int (req, "pagesize", default_size);
  if (*size <= 0)
    *size = default_size;
  *size = MIN (*size, MAX_PAGE_SIZE);
  /* Keeps the offset inside what SQLite can take. */
  *page = MIN (*page, G_MAXINT32);
}

JsonObject *
pagination_new (gint64 page,
                gint64 size,
                gint64 total)
{
  JsonObject *o = json_object_new ();
  gint64 pages = (total + size - 1) / size;

  jset_int (o, "page", page);
  jset_int (o, "per_page", size);
  jset_int (o, "total_records", total);
  jset_int (o, "total_pages", pages);
  jset_int (o, "next_page_exist", page < pages ? 1 : 0);
  jset_int (o, "next_page", page < pages ? page + 1 : 0);
  jset_int (o, "previous_page_exist", page > 1 ? 1 : 0);
  jset_int (o, "previous_page", page > 1 ? page - 1 : 0);

  return o;
}

/* "%keyword%" for LIKE ... ESCAPE '\', with the keyword's own wildcards taken literally. */
char *
like_pattern (const char *keyword)
{
  GString *out = g_string_new ("%");

  for (const char *p = keyword; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '%');

  return g_string_free (out, FALSE);
}
