/* desk-customers-page.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-customers-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-accessible.h"
#include "desk-customer-check.h"
#include "desk-customer-detail.h"
#include "desk-customer-editor.h"
#include "desk-customer-rows.h"
#include "desk-row-slots.h"
#include "desk-customers-page.h"
#include "desk-out-of-view.h"
#include "desk-results-view.h"
#include "desk-search-feedback.h"
#include "desk-toast.h"
#include "desk-window.h"

/* The Customers screen: a list with search-as-you-type and a "referred by" filter beside a
 * customer's details, in a leaflet that folds to one pane on a narrow window.
 *
 * Search answers twice (DeskListSearch). At once, the rows already loaded are narrowed
 * down to those that match what is typed. After a short pause the server is asked
 * (`keyword`); its answer loads into a list of its own, so that the rows on screen stay
 * until the new ones are there, and then takes their place. A newer query replaces one
 * still on its way. */

struct _DeskCustomersPage
{
  DeskPage           parent_instance;

  /* Template children */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkWidget          *detail_pane;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *referral_dropdown;
  DeskResultsView    *results_view;
  GtkStack           *detail_stack;
  GtkRevealer        *detail_problem;
  GtkLabel           *detail_problem_label;
  GtkWidget          *detail_box;

  /* owned */
  DeskListSearch     *search;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  DeskRowSlots       *slots;
  GtkSingleSelection *selection;
  GtkStringList      *referrals;
  GCancellable       *detail_cancellable;
  char               *local_needle;   /* the search text case-folded, NULL to match all */
  char               *local_digits;   /* its digits when there are three or more */
  char               *referred_by;
  DeskCustomer       *selected_before;   /* the selection while the rows change */

  /* state */
  DeskPagedList      *shown;
  GtkLabel           *search_feedback;
  DeskCustomerDetail *detail;
  GtkListView        *list_view;
  GtkWindow          *editor;   /* weak */
  gboolean            filtering;
  gboolean            refiltered;   /* the list's change has filtered the rows already */
  gboolean            updating_referrals;
};

enum {
  PROP_0,
  PROP_SEARCHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskCustomersPage, desk_customers_page, DESK_TYPE_PAGE)

/* --- Local matching -------------------------------------------------------------------- */

/* What the local match looks at, folded once per row rather than once per keystroke. */
typedef struct
{
  char *folded;   /* name, e-mail address and organization, case-folded */
  char *digits;   /* the digits of the phone and mobile numbers */
} SearchText;

static void
search_text_free (gpointer data)
{
  SearchText *text = data;

  g_free (text->folded);
  g_free (text->digits);
  g_free (text);
}

static const SearchText *
get_search_text (DeskCustomer *customer)
{
  static GQuark quark;
  SearchText *text;
  g_autofree char *organization = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *mobile = NULL;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("desk-customers-page-search-text");

  text = g_object_get_qdata (G_OBJECT (customer), quark);
  if (text != NULL)
    return text;

  g_object_get (customer, "organization", &organization, NULL);
  joined = g_strjoin ("\n", desk_customer_get_full_name (customer) ?: "",
                      desk_customer_get_email (customer) ?: "", organization ?: "", NULL);
  phone = desk_customer_phone_digits (desk_customer_get_phone (customer));
  mobile = desk_customer_phone_digits (desk_customer_get_mobile (customer));

  text = g_new0 (SearchText, 1);
  text->folded = g_utf8_casefold (joined, -1);
  text->digits = g_strjoin (" ", phone, mobile, NULL);
  g_object_set_qdata_full (G_OBJECT (customer), quark, text, search_text_free);

  return text;
}

/* The same fields the server's keyword search looks at: name, e-mail, organization, and
 * the digits of the numbers when what is typed is a number. */
static gboolean
local_match (gpointer item,
             gpointer user_data)
{
  DeskCustomersPage *self = user_data;
  const SearchText *text;

  if (self->local_needle == NULL || !self->filtering)
    return TRUE;

  text = get_search_text (item);
  return strstr (text->folded, self->local_needle) != NULL ||
         (self->local_digits != NULL && strstr (text->digits, self->local_digits) != NULL);
}

/* --- Queries --------------------------------------------------------------------------- */

static DeskListQuery *
make_query (const char *text,
            gpointer    user_data)
{
  DeskCustomersPage *self = user_data;
  DeskListQuery *query = desk_list_query_new ();

  query->keyword = g_strdup (text);
  query->referred_by = g_strdup (self->referred_by);
  /* No page size: older servers send every customer in one plain list, and one that cuts
   * such a list to a page size gives no sign that more would follow. Newer servers page by
   * their own size and say so. */

  return query;
}

/* Returns how the new text changes what matches: it only narrows it when it holds the old
 * text and looks in the numbers only if the old one did (a text that holds another holds
 * its digits too). */
static GtkFilterChange
store_local_text (DeskCustomersPage *self,
                  const char        *text)
{
  g_autofree char *old_needle = g_steal_pointer (&self->local_needle);
  g_autofree char *old_digits = g_steal_pointer (&self->local_digits);
  g_autofree char *digits = NULL;

  if (text == NULL || *text == '\0')
    return GTK_FILTER_CHANGE_LESS_STRICT;

  self->local_needle = g_utf8_casefold (text, -1);
  digits = desk_customer_phone_digits (text);
  if (strlen (digits) >= 3)
    self->local_digits = g_steal_pointer (&digits);

  if (old_needle != NULL && strstr (self->local_needle, old_needle) != NULL &&
      (old_digits != NULL || self->local_digits == NULL))
    return GTK_FILTER_CHANGE_MORE_STRICT;

  return GTK_FILTER_CHANGE_DIFFERENT;
}

static void
open_position (DeskCustomersPage *self,
               guint              position)
{
  desk_row_slots_show_position (self->slots, position);
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
notify_searching (DeskCustomersPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/* The list the search holds now, narrowed down while it is not the server's answer to
 * the text. */
static void
search_list_changed_cb (DeskCustomersPage *self)
{
  DeskPagedList *list = desk_list_search_get_list (self->search);
  gboolean filtering = desk_list_search_get_filtering (self->search);

  if (list != self->shown)
    {
      self->shown = list;
      self->filtering = filtering;
      self->refiltered = TRUE;
      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (list));
      desk_results_view_set_list (self->results_view, list);
    }
  else if (filtering != self->filtering)
    {
      self->filtering = filtering;
      self->refiltered = TRUE;
      gtk_filter_changed (GTK_FILTER (self->filter), filtering ? GTK_FILTER_CHANGE_MORE_STRICT
                                                               : GTK_FILTER_CHANGE_LESS_STRICT);
    }
  notify_searching (self);
}

static void
set_feedback (DeskCustomersPage *self,
              const char        *text)
{
  gtk_label_set_label (self->search_feedback, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->search_feedback), text != NULL);
}

/* Enter, once the server has answered: the one customer opens; otherwise the clerk is
 * told what was found, under the search field. */
static void
search_answered_cb (DeskCustomersPage *self,
                    gboolean           answered)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  if (desk_paged_list_get_error (self->shown) != NULL)
    return;

  if (n == 1)
    {
      open_position (self, 0);
      return;
    }

  if (n == 0)
    /* Translators: what Enter in the search found; %s is what was typed or scanned */
    text = g_strdup_printf (_("No customer “%s”"), desk_list_search_get_text (self->search));
  else if (desk_paged_list_get_has_more (self->shown))
    /* Translators: Enter in the search found more customers than are loaded */
    text = g_strdup_printf (_("More than %u customers match"), n);
  else
    text = g_strdup_printf (ngettext ("%u customer matches", "%u customers match", n), n);
  set_feedback (self, text);
}

/* A new filter empties the list at once: rows of another filter would mislead. */
static void
apply_filter_now (DeskCustomersPage *self)
{
  desk_list_search_refresh (self->search);
  notify_searching (self);
}

/* --- Referred by ----------------------------------------------------------------------- */

static guint
referral_position (DeskCustomersPage *self,
                   const char        *referral)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->referrals));

  if (referral == NULL)
    return 0;

  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->referrals, i), referral) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* RepairDesk has no list of referral sources: the choices are those seen on customers. */
static void
add_referral (DeskCustomersPage *self,
              const char        *referral)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->referrals));
  guint at = 1;
  const char *add[] = { referral, NULL };

  if (referral == NULL || *referral == '\0' ||
      referral_position (self, referral) != GTK_INVALID_LIST_POSITION)
    return;

  while (at < n && g_utf8_collate (gtk_string_list_get_string (self->referrals, at), referral) < 0)
    at++;

  self->updating_referrals = TRUE;
  gtk_string_list_splice (self->referrals, at, 0, add);
  gtk_drop_down_set_selected (self->referral_dropdown,
                              referral_position (self, self->referred_by));
  self->updating_referrals = FALSE;
}

static void
shown_items_changed_cb (DeskCustomersPage *self,
                        guint              position,
                        guint              removed,
                        guint              added,
                        GListModel        *list)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(DeskCustomer) customer = g_list_model_get_item (list, i);
      g_autofree char *referral = NULL;

      g_object_get (customer, "referred-by", &referral, NULL);
      add_referral (self, referral != NULL ? g_strstrip (referral) : NULL);
    }
}

static void
save_filters (DeskCustomersPage *self)
{
  g_autoptr(GVariantDict) dict = g_variant_dict_new (NULL);

  if (self->referred_by != NULL)
    g_variant_dict_insert (dict, "referred-by", "s", self->referred_by);
  g_settings_set_value (desk_page_get_settings (DESK_PAGE (self)), "customer-filters",
                        g_variant_dict_end (dict));
}

static void
load_filters (DeskCustomersPage *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (desk_page_get_settings (DESK_PAGE (self)),
                                                    "customer-filters");
  g_autoptr(GVariantDict) dict = g_variant_dict_new (value);
  g_autofree char *referral = NULL;

  if (g_variant_dict_lookup (dict, "referred-by", "s", &referral) && *referral != '\0')
    {
      self->referred_by = g_strdup (referral);
      add_referral (self, referral);
    }
}

static void
referral_selected_cb (DeskCustomersPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->referral_dropdown);
  const char *referral = NULL;

  if (self->updating_referrals || self->referrals == NULL)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    referral = gtk_string_list_get_string (self->referrals, selected);

  desk_customers_page_set_referred_by (self, referral);
}

/* --- Details --------------------------------------------------------------------------- */

static void
customer_fetched_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  DeskCustomersPage *self;

  customer = desk_api_client_get_customer_finish (DESK_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = DESK_CUSTOMERS_PAGE (user_data);
  /* The list entry stays on screen when the full record cannot be had; the pane says
   * why, and Retry reads it again. */
  if (error != NULL)
    {
      g_debug ("Could not read customer: %s", error->message);
      gtk_label_set_text (self->detail_problem_label, error->message);
      gtk_revealer_set_reveal_child (self->detail_problem, TRUE);
      return;
    }

  desk_customer_detail_set_customer (self->detail, customer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.edit", TRUE);
}

static void
show_customer (DeskCustomersPage *self,
               DeskCustomer      *customer,
               gboolean           fetch)
{
  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);

  gtk_revealer_set_reveal_child (self->detail_problem, FALSE);
  desk_customer_detail_set_customer (self->detail, customer);
  gtk_stack_set_visible_child_name (self->detail_stack, customer != NULL ? "customer" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.edit", customer != NULL && !fetch);
  if (customer == NULL || !fetch)
    return;

  /* List entries hold only part of a customer; the details and the form need it all: a
   * form filled from a list entry would save its missing fields as blanks. */
  self->detail_cancellable = g_cancellable_new ();
  desk_api_client_get_customer_async (desk_page_get_client (DESK_PAGE (self)),
                                      desk_customer_get_id (customer),
                                      self->detail_cancellable, customer_fetched_cb, self);
}

static DeskCustomer *
selected_customer (DeskCustomersPage *self)
{
  return desk_row_slot_get_item (gtk_single_selection_get_selected_item (self->selection));
}

static void
selection_changed_cb (DeskCustomersPage *self)
{
  DeskCustomer *customer = selected_customer (self);

  if (customer != NULL && customer != desk_customer_detail_get_customer (self->detail))
    show_customer (self, customer, TRUE);
}

/* The selection follows the slots, which keep their places while the rows change: the
 * selected row goes where its customer went, or is let go of when it is no longer shown,
 * as the selection of the rows themselves would. */
static void
rows_changing_cb (DeskCustomersPage *self)
{
  g_set_object (&self->selected_before, selected_customer (self));
}

static void
rows_changed_cb (DeskCustomersPage *self)
{
  g_autoptr(DeskCustomer) customer = g_steal_pointer (&self->selected_before);
  GListModel *rows = G_LIST_MODEL (self->filtered);
  guint found = GTK_INVALID_LIST_POSITION;

  if (customer == NULL || selected_customer (self) == customer)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (rows) && found == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(DeskCustomer) there = g_list_model_get_item (rows, i);

      if (there == customer)
        found = i;
    }
  desk_row_slots_show_position (self->slots, found);
  gtk_single_selection_set_selected (self->selection, found);
}

static void
list_activate_cb (DeskCustomersPage *self,
                  guint              position)
{
  open_position (self, position);
  gtk_widget_child_focus (GTK_WIDGET (self->detail), GTK_DIR_TAB_FORWARD);
}

/* --- Search entry ---------------------------------------------------------------------- */

static void
search_changed_cb (DeskCustomersPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GtkFilterChange change;

  set_feedback (self, NULL);
  if (g_strcmp0 (*stripped != '\0' ? stripped : NULL,
                 desk_list_search_get_text (self->search)) == 0)
    return;

  change = store_local_text (self, stripped);
  /* A list shown anew, or narrowed for the first time, was filtered by the new text: once
   * is enough. */
  self->refiltered = FALSE;
  desk_list_search_set_text (self->search, stripped);
  if (self->filtering && !self->refiltered)
    gtk_filter_changed (GTK_FILTER (self->filter), change);
}

/* Enter (or the end of a barcode scan) opens the customer when there is exactly one; a
 * server query still to come is sent at once, and decides. The text of this moment is
 * what counts, whichever keystroke signal came first. */
static void
search_activate_cb (DeskCustomersPage *self)
{
  search_changed_cb (self);
  desk_list_search_activate (self->search);
}

/* --- Actions --------------------------------------------------------------------------- */

static void
editor_saved_cb (DeskCustomersPage *self,
                 DeskCustomer      *customer)
{
  desk_paged_list_reload (self->shown);
  show_customer (self, customer, FALSE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
editor_queued_cb (DeskCustomersPage *self,
                  DeskCustomer      *customer,
                  DeskChange        *change,
                  const char        *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (DESK_IS_WINDOW (root))
    desk_window_add_toast (DESK_WINDOW (root), desk_toast_new (text));
}

static void
editor_open_customer_cb (DeskCustomersPage *self,
                         DeskCustomer      *customer)
{
  show_customer (self, customer, TRUE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
open_editor (DeskCustomersPage *self,
             DeskCustomer      *customer)
{
  DeskCustomerEditor *editor;

  if (self->editor != NULL)
    {
      gtk_window_present (self->editor);
      return;
    }

  editor = desk_customer_editor_new (desk_context_get_writer (desk_page_get_context (DESK_PAGE (self))),
                                     customer);
  gtk_window_set_transient_for (GTK_WINDOW (editor),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "open-customer", G_CALLBACK (editor_open_customer_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "queued", G_CALLBACK (editor_queued_cb), self,
                           G_CONNECT_SWAPPED);
  self->editor = GTK_WINDOW (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &self->editor);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (DESK_CUSTOMERS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskCustomersPage *self = DESK_CUSTOMERS_PAGE (widget);

  open_editor (self, desk_customer_detail_get_customer (self->detail));
}

static void
reload_customer_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DeskCustomersPage *self = DESK_CUSTOMERS_PAGE (widget);
  DeskCustomer *customer = desk_customer_detail_get_customer (self->detail);

  if (customer != NULL)
    show_customer (self, customer, TRUE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskCustomersPage *self = DESK_CUSTOMERS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskCustomersPage *self = DESK_CUSTOMERS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Ctrl+N and Ctrl+F work anywhere in the window, but only while this screen is shown. */
static gboolean
window_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  return gtk_widget_activate_action (widget, user_data, NULL);
}

/* Escape goes back to the list, closing the open customer, before it clears the search:
 * as on the Tickets screen, wherever the focus is. */
static gboolean
escape (DeskCustomersPage *self)
{
  if (desk_customer_detail_get_customer (self->detail) != NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      show_customer (self, NULL, FALSE);
      adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
      return TRUE;
    }

  if (desk_list_search_get_text (self->search) != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      return TRUE;
    }

  return FALSE;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  return escape (DESK_CUSTOMERS_PAGE (widget));
}

static void
search_stop_cb (DeskCustomersPage *self)
{
  escape (self);
}

static void
add_window_shortcuts (DeskCustomersPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  /* Ctrl+N is New Ticket everywhere; a new customer is Ctrl+Shift+N. */
  const struct { guint key; GdkModifierType modifiers; const char *action; } shortcuts[] = {
    { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "customers.new" },
    { GDK_KEY_f, GDK_CONTROL_MASK, "customers.search" },
  };

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].key,
                                                                                    shortcuts[i].modifiers),
                                                            gtk_callback_action_new (window_shortcut_cb,
                                                                                     (gpointer) shortcuts[i].action,
                                                                                     NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* --- DeskPage -------------------------------------------------------------------------- */

static void
desk_customers_page_reload (DeskPage *page)
{
  desk_paged_list_reload (DESK_CUSTOMERS_PAGE (page)->shown);
}

static gboolean
desk_customers_page_show_record (DeskPage   *page,
                                 DeskRecord *record)
{
  if (!DESK_IS_CUSTOMER (record))
    return FALSE;

  desk_customers_page_show_customer (DESK_CUSTOMERS_PAGE (page), DESK_CUSTOMER (record));

  return TRUE;
}

static void
desk_customers_page_focus_search (DeskPage *page)
{
  search_action (GTK_WIDGET (page), "customers.search", NULL);
}

/* --- GObject --------------------------------------------------------------------------- */

static void
build_list (DeskCustomersPage *self)
{
  GtkListItemFactory *factory = desk_customer_rows_factory_new ();
  GtkWidget *list_view;

  /* The rows are DeskRowSlots (desk-row-slots.c): a keystroke that narrows the list
   * changes the text of the rows it keeps rather than building them anew. */
  self->shown = desk_list_search_get_list (self->search);
  self->filter = gtk_custom_filter_new (local_match, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->shown)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (rows_changing_cb), self,
                           G_CONNECT_SWAPPED);
  self->slots = desk_row_slots_new (G_LIST_MODEL (self->filtered));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  /* After the slots, which connected first. */
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (rows_changed_cb), self,
                           G_CONNECT_SWAPPED);

  list_view = gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)), factory);
  gtk_widget_add_css_class (list_view, "navigation-sidebar");
  g_signal_connect_object (list_view, "activate", G_CALLBACK (list_activate_cb), self,
                           G_CONNECT_SWAPPED);
  /* On a narrow window a tap opens the customer, as the list is all there is to see. */
  g_object_bind_property (self->leaflet, "folded", list_view, "single-click-activate",
                          G_BINDING_SYNC_CREATE);
  self->list_view = GTK_LIST_VIEW (list_view);
  desk_accessible_label_list (list_view, _("Customers"));
  desk_results_view_set_child (self->results_view, list_view);
  desk_results_view_set_list (self->results_view, self->shown);
  desk_results_view_set_empty_text (self->results_view, _("No Customers Found"),
                                    _("Try another name, number or e-mail address, or another "
                                      "referral."));
}

static void
watch_list (gpointer list,
            gpointer user_data)
{
  g_signal_connect_object (list, "items-changed", G_CALLBACK (shown_items_changed_cb),
                           user_data, G_CONNECT_SWAPPED);
}

static void
new_search (DeskCustomersPage *self)
{
  self->search = desk_list_search_new (desk_page_get_client (DESK_PAGE (self)),
                                       DESK_PAGED_LIST_CUSTOMERS);
  desk_list_search_set_query_func (self->search, make_query, self, NULL);
  desk_list_search_foreach_list (self->search, watch_list, self);
  g_signal_connect_object (self->search, "changed", G_CALLBACK (search_list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "activated", G_CALLBACK (search_answered_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
desk_customers_page_constructed (GObject *object)
{
  DeskCustomersPage *self = DESK_CUSTOMERS_PAGE (object);

  G_OBJECT_CLASS (desk_customers_page_parent_class)->constructed (object);

  g_assert (DESK_IS_API_CLIENT (desk_page_get_client (DESK_PAGE (self))));
  g_assert (G_IS_SETTINGS (desk_page_get_settings (DESK_PAGE (self))));

  new_search (self);

  self->detail = g_object_new (DESK_TYPE_CUSTOMER_DETAIL,
                               "client", desk_page_get_client (DESK_PAGE (self)),
                               "hexpand", TRUE, "vexpand", TRUE, NULL);
  gtk_box_append (GTK_BOX (self->detail_box), GTK_WIDGET (self->detail));

  self->referrals = gtk_string_list_new (NULL);
  gtk_string_list_append (self->referrals, _("Anyone"));
  gtk_drop_down_set_model (self->referral_dropdown, G_LIST_MODEL (self->referrals));
  load_filters (self);

  build_list (self);
  show_customer (self, NULL, FALSE);
  desk_list_search_refresh (self->search);
}

static void
desk_customers_page_dispose (GObject *object)
{
  DeskCustomersPage *self = DESK_CUSTOMERS_PAGE (object);

  if (self->search != NULL)
    g_signal_handlers_disconnect_by_data (self->search, self);
  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  if (self->editor != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->editor), (gpointer *) &self->editor);
      gtk_window_destroy (self->editor);
      self->editor = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_CUSTOMERS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->slots);
  g_clear_object (&self->selected_before);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  self->shown = NULL;
  g_clear_object (&self->search);
  g_clear_object (&self->referrals);
  g_clear_pointer (&self->local_needle, g_free);
  g_clear_pointer (&self->local_digits, g_free);
  g_clear_pointer (&self->referred_by, g_free);

  G_OBJECT_CLASS (desk_customers_page_parent_class)->dispose (object);
}

static void
desk_customers_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DeskCustomersPage *self = DESK_CUSTOMERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCHING:
      g_value_set_boolean (value, desk_customers_page_get_searching (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_customers_page_class_init (DeskCustomersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DeskPageClass *page_class = DESK_PAGE_CLASS (klass);

  object_class->constructed = desk_customers_page_constructed;
  object_class->dispose = desk_customers_page_dispose;
  object_class->get_property = desk_customers_page_get_property;
  page_class->reload = desk_customers_page_reload;
  page_class->show_record = desk_customers_page_show_record;
  page_class->focus_search = desk_customers_page_focus_search;

  /* Whether a server query is still to come or on its way for what is typed. */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/customers/desk-customers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskCustomersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomersPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomersPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomersPage, referral_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomersPage, results_view);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomersPage, detail_problem);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomersPage, detail_problem_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomersPage, detail_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, referral_selected_cb);

  gtk_widget_class_install_action (widget_class, "customers.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "customers.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "customers.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "customers.reload-customer", NULL,
                                   reload_customer_action);
  gtk_widget_class_install_action (widget_class, "customers.search", NULL, search_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
desk_customers_page_init (DeskCustomersPage *self)
{
  g_type_ensure (DESK_TYPE_RESULTS_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_revealer_hide_concealed (self->detail_problem);
  desk_accessible_label_dropdown (GTK_WIDGET (self->referral_dropdown));
  desk_accessible_tidy_mnemonics (GTK_WIDGET (self->detail_problem));
  add_window_shortcuts (self);
  self->search_feedback = desk_search_feedback_add (self->search_entry, _("Search Customers"));
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (search_stop_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
desk_customers_page_new (DeskContext *context)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (context), NULL);

  return g_object_new (DESK_TYPE_CUSTOMERS_PAGE, "context", context, NULL);
}

/* The rows on screen: the loaded customers that match what is typed. */
GListModel *
desk_customers_page_get_model (DeskCustomersPage *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMERS_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/* "loading", "waiting", "empty", "error" or "results", as DeskResultsView shows it. */
const char *
desk_customers_page_get_state (DeskCustomersPage *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMERS_PAGE (self), NULL);

  return desk_results_view_get_state (self->results_view);
}

gboolean
desk_customers_page_get_searching (DeskCustomersPage *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMERS_PAGE (self), FALSE);

  return desk_list_search_get_searching (self->search) ||
         desk_paged_list_get_loading (self->shown);
}

void
desk_customers_page_set_search_text (DeskCustomersPage *self,
                                     const char        *text)
{
  g_return_if_fail (DESK_IS_CUSTOMERS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
}

const char *
desk_customers_page_get_referred_by (DeskCustomersPage *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMERS_PAGE (self), NULL);

  return self->referred_by;
}

/* Shows only the customers of one referral source (NULL for all), and remembers it. */
void
desk_customers_page_set_referred_by (DeskCustomersPage *self,
                                     const char        *referred_by)
{
  g_return_if_fail (DESK_IS_CUSTOMERS_PAGE (self));

  if (referred_by != NULL && *referred_by == '\0')
    referred_by = NULL;
  if (g_strcmp0 (self->referred_by, referred_by) == 0)
    return;

  g_free (self->referred_by);
  self->referred_by = g_strdup (referred_by);
  add_referral (self, referred_by);
  self->updating_referrals = TRUE;
  gtk_drop_down_set_selected (self->referral_dropdown, referral_position (self, referred_by));
  self->updating_referrals = FALSE;
  save_filters (self);
  apply_filter_now (self);
}

DeskCustomer *
desk_customers_page_get_customer (DeskCustomersPage *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMERS_PAGE (self), NULL);

  return desk_customer_detail_get_customer (self->detail);
}

/* Shows a customer's details (read afresh from the server), on a narrow window alone. */
void
desk_customers_page_show_customer (DeskCustomersPage *self,
                                   DeskCustomer      *customer)
{
  g_return_if_fail (DESK_IS_CUSTOMERS_PAGE (self));

  show_customer (self, customer, customer != NULL);
  if (customer != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The New or Edit customer dialog while it is open. */
GtkWindow *
desk_customers_page_get_editor (DeskCustomersPage *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMERS_PAGE (self), NULL);

  return self->editor;
}

GtkWidget *
desk_customers_page_get_detail (DeskCustomersPage *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMERS_PAGE (self), NULL);

  return GTK_WIDGET (self->detail);
}
