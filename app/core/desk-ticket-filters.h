/* desk-ticket-filters.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-core.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_TICKET_RANGE_TODAY,
  DESK_TICKET_RANGE_YESTERDAY,
  DESK_TICKET_RANGE_LAST_WEEK,
  DESK_TICKET_RANGE_LAST_MONTH,
  DESK_TICKET_RANGE_ALL,
  DESK_TICKET_RANGE_CUSTOM,
  DESK_TICKET_N_RANGES,
} DeskTicketRange;

/**
 * DeskTicketFilters:
 * @status: (nullable): a status name, %NULL for any
 * @assigned_to: a technician's employee id, 0 for any
 * @created_by: the employee id of who took the ticket in, 0 for any
 * @range: the date preset
 * @from_date: the first day of a custom range, unix seconds
 * @to_date: the end of a custom range, unix seconds
 *
 * What the filter bar of the ticket list holds; kept in the `ticket-filters` setting.
 */
typedef struct
{
  char            *status;
  gint64           assigned_to;
  gint64           created_by;
  DeskTicketRange  range;
  gint64           from_date;
  gint64           to_date;
} DeskTicketFilters;

void           desk_ticket_filters_clear    (DeskTicketFilters       *filters);
void           desk_ticket_filters_load     (DeskTicketFilters       *filters,
                                             GVariant                *dict);
GVariant      *desk_ticket_filters_save     (const DeskTicketFilters *filters);
DeskListQuery *desk_ticket_filters_to_query (const DeskTicketFilters *filters,
                                             const char              *keyword);
const char    *desk_ticket_range_to_string  (DeskTicketRange          range);
DeskTicketRange desk_ticket_range_from_string (const char            *name);

G_END_DECLS
