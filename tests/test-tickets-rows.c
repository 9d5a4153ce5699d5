/* test-tickets-rows.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-row-slots.h"
#include "desk-sandbox.h"
#include "desk-test-utils.h"
#include "tickets/desk-tickets-page.h"

/* The rows of the Tickets list keep their widgets while a search narrows the list
 * (DeskRowSlots): the slots follow the model, the cells show the ticket now in their row,
 * and the selection follows the selected ticket as it would in GTK's own list. */

#define WAIT_MS 15000

/* --- The slots on their own ---------------------------------------------------------------- */

typedef struct
{
  guint position, removed, added, calls;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  *change = (Change) { position, removed, added, change->calls + 1 };
}

static void
notified_cb (GObject    *slot,
             GParamSpec *pspec,
             guint      *n)
{
  (*n)++;
}

static GObject *
slot_item (GListModel *slots,
           guint       position)
{
  g_autoptr(DeskRowSlot) slot = g_list_model_get_item (slots, position);

  g_assert_nonnull (slot);
  return desk_row_slot_get_item (slot);
}

static void
test_slots_follow_model (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(DeskRowSlots) slots = NULL;
  g_autoptr(DeskRowSlot) first = NULL;
  g_autoptr(DeskRowSlot) second = NULL;
  GObject *items[4];
  Change change = { 0, };
  guint n_notified = 0;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      items[i] = g_object_new (G_TYPE_OBJECT, NULL);
      if (i < 3)
        g_list_store_append (store, items[i]);
    }

  slots = desk_row_slots_new (G_LIST_MODEL (store));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (slots)) == DESK_TYPE_ROW_SLOT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (slot_item (G_LIST_MODEL (slots), i) == items[i]);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (slots), 3));

  g_signal_connect (slots, "items-changed", G_CALLBACK (items_changed_cb), &change);
  first = g_list_model_get_item (G_LIST_MODEL (slots), 0);
  second = g_list_model_get_item (G_LIST_MODEL (slots), 1);
  g_signal_connect (first, "notify::item", G_CALLBACK (notified_cb), &n_notified);

  /* The first item goes: the rows stay where they are and show the next items; only the
   * last row goes. */
  g_list_store_remove (store, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 2);
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_true (desk_row_slot_get_item (first) == items[1]);
  g_assert_true (desk_row_slot_get_item (second) == items[2]);

  /* Two items come in front: the rows there show them, and one row is added at the end. */
  g_list_store_insert (store, 0, items[0]);
  g_list_store_insert (store, 1, items[3]);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 4);
  g_assert_cmpuint (change.calls, ==, 3);
  g_assert_cmpuint (change.position, ==, 3);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_true (desk_row_slot_get_item (first) == items[0]);
  g_assert_true (desk_row_slot_get_item (second) == items[3]);
  g_assert_true (slot_item (G_LIST_MODEL (slots), 2) == items[1]);
  g_assert_true (slot_item (G_LIST_MODEL (slots), 3) == items[2]);

  /* An item changed in place at the end tells only its own row. */
  n_notified = 0;
  g_list_store_splice (store, 3, 1, (gpointer *) &items[1], 1);
  g_assert_cmpuint (change.calls, ==, 3);
  g_assert_cmpuint (n_notified, ==, 0);
  g_assert_true (slot_item (G_LIST_MODEL (slots), 3) == items[1]);

  /* A row gone lets go of its item. */
  g_list_store_remove_all (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 0);
  g_assert_null (desk_row_slot_get_item (first));

  g_clear_object (&slots);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_assert_finalize_object (items[i]);
}

static gboolean
slots_complete (gpointer data)
{
  GListModel *slots = data;
  DeskRowSlots *self = DESK_ROW_SLOTS (slots);

  return g_list_model_get_n_items (slots) ==
         g_list_model_get_n_items (g_object_get_data (G_OBJECT (self), "test-model"));
}

/* A list that grows by more than a screenful shows one at once and the rest after the
 * frames to come; a page about to select a position shows them all first. */
static void
test_slots_screenful_at_a_time (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(DeskRowSlots) slots = desk_row_slots_new (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  Change change = { 0, };
  guint first_batch;

  g_object_set_data (G_OBJECT (slots), "test-model", store);
  for (guint i = 0; i < 100; i++)
    g_ptr_array_add (items, g_object_new (G_TYPE_OBJECT, NULL));

  g_signal_connect (slots, "items-changed", G_CALLBACK (items_changed_cb), &change);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  first_batch = g_list_model_get_n_items (G_LIST_MODEL (slots));
  g_assert_cmpuint (first_batch, >, 0);
  g_assert_cmpuint (first_batch, <, 100);
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.added, ==, first_batch);
  for (guint i = 0; i < first_batch; i++)
    g_assert_true (slot_item (G_LIST_MODEL (slots), i) == items->pdata[i]);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (slots), first_batch));

  /* The rest follows on the main loop, in order, each slot with its item. */
  g_assert_true (desk_test_wait_for (slots_complete, slots, WAIT_MS));
  g_assert_cmpuint (change.calls, >, 1);
  for (guint i = 0; i < 100; i++)
    g_assert_true (slot_item (G_LIST_MODEL (slots), i) == items->pdata[i]);

  /* Narrowed to a few and back: a screenful again. A position among those shown changes
   * nothing; the last one, about to be selected, brings every row up to it at once. */
  g_list_store_splice (store, 5, 95, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 5);
  g_list_store_splice (store, 5, 0, items->pdata + 5, 95);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, first_batch + 5);
  desk_row_slots_show_position (slots, 3);
  desk_row_slots_show_position (slots, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, first_batch + 5);
  desk_row_slots_show_position (slots, 99);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 100);
  g_assert_true (slot_item (G_LIST_MODEL (slots), 99) == items->pdata[99]);

  /* Emptied while rows were still to come: nothing is left to show. */
  g_list_store_splice (store, 5, 95, NULL, 0);
  g_list_store_splice (store, 5, 0, items->pdata + 5, 95);
  g_list_store_remove_all (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 0);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  gtk_list_item_set_child (item, gtk_label_new ("Row"));
}

static gboolean
laid_out (gpointer data)
{
  return gtk_widget_get_height (data) > 0;
}

/* A screenful is as many rows as the view holds: before the view is laid out, as many as
 * its window could hold, and after, as many as its height holds. */
static void
test_slots_fit_the_view (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(DeskRowSlots) slots = desk_row_slots_new (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view;
  guint batch;
  int height;

  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (items, g_object_new (G_TYPE_OBJECT, NULL));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (slots)))),
                            factory);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 500);

  /* In its window, not yet laid out: enough rows to fill the window, fewer than the
   * screenful of a view that says nothing. */
  desk_row_slots_fit (slots, view);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  batch = g_list_model_get_n_items (G_LIST_MODEL (slots));
  g_assert_cmpuint (batch * 32, >=, 500 - 46);
  g_assert_cmpuint (batch, <, 32);

  /* Laid out: the rows its height holds, and no more than one beyond. */
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (desk_test_wait_for (laid_out, view, WAIT_MS));
  height = gtk_widget_get_height (view);
  desk_row_slots_fit (slots, view);
  g_list_store_remove_all (store);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  batch = g_list_model_get_n_items (G_LIST_MODEL (slots));
  g_assert_cmpint (batch * 32, >=, height);
  g_assert_cmpint ((batch - 1) * 32, <=, height);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- On the Tickets screen ------------------------------------------------------------------- */

typedef struct
{
  DeskSandbox     *sandbox;
  DeskApiClient   *client;
  DeskCatalog     *catalog;
  GSettings       *settings;
  DeskContext     *context;
  GtkWindow       *window;
  DeskTicketsPage *page;
} Fixture;

static gboolean
list_settled (gpointer data)
{
  Fixture *fixture = data;
  DeskPagedList *list = desk_tickets_page_get_list (fixture->page);

  return !desk_tickets_page_get_searching (fixture->page) &&
         desk_paged_list_get_n_pages (list) > 0 && !desk_paged_list_get_loading (list);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static GtkListView *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return GTK_LIST_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_list_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_labels (GtkWidget  *widget,
                GHashTable *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_hash_table_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* The text of every label the list shows. */
static GHashTable *
shown_texts (Fixture *fixture)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->window), 2, WAIT_MS));
  collect_labels (GTK_WIDGET (find_list_view (GTK_WIDGET (fixture->page))), texts);

  return texts;
}

static void
type_text (Fixture    *fixture,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (desk_tickets_page_get_search_entry (fixture->page)), text);
}

static DeskTicket *
row (Fixture *fixture,
     guint    position)
{
  g_autoptr(DeskTicket) ticket = g_list_model_get_item (desk_tickets_page_get_rows (fixture->page),
                                                        position);

  g_assert_nonnull (ticket);
  return ticket;
}

static DeskTicket *
selected_ticket (GtkSingleSelection *selection)
{
  return desk_row_slot_get_item (gtk_single_selection_get_selected_item (selection));
}

static void
test_rows_show_their_tickets (void)
{
  Fixture fixture = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(DeskTicket) kept = NULL;
  g_autoptr(DeskTicket) dropped = NULL;
  DeskTicketFilters filters = { .range = DESK_TICKET_RANGE_ALL };
  GtkSingleSelection *selection;
  gpointer page;
  guint position = GTK_INVALID_LIST_POSITION;

  fixture.sandbox = g_object_new (DESK_TYPE_SANDBOX, "seed", 7, "n-customers", 40,
                                  "n-tickets", 200, "n-invoices", 10, "rate-limit", 0, NULL);
  desk_sandbox_start (fixture.sandbox, 0, &error);
  g_assert_no_error (error);
  fixture.client = desk_api_client_new (desk_sandbox_get_url (fixture.sandbox),
                                        DESK_SANDBOX_DEMO_API_KEY);
  fixture.catalog = desk_catalog_new (fixture.client);
  fixture.settings = g_settings_new ("io.frontdesk.FrontDesk");
  g_settings_reset (fixture.settings, "ticket-filters");
  fixture.context = desk_context_new_for_client (fixture.settings, fixture.client,
                                                 fixture.catalog);
  fixture.page = DESK_TICKETS_PAGE (desk_tickets_page_new (fixture.context));
  fixture.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture.window, 1400, 800);
  gtk_window_set_child (fixture.window, GTK_WIDGET (fixture.page));
  gtk_window_present (fixture.window);
  desk_tickets_page_set_filters (fixture.page, &filters);
  g_assert_true (desk_test_wait_for (list_settled, &fixture, WAIT_MS));

  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (find_list_view (GTK_WIDGET (fixture.page))));
  /* Every row reaches the view, a screenful at a time. */
  g_object_set_data (G_OBJECT (gtk_single_selection_get_model (selection)), "test-model",
                     desk_tickets_page_get_rows (fixture.page));
  g_assert_true (desk_test_wait_for (slots_complete, gtk_single_selection_get_model (selection),
                                     WAIT_MS));

  /* The third row is selected; a search that keeps its ticket moves it to the top. */
  kept = g_object_ref (row (&fixture, 2));
  dropped = g_object_ref (row (&fixture, 0));
  gtk_single_selection_set_selected (selection, 2);
  before = shown_texts (&fixture);
  g_assert_true (g_hash_table_contains (before, desk_ticket_get_order_id (dropped)));

  type_text (&fixture, desk_ticket_get_order_id (kept));
  for (guint i = 0; i < g_list_model_get_n_items (desk_tickets_page_get_rows (fixture.page)); i++)
    if (row (&fixture, i) == kept)
      position = i;
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (position, <, 2);
  g_assert_true (selected_ticket (selection) == kept);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);

  /* The rows show the tickets now in them, not those they showed before. */
  after = shown_texts (&fixture);
  g_assert_true (g_hash_table_contains (after, desk_ticket_get_order_id (kept)));
  if (!g_str_has_prefix (desk_ticket_get_order_id (dropped), desk_ticket_get_order_id (kept)))
    g_assert_false (g_hash_table_contains (after, desk_ticket_get_order_id (dropped)));

  /* A search that leaves the selected ticket out drops the selection. */
  type_text (&fixture, "no ticket has this text");
  g_assert_cmpuint (g_list_model_get_n_items (desk_tickets_page_get_rows (fixture.page)), ==, 0);
  g_assert_null (gtk_single_selection_get_selected_item (selection));
  type_text (&fixture, "");

  page = fixture.page;
  g_object_add_weak_pointer (page, &page);
  gtk_window_destroy (fixture.window);
  g_assert_true (desk_test_wait_for (is_null, &page, WAIT_MS));
  g_assert_finalize_object (fixture.context);
  g_clear_object (&fixture.settings);
  g_clear_object (&fixture.catalog);
  g_clear_object (&fixture.client);
  desk_sandbox_stop (fixture.sandbox);
  g_clear_object (&fixture.sandbox);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);
  g_test_add_func ("/row-slots/follow-model", test_slots_follow_model);
  g_test_add_func ("/row-slots/screenful-at-a-time", test_slots_screenful_at_a_time);
  g_test_add_func ("/row-slots/fit-the-view", test_slots_fit_the_view);
  g_test_add_func ("/tickets-rows/show-their-tickets", test_rows_show_their_tickets);

  return g_test_run ();
}
