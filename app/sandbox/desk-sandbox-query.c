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
      /* More than a century back is all of it (and keeps the product in range). */
      *from = req->now - MIN (filter, 36500) * DAY;
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

/* Binds what the ticket and invoice lists share: the dates (?1, ?2), the keyword pattern
 * (?3) and the status (?4). An unrestricted list spans all time, so that the date index
 * serves every query. */
void
bind_list_filter (DeskRequest  *req,
                  sqlite3_stmt *stmt,
                  const char   *like,
                  const char   *status)
{
  gint64 from, to;

  if (!query_date_range (req, &from, &to))
    {
      from = G_MININT64;
      to = G_MAXINT64;
    }
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  if (like != NULL)
    sqlite3_bind_text (stmt, 3, like, -1, SQLITE_STATIC);
  if (status != NULL)
    sqlite3_bind_text (stmt, 4, status, -1, SQLITE_STATIC);
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

/* The paged reply of a list: counts with @count, then reads one page of ids with @select
 * (both bound to the filters already; @select takes LIMIT and OFFSET as parameters
 * @limit_param and @limit_param + 1) and turns each id into a record under
 * data.@array_name, with the pagination beside it. An empty page is the server's
 * "No Result Found". */
gboolean
desk_paged_reply (DeskRequest   *req,
                  sqlite3_stmt  *count,
                  sqlite3_stmt  *select,
                  int            limit_param,
                  gint64         default_size,
                  const char    *array_name,
                  DeskRecordFunc record,
                  GError       **error)
{
  g_autoptr(JsonObject) data = NULL;
  JsonArray *records;
  gint64 page, size, total = 0;

  query_paging (req, default_size, &page, &size);
  if (sqlite3_step (count) == SQLITE_ROW)
    total = sqlite3_column_int64 (count, 0);
  sqlite3_reset (count);

  if (total <= (page - 1) * size)
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_NO_RESULT, "No Result Found");

  data = json_object_new ();
  records = jset_array (data, array_name);
  sqlite3_bind_int64 (select, limit_param, size);
  sqlite3_bind_int64 (select, limit_param + 1, (page - 1) * size);
  while (sqlite3_step (select) == SQLITE_ROW)
    json_array_add_object_element (records, record (req->store, sqlite3_column_int64 (select, 0)));
  sqlite3_reset (select);

  json_object_set_object_member (data, "pagination", pagination_new (page, size, total));
  req->data = json_node_init_object (json_node_alloc (), data);

  return TRUE;
}
