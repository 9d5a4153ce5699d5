/* desk-customer-picker.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-customer-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-customer-check.h"
#include "desk-customer-picker.h"

/* Finding the customer a form is for, by name, phone or e-mail, with the search every
 * list screen shares: a search field and, under it, either a hint (what to type, that the
 * server is being asked, why it could not answer, that nothing matched) or the matching
 * customers, the newest first. The rows shown are always the server's answer to the text
 * in the field, never an older one. Enter takes the first match once the server has
 * answered the text; a click or the arrow keys take another. Either way ::chosen says
 * which. New Ticket and the invoice form both use it; each keeps its own walk-in and
 * chosen-customer rows. */

#define DEFAULT_MAX_RESULTS 8

struct _DeskCustomerPicker
{
  GtkWidget       parent_instance;

  GtkWidget      *entry_box;
  GtkSearchEntry *entry;
  GtkStack       *stack;
  GtkLabel       *hint;
  GtkListBox     *results;

  DeskListSearch *finder;
  char           *empty_hint;
  char           *no_match_advice;
  guint           max_results;
};

enum {
  CHOSEN,
  STOP_SEARCH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkBuildableIface *parent_buildable_iface;

static void desk_customer_picker_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskCustomerPicker, desk_customer_picker, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      desk_customer_picker_buildable_init))

/* The phone (else the mobile) and the e-mail, as one line. */
static char *
customer_details (DeskCustomer *customer)
{
  const char *phone = desk_customer_get_phone (customer);
  const char *mobile = desk_customer_get_mobile (customer);
  const char *email = desk_customer_get_email (customer);
  GStrvBuilder *builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (phone != NULL && *phone != '\0')
    g_strv_builder_add (builder, phone);
  else if (mobile != NULL && *mobile != '\0')
    g_strv_builder_add (builder, mobile);
  if (email != NULL && *email != '\0')
    g_strv_builder_add (builder, email);
  parts = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return g_strjoinv (" · ", parts);
}

/* The name to show: the full name, else first and last name, else the number. */
static char *
customer_name (DeskCustomer *customer)
{
  g_autofree char *full = desk_customer_tidy_name (desk_customer_get_full_name (customer));
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *joined = NULL;

  if (full != NULL && *full != '\0')
    return g_steal_pointer (&full);

  g_object_get (customer, "first-name", &first, "last-name", &last, NULL);
  joined = g_strjoin (" ", first != NULL ? first : "", last != NULL ? last : "", NULL);
  g_strstrip (joined);
  if (*joined != '\0')
    return g_steal_pointer (&joined);

  /* Translators: a customer known by number only */
  return g_strdup_printf (_("Customer %" G_GINT64_FORMAT), desk_customer_get_id (customer));
}

/**
 * desk_customer_row_describe:
 * @row: a row
 * @customer: (nullable): the customer, or %NULL for a walk-in
 *
 * Shows @customer on @row as the picker lists it: the name, and the phone and e-mail
 * under it; a walk-in says there is no customer record.
 */
void
desk_customer_row_describe (AdwActionRow *row,
                            DeskCustomer *customer)
{
  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (customer != NULL)
    {
      g_autofree char *name = customer_name (customer);
      g_autofree char *details = customer_details (customer);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (row, details);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Walk-in Customer"));
      adw_action_row_set_subtitle (row, _("No customer record"));
    }
}

static void
show_hint (DeskCustomerPicker *self,
           const char         *hint)
{
  gtk_label_set_text (self->hint, hint);
  gtk_stack_set_visible_child_name (self->stack, "hint");
}

static void
clear_results (DeskCustomerPicker *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, row);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  gint64 id_a = desk_customer_get_id (*(DeskCustomer * const *) a);
  gint64 id_b = desk_customer_get_id (*(DeskCustomer * const *) b);

  return id_a < id_b ? 1 : id_a > id_b ? -1 : 0;
}

static void
add_row (DeskCustomerPicker *self,
         DeskCustomer       *customer)
{
  GtkWidget *row = adw_action_row_new ();

  desk_customer_row_describe (ADW_ACTION_ROW (row), customer);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "customer", g_object_ref (customer), g_object_unref);
  gtk_list_box_append (self->results, row);
}

static void
show_answer (DeskCustomerPicker *self)
{
  DeskPagedList *list;
  const char *text;
  g_autoptr(GPtrArray) customers = NULL;
  g_autofree char *hint = NULL;
  guint n;

  clear_results (self);
  if (self->finder == NULL || (text = desk_list_search_get_text (self->finder)) == NULL)
    {
      show_hint (self, self->empty_hint);
      return;
    }

  list = desk_list_search_get_list (self->finder);
  if (desk_list_search_get_filtering (self->finder) || desk_paged_list_get_loading (list))
    {
      hint = g_strdup_printf (_("Looking for “%s”…"), text);
      show_hint (self, hint);
      return;
    }
  if (desk_paged_list_get_error (list) != NULL)
    {
      /* Translators: %s says why the search failed, as a sentence. */
      hint = g_strdup_printf (_("%s Press Enter to search again."),
                              desk_paged_list_get_error (list)->message);
      show_hint (self, hint);
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (n == 0)
    {
      /* Translators: the first %s is what was typed, the second what to do instead, as a
       * sentence. */
      hint = g_strdup_printf (_("No customer matches “%s”. %s"), text, self->no_match_advice);
      show_hint (self, hint);
      return;
    }

  customers = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (customers, g_list_model_get_item (G_LIST_MODEL (list), i));
  g_ptr_array_sort (customers, newest_first);
  for (guint i = 0; i < MIN (customers->len, self->max_results); i++)
    add_row (self, g_ptr_array_index (customers, i));
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
entry_changed_cb (DeskCustomerPicker *self)
{
  if (self->finder != NULL)
    desk_list_search_set_text (self->finder, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

/* Enter takes the first match, the newest customer, once the server has answered the
 * text: a typed phone number or e-mail finds one, and the arrow keys reach the others. */
static void
entry_activate_cb (DeskCustomerPicker *self)
{
  entry_changed_cb (self);
  if (self->finder != NULL)
    desk_list_search_activate (self->finder);
}

/* Escape clears the text first; in an empty field it is the form's to take. */
static void
entry_stop_search_cb (DeskCustomerPicker *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  else
    g_signal_emit (self, signals[STOP_SEARCH], 0);
}

static void
finder_activated_cb (DeskCustomerPicker *self,
                     gboolean            answered)
{
  DeskCustomer *first;

  show_answer (self);
  first = desk_customer_picker_get_shown (self, 0);
  if (answered && first != NULL)
    g_signal_emit (self, signals[CHOSEN], 0, first);
}

static void
row_activated_cb (DeskCustomerPicker *self,
                  GtkListBoxRow      *row)
{
  g_signal_emit (self, signals[CHOSEN], 0, g_object_get_data (G_OBJECT (row), "customer"));
}

static DeskListQuery *
make_query (const char *text,
            gpointer    user_data)
{
  DeskListQuery *query = desk_list_query_new ();

  query->keyword = g_strdup (text);
  query->filter = DESK_LIST_FILTER_UNSET;

  return query;
}

static void
watch_list (gpointer list,
            gpointer user_data)
{
  g_signal_connect_object (list, "items-changed", G_CALLBACK (show_answer), user_data,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "notify::loading", G_CALLBACK (show_answer), user_data,
                           G_CONNECT_SWAPPED);
}

/* <child type="suffix"> goes beside the search field (a Walk-in button, say). */
static void
desk_customer_picker_add_child (GtkBuildable *buildable,
                                GtkBuilder   *builder,
                                GObject      *child,
                                const char   *type)
{
  DeskCustomerPicker *self = DESK_CUSTOMER_PICKER (buildable);

  if (g_strcmp0 (type, "suffix") == 0 && GTK_IS_WIDGET (child))
    gtk_box_append (GTK_BOX (self->entry_box), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
desk_customer_picker_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = desk_customer_picker_add_child;
}

static gboolean
desk_customer_picker_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (DESK_CUSTOMER_PICKER (widget)->entry));
}

static gboolean
desk_customer_picker_mnemonic_activate (GtkWidget *widget,
                                        gboolean   group_cycling)
{
  return desk_customer_picker_grab_focus (widget);
}

static void
desk_customer_picker_dispose (GObject *object)
{
  DeskCustomerPicker *self = DESK_CUSTOMER_PICKER (object);
  GtkWidget *child;

  g_clear_object (&self->finder);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (desk_customer_picker_parent_class)->dispose (object);
}

static void
desk_customer_picker_finalize (GObject *object)
{
  DeskCustomerPicker *self = DESK_CUSTOMER_PICKER (object);

  g_free (self->empty_hint);
  g_free (self->no_match_advice);

  G_OBJECT_CLASS (desk_customer_picker_parent_class)->finalize (object);
}

static void
desk_customer_picker_class_init (DeskCustomerPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_customer_picker_dispose;
  object_class->finalize = desk_customer_picker_finalize;
  widget_class->grab_focus = desk_customer_picker_grab_focus;
  widget_class->mnemonic_activate = desk_customer_picker_mnemonic_activate;

  /**
   * DeskCustomerPicker::chosen:
   * @customer: the customer taken, with Enter or from the list
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, DESK_TYPE_CUSTOMER);

  /**
   * DeskCustomerPicker::stop-search:
   *
   * Escape in the empty search field.
   */
  signals[STOP_SEARCH] = g_signal_new ("stop-search", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
desk_customer_picker_init (DeskCustomerPicker *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  self->max_results = DEFAULT_MAX_RESULTS;
  self->empty_hint = g_strdup (_("Type to find the customer."));
  self->no_match_advice = g_strdup (_("Check the spelling."));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  g_object_set (self->entry, "placeholder-text", _("Name, phone or e-mail"), NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->entry), "touch-target");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search customers"), -1);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (entry_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (entry_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "stop-search", G_CALLBACK (entry_stop_search_cb), self,
                           G_CONNECT_SWAPPED);
  self->entry_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->entry_box), GTK_WIDGET (self->entry));
  gtk_widget_set_parent (self->entry_box, GTK_WIDGET (self));

  self->hint = GTK_LABEL (gtk_label_new (self->empty_hint));
  gtk_label_set_wrap (self->hint, TRUE);
  gtk_label_set_xalign (self->hint, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint), "dim-label");

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Matching customers"), -1);
  g_signal_connect_object (self->results, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->hint), "hint");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->results), "results");
  gtk_stack_set_visible_child_name (self->stack, "hint");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
}

GtkWidget *
desk_customer_picker_new (void)
{
  return g_object_new (DESK_TYPE_CUSTOMER_PICKER, NULL);
}

/**
 * desk_customer_picker_set_client:
 *
 * Searches the customers of @client's server from now on.
 */
void
desk_customer_picker_set_client (DeskCustomerPicker *self,
                                 DeskApiClient      *client)
{
  g_return_if_fail (DESK_IS_CUSTOMER_PICKER (self));
  g_return_if_fail (DESK_IS_API_CLIENT (client));

  g_clear_object (&self->finder);
  self->finder = desk_list_search_new (client, DESK_PAGED_LIST_CUSTOMERS);
  desk_list_search_set_query_func (self->finder, make_query, NULL, NULL);
  desk_list_search_foreach_list (self->finder, watch_list, self);
  g_signal_connect_object (self->finder, "changed", G_CALLBACK (show_answer), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->finder, "activated", G_CALLBACK (finder_activated_cb), self,
                           G_CONNECT_SWAPPED);
  entry_changed_cb (self);
  show_answer (self);
}

/**
 * desk_customer_picker_set_hints:
 * @empty_hint: what the picker says while the field is empty
 * @no_match_advice: the sentence after “No customer matches …”: what to do instead
 */
void
desk_customer_picker_set_hints (DeskCustomerPicker *self,
                                const char         *empty_hint,
                                const char         *no_match_advice)
{
  g_return_if_fail (DESK_IS_CUSTOMER_PICKER (self));
  g_return_if_fail (empty_hint != NULL && no_match_advice != NULL);

  g_free (self->empty_hint);
  self->empty_hint = g_strdup (empty_hint);
  g_free (self->no_match_advice);
  self->no_match_advice = g_strdup (no_match_advice);
  show_answer (self);
}

void
desk_customer_picker_set_max_results (DeskCustomerPicker *self,
                                      guint               max_results)
{
  g_return_if_fail (DESK_IS_CUSTOMER_PICKER (self));
  g_return_if_fail (max_results > 0);

  self->max_results = max_results;
  show_answer (self);
}

/* The search field, to fill in, clear or put the focus in. */
GtkEditable *
desk_customer_picker_get_entry (DeskCustomerPicker *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_PICKER (self), NULL);

  return GTK_EDITABLE (self->entry);
}

/**
 * desk_customer_picker_get_shown:
 * @position: 0 for the first row
 *
 * Returns: (transfer none) (nullable): the customer shown at @position, or %NULL when the
 *   picker shows a hint or fewer rows
 */
DeskCustomer *
desk_customer_picker_get_shown (DeskCustomerPicker *self,
                                guint               position)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (DESK_IS_CUSTOMER_PICKER (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "results") != 0 ||
      (row = gtk_list_box_get_row_at_index (self->results, (int) position)) == NULL)
    return NULL;

  return g_object_get_data (G_OBJECT (row), "customer");
}

/**
 * desk_customer_picker_get_hint:
 *
 * Returns: (nullable): what the picker says in place of matches (what to type, that it is
 *   looking, why it could not, that nothing matched), or %NULL while it shows matches
 */
const char *
desk_customer_picker_get_hint (DeskCustomerPicker *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_PICKER (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "hint") != 0)
    return NULL;

  return gtk_label_get_text (self->hint);
}
