/* test-accessibility.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "customers/desk-customers-page.h"
#include "desk-application.h"
#include "desk-sandbox.h"
#include "desk-test-screen.h"
#include "desk-test-utils.h"
#include "desk-window.h"
#include "intake/desk-intake-page.h"
#include "invoices/desk-invoice-detail.h"
#include "invoices/desk-invoice-editor.h"
#include "invoices/desk-invoices-page.h"
#include "invoices/desk-payment-dialog.h"
#include "preferences/desk-preferences-window.h"
#include "desk-ticket-match.h"
#include "tickets/desk-tickets-page.h"

/* Every screen is walked widget by widget, and each control a keyboard or a screen reader
 * can land on must have an accessible name, as GTK 4.8 computes it for AT-SPI
 * (gtk_at_context_get_name): the `label` property, or the `label` of the widgets named by
 * its `labelled-by` relation. GTK 4.8 takes no name from a widget's text children: a row
 * holding a label, or a button holding an image, is read by its type name ("GtkButton",
 * "GtkListItemWidget") unless it is labelled. A GtkButton with a text label sets both
 * itself, so it passes as it is; with use-underline it sets both to the text, once with
 * the underscore, and is read twice ("_Filters Filters"): that fails too.
 *
 * What is checked: mapped widgets that are focusable, plus entries and drop-downs (whose
 * focus goes to an inner part), leaving out what AT-SPI does not show (roles none and
 * presentation, such as the GtkText inside an entry), containers GTK itself leaves
 * nameless (generic, group), and whatever sits inside a button, which speaks for it and
 * never takes the focus itself.
 *
 * There is no public getter for accessible properties in GTK 4.8; the test AT context's
 * gtk_test_accessible_check_property () returns the value whenever it differs from the
 * one asked for, and gtk_test_accessible_check_relation () tells whether a relation
 * points at a given widget. */

#define WAIT_MS 20000

typedef struct
{
  GString *problems;
  guint    n_checked;
  guint    n_problems;
} Audit;

static gboolean
is_structural (GtkAccessibleRole role)
{
  switch ((int) role)
    {
    case GTK_ACCESSIBLE_ROLE_FORM:
    case GTK_ACCESSIBLE_ROLE_GROUP:
    case GTK_ACCESSIBLE_ROLE_GENERIC:
    case GTK_ACCESSIBLE_ROLE_LANDMARK:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_REGION:
    case GTK_ACCESSIBLE_ROLE_SEARCH:
    case GTK_ACCESSIBLE_ROLE_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A list item is structural to GTK's naming, but one that takes the focus is what the
 * screen reader reads on arriving: it is checked like any other control. */
static gboolean
is_checked (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  if (role == GTK_ACCESSIBLE_ROLE_NONE || role == GTK_ACCESSIBLE_ROLE_PRESENTATION)
    return FALSE;

  switch ((int) role)
    {
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
      return TRUE;
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
      return gtk_widget_get_focusable (widget);
    default:
      return gtk_widget_get_focusable (widget) && !is_structural (role);
    }
}

/* The accessible label, or NULL when there is none or it is empty. */
static char *
get_label (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  char *value;

  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;

  /* NULL means equal to "": set, but empty. */
  value = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  if (value != NULL && *g_strstrip (value) == '\0')
    g_clear_pointer (&value, g_free);

  return value;
}

static gboolean
is_labelled_by (GtkWidget *widget,
                GtkWidget *other)
{
  g_autofree char *differs = NULL;

  differs = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                other, NULL);
  return differs == NULL;
}

static GtkWidget *
find_in_subtree (GtkWidget *widget,
                 GtkWidget *root)
{
  if (root != widget && is_labelled_by (widget, root))
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_in_subtree (widget, c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The widget its labelled-by relation points at: one of its mnemonic labels, or a widget
 * nearby: inside it (a button's label), above it (a menu button's inner button), or
 * beside it (a preferences group's title). */
static GtkWidget *
find_labelled_by (GtkWidget *widget)
{
  g_autoptr(GList) mnemonic = gtk_widget_list_mnemonic_labels (widget);
  GtkWidget *area = widget;

  for (GList *l = mnemonic; l != NULL; l = l->next)
    if (is_labelled_by (widget, l->data))
      return l->data;

  for (guint up = 0; up < 4 && area != NULL; up++, area = gtk_widget_get_parent (area))
    {
      GtkWidget *found = is_labelled_by (widget, area) ? area : find_in_subtree (widget, area);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The name a screen reader is given, as GTK 4.8 builds it; NULL when there is none (and
 * AT-SPI would then read the type name). */
static char *
accessible_name (GtkWidget  *widget,
                 char      **problem)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  char *label = get_label (widget);

  if (label != NULL)
    g_ptr_array_add (parts, label);

  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      GtkWidget *other = find_labelled_by (widget);
      char *other_label = other != NULL ? get_label (other) : NULL;

      if (other == NULL)
        *problem = g_strdup ("labelled by a widget outside its family");
      else if (other_label != NULL)
        g_ptr_array_add (parts, other_label);
    }

  if (parts->len == 0)
    return NULL;

  /* "_Filters" followed by "Filters": the mnemonic and the name said twice. */
  for (guint i = 0; i < parts->len && *problem == NULL; i++)
    for (guint j = 0; j < parts->len && *problem == NULL; j++)
      {
        g_autofree char *stripped = g_strdup (g_ptr_array_index (parts, i));
        char *src = stripped, *dst = stripped;

        for (; *src != '\0'; src++)
          if (*src != '_')
            *dst++ = *src;
        *dst = '\0';
        if (i != j && g_strcmp0 (stripped, g_ptr_array_index (parts, j)) == 0)
          *problem = g_strdup ("says its name twice");
      }

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" ", (char **) parts->pdata);
}

/* Enough to find the widget: its type, its id in the .ui file, its nearest ancestor
 * with an id, and a text inside it. */
static char *
describe (GtkWidget *widget)
{
  GString *text = g_string_new (G_OBJECT_TYPE_NAME (widget));
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (id != NULL)
    g_string_append_printf (text, " #%s", id);
  for (GtkWidget *p = gtk_widget_get_parent (widget); id == NULL && p != NULL;
       p = gtk_widget_get_parent (p))
    {
      id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (p));
      if (id != NULL)
        g_string_append_printf (text, " in %s #%s", G_OBJECT_TYPE_NAME (p), id);
    }
  if (tooltip != NULL)
    g_string_append_printf (text, " tooltip \"%s\"", tooltip);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_first_child (c))
    if (GTK_IS_LABEL (c))
      {
        g_string_append_printf (text, " showing \"%s\"", gtk_label_get_text (GTK_LABEL (c)));
        break;
      }

  return g_string_free (text, FALSE);
}

static void
audit_widget (Audit     *audit,
              GtkWidget *widget)
{
  /* Without can-focus, neither it nor what it holds ever takes the focus. */
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_can_focus (widget))
    return;

  if (is_checked (widget))
    {
      g_autofree char *problem = NULL;
      g_autofree char *name = accessible_name (widget, &problem);

      audit->n_checked++;
      if (g_test_verbose ())
        {
          g_autofree char *what = describe (widget);

          g_test_message ("  %s: %s", what, name != NULL ? name : "(none)");
        }
      if (name == NULL || problem != NULL)
        {
          g_autofree char *what = describe (widget);

          audit->n_problems++;
          g_string_append_printf (audit->problems, "  %s: %s%s%s\n", what,
                                  problem != NULL ? problem : "no accessible name",
                                  name != NULL ? ", read as " : "", name != NULL ? name : "");
        }
    }

  /* A button speaks for what it holds. */
  if (GTK_IS_BUTTON (widget))
    return;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    audit_widget (audit, c);
}

/* Walks @root and fails, listing every control without a usable name. */
static void
audit_screen (GtkWidget  *root,
              const char *screen)
{
  Audit audit = { g_string_new (NULL), 0, 0 };

  audit_widget (&audit, root);
  g_test_message ("%s: %u controls checked, %u without a usable name", screen,
                  audit.n_checked, audit.n_problems);
  if (audit.n_problems > 0)
    g_test_message ("%s", audit.problems->str);
  g_assert_cmpuint (audit.n_checked, >, 0);
  /* Failed, but walked on: every screen's list is reported in one run. */
  if (audit.n_problems > 0)
    g_test_fail_printf ("%s: %u controls without a usable name", screen, audit.n_problems);
  g_string_free (audit.problems, TRUE);
}

static GtkWidget *
get_child (GtkWindow  *window,
           const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), DESK_TYPE_WINDOW, name));
}

static gboolean
main_page_loaded (gpointer data)
{
  GtkStack *stack = GTK_STACK (get_child (data, "main_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static GtkWindow *
open_window (DeskApplication *app)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (DESK_IS_WINDOW (window));
  g_assert_true (desk_test_wait_for (main_page_loaded, window, 5000));
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (window), 2, WAIT_MS));

  return window;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closes @window and waits until it is gone. */
static void
close_window (GtkWindow *window)
{
  gpointer alive = window;

  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_close (window);
  g_assert_true (desk_test_wait_for (is_null, &alive, WAIT_MS));
}

static gboolean
no_window_of_type (gpointer data)
{
  return desk_test_find_window (GPOINTER_TO_SIZE (data)) == NULL;
}

/* What a screen shows has been laid out and drawn: the audit walks what is mapped. */
static void
wait_drawn (GtkWidget *widget)
{
  g_assert_true (desk_test_wait_for_frames (widget, 2, WAIT_MS));
}

typedef struct
{
  GtkWindow  *window;
  const char *section;
} SectionWant;

static gboolean
section_shown (gpointer data)
{
  SectionWant *want = data;
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (want->window),
                                                              DESK_TYPE_WINDOW,
                                                              "content_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), want->section) == 0;
}

static void
test_welcome (void)
{
  g_autoptr(DeskApplication) app = desk_test_start_app ();
  GtkWindow *window = open_window (app);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_child (window, "main_stack"))),
                   ==, "welcome");
  audit_screen (GTK_WIDGET (window), "welcome page");
  close_window (window);
}

static gboolean
rows_loaded (gpointer data)
{
  return g_list_model_get_n_items (desk_tickets_page_get_rows (data)) > 0;
}

static gboolean
ticket_shown (gpointer data)
{
  DeskTicketDetail *detail = desk_tickets_page_get_detail (data);

  return desk_ticket_detail_get_ticket (detail) != NULL && !desk_ticket_detail_get_busy (detail);
}

static gboolean
customers_loaded (gpointer data)
{
  return g_list_model_get_n_items (desk_customers_page_get_model (data)) > 0 &&
         g_strcmp0 (desk_customers_page_get_state (data), "results") == 0;
}

static gboolean
customer_shown (gpointer data)
{
  GObject *stack = gtk_widget_get_template_child (data, DESK_TYPE_CUSTOMERS_PAGE, "detail_stack");

  return desk_customers_page_get_customer (data) != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "customer") == 0;
}

static gboolean
editor_open (gpointer data)
{
  return desk_customers_page_get_editor (data) != NULL;
}

static gboolean
editor_closed (gpointer data)
{
  return desk_customers_page_get_editor (data) == NULL;
}

static gboolean
message_dialog_open (gpointer data)
{
  return desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

typedef struct
{
  DeskApplication *app;
  DeskSandbox     *sandbox;
  GtkWindow       *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DeskContext *context;

  fixture->app = desk_test_start_app ();
  context = desk_application_get_context (fixture->app);
  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX, "n-customers", 40, "n-tickets", 100,
                                   "n-invoices", 30, "rate-limit", 0, NULL);
  g_assert_true (desk_sandbox_start (fixture->sandbox, 0, &error));
  g_assert_no_error (error);
  g_settings_set_string (desk_context_get_settings (context), "server-url",
                         desk_sandbox_get_url (fixture->sandbox));
  desk_context_set_session_api_key (context, DESK_SANDBOX_DEMO_API_KEY);
  fixture->window = open_window (fixture->app);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_window (fixture->window);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
  g_clear_object (&fixture->app);
}

static GtkWidget *
show_section (Fixture    *fixture,
              const char *section)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-section",
                                             "s", section));
  {
    SectionWant want = { fixture->window, section };

    g_assert_true (desk_test_wait_for (section_shown, &want, WAIT_MS));
  }
  wait_drawn (GTK_WIDGET (fixture->window));

  return GTK_WIDGET (desk_window_get_page (DESK_WINDOW (fixture->window), section));
}

/* Whether some widget at or below @root of @role has @property set to @text. */
static gboolean
find_property (GtkWidget             *root,
               GtkAccessibleRole      role,
               GtkAccessibleProperty  property,
               const char            *text)
{
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (root)) == role &&
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), property))
    {
      g_autofree char *differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (root),
                                                                     property, text);

      if (differs == NULL)
        return TRUE;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (find_property (c, role, property, text))
      return TRUE;

  return FALSE;
}

/* A status is a coloured pill on screen; to a screen reader it is words: in the name of
 * the ticket's row, and as the description of the detail's Status row. */
static void
check_status_in_words (DeskTicketsPage *page,
                       DeskTicket      *ticket)
{
  DeskCustomer *customer = desk_ticket_get_customer (ticket);
  const char *status = desk_ticket_first_status (ticket);
  g_autofree char *row = g_strdup_printf ("%s, %s, %s", desk_ticket_get_order_id (ticket),
                                          customer != NULL
                                          ? desk_customer_get_full_name (customer) : "",
                                          status);

  g_assert_nonnull (status);
  g_assert_true (find_property (GTK_WIDGET (desk_tickets_page_get_results (page)),
                                GTK_ACCESSIBLE_ROLE_LIST_ITEM, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                row));
  g_assert_true (find_property (GTK_WIDGET (desk_tickets_page_get_detail (page)),
                                GTK_ACCESSIBLE_ROLE_COMBO_BOX,
                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status));
}

static void
test_tickets (Fixture       *fixture,
              gconstpointer  data)
{
  DeskTicketsPage *page = DESK_TICKETS_PAGE (show_section (fixture, "tickets"));
  g_autoptr(DeskTicket) ticket = NULL;

  g_assert_true (desk_test_wait_for (rows_loaded, page, WAIT_MS));
  ticket = g_list_model_get_item (desk_tickets_page_get_rows (page), 0);
  desk_tickets_page_open (page, ticket);
  g_assert_true (desk_test_wait_for (ticket_shown, page, WAIT_MS));
  wait_drawn (GTK_WIDGET (fixture->window));
  audit_screen (GTK_WIDGET (fixture->window), "Tickets, a ticket open");
  check_status_in_words (page, ticket);

  /* Converting asks first: the question's buttons are named like any other. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk_tickets_page_get_detail (page)),
                                             "detail.convert", NULL));
  g_assert_true (desk_test_wait_for (message_dialog_open, NULL, WAIT_MS));
  wait_drawn (GTK_WIDGET (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG)));
  audit_screen (GTK_WIDGET (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG)), "question dialog");
  gtk_window_close (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (desk_test_wait_for (no_window_of_type, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG),
                                     WAIT_MS));
}

static gboolean
intake_ready (gpointer data)
{
  return desk_intake_page_get_blocker (data) != NULL;
}

/* Checking a device in: the customer, a device with its rows, the job and the pad. */
static void
test_intake (Fixture       *fixture,
             gconstpointer  data)
{
  DeskIntakePage *page = DESK_INTAKE_PAGE (show_section (fixture, "intake"));

  g_assert_true (desk_test_wait_for (intake_ready, page, WAIT_MS));
  gtk_widget_activate_action (GTK_WIDGET (page), "intake.add-device", NULL);
  wait_drawn (GTK_WIDGET (fixture->window));
  audit_screen (GTK_WIDGET (fixture->window), "New Ticket, two devices");
}

static void
test_customers (Fixture       *fixture,
                gconstpointer  data)
{
  DeskCustomersPage *page = DESK_CUSTOMERS_PAGE (show_section (fixture, "customers"));
  g_autoptr(DeskCustomer) customer = NULL;

  g_assert_true (desk_test_wait_for (customers_loaded, page, WAIT_MS));
  customer = g_list_model_get_item (desk_customers_page_get_model (page), 0);
  desk_customers_page_show_customer (page, customer);
  g_assert_true (desk_test_wait_for (customer_shown, page, WAIT_MS));
  wait_drawn (GTK_WIDGET (fixture->window));
  audit_screen (GTK_WIDGET (fixture->window), "Customers, a customer open");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "customers.edit", NULL));
  g_assert_true (desk_test_wait_for (editor_open, page, WAIT_MS));
  wait_drawn (GTK_WIDGET (desk_customers_page_get_editor (page)));
  audit_screen (GTK_WIDGET (desk_customers_page_get_editor (page)), "customer editor");
  gtk_window_close (desk_customers_page_get_editor (page));
  g_assert_true (desk_test_wait_for (editor_closed, page, WAIT_MS));
}

static gboolean
invoices_loaded (gpointer data)
{
  return g_list_model_get_n_items (desk_invoices_page_get_model (data)) > 0 &&
         g_strcmp0 (desk_invoices_page_get_state (data), "results") == 0;
}

static gboolean
invoice_shown (gpointer data)
{
  DeskInvoiceDetail *detail = DESK_INVOICE_DETAIL (desk_invoices_page_get_detail (data));
  gint64 due;

  return g_strcmp0 (desk_invoice_detail_get_state (detail), "loaded") == 0 &&
         desk_invoice_detail_get_amount_due (detail, &due);
}

static gboolean
payment_methods_shown (gpointer data)
{
  return desk_payment_dialog_set_method (data, "Cash");
}

static gboolean
payment_dialog_closed (gpointer data)
{
  return desk_invoice_detail_get_payment_dialog (data) == NULL;
}

static void
test_invoices (Fixture       *fixture,
               gconstpointer  data)
{
  DeskInvoicesPage *page = DESK_INVOICES_PAGE (show_section (fixture, "invoices"));
  DeskInvoiceFilters all = { .status = DESK_INVOICE_FILTER_ANY, .range = DESK_INVOICE_RANGE_ALL };
  DeskInvoiceDetail *detail = DESK_INVOICE_DETAIL (desk_invoices_page_get_detail (page));
  GtkWindow *dialog;

  desk_invoices_page_set_filters (page, &all);
  g_assert_true (desk_test_wait_for (invoices_loaded, page, WAIT_MS));
  desk_invoices_page_open_position (page, 0);
  g_assert_true (desk_test_wait_for (invoice_shown, page, WAIT_MS));
  wait_drawn (GTK_WIDGET (fixture->window));
  audit_screen (GTK_WIDGET (fixture->window), "Invoices, an invoice open");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "invoice.pay", NULL));
  dialog = desk_invoice_detail_get_payment_dialog (detail);
  g_assert_nonnull (dialog);
  g_assert_true (desk_test_wait_for (payment_methods_shown, dialog, WAIT_MS));
  wait_drawn (GTK_WIDGET (dialog));
  audit_screen (GTK_WIDGET (dialog), "Take Payment");
  gtk_window_close (dialog);
  g_assert_true (desk_test_wait_for (payment_dialog_closed, detail, WAIT_MS));
}

static void
test_dialogs (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  g_assert_true (desk_test_wait_for_window (DESK_TYPE_PREFERENCES_WINDOW, WAIT_MS));
  dialog = desk_test_find_window (DESK_TYPE_PREFERENCES_WINDOW);
  wait_drawn (GTK_WIDGET (dialog));
  audit_screen (GTK_WIDGET (dialog), "Preferences");
  gtk_window_close (dialog);
  g_assert_true (desk_test_wait_for (no_window_of_type,
                                     GSIZE_TO_POINTER (DESK_TYPE_PREFERENCES_WINDOW), WAIT_MS));

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "shortcuts", NULL);
  g_assert_true (desk_test_wait_for_window (GTK_TYPE_SHORTCUTS_WINDOW, WAIT_MS));
  dialog = desk_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW);
  wait_drawn (GTK_WIDGET (dialog));
  audit_screen (GTK_WIDGET (dialog), "Shortcuts");
  gtk_window_close (dialog);
  g_assert_true (desk_test_wait_for (no_window_of_type,
                                     GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), WAIT_MS));
}

static gboolean
invoice_editor_ready (gpointer data)
{
  GtkWindow *editor = desk_test_find_window (DESK_TYPE_INVOICE_EDITOR);

  return editor != NULL && desk_invoice_editor_get_ready (DESK_INVOICE_EDITOR (editor));
}

/* The invoice form with a customer to pick, inventory matches, an item line and a free
 * line. */
static void
test_invoice_editor (Fixture       *fixture,
                     gconstpointer  data)
{
  DeskInvoiceEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-invoice", NULL));
  g_assert_true (desk_test_wait_for (invoice_editor_ready, NULL, WAIT_MS));
  editor = DESK_INVOICE_EDITOR (desk_test_find_window (DESK_TYPE_INVOICE_EDITOR));
  gtk_editable_set_text (desk_invoice_editor_get_item_search (editor), "charger");
  g_signal_emit_by_name (desk_invoice_editor_get_item_search (editor), "activate");
  gtk_editable_set_text (desk_invoice_editor_get_item_search (editor), "case");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-free-line", NULL);
  g_assert_cmpuint (desk_invoice_editor_get_n_lines (editor), ==, 2);
  wait_drawn (GTK_WIDGET (editor));
  audit_screen (GTK_WIDGET (editor), "invoice editor");

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.walk-in", NULL);
  wait_drawn (GTK_WIDGET (editor));
  audit_screen (GTK_WIDGET (editor), "invoice editor, walk-in");
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_true (desk_test_wait_for (no_window_of_type,
                                     GSIZE_TO_POINTER (DESK_TYPE_INVOICE_EDITOR), WAIT_MS));
}

int
main (int   argc,
      char *argv[])
{
  /* The test AT context keeps every accessible property, where GTK_A11Y=none (the other
   * UI tests) keeps none; it is chosen before GTK creates its first context. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  desk_test_init (&argc, &argv);

  g_test_add_func ("/accessibility/welcome", test_welcome);
  g_test_add ("/accessibility/tickets", Fixture, NULL, fixture_set_up, test_tickets,
              fixture_tear_down);
  g_test_add ("/accessibility/intake", Fixture, NULL, fixture_set_up, test_intake,
              fixture_tear_down);
  g_test_add ("/accessibility/customers", Fixture, NULL, fixture_set_up, test_customers,
              fixture_tear_down);
  g_test_add ("/accessibility/invoices", Fixture, NULL, fixture_set_up, test_invoices,
              fixture_tear_down);
  g_test_add ("/accessibility/invoice-editor", Fixture, NULL, fixture_set_up,
              test_invoice_editor, fixture_tear_down);
  g_test_add ("/accessibility/dialogs", Fixture, NULL, fixture_set_up, test_dialogs,
              fixture_tear_down);

  return g_test_run ();
}
