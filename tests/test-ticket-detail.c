/* test-ticket-detail.c
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
#include "desk-touch.h"
#include "tickets/desk-ticket-detail.h"

/* The ticket detail on its own, against the in-process sandbox: what it keeps when a
 * change fails, what the keyboard reaches, what it offers, and how it shows values. */

/* 2026-01-15 12:00 UTC, so that the store has the same tickets whenever the test runs. */
#define TEST_NOW G_GINT64_CONSTANT (1768478400)
#define WAIT_MS 15000

typedef struct
{
  DeskSandbox      *sandbox;
  DeskApiClient    *client;
  DeskCatalog      *catalog;
  GtkWindow        *window;
  DeskTicketDetail *detail;
  GPtrArray        *tickets;
  GPtrArray        *messages;
} Fixture;

static void
message_cb (DeskTicketDetail *detail,
            const char       *text,
            Fixture          *fixture)
{
  g_ptr_array_add (fixture->messages, g_strdup (text));
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GError) error = NULL;

  fixture->tickets = desk_api_client_list_tickets_finish (DESK_API_CLIENT (object), result, NULL,
                                                          &error);
  g_assert_no_error (error);
}

static gboolean
tickets_listed (gpointer data)
{
  Fixture *fixture = data;

  return fixture->tickets != NULL &&
         desk_catalog_is_loaded (fixture->catalog, DESK_CATALOG_STATUSES) &&
         desk_catalog_is_loaded (fixture->catalog, DESK_CATALOG_EMPLOYEES);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DeskListQuery) query = desk_list_query_new ();
  g_autoptr(GError) error = NULL;

  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX, "seed", 5, "n-customers", 30,
                                   "n-tickets", 120, "n-invoices", 20, "rate-limit", 0,
                                   "today", TEST_NOW, NULL);
  desk_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  desk_api_client_set_max_retries (fixture->client, 0);
  fixture->catalog = desk_catalog_new (fixture->client);
  desk_catalog_load_async (fixture->catalog, DESK_CATALOG_STATUSES, NULL, NULL, NULL);
  desk_catalog_load_async (fixture->catalog, DESK_CATALOG_EMPLOYEES, NULL, NULL, NULL);
  fixture->messages = g_ptr_array_new_with_free_func (g_free);

  query->filter = DESK_LIST_FILTER_ALL;
  query->page_size = 100;
  desk_api_client_list_tickets_async (fixture->client, query, -1, NULL, listed_cb, fixture);
  g_assert_true (desk_test_wait_for (tickets_listed, fixture, WAIT_MS));

  fixture->detail = g_object_new (DESK_TYPE_TICKET_DETAIL, "client", fixture->client,
                                  "catalog", fixture->catalog, NULL);
  g_object_ref_sink (fixture->detail);
  g_signal_connect (fixture->detail, "message", G_CALLBACK (message_cb), fixture);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->detail));
  gtk_window_present (fixture->window);
}

static gboolean
detail_idle (gpointer data)
{
  DeskTicketDetail *detail = data;

  return !desk_ticket_detail_get_busy (detail);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  g_assert_true (desk_test_wait_for (detail_idle, fixture->detail, WAIT_MS));
  gtk_window_destroy (fixture->window);
  /* Nothing else holds the detail: not a request, not a dialog. */
  g_assert_true (desk_test_wait_for_last_ref (fixture->detail, WAIT_MS));
  g_assert_finalize_object (fixture->detail);
  g_clear_pointer (&fixture->tickets, g_ptr_array_unref);
  g_clear_pointer (&fixture->messages, g_ptr_array_unref);
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* --- Helpers -------------------------------------------------------------------------------- */

/* An open ticket with one device, invoiced or not. */
static DeskTicket *
find_ticket (Fixture  *fixture,
             gboolean  invoiced)
{
  for (guint i = 0; i < fixture->tickets->len; i++)
    {
      DeskTicket *ticket = g_ptr_array_index (fixture->tickets, i);

      if (desk_ticket_has_invoice (ticket) == invoiced && !desk_ticket_is_ended (ticket) &&
          g_list_model_get_n_items (desk_ticket_get_devices (ticket)) == 1)
        return ticket;
    }

  g_assert_not_reached ();
}

static gboolean
detail_ready (gpointer data)
{
  DeskTicketDetail *detail = data;

  return desk_ticket_detail_get_ticket (detail) != NULL && !desk_ticket_detail_get_busy (detail) &&
         desk_ticket_detail_get_row (detail, 0, "status") != NULL;
}

static void
open_ticket (Fixture    *fixture,
             DeskTicket *ticket)
{
  desk_ticket_detail_show_ticket (fixture->detail, ticket);
  g_assert_true (desk_test_wait_for (detail_ready, fixture->detail, WAIT_MS));
}

/* The detail is not reading, and the client has nothing on the wire or queued: what was
 * asked has been answered. */
static gboolean
all_answered (gpointer data)
{
  Fixture *fixture = data;
  DeskRateGovernor *governor = desk_api_client_get_governor (fixture->client);

  return !desk_ticket_detail_get_busy (fixture->detail) &&
         desk_api_client_get_n_active (fixture->client) == 0 &&
         desk_rate_governor_get_queued (governor) == 0 &&
         !desk_rate_governor_get_waiting (governor);
}

static void
wait_idle (Fixture *fixture)
{
  g_assert_true (desk_test_wait_for (all_answered, fixture, WAIT_MS));
}

static void
apply_text (Fixture    *fixture,
            const char *property,
            const char *text)
{
  GtkWidget *row = desk_ticket_detail_get_row (fixture->detail, 0, property);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static const char *
row_text (Fixture    *fixture,
          const char *property)
{
  return gtk_editable_get_text (GTK_EDITABLE (desk_ticket_detail_get_row (fixture->detail, 0,
                                                                          property)));
}

/* The info row whose small print is @label, anywhere under @widget. */
static GtkWidget *
find_info_row (GtkWidget  *widget,
               const char *label)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (g_object_get_data (G_OBJECT (widget), "label"), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_info_row (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
screenshots (Fixture    *fixture,
             const char *name)
{
  static const int widths[] = { 1280, 360 };

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%d", name, widths[i]);
      g_autofree char *path = NULL;

      g_assert_true (desk_test_resize (fixture->window, widths[i], 720, WAIT_MS));
      path = desk_test_save_screenshot (GTK_WIDGET (fixture->window), file);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  gtk_window_set_default_size (fixture->window, 1280, 800);
}

/* --- Nothing typed is lost ------------------------------------------------------------------- */

static void
test_failed_comment_kept (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *typed = "Screen cracked further at drop-off; customer agreed to new digitizer";
  GtkWidget *row;
  const char *reason;

  open_ticket (fixture, find_ticket (fixture, FALSE));
  g_assert_null (desk_ticket_detail_get_unsaved (fixture->detail));

  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
  apply_text (fixture, "staff-comments", typed);
  wait_idle (fixture);
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);

  /* The text stays, marked, with the whole reason and a way to send it again. */
  row = desk_ticket_detail_get_row (fixture->detail, 0, "staff-comments");
  g_assert_cmpstr (row_text (fixture, "staff-comments"), ==, typed);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  reason = desk_ticket_detail_get_unsaved (fixture->detail);
  g_assert_nonnull (reason);
  /* A server error on a write may come after it was applied: said as such. */
  g_assert_true (g_str_has_prefix (reason, "The change to Staff Comments may not have been saved."));
  g_assert_nonnull (strstr (reason, "RepairDesk did not confirm whether the change was saved."));
  g_assert_true (gtk_widget_is_sensitive (row));
  screenshots (fixture, "ticket-detail-unsaved");

  /* Another change that fails too wipes neither: both go, and stay, together. */
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
  apply_text (fixture, "imei", "356938035643809");
  wait_idle (fixture);
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  g_assert_cmpstr (row_text (fixture, "imei"), ==, "356938035643809");
  g_assert_cmpstr (row_text (fixture, "staff-comments"), ==, typed);
  g_assert_true (g_str_has_prefix (desk_ticket_detail_get_unsaved (fixture->detail),
                                   "The changes may not have been saved."));
}

/* Another ticket opened meanwhile: the typed text waits for its ticket and comes back. */
static void
test_unsaved_waits_for_ticket (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *typed = "Asked for the old battery back";
  g_autoptr(DeskTicket) first = g_object_ref (find_ticket (fixture, FALSE));
  DeskTicket *other = find_ticket (fixture, TRUE);

  open_ticket (fixture, first);
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
  apply_text (fixture, "staff-comments", typed);
  wait_idle (fixture);
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  g_assert_nonnull (desk_ticket_detail_get_unsaved (fixture->detail));

  open_ticket (fixture, other);
  g_assert_null (desk_ticket_detail_get_unsaved (fixture->detail));
  g_assert_cmpstr (row_text (fixture, "staff-comments"), !=, typed);

  open_ticket (fixture, first);
  g_assert_cmpstr (row_text (fixture, "staff-comments"), ==, typed);
  g_assert_true (gtk_widget_has_css_class (desk_ticket_detail_get_row (fixture->detail, 0,
                                                                       "staff-comments"), "error"));
  g_assert_true (g_str_has_prefix (desk_ticket_detail_get_unsaved (fixture->detail),
                                   "The change to Staff Comments may not have been saved."));
}

static void
test_retry_saves (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *row;

  open_ticket (fixture, find_ticket (fixture, FALSE));
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_DROP_MID_BODY, 1.0);
  apply_text (fixture, "serial", "C39XQ1ABCDEF");
  wait_idle (fixture);
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  g_assert_true (g_str_has_prefix (desk_ticket_detail_get_unsaved (fixture->detail),
                                   "The change to Serial Number may not have been saved."));
  g_assert_cmpstr (row_text (fixture, "serial"), ==, "C39XQ1ABCDEF");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "detail.retry", NULL));
  wait_idle (fixture);
  g_assert_null (desk_ticket_detail_get_unsaved (fixture->detail));
  row = desk_ticket_detail_get_row (fixture->detail, 0, "serial");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (row_text (fixture, "serial"), ==, "C39XQ1ABCDEF");
  g_assert_cmpstr (g_ptr_array_index (fixture->messages, fixture->messages->len - 1), ==, "Saved");
}

static void
test_failed_status_kept (Fixture       *fixture,
                         gconstpointer  data)
{
  AdwComboRow *row;
  DeskNamedItem *shown;

  open_ticket (fixture, find_ticket (fixture, FALSE));
  row = ADW_COMBO_ROW (desk_ticket_detail_get_row (fixture->detail, 0, "status"));
  g_assert_cmpstr (desk_ticket_device_get_status (g_list_model_get_item (desk_ticket_get_devices (desk_ticket_detail_get_ticket (fixture->detail)), 0)), !=, "Waiting for Parts");

  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (row)); i++)
    {
      g_autoptr(DeskNamedItem) item = g_list_model_get_item (adw_combo_row_get_model (row), i);

      if (g_str_equal (desk_named_item_get_name (item), "Waiting for Parts"))
        adw_combo_row_set_selected (row, i);
    }
  wait_idle (fixture);
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);

  /* Same as a text: the choice stays, marked, with Retry. */
  row = ADW_COMBO_ROW (desk_ticket_detail_get_row (fixture->detail, 0, "status"));
  shown = adw_combo_row_get_selected_item (row);
  g_assert_cmpstr (desk_named_item_get_name (shown), ==, "Waiting for Parts");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_true (g_str_has_prefix (desk_ticket_detail_get_unsaved (fixture->detail),
                                   "The change to Status may not have been saved."));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "detail.discard", NULL));
  row = ADW_COMBO_ROW (desk_ticket_detail_get_row (fixture->detail, 0, "status"));
  g_assert_null (desk_ticket_detail_get_unsaved (fixture->detail));
  g_assert_cmpstr (desk_named_item_get_name (adw_combo_row_get_selected_item (row)), !=,
                   "Waiting for Parts");
}

/* --- The keyboard reaches everything --------------------------------------------------------- */

static gboolean
open_with_key (GtkWidget  *row,
               const char *key)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (key);

  for (GtkEventController *c = NULL; c == NULL;)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              g_autofree char *triggers = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
              g_autofree char *one = gtk_shortcut_trigger_to_string (wanted);
              g_auto(GStrv) each = g_strsplit (triggers, "|", -1);

              if (g_strv_contains ((const char * const *) each, one))
                return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, row,
                                                     NULL);
            }
        }
      break;
    }

  return FALSE;
}

static gboolean
popup_open (gpointer data)
{
  return gtk_widget_has_css_class (data, "has-open-popup");
}

static gboolean
popup_closed (gpointer data)
{
  return !popup_open (data);
}

static void
test_keyboard_opens (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const keys[] = { "Return", "KP_Enter", "space" };
  static const char * const properties[] = { "status", "assigned-to-id" };

  open_ticket (fixture, find_ticket (fixture, FALSE));

  for (guint p = 0; p < G_N_ELEMENTS (properties); p++)
    for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
      {
        GtkWidget *row = desk_ticket_detail_get_row (fixture->detail, 0, properties[p]);
        GtkWidget *popover;

        gtk_widget_grab_focus (row);
        g_assert_true (open_with_key (row, keys[k]));
        g_assert_true (desk_test_wait_for (popup_open, row, WAIT_MS));
        popover = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                           GTK_TYPE_POPOVER);
        if (popover == NULL)
          {
            g_autoptr(GPtrArray) popovers = g_ptr_array_new ();

            desk_test_find_all (row, GTK_TYPE_POPOVER, popovers);
            popover = g_ptr_array_index (popovers, 0);
          }
        gtk_popover_popdown (GTK_POPOVER (popover));
        g_assert_true (desk_test_wait_for (popup_closed, row, WAIT_MS));
      }
}

/* After a save the rows are built anew: the focus is back on the field it was on. */
static void
test_focus_kept (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *row;

  open_ticket (fixture, find_ticket (fixture, FALSE));
  row = desk_ticket_detail_get_row (fixture->detail, 0, "imei");
  gtk_widget_grab_focus (row);
  apply_text (fixture, "imei", "490154203237518");
  wait_idle (fixture);

  row = desk_ticket_detail_get_row (fixture->detail, 0, "imei");
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (fixture->window)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), row) ||
                 gtk_root_get_focus (GTK_ROOT (fixture->window)) == row);
}

/* --- Offered only when it makes sense -------------------------------------------------------- */

static gboolean
convert_enabled (Fixture *fixture)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  desk_test_find_all (GTK_WIDGET (fixture->detail), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)),
                   "detail.convert") == 0)
      return gtk_widget_get_sensitive (g_ptr_array_index (buttons, i));

  g_assert_not_reached ();
}

static void
test_convert_offered (Fixture       *fixture,
                      gconstpointer  data)
{
  DeskTicket *ticket = find_ticket (fixture, FALSE);
  g_auto(GValue) value = G_VALUE_INIT;
  guint requests;

  /* Not while the ticket could not be loaded. */
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
  desk_ticket_detail_show_ticket (fixture->detail, ticket);
  wait_idle (fixture);
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  g_assert_false (convert_enabled (fixture));
  requests = desk_sandbox_get_request_count (fixture->sandbox);
  desk_ticket_detail_convert (fixture->detail);
  /* Were it sent, it would be on its way now: the detail busy, the client not idle. */
  g_assert_false (desk_ticket_detail_get_busy (fixture->detail));
  wait_idle (fixture);
  g_assert_cmpuint (desk_sandbox_get_request_count (fixture->sandbox), ==, requests);
  g_assert_null (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));

  /* Loaded, open and not invoiced: yes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "detail.reload", NULL));
  g_assert_true (desk_test_wait_for (detail_ready, fixture->detail, WAIT_MS));
  g_assert_true (convert_enabled (fixture));

  /* Cancelled: no. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Cancelled");
  desk_ticket_detail_change_device (fixture->detail, 0, "status", &value);
  wait_idle (fixture);
  g_assert_null (desk_ticket_detail_get_unsaved (fixture->detail));
  g_assert_true (desk_ticket_is_ended (desk_ticket_detail_get_ticket (fixture->detail)));
  g_assert_false (convert_enabled (fixture));
}

/* --- How values are shown ------------------------------------------------------------------- */

static void
test_totals (Fixture       *fixture,
             gconstpointer  data)
{
  DeskTicket *ticket;
  GtkWidget *total;
  g_autofree char *total_text = NULL;

  open_ticket (fixture, find_ticket (fixture, FALSE));
  ticket = desk_ticket_detail_get_ticket (fixture->detail);
  g_assert_false (desk_ticket_has_invoice (ticket));

  /* The value is the row's title, what it is the small print. */
  total = find_info_row (GTK_WIDGET (fixture->detail), "Total");
  g_assert_nonnull (total);
  total_text = desk_money_format (desk_ticket_get_total (ticket),
                                  desk_record_get_currency (DESK_RECORD (ticket)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (total)), ==, total_text);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (total)), ==, "Total");

  /* No invoice: nothing paid or owed to show, and "Due" is no amount. */
  g_assert_null (find_info_row (GTK_WIDGET (fixture->detail), "Paid"));
  g_assert_null (find_info_row (GTK_WIDGET (fixture->detail), "Amount Due"));
  g_assert_null (find_info_row (GTK_WIDGET (fixture->detail), "Due"));
  g_assert_nonnull (find_info_row (GTK_WIDGET (fixture->detail), "Due Date"));

  open_ticket (fixture, find_ticket (fixture, TRUE));
  g_assert_nonnull (find_info_row (GTK_WIDGET (fixture->detail), "Paid"));
  g_assert_nonnull (find_info_row (GTK_WIDGET (fixture->detail), "Amount Due"));
}

static void
test_dates_and_history (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(DeskTicketDevice) device = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *due;
  gint64 due_on = 0;
  guint bold_labels = 0;

  open_ticket (fixture, find_ticket (fixture, FALSE));
  device = g_list_model_get_item (desk_ticket_get_devices (desk_ticket_detail_get_ticket (fixture->detail)), 0);
  g_object_get (device, "due-on", &due_on, NULL);
  expected = desk_format_date (due_on);
  due = find_info_row (GTK_WIDGET (fixture->detail), "Due Date");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (due)), ==, expected);
  g_assert_false (g_ascii_isspace (expected[0]));

  /* RepairDesk's "<b>" and "&" come out as text and bold, never as tags. */
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_get_history (desk_ticket_detail_get_ticket (fixture->detail))), >, 0);
  desk_test_find_all (GTK_WIDGET (fixture->detail), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      g_assert_null (strstr (gtk_label_get_label (label), "<b>"));
      g_assert_null (strstr (gtk_label_get_label (label), "</b>"));
      if (gtk_label_get_attributes (label) != NULL && strchr (gtk_label_get_label (label), '&'))
        bold_labels++;
    }
  g_assert_cmpuint (bold_labels, >, 0);
}

static void
test_touch_targets (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint checked = 0;
  DeskTicket *ticket = NULL;

  for (guint i = 0; i < fixture->tickets->len && ticket == NULL; i++)
    {
      DeskCustomer *customer = desk_ticket_get_customer (g_ptr_array_index (fixture->tickets, i));

      if (customer != NULL && !desk_customer_is_walk_in (customer) &&
          desk_customer_get_email (customer) != NULL && *desk_customer_get_email (customer) != '\0')
        ticket = g_ptr_array_index (fixture->tickets, i);
    }
  g_assert_nonnull (ticket);
  /* Folded, the detail has a back button too. */
  g_object_set (fixture->detail, "folded", TRUE, NULL);
  open_ticket (fixture, ticket);
  desk_test_find_all (GTK_WIDGET (fixture->detail), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      int width = 0, height = 0;

      /* Icon buttons: the ones a finger has least to press. */
      if (gtk_button_get_icon_name (GTK_BUTTON (button)) == NULL || !gtk_widget_get_visible (button))
        continue;
      gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
      g_assert_cmpint (width, >=, DESK_TOUCH_TARGET);
      g_assert_cmpint (height, >=, DESK_TOUCH_TARGET);
      checked++;
    }
  /* Back, and a call or a mail button at least. */
  g_assert_cmpuint (checked, >=, 2);
}

static gboolean
lists_loaded (gpointer data)
{
  DeskCatalog *catalog = data;

  return desk_catalog_is_loaded (catalog, DESK_CATALOG_STATUSES) &&
         desk_catalog_is_loaded (catalog, DESK_CATALOG_EMPLOYEES);
}

/* A ticket opened before the lists of statuses and technicians arrive: when they do, the
 * rows show the ticket's values, and nothing is sent on the assistant's behalf. */
static void
test_lists_arrive_later (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DeskCatalog) late = desk_catalog_new (fixture->client);
  DeskTicket *ticket = find_ticket (fixture, FALSE);
  g_autoptr(DeskTicketDevice) device = g_list_model_get_item (desk_ticket_get_devices (ticket), 0);
  g_autofree char *status = NULL;
  guint before;

  g_object_get (device, "status", &status, NULL);
  g_object_set (fixture->detail, "catalog", late, NULL);
  desk_sandbox_set_route_latency (fixture->sandbox, "statuses", 400);
  desk_sandbox_set_route_latency (fixture->sandbox, "employees", 400);
  open_ticket (fixture, ticket);
  before = fixture->messages->len;

  g_assert_true (desk_test_wait_for (lists_loaded, late, WAIT_MS));
  wait_idle (fixture);
  desk_sandbox_set_route_latency (fixture->sandbox, "statuses", 0);
  desk_sandbox_set_route_latency (fixture->sandbox, "employees", 0);

  g_assert_cmpuint (fixture->messages->len, ==, before);
  g_assert_null (desk_ticket_detail_get_unsaved (fixture->detail));
  g_assert_cmpstr (desk_named_item_get_name (adw_combo_row_get_selected_item (
                     ADW_COMBO_ROW (desk_ticket_detail_get_row (fixture->detail, 0, "status")))),
                   ==, status);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/ticket-detail/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("unsaved/comment-kept", test_failed_comment_kept);
  ADD ("unsaved/retry", test_retry_saves);
  ADD ("unsaved/waits-for-ticket", test_unsaved_waits_for_ticket);
  ADD ("unsaved/status-kept", test_failed_status_kept);
  ADD ("keyboard/opens", test_keyboard_opens);
  ADD ("keyboard/focus-kept", test_focus_kept);
  ADD ("convert-offered", test_convert_offered);
  ADD ("totals", test_totals);
  ADD ("dates-and-history", test_dates_and_history);
  ADD ("touch-targets", test_touch_targets);
  ADD ("lists-arrive-later", test_lists_arrive_later);

#undef ADD

  return g_test_run ();
}
