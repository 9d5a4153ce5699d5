/* desk-invoice-filters.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-invoice-filters"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-invoice-filters.h"

/* What the Invoices screen decides without a widget: the status pill of an invoice, the
 * filter bar's state and its query, the days a date preset covers, the local match of
 * what is typed, and whether a payment whose answer was lost is on the invoice. */

#define INVOICE_PAGE_SIZE 50
#define DAY (24 * 60 * 60)

static const char * const status_names[DESK_INVOICE_N_STATUSES] = {
  [DESK_INVOICE_STATUS_UNKNOWN] = NULL,
  [DESK_INVOICE_STATUS_PAID] = "paid",
  [DESK_INVOICE_STATUS_UNPAID] = "unpaid",
  [DESK_INVOICE_STATUS_PARTIAL] = "partial",
  [DESK_INVOICE_STATUS_OVERPAID] = "overpaid",
  [DESK_INVOICE_STATUS_REFUND] = "refund",
};

static const char * const filter_names[DESK_INVOICE_N_FILTERS] = {
  [DESK_INVOICE_FILTER_ANY] = "any",
  [DESK_INVOICE_FILTER_PAID] = "paid",
  [DESK_INVOICE_FILTER_UNPAID] = "unpaid",
  [DESK_INVOICE_FILTER_REFUNDED] = "refunded",
  [DESK_INVOICE_FILTER_PARTIAL] = "partial",
};

static const char * const range_names[DESK_INVOICE_N_RANGES] = {
  [DESK_INVOICE_RANGE_TODAY] = "today",
  [DESK_INVOICE_RANGE_YESTERDAY] = "yesterday",
  [DESK_INVOICE_RANGE_LAST_WEEK] = "last-7-days",
  [DESK_INVOICE_RANGE_LAST_MONTH] = "last-30-days",
  [DESK_INVOICE_RANGE_ALL] = "all",
  [DESK_INVOICE_RANGE_CUSTOM] = "custom",
};

/* --- Status ------------------------------------------------------------------------------ */

/**
 * desk_invoice_status_from_text:
 * @text: (nullable): the status as the server wrote it ("Paid", "OverPaid", "Refund")
 *
 * Case and spaces do not matter ("Over Paid", "partial"); "Refunded" is a refund.
 *
 * Returns: the status, %DESK_INVOICE_STATUS_UNKNOWN for none or one not known
 */
DeskInvoiceStatus
desk_invoice_status_from_text (const char *text)
{
  g_autoptr(GString) squeezed = NULL;

  if (text == NULL)
    return DESK_INVOICE_STATUS_UNKNOWN;

  squeezed = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '-' && *p != '_')
      g_string_append_c (squeezed, g_ascii_tolower (*p));

  if (g_str_equal (squeezed->str, "refunded"))
    return DESK_INVOICE_STATUS_REFUND;
  for (guint i = 1; i < DESK_INVOICE_N_STATUSES; i++)
    if (g_str_equal (squeezed->str, status_names[i]))
      return i;

  return DESK_INVOICE_STATUS_UNKNOWN;
}

const char *
desk_invoice_status_label (DeskInvoiceStatus status)
{
  switch (status)
    {
    case DESK_INVOICE_STATUS_PAID: return _("Paid");
    case DESK_INVOICE_STATUS_UNPAID: return _("Unpaid");
    case DESK_INVOICE_STATUS_PARTIAL: return _("Partial");
    case DESK_INVOICE_STATUS_OVERPAID: return _("Overpaid");
    case DESK_INVOICE_STATUS_REFUND: return _("Refund");
    case DESK_INVOICE_STATUS_UNKNOWN:
    case DESK_INVOICE_N_STATUSES:
    default:
      return _("Unknown");
    }
}

/* The style class of the pill: "invoice-paid", ... "invoice-unknown". */
const char *
desk_invoice_status_css_class (DeskInvoiceStatus status)
{
  switch (status)
    {
    case DESK_INVOICE_STATUS_PAID: return "invoice-paid";
    case DESK_INVOICE_STATUS_UNPAID: return "invoice-unpaid";
    case DESK_INVOICE_STATUS_PARTIAL: return "invoice-partial";
    case DESK_INVOICE_STATUS_OVERPAID: return "invoice-overpaid";
    case DESK_INVOICE_STATUS_REFUND: return "invoice-refund";
    case DESK_INVOICE_STATUS_UNKNOWN:
    case DESK_INVOICE_N_STATUSES:
    default:
      return "invoice-unknown";
    }
}

/* --- Names in the settings --------------------------------------------------------------- */

const char *
desk_invoice_status_filter_to_string (DeskInvoiceStatusFilter status)
{
  g_return_val_if_fail (status < DESK_INVOICE_N_FILTERS, "any");

  return filter_names[status];
}

DeskInvoiceStatusFilter
desk_invoice_status_filter_from_string (const char *name)
{
  for (guint i = 0; i < DESK_INVOICE_N_FILTERS; i++)
    if (g_strcmp0 (name, filter_names[i]) == 0)
      return i;

  return DESK_INVOICE_FILTER_ANY;
}

const char *
desk_invoice_range_to_string (DeskInvoiceRange range)
{
  g_return_val_if_fail (range < DESK_INVOICE_N_RANGES, "today");

  return range_names[range];
}

DeskInvoiceRange
desk_invoice_range_from_string (const char *name)
{
  for (guint i = 0; i < DESK_INVOICE_N_RANGES; i++)
    if (g_strcmp0 (name, range_names[i]) == 0)
      return i;

  return DESK_INVOICE_RANGE_TODAY;
}

/* --- Date presets ------------------------------------------------------------------------ */

/* Midnight of the day @days_back before @when's, in @when's own time zone: on a day the
 * clocks change a day is not 24 hours, so the calendar counts, not the seconds. */
static gint64
start_of_day (GDateTime *when,
              int        days_back)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (when, -days_back);
  g_autoptr(GDateTime) midnight = NULL;

  midnight = g_date_time_new (g_date_time_get_timezone (day), g_date_time_get_year (day),
                              g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                              0, 0, 0);
  return g_date_time_to_unix (midnight);
}

static gint64
end_of_day (GDateTime *when,
            int        days_back)
{
  return start_of_day (when, days_back - 1) - 1;
}

/**
 * desk_invoice_range_bounds:
 * @range: the preset
 * @now: the moment "today" is taken from, in the shop's time zone
 * @custom_from: the first day of a custom range (any moment of it)
 * @custom_to: the last day of a custom range (any moment of it)
 * @from: (out): the first second of the range
 * @to: (out): the last second of the range, included
 *
 * Whole days in @now's time zone: "7 days" is today and the six days before it.
 *
 * Returns: %FALSE for a range with no bounds (all dates, or a custom range without its
 *   days), and @from and @to are then 0
 */
gboolean
desk_invoice_range_bounds (DeskInvoiceRange  range,
                           GDateTime        *now,
                           gint64            custom_from,
                           gint64            custom_to,
                           gint64           *from,
                           gint64           *to)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;

  g_return_val_if_fail (now != NULL, FALSE);

  *from = *to = 0;
  switch (range)
    {
    case DESK_INVOICE_RANGE_TODAY:
      *from = start_of_day (now, 0);
      *to = end_of_day (now, 0);
      return TRUE;
    case DESK_INVOICE_RANGE_YESTERDAY:
      *from = start_of_day (now, 1);
      *to = end_of_day (now, 1);
      return TRUE;
    case DESK_INVOICE_RANGE_LAST_WEEK:
      *from = start_of_day (now, 6);
      *to = end_of_day (now, 0);
      return TRUE;
    case DESK_INVOICE_RANGE_LAST_MONTH:
      *from = start_of_day (now, 29);
      *to = end_of_day (now, 0);
      return TRUE;
    case DESK_INVOICE_RANGE_CUSTOM:
      if (custom_from <= 0 || custom_to <= 0)
        return FALSE;
      first = g_date_time_new_from_unix_local (MIN (custom_from, custom_to));
      last = g_date_time_new_from_unix_local (MAX (custom_from, custom_to));
      if (first == NULL || last == NULL)
        return FALSE;
      {
        g_autoptr(GDateTime) first_here = g_date_time_to_timezone (first, g_date_time_get_timezone (now));
        g_autoptr(GDateTime) last_here = g_date_time_to_timezone (last, g_date_time_get_timezone (now));

        *from = start_of_day (first_here, 0);
        *to = end_of_day (last_here, 0);
      }
      return TRUE;
    case DESK_INVOICE_RANGE_ALL:
    case DESK_INVOICE_N_RANGES:
    default:
      return FALSE;
    }
}

/* --- The filter bar ---------------------------------------------------------------------- */

/* Unknown keys and wrong types are skipped: the setting may come from another version. */
void
desk_invoice_filters_load (DeskInvoiceFilters *filters,
                           GVariant           *dict)
{
  const char *text = NULL;
  gint64 number;

  *filters = (DeskInvoiceFilters) { .status = DESK_INVOICE_FILTER_ANY,
                                    .range = DESK_INVOICE_RANGE_LAST_MONTH };
  if (dict == NULL || !g_variant_is_of_type (dict, G_VARIANT_TYPE_VARDICT))
    return;

  if (g_variant_lookup (dict, "status", "&s", &text))
    filters->status = desk_invoice_status_filter_from_string (text);
  if (g_variant_lookup (dict, "range", "&s", &text))
    filters->range = desk_invoice_range_from_string (text);
  if (g_variant_lookup (dict, "from", "x", &number) && number > 0)
    filters->from_date = number;
  if (g_variant_lookup (dict, "to", "x", &number) && number > 0)
    filters->to_date = number;

  /* A custom range without its dates would list nothing the clerk chose. */
  if (filters->range == DESK_INVOICE_RANGE_CUSTOM &&
      (filters->from_date <= 0 || filters->to_date < filters->from_date))
    filters->range = DESK_INVOICE_RANGE_LAST_MONTH;
}

/* Returns: (transfer floating): the filters as an a{sv} */
GVariant *
desk_invoice_filters_save (const DeskInvoiceFilters *filters)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "status",
                         g_variant_new_string (desk_invoice_status_filter_to_string (filters->status)));
  g_variant_builder_add (&builder, "{sv}", "range",
                         g_variant_new_string (desk_invoice_range_to_string (filters->range)));
  if (filters->range == DESK_INVOICE_RANGE_CUSTOM)
    {
      g_variant_builder_add (&builder, "{sv}", "from", g_variant_new_int64 (filters->from_date));
      g_variant_builder_add (&builder, "{sv}", "to", g_variant_new_int64 (filters->to_date));
    }

  return g_variant_builder_end (&builder);
}

/**
 * desk_invoice_filters_to_query:
 * @filters: the filter bar
 * @keyword: (nullable): a search text
 * @now: the moment the date presets count from
 *
 * A search looks through every date, as an order number read out at the counter must be
 * found whatever the list shows; the status still applies. Dates are sent as bounds of
 * whole local days, never left out: without them RepairDesk lists today's only.
 *
 * Returns: (transfer full): the query of the list
 */
DeskListQuery *
desk_invoice_filters_to_query (const DeskInvoiceFilters *filters,
                               const char               *keyword,
                               GDateTime                *now)
{
  DeskListQuery *query = desk_list_query_new ();

  if (filters->status != DESK_INVOICE_FILTER_ANY)
    query->status = g_strdup (desk_invoice_status_filter_to_string (filters->status));
  query->page_size = INVOICE_PAGE_SIZE;
  query->filter = DESK_LIST_FILTER_ALL;

  if (keyword != NULL && *keyword != '\0')
    query->keyword = g_strstrip (g_strdup (keyword));
  else if (desk_invoice_range_bounds (filters->range, now, filters->from_date, filters->to_date,
                                      &query->from_date, &query->to_date))
    query->filter = DESK_LIST_FILTER_UNSET;

  return query;
}

/* --- Local match ------------------------------------------------------------------------- */

typedef struct
{
  char *folded;   /* order id and customer name, case-folded */
} SearchText;

static void
search_text_free (gpointer data)
{
  SearchText *text = data;

  g_free (text->folded);
  g_free (text);
}

/* Folded once per invoice, not once per keystroke. */
static const SearchText *
get_search_text (DeskInvoice *invoice)
{
  static GQuark quark;
  DeskCustomer *customer = desk_invoice_get_customer (invoice);
  SearchText *text;
  g_autofree char *joined = NULL;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("desk-invoice-search-text");

  text = g_object_get_qdata (G_OBJECT (invoice), quark);
  if (text != NULL)
    return text;

  joined = g_strjoin ("\n", desk_invoice_get_order_id (invoice) ?: "",
                      customer != NULL && desk_customer_get_full_name (customer) != NULL
                        ? desk_customer_get_full_name (customer) : "",
                      NULL);
  text = g_new0 (SearchText, 1);
  text->folded = g_utf8_casefold (joined, -1);
  g_object_set_qdata_full (G_OBJECT (invoice), quark, text, search_text_free);

  return text;
}

/**
 * desk_invoice_matches:
 * @invoice: an invoice
 * @folded_needle: (nullable): what is typed, case-folded (g_utf8_casefold())
 *
 * Whether the order id or the customer's name holds what is typed: the narrowing of the
 * rows already loaded while the server is asked.
 *
 * Returns: %TRUE for a match, and for no needle
 */
gboolean
desk_invoice_matches (DeskInvoice *invoice,
                      const char  *folded_needle)
{
  g_return_val_if_fail (DESK_IS_INVOICE (invoice), FALSE);

  if (folded_needle == NULL || *folded_needle == '\0')
    return TRUE;

  return strstr (get_search_text (invoice)->folded, folded_needle) != NULL;
}

/* --- Payments ---------------------------------------------------------------------------- */

/**
 * desk_payment_ids:
 * @payments: a list of #DeskPayment
 *
 * Returns: (transfer full): the ids of the payments, as gint64
 */
GArray *
desk_payment_ids (GListModel *payments)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; payments != NULL && i < g_list_model_get_n_items (payments); i++)
    {
      g_autoptr(DeskPayment) payment = g_list_model_get_item (payments, i);
      gint64 id = desk_payment_get_id (payment);

      g_array_append_val (ids, id);
    }

  return ids;
}

static gboolean
is_known (GArray *known_ids,
          gint64  id)
{
  for (guint i = 0; known_ids != NULL && i < known_ids->len; i++)
    if (g_array_index (known_ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *x = g_strstrip (g_strdup (a != NULL ? a : ""));
  g_autofree char *y = g_strstrip (g_strdup (b != NULL ? b : ""));

  return g_str_equal (x, y);
}

/**
 * desk_payment_find_new:
 * @payments: the invoice's payments as read after the send
 * @known_ids: the ids of the payments it had before the send
 * @amount: the amount sent
 * @method: the method sent
 * @payment_date: the date sent (unix seconds)
 * @notes: (nullable): the notes sent
 *
 * Finds the payment that was sent among those the invoice has now: one that was not
 * there before, with the same amount, method and notes, dated the same day (a server may
 * keep the day only). A payment whose answer was lost is then known to be recorded.
 *
 * Returns: (transfer none) (nullable): the payment, %NULL when it is not there
 */
DeskPayment *
desk_payment_find_new (GListModel *payments,
                       GArray     *known_ids,
                       gint64      amount,
                       const char *method,
                       gint64      payment_date,
                       const char *notes)
{
  for (guint i = 0; payments != NULL && i < g_list_model_get_n_items (payments); i++)
    {
      g_autoptr(DeskPayment) payment = g_list_model_get_item (payments, i);
      g_autofree char *payment_notes = NULL;
      gint64 date = desk_payment_get_date (payment);

      if (is_known (known_ids, desk_payment_get_id (payment)) ||
          desk_payment_get_amount (payment) != amount ||
          !same_text (desk_payment_get_method (payment), method))
        continue;

      g_object_get (payment, "notes", &payment_notes, NULL);
      if (!same_text (payment_notes, notes))
        continue;
      if (date > 0 && payment_date > 0 && ABS (date - payment_date) >= DAY)
        continue;

      /* The list holds its own reference: the payment lives as long as the invoice. */
      return payment;
    }

  return NULL;
}
