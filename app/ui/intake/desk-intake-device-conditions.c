/* desk-intake-device-conditions.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-intake-device"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-intake-device-private.h"

/* How the device arrived (each pre-condition works, is broken, or was not tested) and what
 * came with it. The pre-conditions are the shop's list from the preferences; the
 * accessories are RepairDesk's list when it has one.
 *
 * What was chosen lives in the conditions and supplied tables from the start; the rows
 * showing it, a few hundred widgets below the first screenful, are built once the section
 * has been drawn a first time, so that the intake opens without waiting for them. */

static void
condition_toggled_cb (GtkToggleButton  *button,
                      DeskIntakeDevice *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "condition");

  if (!gtk_toggle_button_get_active (button))
    return;

  g_hash_table_insert (self->conditions, g_strdup (name),
                       GINT_TO_POINTER (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button),
                                                                            "state"))));
  desk_intake_device_emit_changed (self);
}

static GtkWidget *
condition_button (DeskIntakeDevice *self,
                  const char       *name,
                  const char       *label,
                  int               state,
                  GtkToggleButton  *group)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);
  g_autofree char *accessible = g_strdup_printf ("%s: %s", name, label);

  gtk_widget_add_css_class (button, "touch-target");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "condition", g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (button), "state", GINT_TO_POINTER (state));
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
  g_signal_connect_object (button, "toggled", G_CALLBACK (condition_toggled_cb), self, 0);
  g_ptr_array_add (self->condition_buttons, button);

  return button;
}

static void
add_condition_row (DeskIntakeDevice *self,
                   const char       *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *works = condition_button (self, name, C_("condition", "Works"), CONDITION_WORKS, NULL);
  GtkWidget *broken = condition_button (self, name, C_("condition", "Broken"), CONDITION_BROKEN,
                                        GTK_TOGGLE_BUTTON (works));
  GtkWidget *untested = condition_button (self, name, C_("condition", "Not Tested"),
                                          CONDITION_NOT_TESTED, GTK_TOGGLE_BUTTON (works));
  GtkWidget *active;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  /* Tab goes to the answers, each named with the pre-condition, not to the row itself. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), works);
  gtk_box_append (GTK_BOX (box), broken);
  gtk_box_append (GTK_BOX (box), untested);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "condition", g_strdup (name), g_free);

  switch (GPOINTER_TO_INT (g_hash_table_lookup (self->conditions, name)))
    {
    case CONDITION_WORKS:
      active = works;
      break;
    case CONDITION_BROKEN:
      active = broken;
      break;
    default:
      active = untested;
      break;
    }
  self->updating = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (active), TRUE);
  self->updating = FALSE;
  adw_preferences_group_add (self->conditions_group, row);
}

static void
supplied_toggled_cb (GtkCheckButton   *check,
                     DeskIntakeDevice *self)
{
  const char *name = g_object_get_data (G_OBJECT (check), "supplied");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->supplied, g_strdup (name));
  else
    g_hash_table_remove (self->supplied, name);
  desk_intake_device_emit_changed (self);
}

static void
add_supplied_row (DeskIntakeDevice *self,
                  const char       *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (check, "touch-target");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_hash_table_contains (self->supplied, name));
  g_object_set_data_full (G_OBJECT (check), "supplied", g_strdup (name), g_free);
  g_object_set_data_full (G_OBJECT (row), "supplied", g_strdup (name), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (supplied_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  g_ptr_array_add (self->supplied_rows, row);
  adw_preferences_group_add (self->supplied_group, row);
}

/* The accessories RepairDesk lists for the shop, else the shop's own list from the
 * preferences. */
static GStrv
supplied_names (DeskIntakeDevice *self)
{
  GListModel *supplies = desk_catalog_get_model (self->catalog, DESK_CATALOG_SUPPLIES);
  guint n = g_list_model_get_n_items (supplies);
  g_autoptr(GStrvBuilder) builder = NULL;

  if (n == 0)
    return g_settings_get_strv (self->settings, "intake-accessories");

  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskNamedItem) item = g_list_model_get_item (supplies, i);

      g_strv_builder_add (builder, desk_named_item_get_name (item));
    }
  return g_strv_builder_end (builder);
}

/* Rebuilt when the catalog arrives; what was ticked stays ticked. */
static void
rebuild_supplied (DeskIntakeDevice *self)
{
  g_auto(GStrv) names = NULL;

  if (!self->rows_built)
    return;

  for (guint i = 0; i < self->supplied_rows->len; i++)
    adw_preferences_group_remove (self->supplied_group, g_ptr_array_index (self->supplied_rows, i));
  g_ptr_array_set_size (self->supplied_rows, 0);

  names = supplied_names (self);
  for (guint i = 0; names[i] != NULL; i++)
    add_supplied_row (self, names[i]);
}

/* @state: 1 works, 0 broken, -1 not tested */
void
desk_intake_device_set_condition (DeskIntakeDevice *self,
                                  const char       *name,
                                  int               state)
{
  g_return_if_fail (DESK_IS_INTAKE_DEVICE (self));

  if (!self->rows_built)
    {
      if (g_hash_table_contains (self->conditions, name) &&
          state >= CONDITION_NOT_TESTED && state <= CONDITION_WORKS)
        {
          g_hash_table_insert (self->conditions, g_strdup (name), GINT_TO_POINTER (state));
          desk_intake_device_emit_changed (self);
        }
      return;
    }

  for (guint i = 0; i < self->condition_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->condition_buttons, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "condition"), name) == 0 &&
          GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "state")) == state)
        gtk_toggle_button_set_active (button, TRUE);
    }
}

void
desk_intake_device_set_supplied (DeskIntakeDevice *self,
                                 const char       *name,
                                 gboolean          supplied)
{
  g_return_if_fail (DESK_IS_INTAKE_DEVICE (self));

  if (!self->rows_built)
    {
      g_auto(GStrv) names = supplied_names (self);

      if (!g_strv_contains ((const char * const *) names, name))
        return;
      if (supplied)
        g_hash_table_add (self->supplied, g_strdup (name));
      else
        g_hash_table_remove (self->supplied, name);
      desk_intake_device_emit_changed (self);
      return;
    }

  for (guint i = 0; i < self->supplied_rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->supplied_rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "supplied"), name) == 0)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (row)),
                                     supplied);
    }
}

/**
 * desk_intake_device_get_field:
 * @self: a #DeskIntakeDevice
 * @property: the #DeskTicketDevice property a field edits: imei, serial, network,
 *   security-code, location, price or line-discount
 *
 * Returns: (transfer none) (nullable): the field, for the keyboard and for tests
 */
/* Whether every pre-condition was checked, for a shop that makes them mandatory. */
gboolean
desk_intake_device_get_conditions_complete (DeskIntakeDevice *self)
{
  GHashTableIter iter;
  gpointer state;

  g_return_val_if_fail (DESK_IS_INTAKE_DEVICE (self), FALSE);

  g_hash_table_iter_init (&iter, self->conditions);
  while (g_hash_table_iter_next (&iter, NULL, &state))
    if (GPOINTER_TO_INT (state) == CONDITION_NOT_TESTED)
      return FALSE;

  return TRUE;
}

void
desk_intake_device_add_conditions_to (DeskIntakeDevice *self,
                DeskTicketDevice *device)
{
  GHashTableIter iter;
  gpointer name, state;

  g_hash_table_iter_init (&iter, self->conditions);
  while (g_hash_table_iter_next (&iter, &name, &state))
    {
      g_autoptr(DeskCondition) condition = NULL;

      if (GPOINTER_TO_INT (state) == CONDITION_NOT_TESTED)
        continue;
      condition = desk_condition_new (name, GPOINTER_TO_INT (state) == CONDITION_WORKS);
      desk_ticket_device_add_pre_condition (device, condition);
    }
}


static void
build_rows (DeskIntakeDevice *self)
{
  if (self->rows_built)
    return;

  self->rows_built = TRUE;
  for (guint i = 0; self->condition_names[i] != NULL; i++)
    add_condition_row (self, self->condition_names[i]);
  rebuild_supplied (self);
}

static void
stop_waiting_for_paint (DeskIntakeDevice *self)
{
  if (self->paint_clock != NULL)
    g_signal_handlers_disconnect_by_data (self->paint_clock, self);
  g_clear_object (&self->paint_clock);
}

static void
after_paint_cb (GdkFrameClock    *clock,
                DeskIntakeDevice *self)
{
  stop_waiting_for_paint (self);
  build_rows (self);
}

static void
mapped_cb (DeskIntakeDevice *self)
{
  GdkFrameClock *clock;

  if (self->rows_built || self->paint_clock != NULL)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    {
      build_rows (self);
      return;
    }

  self->paint_clock = g_object_ref (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

/* Takes the shop's pre-conditions (each not tested yet) and follows the catalog's
 * accessories; the rows come after the section's first frame. */
void
desk_intake_device_set_up_conditions (DeskIntakeDevice *self)
{
  GListModel *supplies = desk_catalog_get_model (self->catalog, DESK_CATALOG_SUPPLIES);

  self->condition_names = g_settings_get_strv (self->settings, "intake-pre-conditions");
  for (guint i = 0; self->condition_names[i] != NULL; i++)
    g_hash_table_insert (self->conditions, g_strdup (self->condition_names[i]),
                         GINT_TO_POINTER (CONDITION_NOT_TESTED));

  g_signal_connect_swapped (supplies, "items-changed", G_CALLBACK (rebuild_supplied), self);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    mapped_cb (self);
}

/* Builds the rows now, for what needs them before the first frame. */
void
desk_intake_device_build_condition_rows (DeskIntakeDevice *self)
{
  stop_waiting_for_paint (self);
  build_rows (self);
}

/* Stops following the catalog and the frame clock, for dispose. */
void
desk_intake_device_clear_conditions (DeskIntakeDevice *self)
{
  stop_waiting_for_paint (self);
  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_func (desk_catalog_get_model (self->catalog,
                                                                  DESK_CATALOG_SUPPLIES),
                                          rebuild_supplied, self);
  g_clear_pointer (&self->condition_names, g_strfreev);
}
