/* desk-intake-preferences.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-intake-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-intake-preferences.h"

/* How this shop checks devices in: the usual turnaround, what must be there before a
 * ticket is created, the terms the customer signs under, the conditions checked and the
 * accessories offered, and which screen faces the customer. Everything is a GSettings key,
 * so that the intake screen follows a change at once. */

struct _DeskIntakePreferences
{
  AdwPreferencesPage   parent_instance;

  /* Template children */
  GtkSpinButton       *turnaround_spin;
  GtkSwitch           *signature_switch;
  GtkSwitch           *conditions_switch;
  AdwComboRow         *monitor_row;
  GtkTextView         *terms_view;
  AdwPreferencesGroup *conditions_group;
  AdwEntryRow         *add_condition_row;
  AdwPreferencesGroup *accessories_group;
  AdwEntryRow         *add_accessory_row;

  /* owned */
  GSettings           *settings;
  GtkStringList       *monitors;      /* "" first, for the window's own screen; connectors */
  GPtrArray           *condition_rows;
  GPtrArray           *accessory_rows;

  /* state */
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (DeskIntakePreferences, desk_intake_preferences, ADW_TYPE_PREFERENCES_PAGE)

/* --- Lists of names ------------------------------------------------------------------------ */

static void rebuild_list (DeskIntakePreferences *self,
                          const char            *key);

static void
remove_name_cb (GtkButton             *button,
                DeskIntakePreferences *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "key");
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  g_auto(GStrv) names = g_settings_get_strv (self->settings, key);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], name) != 0)
      g_strv_builder_add (kept, names[i]);
  result = g_strv_builder_end (kept);
  g_settings_set_strv (self->settings, key, (const char * const *) result);
}

static GtkWidget *
name_row (DeskIntakePreferences *self,
          const char            *key,
          const char            *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  g_autofree char *label = g_strdup_printf (_("Remove “%s”"), name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (remove), "key", g_strdup (key), g_free);
  g_object_set_data_full (G_OBJECT (remove), "name", g_strdup (name), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_name_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
rebuild_list (DeskIntakePreferences *self,
              const char            *key)
{
  gboolean conditions = g_str_equal (key, "intake-pre-conditions");
  AdwPreferencesGroup *group = conditions ? self->conditions_group : self->accessories_group;
  GPtrArray *rows = conditions ? self->condition_rows : self->accessory_rows;
  g_auto(GStrv) names = g_settings_get_strv (self->settings, key);

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);

  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *row = name_row (self, key, names[i]);

      g_ptr_array_add (rows, row);
      adw_preferences_group_add (group, row);
    }
}

/* Adds what is typed to the list, once, and empties the field for the next one. */
static void
add_name (DeskIntakePreferences *self,
          const char            *key,
          AdwEntryRow           *entry)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_auto(GStrv) names = g_settings_get_strv (self->settings, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  if (*name == '\0' || g_strv_contains ((const char * const *) names, name))
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      return;
    }

  g_strv_builder_addv (builder, (const char **) names);
  g_strv_builder_add (builder, name);
  result = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, key, (const char * const *) result);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
add_condition_cb (DeskIntakePreferences *self)
{
  add_name (self, "intake-pre-conditions", self->add_condition_row);
}

static void
add_accessory_cb (DeskIntakePreferences *self)
{
  add_name (self, "intake-accessories", self->add_accessory_row);
}

static void
settings_changed_cb (GSettings             *settings,
                     const char            *key,
                     DeskIntakePreferences *self)
{
  if (g_str_equal (key, "intake-pre-conditions") || g_str_equal (key, "intake-accessories"))
    rebuild_list (self, key);
}

/* --- Terms --------------------------------------------------------------------------------- */

static void
terms_changed_cb (GtkTextBuffer         *buffer,
                  DeskIntakePreferences *self)
{
  g_autofree char *terms = NULL;
  GtkTextIter start, end;

  if (self->updating)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  terms = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_settings_set_string (self->settings, "intake-terms", terms);
}

/* --- The customer's screen ----------------------------------------------------------------- */

static void
monitor_selected_cb (DeskIntakePreferences *self)
{
  guint position = adw_combo_row_get_selected (self->monitor_row);

  if (self->updating || position == GTK_INVALID_LIST_POSITION)
    return;

  g_settings_set_string (self->settings, "customer-monitor",
                         gtk_string_list_get_string (self->monitors, position));
}

static char *
monitor_label (GtkStringObject *item,
               gpointer         user_data)
{
  const char *connector = gtk_string_object_get_string (item);

  if (*connector == '\0')
    return g_strdup (_("Front Desk’s Own"));

  return g_strdup (connector);
}

/* The screen chosen before, the screens connected now, and the window's own screen. */
static void
fill_monitors (DeskIntakePreferences *self)
{
  g_autofree char *chosen = g_settings_get_string (self->settings, "customer-monitor");
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  GtkExpression *expression;
  guint selected = 0;

  self->monitors = gtk_string_list_new (NULL);
  gtk_string_list_append (self->monitors, "");
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      const char *connector = gdk_monitor_get_connector (monitor);

      if (connector != NULL && *connector != '\0')
        gtk_string_list_append (self->monitors, connector);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->monitors)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->monitors, i), chosen) == 0)
      selected = i;
  if (selected == 0 && *chosen != '\0')
    {
      gtk_string_list_append (self->monitors, chosen);
      selected = g_list_model_get_n_items (G_LIST_MODEL (self->monitors)) - 1;
    }

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (monitor_label), NULL, NULL);
  adw_combo_row_set_expression (self->monitor_row, expression);
  gtk_expression_unref (expression);
  self->updating = TRUE;
  adw_combo_row_set_model (self->monitor_row, G_LIST_MODEL (self->monitors));
  adw_combo_row_set_selected (self->monitor_row, selected);
  self->updating = FALSE;
  g_signal_connect_swapped (self->monitor_row, "notify::selected",
                            G_CALLBACK (monitor_selected_cb), self);
}

/* --- GObject ------------------------------------------------------------------------------- */

static void
desk_intake_preferences_dispose (GObject *object)
{
  DeskIntakePreferences *self = DESK_INTAKE_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_INTAKE_PREFERENCES);
  g_clear_object (&self->settings);
  g_clear_object (&self->monitors);
  g_clear_pointer (&self->condition_rows, g_ptr_array_unref);
  g_clear_pointer (&self->accessory_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_intake_preferences_parent_class)->dispose (object);
}

static void
desk_intake_preferences_class_init (DeskIntakePreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_intake_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/preferences/desk-intake-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePreferences, turnaround_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePreferences, signature_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePreferences, conditions_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePreferences, monitor_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePreferences, terms_view);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePreferences, conditions_group);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePreferences, add_condition_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePreferences, accessories_group);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePreferences, add_accessory_row);
  gtk_widget_class_bind_template_callback (widget_class, add_condition_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_accessory_cb);
}

static void
desk_intake_preferences_init (DeskIntakePreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->condition_rows = g_ptr_array_new ();
  self->accessory_rows = g_ptr_array_new ();
}

GtkWidget *
desk_intake_preferences_new (GSettings *settings)
{
  DeskIntakePreferences *self;
  GtkTextBuffer *buffer;
  g_autofree char *terms = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (DESK_TYPE_INTAKE_PREFERENCES, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "intake-turnaround-hours",
                   gtk_spin_button_get_adjustment (self->turnaround_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "intake-require-signature", self->signature_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "intake-require-pre-conditions", self->conditions_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  terms = g_settings_get_string (settings, "intake-terms");
  buffer = gtk_text_view_get_buffer (self->terms_view);
  self->updating = TRUE;
  gtk_text_buffer_set_text (buffer, terms, -1);
  self->updating = FALSE;
  g_signal_connect_object (buffer, "changed", G_CALLBACK (terms_changed_cb), self, 0);

  rebuild_list (self, "intake-pre-conditions");
  rebuild_list (self, "intake-accessories");
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self, 0);
  fill_monitors (self);

  return GTK_WIDGET (self);
}
