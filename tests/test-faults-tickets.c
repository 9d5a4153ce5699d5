/* test-faults-tickets.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-test-faults.h"
#include "desk-test-utils.h"
#include "tickets/desk-tickets-page.h"

/* The Tickets screen against every fault of the sandbox: the list while a search goes
 * out, and a ticket's detail while it is read. Each says what happened in words, keeps
 * the search, and comes back with Retry. */

static DeskTicketsPage *
tickets (DeskFaultBench *bench)
{
  return DESK_TICKETS_PAGE (bench->page);
}

static DeskPage *
new_page (DeskFaultBench *bench)
{
  DeskTicketFilters all = { .range = DESK_TICKET_RANGE_ALL };
  GtkWidget *page = desk_tickets_page_new (bench->context);

  desk_tickets_page_set_filters (DESK_TICKETS_PAGE (page), &all);
  return DESK_PAGE (page);
}

static const char *
search_text (DeskFaultBench *bench)
{
  return gtk_editable_get_text (GTK_EDITABLE (desk_tickets_page_get_search_entry (tickets (bench))));
}

static gboolean
list_settled (DeskFaultBench *bench)
{
  DeskPagedList *list = desk_tickets_page_get_list (tickets (bench));

  return !desk_tickets_page_get_searching (tickets (bench)) &&
         desk_paged_list_get_n_pages (list) > 0 && !desk_paged_list_get_loading (list);
}

static const char *
results_state (DeskFaultBench *bench)
{
  return desk_results_view_get_state (desk_tickets_page_get_results (tickets (bench)));
}

/* The rows are there, and all of them answer the search. */
static gboolean
list_shows_rows (DeskFaultBench *bench)
{
  return list_settled (bench) && g_strcmp0 (results_state (bench), "results") == 0 &&
         g_list_model_get_n_items (desk_tickets_page_get_rows (tickets (bench))) > 0;
}

static void
prepare_list (DeskFaultBench *bench)
{
  g_autoptr(DeskTicket) first = NULL;
  DeskCustomer *customer;

  g_assert_true (desk_fault_bench_wait_for (bench, list_shows_rows));
  first = g_list_model_get_item (desk_tickets_page_get_rows (tickets (bench)), 0);
  customer = desk_ticket_get_customer (first);
  g_assert_nonnull (customer);
  /* A name the store holds, which the assistant types. */
  bench->typed = g_strdup (desk_customer_get_first_name (customer));
  g_assert_nonnull (bench->typed);
}

static void
act_list (DeskFaultBench *bench)
{
  gtk_editable_set_text (GTK_EDITABLE (desk_tickets_page_get_search_entry (tickets (bench))),
                         bench->typed);
  g_signal_emit_by_name (desk_tickets_page_get_search_entry (tickets (bench)), "activate");
}

static gboolean
list_settled_after_fault (DeskFaultBench *bench)
{
  DeskPagedList *list = desk_tickets_page_get_list (tickets (bench));

  return !desk_tickets_page_get_searching (tickets (bench)) && !desk_paged_list_get_loading (list) &&
         g_strcmp0 (results_state (bench), "loading") != 0 &&
         g_strcmp0 (results_state (bench), "waiting") != 0;
}

static char *
list_message (DeskFaultBench *bench)
{
  GtkWidget *results = GTK_WIDGET (desk_tickets_page_get_results (tickets (bench)));
  GtkWidget *status;

  if (g_strcmp0 (results_state (bench), "error") != 0)
    return NULL;

  status = desk_fault_find (results, ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_nonnull (status);
  /* Retry is on screen beside the words. */
  g_assert_nonnull (desk_fault_find (status, GTK_TYPE_BUTTON, NULL));
  return g_strdup (adw_status_page_get_description (ADW_STATUS_PAGE (status)));
}

static void
check_search_kept (DeskFaultBench *bench)
{
  g_assert_cmpstr (search_text (bench), ==, bench->typed);
}

static void
retry_list (DeskFaultBench *bench)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk_tickets_page_get_results (tickets (bench))),
                                             "results.retry", NULL));
}

static gboolean
list_recovered (DeskFaultBench *bench)
{
  DeskPagedList *list = desk_tickets_page_get_list (tickets (bench));

  /* The rows shown are the answer to the search of now. */
  return list_shows_rows (bench) &&
         g_strcmp0 (desk_paged_list_get_query (list)->keyword, bench->typed) == 0;
}

/* --- The detail ------------------------------------------------------------------------- */

static DeskTicketDetail *
detail (DeskFaultBench *bench)
{
  return desk_tickets_page_get_detail (tickets (bench));
}

static const char *
detail_state (DeskFaultBench *bench)
{
  GtkWidget *stack = desk_fault_find (GTK_WIDGET (detail (bench)), GTK_TYPE_STACK, NULL);

  return stack != NULL ? gtk_stack_get_visible_child_name (GTK_STACK (stack)) : NULL;
}

static void
prepare_detail (DeskFaultBench *bench)
{
  g_autoptr(DeskTicket) first = NULL;

  prepare_list (bench);
  first = g_list_model_get_item (desk_tickets_page_get_rows (tickets (bench)), 0);
  bench->record = DESK_RECORD (g_object_ref (first));
  /* The search is typed before the ticket is opened; it has its answer first. */
  act_list (bench);
  g_assert_true (desk_fault_bench_wait_for (bench, list_recovered));
}

static void
act_detail (DeskFaultBench *bench)
{
  desk_tickets_page_open (tickets (bench), DESK_TICKET (bench->record));
}

static gboolean
detail_settled (DeskFaultBench *bench)
{
  return desk_ticket_detail_get_ticket (detail (bench)) != NULL &&
         !desk_ticket_detail_get_busy (detail (bench));
}

static char *
detail_message (DeskFaultBench *bench)
{
  GtkWidget *status;

  if (g_strcmp0 (detail_state (bench), "error") != 0)
    return NULL;

  status = desk_fault_find (GTK_WIDGET (detail (bench)), ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_nonnull (status);
  g_assert_nonnull (desk_fault_find (status, GTK_TYPE_BUTTON, NULL));
  return g_strdup (adw_status_page_get_description (ADW_STATUS_PAGE (status)));
}

static void
retry_detail (DeskFaultBench *bench)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail (bench)), "detail.reload", NULL));
}

static gboolean
detail_recovered (DeskFaultBench *bench)
{
  DeskTicket *shown = desk_ticket_detail_get_ticket (detail (bench));

  return detail_settled (bench) && g_strcmp0 (detail_state (bench), "ticket") == 0 &&
         desk_ticket_get_id (shown) == desk_ticket_get_id (DESK_TICKET (bench->record)) &&
         g_list_model_get_n_items (desk_ticket_get_devices (shown)) > 0;
}

static const DeskFaultScreen screens[] = {
  {
    .name = "tickets-list",
    .new_page = new_page,
    .prepare = prepare_list,
    .act = act_list,
    .settled = list_settled_after_fault,
    .message = list_message,
    .check_kept = check_search_kept,
    .retry = retry_list,
    .recovered = list_recovered,
    .tolerates_types = TRUE,
  },
  {
    .name = "ticket-detail",
    .new_page = new_page,
    .prepare = prepare_detail,
    .act = act_detail,
    .settled = detail_settled,
    .message = detail_message,
    .check_kept = check_search_kept,
    .retry = retry_detail,
    .recovered = detail_recovered,
    .tolerates_types = TRUE,
  },
};

int
main (int   argc,
      char *argv[])
{
  return desk_fault_matrix_main (argc, argv, screens, G_N_ELEMENTS (screens));
}
