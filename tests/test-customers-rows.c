/* test-customers-rows.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "customers/desk-customers-page.h"
#include "desk-customer-check.h"
#include "desk-row-slots.h"
#include "desk-sandbox.h"
#include "desk-test-screen.h"
#include "desk-test-utils.h"

/* The rows of the Customers list while a search narrows and widens it, a key at a time:
 * the loaded rows that match are those a search typed at once finds, each row shows the
 * customer at its place, and the selected row stays on its customer wherever it moves. */

#define TEST_NOW G_GINT64_CONSTANT (1768478400)
#define WAIT_MS 20000

typedef struct
{
  DeskTestScreen     screen;
  DeskCustomersPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  desk_test_screen_start (&fixture->screen, "seed", 11, "n-customers", 300, "n-tickets", 40,
                          "n-invoices", 20, "rate-limit", 0, "today", TEST_NOW, NULL);
  fixture->page = DESK_CUSTOMERS_PAGE (desk_customers_page_new (fixture->screen.context));
  desk_test_screen_show (&fixture->screen, GTK_WIDGET (fixture->page), 1100, 720);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  desk_test_screen_stop (&fixture->screen);
}

static gboolean
settled (gpointer data)
{
  Fixture *fixture = data;

  return !desk_customers_page_get_searching (fixture->page) &&
         g_list_model_get_n_items (desk_customers_page_get_model (fixture->page)) > 0;
}

/* The text of the first row on screen: its label. */
static const char *
first_row_text (GtkWidget *list_view)
{
  GtkWidget *widget = list_view;

  while (widget != NULL && !GTK_IS_LABEL (widget))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);

      while (child != NULL && !gtk_widget_get_visible (child))
        child = gtk_widget_get_next_sibling (child);
      widget = child;
    }

  g_assert_nonnull (widget);
  return gtk_label_get_text (GTK_LABEL (widget));
}

/* The customers the list shows now, in order. */
static GPtrArray *
shown (Fixture *fixture)
{
  GListModel *rows = desk_customers_page_get_model (fixture->page);
  GPtrArray *customers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    g_ptr_array_add (customers, g_list_model_get_item (rows, i));

  return customers;
}

static void
assert_same_rows (GPtrArray *a,
                  GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_true (g_ptr_array_index (a, i) == g_ptr_array_index (b, i));
}

/* Types @text a key at a time at the end of the search, as key presses insert it, with
 * no pause between keys: the loaded rows are narrowed locally each time. */
static void
type_keys (Fixture    *fixture,
           const char *text)
{
  GtkEditable *entry = GTK_EDITABLE (desk_test_find_widget (GTK_WIDGET (fixture->page),
                                                  GTK_TYPE_SEARCH_ENTRY));

  for (int n = 0; text[n] != '\0'; n++)
    {
      int position = (int) g_utf8_strlen (gtk_editable_get_text (entry), -1);

      gtk_editable_insert_text (entry, text + n, 1, &position);
    }
}

/* Backspace at the end of the search. */
static void
delete_key (Fixture *fixture)
{
  GtkEditable *entry = GTK_EDITABLE (desk_test_find_widget (GTK_WIDGET (fixture->page),
                                                  GTK_TYPE_SEARCH_ENTRY));
  int end = (int) g_utf8_strlen (gtk_editable_get_text (entry), -1);

  gtk_editable_delete_text (entry, end - 1, end);
}

/* The rows a key at a time, narrowing and then widening again, are those of the text
 * typed at once. */
static void
test_keys_match_like_text (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const texts[] = { "ng", "ngu", "a", "an", "555", "5552", "example.c" };

  g_assert_true (desk_test_wait_for (settled, fixture, WAIT_MS));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) at_once = NULL;
      g_autoptr(GPtrArray) by_keys = NULL;
      g_autoptr(GPtrArray) widened = NULL;

      desk_customers_page_set_search_text (fixture->page, NULL);
      desk_customers_page_set_search_text (fixture->page, texts[i]);
      at_once = shown (fixture);
      g_assert_cmpuint (at_once->len, >, 0);

      desk_customers_page_set_search_text (fixture->page, NULL);
      type_keys (fixture, texts[i]);
      by_keys = shown (fixture);
      assert_same_rows (at_once, by_keys);

      /* One key too many, then deleted. */
      type_keys (fixture, "q");
      g_assert_cmpuint (g_list_model_get_n_items (desk_customers_page_get_model (fixture->page)),
                        <=, at_once->len);
      delete_key (fixture);
      widened = shown (fixture);
      assert_same_rows (at_once, widened);
    }

  desk_customers_page_set_search_text (fixture->page, NULL);
  g_assert_true (desk_test_wait_for (settled, fixture, WAIT_MS));
}

static void
test_selection_follows (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *rows = desk_customers_page_get_model (fixture->page);
  GtkSingleSelection *selection;
  g_autoptr(DeskCustomer) chosen = NULL;
  g_autoptr(DeskCustomer) first = NULL;
  g_autofree char *first_name = NULL;
  guint position = GTK_INVALID_LIST_POSITION;
  GtkWidget *list_view;
  DeskRowSlot *slot;

  g_assert_true (desk_test_wait_for (settled, fixture, WAIT_MS));
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->screen.window), 2, WAIT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 20);
  list_view = desk_test_find_row_list (GTK_WIDGET (fixture->page));
  g_assert_nonnull (list_view);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));

  chosen = g_list_model_get_item (rows, 17);
  gtk_single_selection_set_selected (selection, 17);

  /* The customer's name narrows the loaded rows at once: the customer moves up, and the
   * selected row with it. */
  desk_customers_page_set_search_text (fixture->page, desk_customer_get_full_name (chosen));
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, 17);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(DeskCustomer) there = g_list_model_get_item (rows, i);

      if (there == chosen)
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
  slot = gtk_single_selection_get_selected_item (selection);
  g_assert_true (desk_row_slot_get_item (slot) == (gpointer) chosen);

  /* The first row on screen shows the first match, its name on the first line. */
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->screen.window), 2, WAIT_MS));
  first = g_list_model_get_item (rows, 0);
  first_name = desk_customer_tidy_name (desk_customer_get_full_name (first));
  g_assert_true (g_str_has_prefix (first_row_text (list_view), first_name));

  /* A text no loaded customer holds lets go of the selection. */
  desk_customers_page_set_search_text (fixture->page, "no such customer anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  desk_customers_page_set_search_text (fixture->page, NULL);
  g_assert_true (desk_test_wait_for (settled, fixture, WAIT_MS));
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add ("/customers/rows/keys-match-like-text", Fixture, NULL,
              fixture_set_up, test_keys_match_like_text, fixture_tear_down);
  g_test_add ("/customers/rows/selection-follows", Fixture, NULL,
              fixture_set_up, test_selection_follows, fixture_tear_down);

  return g_test_run ();
}
