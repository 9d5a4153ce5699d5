/* desk-api-client-query.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-api-client"

#include "config.h"

#include "desk-api-client-private.h"

G_DEFINE_BOXED_TYPE (DeskListQuery, desk_list_query, desk_list_query_copy, desk_list_query_free)

/**
 * desk_list_query_new:
 *
 * Returns: (transfer full): a query for everything the server lists by default
 */
DeskListQuery *
desk_list_query_new (void)
{
  DeskListQuery *query = g_new0 (DeskListQuery, 1);

  query->filter = DESK_LIST_FILTER_UNSET;

  return query;
}

DeskListQuery *
desk_list_query_copy (const DeskListQuery *query)
{
  DeskListQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->keyword = g_strdup (query->keyword);
  copy->status = g_strdup (query->status);
  copy->referred_by = g_strdup (query->referred_by);

  return copy;
}

void
desk_list_query_free (DeskListQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->keyword);
  g_free (query->status);
  g_free (query->referred_by);
  g_free (query);
}

gboolean
desk_list_query_equal (const DeskListQuery *a,
                       const DeskListQuery *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->keyword, b->keyword) == 0 &&
         g_strcmp0 (a->status, b->status) == 0 &&
         g_strcmp0 (a->referred_by, b->referred_by) == 0 &&
         a->assigned_to == b->assigned_to &&
         a->created_by == b->created_by &&
         a->from_date == b->from_date &&
         a->to_date == b->to_date &&
         a->filter == b->filter &&
         a->page_size == b->page_size;
}

static void
add_text (GStrvBuilder *builder,
          const char   *name,
          const char   *value)
{
  g_autofree char *trimmed = NULL;

  if (value == NULL)
    return;

  trimmed = g_strstrip (g_strdup (value));
  if (*trimmed == '\0')
    return;

  g_strv_builder_add (builder, name);
  g_strv_builder_add (builder, trimmed);
}

static void
add_number (GStrvBuilder *builder,
            const char   *name,
            gint64        value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  g_strv_builder_add (builder, name);
  g_strv_builder_add (builder, text);
}

/**
 * desk_list_query_to_params:
 * @query: (nullable): a #DeskListQuery
 * @page: the page to ask for, or -1 for the server's first page
 *
 * Returns: (transfer full): name, value, name, value, ... for desk_api_client_request_async()
 */
GStrv
desk_list_query_to_params (const DeskListQuery *query,
                           gint64               page)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (query != NULL)
    {
      add_text (builder, "keyword", query->keyword);
      add_text (builder, "status", query->status);
      add_text (builder, "referredby", query->referred_by);
      if (query->assigned_to > 0)
        add_number (builder, "assigned_to", query->assigned_to);
      if (query->created_by > 0)
        add_number (builder, "created_by", query->created_by);
      if (query->from_date > 0)
        add_number (builder, "from_date", query->from_date);
      if (query->to_date > 0)
        add_number (builder, "to_date", query->to_date);
      if (query->filter != DESK_LIST_FILTER_UNSET)
        add_number (builder, "filter", query->filter);
      if (query->page_size > 0)
        add_number (builder, "pagesize", query->page_size);
    }

  if (page >= 0)
    add_number (builder, "page", page);

  return g_strv_builder_end (builder);
}
