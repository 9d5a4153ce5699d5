/* desk-invoice-filters.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-api-client.h"
#include "desk-invoice.h"
#include "desk-payment.h"

G_BEGIN_DECLS

/**
 * DeskInvoiceStatus:
 * @DESK_INVOICE_STATUS_UNKNOWN: the server gave none, or one Front Desk does not know
 * @DESK_INVOICE_STATUS_PAID: paid in full
 * @DESK_INVOICE_STATUS_UNPAID: nothing paid yet
 * @DESK_INVOICE_STATUS_PARTIAL: partly paid
 * @DESK_INVOICE_STATUS_OVERPAID: paid more than the total
 * @DESK_INVOICE_STATUS_REFUND: refunded
 *
 * An invoice's status as its pill shows it.
 */
typedef enum
{
  DESK_INVOICE_STATUS_UNKNOWN,
  DESK_INVOICE_STATUS_PAID,
  DESK_INVOICE_STATUS_UNPAID,
  DESK_INVOICE_STATUS_PARTIAL,
  DESK_INVOICE_STATUS_OVERPAID,
  DESK_INVOICE_STATUS_REFUND,
  DESK_INVOICE_N_STATUSES,
} DeskInvoiceStatus;

/**
 * DeskInvoiceStatusFilter:
 * @DESK_INVOICE_FILTER_ANY: every status
 * @DESK_INVOICE_FILTER_PAID: `status=paid`
 * @DESK_INVOICE_FILTER_UNPAID: `status=unpaid`
 * @DESK_INVOICE_FILTER_REFUNDED: `status=refunded`
 * @DESK_INVOICE_FILTER_PARTIAL: `status=partial`
 *
 * The statuses the invoice list can be narrowed to, as the server takes them.
 */
typedef enum
{
  DESK_INVOICE_FILTER_ANY,
  DESK_INVOICE_FILTER_PAID,
  DESK_INVOICE_FILTER_UNPAID,
  DESK_INVOICE_FILTER_REFUNDED,
  DESK_INVOICE_FILTER_PARTIAL,
  DESK_INVOICE_N_FILTERS,
} DeskInvoiceStatusFilter;

typedef enum
{
  DESK_INVOICE_RANGE_TODAY,
  DESK_INVOICE_RANGE_YESTERDAY,
  DESK_INVOICE_RANGE_LAST_WEEK,
  DESK_INVOICE_RANGE_LAST_MONTH,
  DESK_INVOICE_RANGE_ALL,
  DESK_INVOICE_RANGE_CUSTOM,
  DESK_INVOICE_N_RANGES,
} DeskInvoiceRange;

/**
 * DeskInvoiceFilters:
 * @status: the status filter
 * @range: the date preset
 * @from_date: the first day of a custom range, unix seconds
 * @to_date: the last day of a custom range, unix seconds
 *
 * What the filter bar of the invoice list holds; kept in the `invoice-filters` setting.
 */
typedef struct
{
  DeskInvoiceStatusFilter status;
  DeskInvoiceRange        range;
  gint64                  from_date;
  gint64                  to_date;
} DeskInvoiceFilters;

DeskInvoiceStatus  desk_invoice_status_from_text   (const char               *text);
const char        *desk_invoice_status_label       (DeskInvoiceStatus         status);
const char        *desk_invoice_status_css_class   (DeskInvoiceStatus         status);
const char        *desk_invoice_status_filter_to_string (DeskInvoiceStatusFilter status);
DeskInvoiceStatusFilter desk_invoice_status_filter_from_string (const char   *name);
const char        *desk_invoice_range_to_string    (DeskInvoiceRange          range);
DeskInvoiceRange   desk_invoice_range_from_string  (const char               *name);
gboolean           desk_invoice_range_bounds       (DeskInvoiceRange          range,
                                                    GDateTime                *now,
                                                    gint64                    custom_from,
                                                    gint64                    custom_to,
                                                    gint64                   *from,
                                                    gint64                   *to);
void               desk_invoice_filters_load       (DeskInvoiceFilters       *filters,
                                                    GVariant                 *dict);
GVariant          *desk_invoice_filters_save       (const DeskInvoiceFilters *filters);
DeskListQuery     *desk_invoice_filters_to_query   (const DeskInvoiceFilters *filters,
                                                    const char               *keyword,
                                                    GDateTime                *now);
gboolean           desk_invoice_matches            (DeskInvoice              *invoice,
                                                    const char               *folded_needle);
DeskPayment       *desk_payment_find_new           (GListModel               *payments,
                                                    GArray                   *known_ids,
                                                    gint64                    amount,
                                                    const char               *method,
                                                    gint64                    payment_date,
                                                    const char               *notes);
GArray            *desk_payment_ids                (GListModel               *payments);

G_END_DECLS
