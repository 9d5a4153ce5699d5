/* test-invoices-rows.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-row-slots.h"
#include "desk-sandbox.h"
#include "desk-test-screen.h"
#include "desk-test-utils.h"
#include "invoices/desk-invoice-detail.h"
#include "invoices/desk-invoices-page.h"

/* The rows of the Invoices list while a search narrows it: each row shows the invoice at
 * its place, and the selected row stays on the open invoice wherever it moves. */

#define TEST_NOW G_GINT64_CONSTANT (1768478400)
#define WAIT_MS 20000

typedef struct
{
  DeskTestScreen    screen;
  DeskInvoicesPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  DeskInvoiceFilters all = { .status = DESK_INVOICE_FILTER_ANY, .range = DESK_INVOICE_RANGE_ALL };

  desk_test_screen_start (&fixture->screen, "seed", 9, "n-customers", 60, "n-tickets", 80,
                          "n-invoices", 300, "rate-limit", 0, "today", TEST_NOW, NULL);
  g_settings_reset (fixture->screen.settings, "invoice-filters");
  fixture->page = DESK_INVOICES_PAGE (desk_invoices_page_new (fixture->screen.context));
  desk_invoices_page_set_now (fixture->page, TEST_NOW);
  desk_invoices_page_set_filters (fixture->page, &all);
  desk_test_screen_show (&fixture->screen, GTK_WIDGET (fixture->page), 1280, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  desk_test_screen_stop (&fixture->screen);
}

static gboolean
list_settled (gpointer data)
{
  Fixture *fixture = data;

  return !desk_invoices_page_get_searching (fixture->page) &&
         g_strcmp0 (desk_invoices_page_get_state (fixture->page), "loading") != 0;
}

/* The order number the first row on screen shows: its first label. */
static const char *
first_row_order (GtkWidget *list_view)
{
  GtkWidget *widget = list_view;

  while (widget != NULL && !GTK_IS_LABEL (widget))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);

      /* The list view's own children start with its rows. */
      while (child != NULL && !gtk_widget_get_visible (child))
        child = gtk_widget_get_next_sibling (child);
      widget = child;
    }

  g_assert_nonnull (widget);
  return gtk_label_get_label (GTK_LABEL (widget));
}

static void
test_narrowing_rows (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *rows = desk_invoices_page_get_model (fixture->page);
  GtkWidget *list_view;
  GtkSingleSelection *selection;
  g_autoptr(DeskInvoice) chosen = NULL;
  g_autoptr(DeskInvoice) first = NULL;
  guint position = GTK_INVALID_LIST_POSITION;
  DeskRowSlot *slot;

  g_assert_true (desk_test_wait_for (list_settled, fixture, WAIT_MS));
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->screen.window), 2, WAIT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 8);
  list_view = desk_test_find_row_list (GTK_WIDGET (fixture->page));
  g_assert_nonnull (list_view);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));

  chosen = g_list_model_get_item (rows, 7);
  desk_invoices_page_open_position (fixture->page, 7);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 7);

  /* Its number narrows the loaded rows at once: the invoice moves up, and the selected
   * row with it. */
  desk_invoices_page_set_search_text (fixture->page, desk_invoice_get_order_id (chosen));
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, 8);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(DeskInvoice) there = g_list_model_get_item (rows, i);

      if (there == chosen)
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
  slot = gtk_single_selection_get_selected_item (selection);
  g_assert_true (desk_row_slot_get_item (slot) == (gpointer) chosen);
  g_assert_true (desk_invoice_detail_get_invoice (DESK_INVOICE_DETAIL (desk_invoices_page_get_detail (fixture->page))) == chosen);

  /* The first row on screen shows the first match. */
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->screen.window), 2, WAIT_MS));
  first = g_list_model_get_item (rows, 0);
  g_assert_cmpstr (first_row_order (list_view), ==, desk_invoice_get_order_id (first));

  /* A text no loaded invoice holds lets go of the selection. */
  desk_invoices_page_set_search_text (fixture->page, "no such invoice anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_true (desk_test_wait_for (list_settled, fixture, WAIT_MS));
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add ("/invoices/rows/narrowing", Fixture, NULL,
              fixture_set_up, test_narrowing_rows, fixture_tear_down);

  return g_test_run ();
}
