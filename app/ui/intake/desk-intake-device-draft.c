/* desk-intake-device-draft.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-intake-device"

#include "config.h"

#include "desk-pattern-grid.h"

#include "desk-intake-device-private.h"

/* The fields of one device in a draft, under @prefix ("device.0."): text as typed, and
 * the choices by id, so that a draft reads back into the same choices. */

static void
save_field (DeskIntakeDraft *draft,
            const char      *prefix,
            const char      *key,
            const char      *value)
{
  g_autofree char *full = g_strconcat (prefix, key, NULL);

  desk_intake_draft_set_field (draft, full, value);
}

static const char *
restore_field (DeskIntakeDraft *draft,
               const char      *prefix,
               const char      *key)
{
  g_autofree char *full = g_strconcat (prefix, key, NULL);
  const char *value = desk_intake_draft_get_field (draft, full);

  return value != NULL ? value : "";
}

static gpointer
find_by_id (GListModel *list,
            gint64      id)
{
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DeskNamedItem) item = g_list_model_get_item (list, i);

      if (desk_named_item_get_id (item) == id)
        return g_steal_pointer (&item);
    }

  return NULL;
}

static guint
position_of_id (GListModel *list,
                gint64      id)
{
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DeskNamedItem) item = g_list_model_get_item (list, i);

      if (desk_named_item_get_id (item) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static char *
chosen_ids (DeskIntakeDevice *self)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->problems)); i++)
    {
      g_autoptr(DeskNamedItem) problem = g_list_model_get_item (G_LIST_MODEL (self->problems), i);

      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              desk_named_item_get_id (problem));
    }

  return g_string_free (ids, FALSE);
}

static char *
chosen_parts (DeskIntakeDevice *self)
{
  GString *parts = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->parts)); i++)
    {
      g_autoptr(DeskPartLine) part = g_list_model_get_item (G_LIST_MODEL (self->parts), i);

      g_string_append_printf (parts, "%s%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              desk_part_line_get_product_id (part),
                              desk_part_line_get_quantity (part));
    }

  return g_string_free (parts, FALSE);
}

static char *
chosen_conditions (DeskIntakeDevice *self)
{
  GString *conditions = g_string_new (NULL);
  GHashTableIter iter;
  gpointer name, state;

  g_hash_table_iter_init (&iter, self->conditions);
  while (g_hash_table_iter_next (&iter, &name, &state))
    if (GPOINTER_TO_INT (state) != CONDITION_NOT_TESTED)
      g_string_append_printf (conditions, "%d\t%s\n", GPOINTER_TO_INT (state), (char *) name);

  return g_string_free (conditions, FALSE);
}

static char *
chosen_supplied (DeskIntakeDevice *self)
{
  GString *supplied = g_string_new (NULL);
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, self->supplied);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_string_append_printf (supplied, "%s\n", (char *) name);

  return g_string_free (supplied, FALSE);
}

/**
 * desk_intake_device_save:
 * @self: a #DeskIntakeDevice
 * @draft: where the intake is kept
 * @prefix: what this device's keys start with
 */
void
desk_intake_device_save (DeskIntakeDevice *self,
                         DeskIntakeDraft  *draft,
                         const char       *prefix)
{
  DeskDevice *model;
  DeskNamedItem *tax_class;
  g_autofree char *model_id = NULL, *tax_id = NULL, *pattern = NULL;
  g_autofree char *problems = NULL, *parts = NULL, *conditions = NULL, *supplied = NULL;
  const struct { const char *key; AdwEntryRow *row; } texts[] = {
    { "imei", self->imei_row }, { "serial", self->serial_row },
    { "network", self->network_row }, { "security-code", self->security_row },
    { "location", self->location_row }, { "price", self->price_row },
    { "discount", self->discount_row },
  };

  g_return_if_fail (DESK_IS_INTAKE_DEVICE (self));

  model = desk_intake_device_get_model (self);
  tax_class = adw_combo_row_get_selected_item (self->tax_row);
  model_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                              model != NULL ? desk_named_item_get_id (DESK_NAMED_ITEM (model)) : 0);
  tax_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                            tax_class != NULL ? desk_named_item_get_id (tax_class) : 0);
  pattern = desk_pattern_grid_dup_pattern (self->pattern_grid);
  problems = chosen_ids (self);
  parts = chosen_parts (self);
  conditions = chosen_conditions (self);
  supplied = chosen_supplied (self);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    save_field (draft, prefix, texts[i].key, gtk_editable_get_text (GTK_EDITABLE (texts[i].row)));
  save_field (draft, prefix, "model", model_id);
  save_field (draft, prefix, "tax-class", tax_id);
  save_field (draft, prefix, "price-typed", self->price_typed ? "1" : "0");
  save_field (draft, prefix, "pattern", pattern);
  save_field (draft, prefix, "problems", problems);
  save_field (draft, prefix, "parts", parts);
  save_field (draft, prefix, "conditions", conditions);
  save_field (draft, prefix, "supplied", supplied);
}

static void
restore_lines (DeskIntakeDevice *self,
               DeskIntakeDraft  *draft,
               const char       *prefix)
{
  g_auto(GStrv) problems = g_strsplit (restore_field (draft, prefix, "problems"), ",", -1);
  g_auto(GStrv) parts = g_strsplit (restore_field (draft, prefix, "parts"), ",", -1);
  GListModel *all_problems = desk_catalog_get_model (self->catalog, DESK_CATALOG_PROBLEMS);
  GListModel *all_parts = desk_catalog_get_model (self->catalog, DESK_CATALOG_PARTS);

  for (guint i = 0; problems[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (problems[i], NULL, 10);
      g_autoptr(DeskProblem) problem = find_by_id (all_problems, id);

      if (problem == NULL)
        problem = find_by_id (self->device_problems, id);
      if (problem != NULL)
        desk_intake_device_add_problem (self, problem);
    }

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (parts[i], ":", 2);
      g_autoptr(DeskPart) part = NULL;

      if (g_strv_length (pair) != 2)
        continue;
      part = find_by_id (all_parts, g_ascii_strtoll (pair[0], NULL, 10));
      if (part != NULL)
        desk_intake_device_add_part_quantity (self, part, CLAMP (g_ascii_strtoll (pair[1], NULL, 10), 1, 999));
    }
}

/**
 * desk_intake_device_restore:
 * @self: a #DeskIntakeDevice, new
 * @draft: where the intake was kept
 * @prefix: what this device's keys start with
 *
 * Fills the device as it was when @draft was saved. The catalog is loaded by then.
 */
void
desk_intake_device_restore (DeskIntakeDevice *self,
                            DeskIntakeDraft  *draft,
                            const char       *prefix)
{
  const struct { const char *key; AdwEntryRow *row; } texts[] = {
    { "imei", self->imei_row }, { "serial", self->serial_row },
    { "network", self->network_row }, { "security-code", self->security_row },
    { "location", self->location_row }, { "discount", self->discount_row },
  };
  g_auto(GStrv) conditions = g_strsplit (restore_field (draft, prefix, "conditions"), "\n", -1);
  g_auto(GStrv) supplied = g_strsplit (restore_field (draft, prefix, "supplied"), "\n", -1);
  guint tax_position;

  g_return_if_fail (DESK_IS_INTAKE_DEVICE (self));

  desk_intake_device_select_model (self, g_ascii_strtoll (restore_field (draft, prefix, "model"),
                                                          NULL, 10));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    gtk_editable_set_text (GTK_EDITABLE (texts[i].row), restore_field (draft, prefix, texts[i].key));
  desk_pattern_grid_set_pattern (self->pattern_grid, restore_field (draft, prefix, "pattern"));

  tax_position = position_of_id (adw_combo_row_get_model (self->tax_row),
                                 g_ascii_strtoll (restore_field (draft, prefix, "tax-class"), NULL, 10));
  if (tax_position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->tax_row, tax_position);

  restore_lines (self, draft, prefix);

  /* The price last: a price typed by hand wins over the sum of the problems. */
  if (g_strcmp0 (restore_field (draft, prefix, "price-typed"), "1") == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->price_row), restore_field (draft, prefix, "price"));

  for (guint i = 0; conditions[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (conditions[i], "\t", 2);

      if (g_strv_length (pair) == 2)
        desk_intake_device_set_condition (self, pair[1], (int) g_ascii_strtoll (pair[0], NULL, 10));
    }
  for (guint i = 0; supplied[i] != NULL; i++)
    if (*supplied[i] != '\0')
      desk_intake_device_set_supplied (self, supplied[i], TRUE);
}

/* Whether nothing was entered for this device yet: an untouched section keeps no draft. */
gboolean
desk_intake_device_get_empty (DeskIntakeDevice *self)
{
  AdwEntryRow *rows[] = { self->imei_row, self->serial_row, self->network_row,
                          self->security_row, self->location_row, self->discount_row };
  g_autofree char *conditions = chosen_conditions (self);

  g_return_val_if_fail (DESK_IS_INTAKE_DEVICE (self), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (*gtk_editable_get_text (GTK_EDITABLE (rows[i])) != '\0')
      return FALSE;

  return desk_intake_device_get_model (self) == NULL && !self->price_typed &&
         g_list_model_get_n_items (G_LIST_MODEL (self->problems)) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (self->parts)) == 0 &&
         g_hash_table_size (self->supplied) == 0 && *conditions == '\0' &&
         self->pattern_grid != NULL && desk_pattern_grid_get_empty (self->pattern_grid);
}
