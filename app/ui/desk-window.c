/* desk-window.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "customers/desk-customers-page.h"
#include "desk-accessible.h"
#include "desk-window.h"
#include "intake/desk-intake-page.h"
#include "invoices/desk-invoices-page.h"
#include "invoices/desk-invoice-editor.h"
#include "tickets/desk-tickets-page.h"
#include "welcome/desk-welcome-page.h"
#include "widgets/desk-activity-indicator.h"
#include "widgets/desk-out-of-view.h"
#include "widgets/desk-outbox-banner.h"
#include "widgets/desk-spinner.h"
#include "widgets/desk-toast.h"

struct _DeskWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  DeskSpinner          *loading_spinner;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *content_box;
  GtkListBox           *sidebar_list;
  GtkStack             *content_stack;
  AdwWindowTitle       *content_title;
  GtkWidget            *back_button;
  GtkWidget            *sidebar_demo_marker;
  GtkWidget            *content_demo_marker;
  DeskActivityIndicator *activity_indicator;
  DeskOutboxBanner     *outbox_banner;
  GtkMenuButton        *content_menu_button;
  GMenuModel           *primary_menu;

  /* owned */
  DeskContext          *context;
  GCancellable         *cancellable;

  /* state */
  gboolean              account_loaded;
  gboolean              looking_up_key;
};

G_DEFINE_FINAL_TYPE (DeskWindow, desk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The screens of the sidebar, in its order (Alt+1 is the first). A screen is a DeskPage
 * subclass, made with the window's context when it is first shown; one without a type yet
 * shows what it will be for. Adding a screen is one folder and one line here. */
typedef struct
{
  const char *name;          /* the stack child, and win.show-section's parameter */
  const char *title;
  const char *icon_name;
  GType     (*get_type) (void);
  const char *description;   /* for a screen still to come */
} DeskScreen;

static const DeskScreen screens[] = {
  { "tickets", N_("Tickets"), "applications-engineering-symbolic", desk_tickets_page_get_type },
  { "intake", N_("New Ticket"), "document-new-symbolic", desk_intake_page_get_type },
  { "customers", N_("Customers"), "system-users-symbolic", desk_customers_page_get_type },
  { "invoices", N_("Invoices"), "x-office-document-symbolic", desk_invoices_page_get_type },
};

static const DeskScreen *
find_screen (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    if (g_strcmp0 (screens[i].name, name) == 0)
      return &screens[i];

  return NULL;
}

static AdwBin *
screen_bin (DeskWindow *self,
            const char *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->content_stack, name);

  return ADW_IS_BIN (child) ? ADW_BIN (child) : NULL;
}

/* The screens are made when they are first shown, once there is a server to ask: the
 * account's or the demo store. A screen starts loading as soon as it exists. */
static void
ensure_visible_screen (DeskWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->content_stack);
  const DeskScreen *screen = find_screen (name);
  AdwBin *bin = screen_bin (self, name);

  /* The stacks are being taken apart. */
  if (self->main_stack == NULL || self->context == NULL)
    return;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "sections") != 0)
    return;

  if (screen != NULL && screen->get_type != NULL && bin != NULL && adw_bin_get_child (bin) == NULL)
    adw_bin_set_child (bin, g_object_new (screen->get_type (), "context", self->context, NULL));
}

/* Another store (the demo, or back to the account) has other records and reference lists;
 * the context drops its catalog itself. */
static void
drop_screens (DeskWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      AdwBin *bin = screen_bin (self, screens[i].name);

      if (bin != NULL)
        adw_bin_set_child (bin, NULL);
    }
}

static GtkWidget *
new_sidebar_row (const DeskScreen *screen)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(screen->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (screen->icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, screen->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(screen->title), -1);

  return row;
}

static GtkWidget *
new_screen_child (const DeskScreen *screen)
{
  GtkWidget *status;

  if (screen->get_type != NULL)
    return adw_bin_new ();

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), screen->icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _(screen->title));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), _(screen->description));

  return status;
}

static void
add_screens (DeskWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      gtk_list_box_append (self->sidebar_list, new_sidebar_row (&screens[i]));
      gtk_stack_add_titled (self->content_stack, new_screen_child (&screens[i]),
                            screens[i].name, _(screens[i].title));
    }
}

/* The welcome page is made the first time it is shown: most starts never show it. */
static void
ensure_welcome_page (DeskWindow *self)
{
  if (gtk_stack_get_child_by_name (self->main_stack, "welcome") == NULL)
    gtk_stack_add_named (self->main_stack, desk_welcome_page_new (self->primary_menu), "welcome");
}

/* The welcome page stays until there is something to work on: an account or the demo
 * store, which shows the spinner while it starts. */
static void
update_main_page (DeskWindow *self)
{
  gboolean demo = desk_context_get_demo (self->context);
  const char *page = "sections";

  if (!self->account_loaded || (demo && desk_context_get_sandbox (self->context) == NULL))
    page = "loading";
  else if (!demo && !desk_context_get_has_api_key (self->context))
    {
      page = "welcome";
      ensure_welcome_page (self);
    }

  desk_spinner_set_spinning (self->loading_spinner, g_str_equal (page, "loading"));
  desk_stack_show_child (self->main_stack, page);
  /* Out of view, the spinner's page is a hidden widget (desk-out-of-view.c). */
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->main_stack, "loading"),
                          g_str_equal (page, "loading"));
  ensure_visible_screen (self);
}

/* The content header always says "Demo Store"; the sidebar's only needs to when the
 * sidebar is all there is to see. On a narrow window the marker takes the place of the
 * section title, for which there is no room beside it. */
static void
update_demo_markers (DeskWindow *self)
{
  gboolean demo = desk_context_get_demo (self->context);
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->content_demo_marker, demo);
  gtk_widget_set_visible (GTK_WIDGET (self->content_title), !(demo && folded));
  gtk_widget_set_visible (self->sidebar_demo_marker, demo && folded);
}

/* The sidebar's selection always names the section in view. */
static void
select_sidebar_row (DeskWindow *self,
                    const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
    }
}

static void
save_window_state (DeskWindow *self)
{
  GSettings *settings = desk_context_get_settings (self->context);
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width, height;

  g_settings_set_boolean (settings, "window-maximized", maximized);

  /* A maximized window's size says nothing about the size to come back to. */
  if (maximized)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
}

static void
restore_window_state (DeskWindow *self)
{
  GSettings *settings = desk_context_get_settings (self->context);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));

  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
api_key_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  DeskWindow *self;

  if (!desk_context_load_api_key_finish (DESK_CONTEXT (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without a keyring there is no saved key either: the welcome page leads to Preferences,
   * which explains the situation when the key is entered. */
  if (error != NULL)
    g_debug ("No saved API key: %s", error->message);

  self = DESK_WINDOW (user_data);
  self->looking_up_key = FALSE;
  self->account_loaded = TRUE;
  update_main_page (self);
}

/* The demo store needs no account, so `frontdesk --demo` leaves the keyring alone; the
 * account's key is looked up when there is none yet and the demo store is left. */
static void
load_account (DeskWindow *self)
{
  if (desk_context_get_demo (self->context) || desk_context_get_has_api_key (self->context))
    self->account_loaded = TRUE;
  else if (!self->looking_up_key)
    {
      self->account_loaded = FALSE;
      self->looking_up_key = TRUE;
      desk_context_load_api_key_async (self->context, self->cancellable, api_key_loaded_cb, self);
    }

  update_main_page (self);
}

static void
sidebar_row_activated_cb (DeskWindow    *self,
                          GtkListBoxRow *row)
{
  desk_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* The arrow keys move the sidebar's selection without activating the row: the section in
 * view follows the selection, so the two never disagree. The leaflet stays on the sidebar
 * until the row is activated. */
static void
sidebar_row_selected_cb (DeskWindow    *self,
                         GtkListBoxRow *row)
{
  const char *visible;

  /* The window is being taken apart. */
  if (self->content_stack == NULL)
    return;

  visible = gtk_stack_get_visible_child_name (self->content_stack);
  if (row == NULL)
    select_sidebar_row (self, visible);
  else if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), visible) != 0)
    gtk_stack_set_visible_child_name (self->content_stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
back_button_clicked_cb (DeskWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
content_stack_visible_child_cb (DeskWindow *self)
{
  GtkWidget *child;
  GtkStackPage *page;

  if (self->content_stack == NULL || self->sidebar_list == NULL)
    return;

  child = gtk_stack_get_visible_child (self->content_stack);
  page = child != NULL ? gtk_stack_get_page (self->content_stack, child) : NULL;
  if (page == NULL)
    return;

  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (page));
  select_sidebar_row (self, gtk_stack_get_visible_child_name (self->content_stack));
  ensure_visible_screen (self);
}

static void
show_section_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  desk_window_show_section (DESK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Checking a device in starts at the customer. */
static void
new_ticket_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  DeskPage *page;

  if (!desk_window_show_section (self, "intake"))
    return;

  page = desk_window_get_page (self, "intake");
  if (page != NULL)
    desk_page_focus_search (page);
}

/* A ticket by its id, from wherever one is named (a customer's tickets): the Tickets
 * screen reads it whole. */
static void
show_ticket_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  g_autoptr(DeskTicket) ticket = desk_ticket_new ();
  DeskPage *page;

  desk_window_show_section (self, "tickets");
  page = desk_window_get_page (self, "tickets");
  if (page == NULL)
    return;

  g_object_set (ticket, "id", g_variant_get_int64 (parameter), NULL);
  desk_page_show_record (page, DESK_RECORD (ticket));
}

/* The invoice form, for a new invoice or for the one named; the window says when it is
 * saved, with a way to it on the Invoices screen. */
static void
invoice_saved_cb (DeskWindow        *self,
                  DeskInvoice       *invoice,
                  DeskInvoiceEditor *editor)
{
  gint64 id = desk_invoice_get_id (invoice);
  const char *order_id = desk_invoice_get_order_id (invoice);
  g_autofree char *number = order_id != NULL && *order_id != '\0'
                            ? g_strdup (order_id) : g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *text = NULL;
  AdwToast *toast;

  text = g_object_get_data (G_OBJECT (editor), "new") != NULL
         /* Translators: %s is the invoice number */
         ? g_strdup_printf (_("Invoice %s created"), number)
         : g_strdup_printf (_("Invoice %s saved"), number);
  toast = desk_toast_new (text);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.show-invoice");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  desk_window_add_toast (self, toast);
}

static void
open_invoice_editor (DeskWindow *self,
                     gint64      invoice_id)
{
  DeskInvoiceEditor *editor;

  if (self->context == NULL)
    return;

  editor = desk_invoice_editor_new (self->context, invoice_id);
  if (invoice_id == 0)
    g_object_set_data (G_OBJECT (editor), "new", GINT_TO_POINTER (TRUE));
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  /* A closed form lives on until its requests come back, and GTK 4.8 then looks at its
   * parent: the window must outlive it. */
  g_object_set_data_full (G_OBJECT (editor), "desk-window", g_object_ref (self), g_object_unref);
  g_signal_connect_object (editor, "saved", G_CALLBACK (invoice_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_invoice_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_invoice_editor (DESK_WINDOW (widget), 0);
}

static void
edit_invoice_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);

  if (id > 0)
    open_invoice_editor (DESK_WINDOW (widget), id);
}

/* An invoice by its id, from wherever one is named (a customer's invoices, a ticket's
 * invoice): the Invoices screen reads it whole. */
static void
show_invoice_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  g_autoptr(DeskInvoice) invoice = desk_invoice_new ();
  DeskPage *page;

  desk_window_show_section (self, "invoices");
  page = desk_window_get_page (self, "invoices");
  if (page == NULL)
    return;

  g_object_set (invoice, "id", g_variant_get_int64 (parameter), NULL);
  desk_page_show_record (page, DESK_RECORD (invoice));
}

static gboolean
desk_window_close_request (GtkWindow *window)
{
  save_window_state (DESK_WINDOW (window));

  return GTK_WINDOW_CLASS (desk_window_parent_class)->close_request (window);
}

/* The shortcuts window is built the first time it is asked for rather than with the
 * window (as GtkApplication does with a gtk/help-overlay.ui): the first frame has no use
 * for it. GTK leaves its search and its sections button without a name. */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);
  g_autoptr(GtkBuilder) builder = NULL;

  if (overlay != NULL)
    {
      gtk_window_present (GTK_WINDOW (overlay));
      return;
    }

  builder = gtk_builder_new_from_resource ("/io/frontdesk/FrontDesk/desk-shortcuts-window.ui");
  overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_application_window_set_help_overlay (window, overlay);

  desk_accessible_name_icon_button (GTK_WIDGET (overlay), "edit-find-symbolic",
                                    _("Search Shortcuts"));
  desk_accessible_name_internal (GTK_WIDGET (overlay), GTK_TYPE_SEARCH_ENTRY, NULL,
                                 _("Search Shortcuts"));
  desk_accessible_name_internal (GTK_WIDGET (overlay), GTK_TYPE_MENU_BUTTON, NULL,
                                 _("Shortcut Sections"));
  gtk_window_present (GTK_WINDOW (overlay));
}

/* The changes waiting belong to the store in use: another store, another outbox. */
static void
update_outbox (DeskWindow *self)
{
  desk_outbox_banner_set_outbox (self->outbox_banner,
                                 desk_writer_get_outbox (desk_context_get_writer (self->context)));
}

static void
desk_window_constructed (GObject *object)
{
  DeskWindow *self = DESK_WINDOW (object);

  G_OBJECT_CLASS (desk_window_parent_class)->constructed (object);

  g_assert (DESK_IS_CONTEXT (self->context));

  restore_window_state (self);
  desk_activity_indicator_set_client (self->activity_indicator,
                                      desk_context_get_client (self->context));
  g_signal_connect_object (self->context, "notify::demo",
                           G_CALLBACK (update_demo_markers), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (update_demo_markers), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::demo",
                           G_CALLBACK (drop_screens), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::demo",
                           G_CALLBACK (load_account), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::has-api-key",
                           G_CALLBACK (update_main_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::sandbox",
                           G_CALLBACK (update_main_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (desk_context_get_writer (self->context), "notify::outbox",
                           G_CALLBACK (update_outbox), self, G_CONNECT_SWAPPED);
  update_outbox (self);
  select_sidebar_row (self, gtk_stack_get_visible_child_name (self->content_stack));
  content_stack_visible_child_cb (self);
  update_demo_markers (self);

  load_account (self);
}

static void
desk_window_dispose (GObject *object)
{
  DeskWindow *self = DESK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_WINDOW);

  G_OBJECT_CLASS (desk_window_parent_class)->dispose (object);
}

static void
desk_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DeskWindow *self = DESK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DeskWindow *self = DESK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_window_class_init (DeskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = desk_window_constructed;
  object_class->dispose = desk_window_dispose;
  object_class->get_property = desk_window_get_property;
  object_class->set_property = desk_window_set_property;
  window_class->close_request = desk_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DESK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-ticket", "x", show_ticket_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-invoice", "x", show_invoice_action_cb);
  gtk_widget_class_install_action (widget_class, "win.new-ticket", NULL, new_ticket_action_cb);
  gtk_widget_class_install_action (widget_class, "win.new-invoice", NULL, new_invoice_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-invoice", "x", edit_invoice_action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (screens) && i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-section", "s", screens[i].name);

  g_type_ensure (DESK_TYPE_ACTIVITY_INDICATOR);
  g_type_ensure (DESK_TYPE_OUTBOX_BANNER);

  g_type_ensure (DESK_TYPE_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/desk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sidebar_demo_marker);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, content_demo_marker);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, activity_indicator);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, outbox_banner);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, content_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, content_stack_visible_child_cb);
}

/* The main menu is made when it is first opened: the first frame has no use for it. */
static void
create_main_menu_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  DeskWindow *self = DESK_WINDOW (user_data);

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
desk_window_init (DeskWindow *self)
{
  const GActionEntry actions[] = {
    { "show-help-overlay", show_help_overlay_cb },
  };

  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->content_menu_button, create_main_menu_cb, self,
                                         NULL);
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  add_screens (self);
}

DeskWindow *
desk_window_new (DeskApplication *application,
                 DeskContext     *context)
{
  return g_object_new (DESK_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

DeskContext *
desk_window_get_context (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);

  return self->context;
}

/**
 * desk_window_add_toast:
 * @self: a #DeskWindow
 * @toast: (transfer full): the toast to show
 *
 * Shows @toast over the whole window, whichever screen is visible.
 */
void
desk_window_add_toast (DeskWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (DESK_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Shows the section @name ("tickets", "customers" or "invoices"); on a folded window it
 * also moves from the sidebar to the content. Returns FALSE for an unknown name. */
gboolean
desk_window_show_section (DeskWindow *self,
                          const char *name)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), FALSE);

  if (name == NULL || gtk_stack_get_child_by_name (self->content_stack, name) == NULL)
    {
      g_debug ("No section named “%s”", name);
      return FALSE;
    }

  gtk_stack_set_visible_child_name (self->content_stack, name);
  select_sidebar_row (self, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);

  return TRUE;
}

/* Returns: (transfer none) (nullable): the screen @name once it has been made */
DeskPage *
desk_window_get_page (DeskWindow *self,
                      const char *name)
{
  AdwBin *bin;

  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);

  bin = screen_bin (self, name);
  if (bin == NULL || !DESK_IS_PAGE (adw_bin_get_child (bin)))
    return NULL;

  return DESK_PAGE (adw_bin_get_child (bin));
}

/* Puts the cursor in the search of the screen in view, and of the Tickets screen when the
 * screen in view has none yet, so that a scan or a name typed next lands where it is
 * looked for. */
void
desk_window_search (DeskWindow *self)
{
  DeskPage *page;

  g_return_if_fail (DESK_IS_WINDOW (self));

  page = desk_window_get_page (self, gtk_stack_get_visible_child_name (self->content_stack));
  if (page == NULL)
    {
      desk_window_show_section (self, "tickets");
      page = desk_window_get_page (self, "tickets");
    }

  if (page != NULL)
    desk_page_focus_search (page);
}
