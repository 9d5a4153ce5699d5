/* test-invoice-editor.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "desk-sandbox.h"
#include "desk-test-utils.h"
#include "desk-window.h"
#include "invoices/desk-invoice-editor.h"

/* The invoice form against the in-process sandbox: an invoice made of inventory items
 * found by name, by SKU and by a scan, a free line, quantities and a discount, whose
 * totals are the server's; a charger sold over the counter and paid in full; an invoice
 * changed and read back; a refusal that keeps the form; Cancel that asks before lines
 * are thrown away; and the window's actions that open the form. */

#define WAIT_MS 20000

typedef struct
{
  DeskSandbox       *sandbox;
  DeskApiClient     *client;
  GSettings         *settings;
  DeskContext       *context;
  GPtrArray         *inventory;
  DeskInvoiceEditor *editor;
  DeskInvoice       *saved;
  guint              n_saved;
  gboolean           destroyed;
} Fixture;

static GAsyncResult *
await (DeskTestResult *w)
{
  return desk_test_await (w, WAIT_MS);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DeskTestResult w = { NULL };

  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX, "seed", 21, "n-customers", 40,
                                   "n-tickets", 10, "n-invoices", 10, "rate-limit", 0, NULL);
  desk_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);
  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  desk_api_client_set_max_retries (fixture->client, 0);
  desk_rate_governor_set_limit (desk_api_client_get_governor (fixture->client), 100000);
  fixture->settings = g_settings_new (APP_ID);
  fixture->context = desk_context_new_for_client (fixture->settings, fixture->client, NULL);

  desk_api_client_list_inventory_async (fixture->client, NULL, desk_test_result_cb, &w);
  fixture->inventory = desk_api_client_list_inventory_finish (fixture->client, await (&w), &error);
  g_assert_no_error (error);
  desk_test_result_clear (&w);
  g_assert_cmpuint (fixture->inventory->len, >, 10);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
close_dialogs (void)
{
  GtkWindow *dialog;

  while ((dialog = desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_dialogs ();
  if (fixture->editor != NULL)
    {
      gpointer editor = fixture->editor;

      g_object_add_weak_pointer (editor, &editor);
      if (!fixture->destroyed)
        {
          /* A window that goes with its entry focused leaves GTK 4.8 owing a focus-out. */
          gtk_root_set_focus (GTK_ROOT (fixture->editor), NULL);
          gtk_window_destroy (GTK_WINDOW (fixture->editor));
        }
      g_clear_object (&fixture->editor);
      g_assert_true (desk_test_wait_for (is_null, &editor, WAIT_MS));
    }
  g_clear_object (&fixture->saved);
  g_clear_pointer (&fixture->inventory, g_ptr_array_unref);
  g_assert_finalize_object (fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

/* --- Helpers ------------------------------------------------------------------------------ */

static void
saved_cb (DeskInvoiceEditor *editor,
          DeskInvoice       *invoice,
          Fixture           *fixture)
{
  g_set_object (&fixture->saved, invoice);
  fixture->n_saved++;
}

static void
destroyed_cb (GtkWidget *editor,
              Fixture   *fixture)
{
  fixture->destroyed = TRUE;
}

static gboolean
editor_ready (gpointer data)
{
  return desk_invoice_editor_get_ready (data);
}

static void
open_editor (Fixture *fixture,
             gint64   invoice_id)
{
  fixture->editor = g_object_ref (desk_invoice_editor_new (fixture->context, invoice_id));
  fixture->destroyed = FALSE;
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (saved_cb), fixture);
  g_signal_connect (fixture->editor, "destroy", G_CALLBACK (destroyed_cb), fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->editor), 900, 800);
  gtk_window_present (GTK_WINDOW (fixture->editor));
  g_assert_true (desk_test_wait_for (editor_ready, fixture->editor, WAIT_MS));
}

static DeskInventoryItem *
find_item (Fixture    *fixture,
           const char *name_part,
           guint       skip)
{
  for (guint i = 0; i < fixture->inventory->len; i++)
    {
      DeskInventoryItem *item = g_ptr_array_index (fixture->inventory, i);
      const char *name = desk_named_item_get_name (DESK_NAMED_ITEM (item));

      if (strstr (name, name_part) != NULL && desk_inventory_item_get_price (item) > 0 &&
          skip-- == 0)
        return item;
    }

  g_assert_not_reached ();
}

static GtkWidget *
result_row (Fixture *fixture,
            guint    i)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (desk_invoice_editor_get_item_results (fixture->editor)));

  while (row != NULL && i-- > 0)
    row = gtk_widget_get_next_sibling (row);

  return row;
}

static void
pick_result (Fixture           *fixture,
             DeskInventoryItem *expected)
{
  GtkListBox *results = desk_invoice_editor_get_item_results (fixture->editor);

  for (guint i = 0; result_row (fixture, i) != NULL; i++)
    {
      GtkWidget *row = result_row (fixture, i);

      if (gtk_widget_get_visible (row) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                     desk_named_item_get_name (DESK_NAMED_ITEM (expected))) == 0)
        {
          g_signal_emit_by_name (results, "row-activated", row);
          return;
        }
    }

  g_assert_not_reached ();
}

/* A barcode scanner types the SKU as keys, then Enter. */
static void
scan (Fixture    *fixture,
      const char *sku)
{
  GtkEditable *search = desk_invoice_editor_get_item_search (fixture->editor);

  gtk_editable_set_text (search, sku);
  g_signal_emit_by_name (search, "activate");
}

static void
set_line (Fixture    *fixture,
          guint       line,
          const char *field,
          const char *text)
{
  GtkEditable *editable = desk_invoice_editor_get_line_field (fixture->editor, line, field);

  g_assert_nonnull (editable);
  gtk_editable_set_text (editable, text);
}

static gboolean
can_save (gpointer data)
{
  return desk_invoice_editor_get_can_save (data);
}

static gboolean
is_saved (gpointer data)
{
  return ((Fixture *) data)->saved != NULL;
}

static gboolean
not_busy_with_message (gpointer data)
{
  return !desk_invoice_editor_get_busy (data) && desk_invoice_editor_get_message (data) != NULL;
}

static void
save (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL);
}

static gboolean
has_customer (gpointer data)
{
  return desk_invoice_editor_get_customer (data) != NULL;
}

static DeskCustomer *
choose_customer (Fixture *fixture)
{
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GError) error = NULL;
  GtkEditable *search = desk_invoice_editor_get_customer_search (fixture->editor);
  DeskTestResult w = { NULL };
  DeskCustomer *customer;

  desk_api_client_list_customers_async (fixture->client, NULL, -1, NULL, desk_test_result_cb, &w);
  customers = desk_api_client_list_customers_finish (fixture->client, await (&w), NULL, &error);
  g_assert_no_error (error);
  desk_test_result_clear (&w);
  customer = g_ptr_array_index (customers, 3);

  gtk_editable_set_text (search, desk_customer_get_phone (customer)[0] != '\0'
                                 ? desk_customer_get_phone (customer)
                                 : desk_customer_get_last_name (customer));
  g_signal_emit_by_name (search, "activate");
  g_assert_true (desk_test_wait_for (has_customer, fixture->editor, WAIT_MS));

  return desk_invoice_editor_get_customer (fixture->editor);
}

static DeskInvoice *
read_invoice (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  DeskTestResult w = { NULL };
  DeskInvoice *invoice;

  desk_api_client_get_invoice_async (fixture->client, id, NULL, desk_test_result_cb, &w);
  invoice = desk_api_client_get_invoice_finish (fixture->client, await (&w), &error);
  g_assert_no_error (error);
  desk_test_result_clear (&w);

  return invoice;
}

static void assert_touch_targets (Fixture *fixture);

static void
screenshots (Fixture    *fixture,
             const char *name)
{
  static const int widths[] = { 1280, 360 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%d", name, widths[i]);
      g_autofree char *path = NULL;

      g_assert_true (desk_test_resize (GTK_WINDOW (fixture->editor), widths[i], 800, WAIT_MS));
      assert_touch_targets (fixture);
      path = desk_test_save_screenshot (GTK_WIDGET (fixture->editor), file);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_true (desk_test_resize (GTK_WINDOW (fixture->editor), 900, 800, WAIT_MS));
}

/* Every control a finger can press is at least 44 px each way, the list rows as tall. */
static void
check_touch_targets (GtkWidget *widget,
                     GString   *problems)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_compute_bounds (widget, widget, &bounds))
    return;

  if ((GTK_IS_BUTTON (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) ||
       GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_MENU_BUTTON (widget) ||
       GTK_IS_LIST_BOX_ROW (widget)) &&
      (bounds.size.height < 44 || (!GTK_IS_LIST_BOX_ROW (widget) && bounds.size.width < 44)))
    g_string_append_printf (problems, "  %s “%s” in %s: %d × %d\n", G_OBJECT_TYPE_NAME (widget),
                            GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL
                            ? gtk_button_get_label (GTK_BUTTON (widget)) : "",
                            G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                            (int) bounds.size.width, (int) bounds.size.height);

  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget))
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    check_touch_targets (c, problems);
}

static void
assert_touch_targets (Fixture *fixture)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  check_touch_targets (GTK_WIDGET (fixture->editor), problems);
  if (problems->len > 0)
    g_test_message ("too small:\n%s", problems->str);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* --- Tests -------------------------------------------------------------------------------- */

static void
test_create_from_inventory (Fixture       *fixture,
                            gconstpointer  data)
{
  DeskInventoryItem *by_name = find_item (fixture, "Charger", 0);
  DeskInventoryItem *by_sku = find_item (fixture, "Screen", 0);
  DeskInventoryItem *scanned = find_item (fixture, "Case", 0);
  g_autoptr(DeskInvoice) read_back = NULL;
  const char *sku = desk_inventory_item_get_sku (by_sku);
  g_autofree char *sku_start = g_strndup (sku, strlen (sku) - 1);
  g_autofree char *name_lower = g_utf8_strdown (desk_named_item_get_name (DESK_NAMED_ITEM (by_name)), -1);
  DeskCustomer *customer;
  DeskTotals totals;
  gint64 subtotal, discount, tax;

  open_editor (fixture, 0);
  g_assert_false (can_save (fixture->editor));
  customer = choose_customer (fixture);

  /* By name, as typed, in any case. */
  gtk_editable_set_text (desk_invoice_editor_get_item_search (fixture->editor), name_lower);
  g_assert_true (gtk_widget_get_visible (result_row (fixture, 0)));
  pick_result (fixture, by_name);
  g_assert_cmpuint (desk_invoice_editor_get_n_lines (fixture->editor), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (desk_invoice_editor_get_item_search (fixture->editor)), ==, "");

  /* By the start of its SKU. */
  gtk_editable_set_text (desk_invoice_editor_get_item_search (fixture->editor), sku_start);
  pick_result (fixture, by_sku);
  g_assert_cmpuint (desk_invoice_editor_get_n_lines (fixture->editor), ==, 2);

  /* A scan adds the item at once; a second scan makes it two. */
  scan (fixture, desk_inventory_item_get_sku (scanned));
  g_assert_cmpuint (desk_invoice_editor_get_n_lines (fixture->editor), ==, 3);
  scan (fixture, desk_inventory_item_get_sku (scanned));
  g_assert_cmpuint (desk_invoice_editor_get_n_lines (fixture->editor), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (desk_invoice_editor_get_line_field (fixture->editor, 2, "quantity")), ==, "2");

  /* A free line is not ready until it has a name and a price. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-free-line", NULL);
  g_assert_cmpuint (desk_invoice_editor_get_n_lines (fixture->editor), ==, 4);
  g_assert_false (desk_invoice_editor_get_totals (fixture->editor, &totals));
  g_assert_false (can_save (fixture->editor));
  set_line (fixture, 3, "name", "Data transfer");
  set_line (fixture, 3, "price", "15.00");

  /* Three of the first, and a discount on the second. */
  set_line (fixture, 0, "quantity", "3");
  set_line (fixture, 1, "discount", "1.25");
  g_assert_true (desk_invoice_editor_get_totals (fixture->editor, &totals));
  g_assert_cmpint (totals.discount, ==, 125);
  g_assert_cmpint (totals.subtotal, ==, 3 * desk_inventory_item_get_price (by_name) +
                                        desk_inventory_item_get_price (by_sku) +
                                        2 * desk_inventory_item_get_price (scanned) + 1500);
  g_assert_true (desk_test_wait_for (can_save, fixture->editor, WAIT_MS));
  screenshots (fixture, "invoice-editor-new");

  /* Sent once: the second press while it is on its way does nothing. */
  save (fixture);
  g_assert_true (desk_invoice_editor_get_busy (fixture->editor));
  g_assert_false (can_save (fixture->editor));
  save (fixture);
  g_assert_true (desk_test_wait_for (is_saved, fixture, WAIT_MS));
  g_assert_cmpuint (fixture->n_saved, ==, 1);

  /* The totals the form showed are the server's. */
  read_back = read_invoice (fixture, desk_invoice_get_id (fixture->saved));
  g_object_get (read_back, "subtotal", &subtotal, "discount", &discount, "total-tax", &tax, NULL);
  g_assert_cmpint (subtotal, ==, totals.subtotal);
  g_assert_cmpint (discount, ==, totals.discount);
  g_assert_cmpint (tax, ==, totals.tax);
  g_assert_cmpint (desk_invoice_get_total (read_back), ==, totals.total);
  g_assert_cmpint (desk_invoice_get_customer_id (read_back), ==, desk_customer_get_id (customer));
  g_assert_cmpuint (g_list_model_get_n_items (desk_invoice_get_items (read_back)), ==, 4);
}

/* A charger over the counter: walk-in, scan, create, pay it all, and it reads Paid. */
static void
test_sell_charger (Fixture       *fixture,
                   gconstpointer  data)
{
  DeskInventoryItem *charger = find_item (fixture, "Charger", 1);
  DeskWriter *writer = desk_context_get_writer (fixture->context);
  g_autoptr(DeskChange) payment = NULL;
  g_autoptr(DeskInvoice) paid = NULL;
  g_autoptr(DeskInvoice) read_back = NULL;
  g_autoptr(GError) error = NULL;
  DeskTestResult w = { NULL };
  DeskTotals totals;
  gint64 id;

  open_editor (fixture, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.walk-in", NULL);
  g_assert_true (desk_invoice_editor_get_walk_in (fixture->editor));
  scan (fixture, desk_inventory_item_get_sku (charger));
  g_assert_cmpuint (desk_invoice_editor_get_n_lines (fixture->editor), ==, 1);
  g_assert_true (desk_invoice_editor_get_totals (fixture->editor, &totals));
  g_assert_cmpint (totals.total, >, desk_inventory_item_get_price (charger) - 1);
  g_assert_true (desk_test_wait_for (can_save, fixture->editor, WAIT_MS));
  save (fixture);
  g_assert_true (desk_test_wait_for (is_saved, fixture, WAIT_MS));
  id = desk_invoice_get_id (fixture->saved);
  g_assert_cmpint (desk_invoice_get_customer_id (fixture->saved), ==, 0);
  g_assert_cmpint (desk_invoice_get_total (fixture->saved), ==, totals.total);

  payment = desk_change_new_add_payment (id, totals.total, "Cash",
                                         g_get_real_time () / G_USEC_PER_SEC, "Over the counter");
  desk_writer_submit_async (writer, payment, NULL, desk_test_result_cb, &w);
  g_assert_cmpint (desk_writer_submit_finish (writer, await (&w), (gpointer *) &paid, &error), ==,
                   DESK_FATE_SAVED);
  g_assert_no_error (error);
  desk_test_result_clear (&w);

  read_back = read_invoice (fixture, id);
  g_assert_cmpstr (desk_invoice_get_status (read_back), ==, "Paid");
  g_assert_cmpint (desk_invoice_get_amount_due (read_back), ==, 0);
  g_assert_cmpint (desk_invoice_get_amount_paid (read_back), ==, totals.total);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Changed, and read back: the form closes once the server holds what was sent. */
static void
test_edit_invoice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(DeskListQuery) query = desk_list_query_new ();
  g_autoptr(DeskInvoice) before = NULL;
  g_autoptr(DeskInvoice) after = NULL;
  g_autoptr(DeskInvoiceItem) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *more = NULL;
  DeskTestResult w = { NULL };
  gpointer editor;
  gint64 id, quantity;

  query->filter = DESK_LIST_FILTER_ALL;
  desk_api_client_list_invoices_async (fixture->client, query, 0, NULL, desk_test_result_cb, &w);
  invoices = desk_api_client_list_invoices_finish (fixture->client, await (&w), NULL, &error);
  g_assert_no_error (error);
  desk_test_result_clear (&w);
  id = desk_invoice_get_id (g_ptr_array_index (invoices, 0));
  before = read_invoice (fixture, id);
  first = g_list_model_get_item (desk_invoice_get_items (before), 0);
  quantity = desk_invoice_item_get_quantity (first);

  open_editor (fixture, id);
  g_assert_cmpuint (desk_invoice_editor_get_n_lines (fixture->editor), ==,
                    g_list_model_get_n_items (desk_invoice_get_items (before)));
  {
    DeskTotals totals;

    g_assert_true (desk_invoice_editor_get_totals (fixture->editor, &totals));
    g_assert_cmpint (totals.total, ==, desk_invoice_get_total (before));
  }
  screenshots (fixture, "invoice-editor-edit");

  more = g_strdup_printf ("%" G_GINT64_FORMAT, quantity + 1);
  set_line (fixture, 0, "quantity", more);
  g_assert_true (desk_test_wait_for (can_save, fixture->editor, WAIT_MS));
  editor = fixture->editor;
  g_object_add_weak_pointer (editor, &editor);
  save (fixture);
  g_assert_true (desk_test_wait_for (is_saved, fixture, WAIT_MS));
  g_assert_null (desk_invoice_editor_get_message (fixture->editor));
  g_clear_object (&fixture->editor);
  g_assert_true (desk_test_wait_for (is_gone, &editor, WAIT_MS));

  after = read_invoice (fixture, id);
  g_clear_object (&first);
  first = g_list_model_get_item (desk_invoice_get_items (after), 0);
  g_assert_cmpint (desk_invoice_item_get_quantity (first), ==, quantity + 1);
  g_assert_cmpint (desk_invoice_get_total (after), ==, desk_invoice_get_total (fixture->saved));
  g_assert_cmpint (desk_invoice_get_total (after), >, desk_invoice_get_total (before));
  /* What was not touched stays as it was: the customer and the due date. */
  {
    gint64 due_before = 0, due_after = 0;

    g_object_get (before, "due-on", &due_before, NULL);
    g_object_get (after, "due-on", &due_after, NULL);
    g_assert_cmpint (due_after, ==, due_before);
    g_assert_cmpint (desk_invoice_get_customer_id (after), ==, desk_invoice_get_customer_id (before));
  }
}

typedef struct
{
  Fixture *fixture;
  guint    requests;
} Arrival;

static gboolean
request_arrived (gpointer data)
{
  Arrival *arrival = data;

  return desk_sandbox_get_request_count (arrival->fixture->sandbox) > arrival->requests;
}

/* Someone else changes the invoice between the form's PUT and its reading back: the form
 * shows what the server holds and says that it is not what was sent. */
static void
test_edit_differs (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(DeskListQuery) query = desk_list_query_new ();
  g_autoptr(DeskInvoice) other = NULL;
  g_autoptr(DeskInvoice) changed = NULL;
  g_autoptr(DeskInvoiceItem) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *route = NULL;
  g_autoptr(DeskApiClient) other_pc = NULL;
  DeskTestResult w = { NULL };
  Arrival arrival = { fixture, 0 };
  gint64 id;

  query->filter = DESK_LIST_FILTER_ALL;
  desk_api_client_list_invoices_async (fixture->client, query, 0, NULL, desk_test_result_cb, &w);
  invoices = desk_api_client_list_invoices_finish (fixture->client, await (&w), NULL, &error);
  g_assert_no_error (error);
  desk_test_result_clear (&w);
  id = desk_invoice_get_id (g_ptr_array_index (invoices, 1));

  /* Another counter's PC, with a connection of its own. */
  other_pc = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                  DESK_SANDBOX_DEMO_API_KEY);
  other = read_invoice (fixture, id);
  first = g_list_model_get_item (desk_invoice_get_items (other), 0);
  g_object_set (first, "quantity", (gint64) 7, NULL);

  open_editor (fixture, id);
  set_line (fixture, 0, "quantity", "2");
  g_assert_true (desk_test_wait_for (can_save, fixture->editor, WAIT_MS));

  /* Every request on this invoice waits a second before it is served, in the order they
   * came: the form's PUT, the other PC's PUT, then the form's reading back. */
  route = g_strdup_printf ("invoices/%" G_GINT64_FORMAT, id);
  desk_sandbox_set_route_latency (fixture->sandbox, route, 1000);
  arrival.requests = desk_sandbox_get_request_count (fixture->sandbox);
  save (fixture);
  g_assert_true (desk_test_wait_for (request_arrived, &arrival, WAIT_MS));
  desk_api_client_update_invoice_async (other_pc, other, NULL, desk_test_result_cb, &w);
  changed = desk_api_client_update_invoice_finish (other_pc, await (&w), &error);
  g_assert_no_error (error);
  desk_test_result_clear (&w);

  g_assert_true (desk_test_wait_for (is_saved, fixture, WAIT_MS));
  desk_sandbox_set_route_latency (fixture->sandbox, route, 0);
  g_assert_false (fixture->destroyed);
  g_assert_nonnull (strstr (desk_invoice_editor_get_message (fixture->editor), "holds something else"));
  g_assert_cmpstr (gtk_editable_get_text (desk_invoice_editor_get_line_field (fixture->editor, 0, "quantity")), ==, "7");
  {
    DeskTotals totals;

    g_assert_true (desk_invoice_editor_get_totals (fixture->editor, &totals));
    g_assert_cmpint (totals.total, ==, desk_invoice_get_total (changed));
  }
  screenshots (fixture, "invoice-editor-differs");
}

/* RepairDesk refuses a customer it does not know: everything typed stays, with its words. */
static void
test_refusal_keeps_form (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DeskCustomer) stranger = desk_customer_new ();

  g_object_set (stranger, "id", (gint64) 99999999, "first-name", "Nobody", NULL);
  open_editor (fixture, 0);
  desk_invoice_editor_set_customer (fixture->editor, stranger);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-free-line", NULL);
  set_line (fixture, 0, "name", "Screen cleaning");
  set_line (fixture, 0, "price", "5.00");
  g_assert_true (desk_test_wait_for (can_save, fixture->editor, WAIT_MS));
  save (fixture);
  g_assert_true (desk_test_wait_for (not_busy_with_message, fixture->editor, WAIT_MS));

  g_assert_null (fixture->saved);
  g_assert_nonnull (strstr (desk_invoice_editor_get_message (fixture->editor), "not created"));
  g_assert_nonnull (strstr (desk_invoice_editor_get_message (fixture->editor), "customer"));
  g_assert_null (strstr (desk_invoice_editor_get_message (fixture->editor), "{"));
  g_assert_cmpuint (desk_invoice_editor_get_n_lines (fixture->editor), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (desk_invoice_editor_get_line_field (fixture->editor, 0, "name")), ==,
                   "Screen cleaning");
  g_assert_true (can_save (fixture->editor));
  screenshots (fixture, "invoice-editor-refused");
}

typedef struct
{
  Fixture *fixture;
  guint    requests;
} FaultWatch;

/* The request that meets the fault has reached the server. The sandbox clears the fault
 * as that request meets it (desk_sandbox_set_fault_times ()), so the next ones go
 * through: clearing it from here raced with the server's thread. */
static gboolean
fault_met (gpointer data)
{
  FaultWatch *watch = data;

  return desk_sandbox_get_request_count (watch->fixture->sandbox) > watch->requests;
}

/* No request of the form's on its way or waiting: a fault set now meets the next one. */
static gboolean
client_idle (gpointer data)
{
  Fixture *fixture = data;

  return desk_api_client_get_n_active (fixture->client) == 0 &&
         desk_rate_governor_get_queued (desk_api_client_get_governor (fixture->client)) == 0;
}

static void
fill_walk_in_sale (Fixture    *fixture,
                   const char *what)
{
  open_editor (fixture, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.walk-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-free-line", NULL);
  set_line (fixture, 0, "name", what);
  set_line (fixture, 0, "price", "12.00");
  g_assert_true (desk_test_wait_for (can_save, fixture->editor, WAIT_MS));
  /* The form's own reads (the inventory, the tax classes) are done before a fault is set,
   * or one of them would meet it in place of the invoice. */
  g_assert_true (desk_test_wait_for (client_idle, fixture, WAIT_MS));
}

/* Invoices today that hold a line named @what. */
static guint
count_invoices_of (Fixture    *fixture,
                   const char *what)
{
  g_autoptr(DeskListQuery) query = desk_list_query_new ();
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GError) error = NULL;
  DeskTestResult w = { NULL };

  query->keyword = g_strdup (what);
  query->filter = DESK_LIST_FILTER_ALL;
  desk_api_client_list_invoices_async (fixture->client, query, 0, NULL, desk_test_result_cb, &w);
  invoices = desk_api_client_list_invoices_finish (fixture->client, await (&w), NULL, &error);
  desk_test_result_clear (&w);
  g_assert_no_error (error);

  return invoices->len;
}

static gboolean
offers_send_again (gpointer data)
{
  return !desk_invoice_editor_get_busy (data) && desk_invoice_editor_get_message (data) != NULL &&
         strstr (desk_invoice_editor_get_message (data), "again") != NULL;
}

/* The connection drops before the server has the invoice: the form looks, finds nothing,
 * and only then offers to send it again, which makes one invoice. */
static void
test_unknown_not_arrived (Fixture       *fixture,
                          gconstpointer  data)
{
  FaultWatch watch = { fixture, 0 };

  fill_walk_in_sale (fixture, "Lost connection sale");
  watch.requests = desk_sandbox_get_request_count (fixture->sandbox);
  desk_sandbox_set_fault_times (fixture->sandbox, DESK_SANDBOX_FAULT_DROP_MID_BODY, 1);
  save (fixture);
  g_assert_true (desk_test_wait_for (fault_met, &watch, WAIT_MS));
  g_assert_true (desk_test_wait_for (offers_send_again, fixture->editor, WAIT_MS));
  g_assert_nonnull (strstr (desk_invoice_editor_get_message (fixture->editor), "did not reach"));
  g_assert_null (fixture->saved);
  /* Not sent again by itself, nor by Create: only by Send Again. */
  g_assert_false (can_save (fixture->editor));
  g_assert_cmpuint (count_invoices_of (fixture, "Lost connection sale"), ==, 0);
  screenshots (fixture, "invoice-editor-send-again");

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.send-again", NULL);
  g_assert_true (desk_test_wait_for (is_saved, fixture, WAIT_MS));
  g_assert_cmpuint (count_invoices_of (fixture, "Lost connection sale"), ==, 1);
}

/* The server made the invoice but its answer was lost: the form finds it and is done,
 * with nothing sent twice. */
static void
test_unknown_arrived (Fixture       *fixture,
                      gconstpointer  data)
{
  FaultWatch watch = { fixture, 0 };

  fill_walk_in_sale (fixture, "Unreadable reply sale");
  watch.requests = desk_sandbox_get_request_count (fixture->sandbox);
  desk_sandbox_set_fault_times (fixture->sandbox, DESK_SANDBOX_FAULT_TRUNCATED_JSON, 1);
  save (fixture);
  g_assert_true (desk_test_wait_for (fault_met, &watch, WAIT_MS));
  g_assert_true (desk_test_wait_for (is_saved, fixture, WAIT_MS));
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpuint (count_invoices_of (fixture, "Unreadable reply sale"), ==, 1);
  g_assert_cmpint (desk_invoice_get_customer_id (fixture->saved), ==, 0);
}

static gboolean
dialog_shown (gpointer data)
{
  return desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Cancel closes an empty form at once, and asks before typed lines are thrown away. */
static void
test_cancel_asks (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwMessageDialog *dialog;
  gpointer editor;

  /* Escape in the item search clears it first, then closes the empty form. */
  open_editor (fixture, 0);
  editor = fixture->editor;
  g_object_add_weak_pointer (editor, &editor);
  gtk_editable_set_text (desk_invoice_editor_get_item_search (fixture->editor), "cable");
  g_signal_emit_by_name (desk_invoice_editor_get_item_search (fixture->editor), "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (desk_invoice_editor_get_item_search (fixture->editor)), ==, "");
  g_assert_false (fixture->destroyed);
  g_signal_emit_by_name (desk_invoice_editor_get_item_search (fixture->editor), "stop-search");
  g_clear_object (&fixture->editor);
  g_assert_true (desk_test_wait_for (is_gone, &editor, WAIT_MS));
  g_assert_null (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));

  open_editor (fixture, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-free-line", NULL);
  set_line (fixture, 0, "name", "Screen cleaning");
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.cancel", NULL);
  g_assert_true (desk_test_wait_for (dialog_shown, NULL, WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));

  /* Keep it: nothing lost. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (desk_invoice_editor_get_n_lines (fixture->editor), ==, 1);

  /* Discard it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.cancel", NULL);
  g_assert_true (desk_test_wait_for (dialog_shown, NULL, WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  editor = fixture->editor;
  g_object_add_weak_pointer (editor, &editor);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&fixture->editor);
  g_assert_true (desk_test_wait_for (is_gone, &editor, WAIT_MS));
}

/* A label of @widget's tree that starts with @start and ends with @end. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *start,
            const char *end)
{
  if (GTK_IS_LABEL (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), start) &&
      g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)), end))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, start, end);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget *window;
  char      *text;
} ToastWant;

static gboolean
toast_shown (gpointer data)
{
  ToastWant *want = data;

  return find_label (want->window, want->text, " created") != NULL;
}

static gint64
invoice_id_of (GtkWindow *editor)
{
  gint64 id = -1;

  g_object_get (editor, "invoice-id", &id, NULL);

  return id;
}

/* The window's actions open the form, over the window. */
static void
test_window_actions (Fixture       *fixture,
                     gconstpointer  data)
{
  DeskWindow *window = desk_window_new (NULL, fixture->context);
  gpointer weak_window = window;
  gpointer weak_editor = NULL;
  GtkWindow *found;

  g_object_add_weak_pointer (weak_window, &weak_window);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-invoice", NULL));
  found = desk_test_find_window (DESK_TYPE_INVOICE_EDITOR);
  g_assert_nonnull (found);
  g_assert_true (gtk_window_get_transient_for (found) == GTK_WINDOW (window));
  g_assert_cmpint (invoice_id_of (found), ==, 0);
  gtk_window_destroy (found);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-invoice", "x",
                                             (gint64) 42));
  found = desk_test_find_window (DESK_TYPE_INVOICE_EDITOR);
  g_assert_nonnull (found);
  g_assert_cmpint (invoice_id_of (found), ==, 42);
  weak_editor = found;
  g_object_add_weak_pointer (weak_editor, &weak_editor);
  gtk_window_destroy (found);

  /* Made from the window: the window says so, naming the invoice. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-invoice", NULL));
  fixture->editor = g_object_ref (DESK_INVOICE_EDITOR (desk_test_find_window (DESK_TYPE_INVOICE_EDITOR)));
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (saved_cb), fixture);
  g_signal_connect (fixture->editor, "destroy", G_CALLBACK (destroyed_cb), fixture);
  g_assert_true (desk_test_wait_for (editor_ready, fixture->editor, WAIT_MS));
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.walk-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-free-line", NULL);
  set_line (fixture, 0, "name", "Phone setup");
  set_line (fixture, 0, "price", "20.00");
  save (fixture);
  g_assert_true (desk_test_wait_for (is_saved, fixture, WAIT_MS));
  {
    ToastWant want = { GTK_WIDGET (window), NULL };

    want.text = g_strdup_printf ("Invoice %s", desk_invoice_get_order_id (fixture->saved));
    g_assert_true (desk_test_wait_for (toast_shown, &want, WAIT_MS));
    g_free (want.text);
  }
  g_clear_object (&fixture->editor);

  /* The toast's Open: the invoice on the Invoices screen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-invoice", "x",
                                             (gint64) 42));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), DESK_TYPE_WINDOW, "content_stack"))),
                   ==, "invoices");

  gtk_window_destroy (GTK_WINDOW (window));
  /* Nothing holds the form or the window once they are closed: not a request under way. */
  g_assert_true (desk_test_wait_for (is_gone, &weak_editor, WAIT_MS));
  g_assert_true (desk_test_wait_for (is_gone, &weak_window, WAIT_MS));
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add ("/invoice-editor/create-from-inventory", Fixture, NULL, fixture_set_up,
              test_create_from_inventory, fixture_tear_down);
  g_test_add ("/invoice-editor/sell-charger", Fixture, NULL, fixture_set_up,
              test_sell_charger, fixture_tear_down);
  g_test_add ("/invoice-editor/edit", Fixture, NULL, fixture_set_up,
              test_edit_invoice, fixture_tear_down);
  g_test_add ("/invoice-editor/edit-differs", Fixture, NULL, fixture_set_up,
              test_edit_differs, fixture_tear_down);
  g_test_add ("/invoice-editor/refusal-keeps-form", Fixture, NULL, fixture_set_up,
              test_refusal_keeps_form, fixture_tear_down);
  g_test_add ("/invoice-editor/unknown-not-arrived", Fixture, NULL, fixture_set_up,
              test_unknown_not_arrived, fixture_tear_down);
  g_test_add ("/invoice-editor/unknown-arrived", Fixture, NULL, fixture_set_up,
              test_unknown_arrived, fixture_tear_down);
  g_test_add ("/invoice-editor/cancel-asks", Fixture, NULL, fixture_set_up,
              test_cancel_asks, fixture_tear_down);
  g_test_add ("/invoice-editor/window-actions", Fixture, NULL, fixture_set_up,
              test_window_actions, fixture_tear_down);

  return g_test_run ();
}
