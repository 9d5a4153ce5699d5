/* desk-ticket-filters.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-filters"

#include "config.h"

#include "desk-ticket-filters.h"

/* The filter bar's state, its form in the settings (an a{sv}, so that a key added later
 * leaves older settings readable) and the list query it makes. */

#define TICKET_PAGE_SIZE 50

static const char * const range_names[DESK_TICKET_N_RANGES] = {
  [DESK_TICKET_RANGE_TODAY] = "today",
  [DESK_TICKET_RANGE_YESTERDAY] = "yesterday",
  [DESK_TICKET_RANGE_LAST_WEEK] = "last-7-days",
  [DESK_TICKET_RANGE_LAST_MONTH] = "last-30-days",
  [DESK_TICKET_RANGE_ALL] = "all",
  [DESK_TICKET_RANGE_CUSTOM] = "custom",
};

const char *
desk_ticket_range_to_string (DeskTicketRange range)
{
  g_return_val_if_fail (range < DESK_TICKET_N_RANGES, "today");

  return range_names[range];
}

DeskTicketRange
desk_ticket_range_from_string (const char *name)
{
  for (guint i = 0; i < DESK_TICKET_N_RANGES; i++)
    if (g_strcmp0 (name, range_names[i]) == 0)
      return i;

  return DESK_TICKET_RANGE_TODAY;
}

void
desk_ticket_filters_clear (DeskTicketFilters *filters)
{
  g_clear_pointer (&filters->status, g_free);
  filters->assigned_to = 0;
  filters->created_by = 0;
  filters->range = DESK_TICKET_RANGE_TODAY;
  filters->from_date = 0;
  filters->to_date = 0;
}

/* Unknown keys and wrong types are skipped: the setting may come from another version. */
void
desk_ticket_filters_load (DeskTicketFilters *filters,
                          GVariant          *dict)
{
  const char *text = NULL;
  gint64 number;

  desk_ticket_filters_clear (filters);
  if (dict == NULL || !g_variant_is_of_type (dict, G_VARIANT_TYPE_VARDICT))
    return;

  if (g_variant_lookup (dict, "status", "&s", &text) && *text != '\0')
    filters->status = g_strdup (text);
  if (g_variant_lookup (dict, "assigned-to", "x", &number) && number > 0)
    filters->assigned_to = number;
  if (g_variant_lookup (dict, "created-by", "x", &number) && number > 0)
    filters->created_by = number;
  if (g_variant_lookup (dict, "range", "&s", &text))
    filters->range = desk_ticket_range_from_string (text);
  if (g_variant_lookup (dict, "from", "x", &number) && number > 0)
    filters->from_date = number;
  if (g_variant_lookup (dict, "to", "x", &number) && number > 0)
    filters->to_date = number;

  /* A custom range without its dates would silently list today only. */
  if (filters->range == DESK_TICKET_RANGE_CUSTOM &&
      (filters->from_date <= 0 || filters->to_date < filters->from_date))
    filters->range = DESK_TICKET_RANGE_TODAY;
}

/* Returns: (transfer floating): the filters as an a{sv} */
GVariant *
desk_ticket_filters_save (const DeskTicketFilters *filters)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  if (filters->status != NULL)
    g_variant_builder_add (&builder, "{sv}", "status", g_variant_new_string (filters->status));
  if (filters->assigned_to > 0)
    g_variant_builder_add (&builder, "{sv}", "assigned-to",
                           g_variant_new_int64 (filters->assigned_to));
  if (filters->created_by > 0)
    g_variant_builder_add (&builder, "{sv}", "created-by",
                           g_variant_new_int64 (filters->created_by));
  g_variant_builder_add (&builder, "{sv}", "range",
                         g_variant_new_string (desk_ticket_range_to_string (filters->range)));
  if (filters->range == DESK_TICKET_RANGE_CUSTOM)
    {
      g_variant_builder_add (&builder, "{sv}", "from", g_variant_new_int64 (filters->from_date));
      g_variant_builder_add (&builder, "{sv}", "to", g_variant_new_int64 (filters->to_date));
    }

  return g_variant_builder_end (&builder);
}

static void
apply_range (const DeskTicketFilters *filters,
             DeskListQuery           *query)
{
  switch (filters->range)
    {
    case DESK_TICKET_RANGE_TODAY:
      /* The server's own "today", in the shop's time zone. */
      query->filter = DESK_LIST_FILTER_UNSET;
      break;
    case DESK_TICKET_RANGE_YESTERDAY:
      query->filter = DESK_LIST_FILTER_YESTERDAY;
      break;
    case DESK_TICKET_RANGE_LAST_WEEK:
      query->filter = DESK_LIST_FILTER_LAST_WEEK;
      break;
    case DESK_TICKET_RANGE_LAST_MONTH:
      query->filter = DESK_LIST_FILTER_LAST_MONTH;
      break;
    case DESK_TICKET_RANGE_CUSTOM:
      query->filter = DESK_LIST_FILTER_UNSET;
      query->from_date = filters->from_date;
      query->to_date = filters->to_date;
      break;
    case DESK_TICKET_RANGE_ALL:
    case DESK_TICKET_N_RANGES:
    default:
      query->filter = DESK_LIST_FILTER_ALL;
      break;
    }
}

/**
 * desk_ticket_filters_to_query:
 * @filters: the filter bar
 * @keyword: (nullable): a search text
 *
 * A search looks through every date: a ticket scanned at the counter must open even when
 * the list shows today's only. Status, technician and creator still apply.
 *
 * Returns: (transfer full): the query of the list
 */
DeskListQuery *
desk_ticket_filters_to_query (const DeskTicketFilters *filters,
                              const char              *keyword)
{
  DeskListQuery *query = desk_list_query_new ();

  query->status = g_strdup (filters->status);
  query->assigned_to = filters->assigned_to;
  query->created_by = filters->created_by;
  query->page_size = TICKET_PAGE_SIZE;

  if (keyword != NULL && *keyword != '\0')
    {
      query->keyword = g_strstrip (g_strdup (keyword));
      query->filter = DESK_LIST_FILTER_ALL;
    }
  else
    {
      apply_range (filters, query);
    }

  return query;
}
