/* desk-intake-device.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-intake-device"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-accessible.h"
#include "desk-intake-device-private.h"
#include "desk-intake-private.h"
#include "desk-pattern-grid.h"
#include "desk-pattern-lock.h"

/* One device being checked in: what it is, how to get into it, what is wrong with it and
 * what fixing it costs, how it arrived and what came with it.
 *
 * The widgets hold the state; desk_intake_device_build() makes the ticket line from them
 * each time it is asked, so that nothing has to be kept in step by hand. Every change
 * emits ::changed, which the intake screen uses for its totals and its draft. */

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DeskIntakeDevice, desk_intake_device, ADW_TYPE_BIN)

void
desk_intake_device_emit_changed (DeskIntakeDevice *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* --- Checks -------------------------------------------------------------------------------- */

static void
show_problem (AdwActionRow *row,
              const char   *problem)
{
  gtk_widget_set_visible (GTK_WIDGET (row), problem != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem != NULL ? problem : "");
}

static gboolean
parse_amount (AdwEntryRow *row,
              gint64      *cents)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  *cents = 0;
  while (g_ascii_isspace (*text))
    text++;

  return *text == '\0' || (desk_money_parse (text, cents, NULL) && *cents >= 0);
}

static void
check_money (DeskIntakeDevice *self)
{
  gboolean price_ok = parse_amount (self->price_row, &self->price);
  gboolean discount_ok = parse_amount (self->discount_row, &self->discount);
  const char *problem = NULL;

  if (!price_ok)
    problem = _("The price is not an amount: type it like 49.99.");
  else if (!discount_ok)
    problem = _("The discount is not an amount: type it like 5.00.");
  else if (self->discount > self->price)
    problem = _("The discount is larger than the price.");

  show_problem (self->money_problem_row, problem);
}

/* --- Problems and parts -------------------------------------------------------------------- */

static gint64
problems_sum (DeskIntakeDevice *self)
{
  gint64 sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->problems)); i++)
    {
      g_autoptr(DeskProblem) problem = g_list_model_get_item (G_LIST_MODEL (self->problems), i);

      if (__builtin_add_overflow (sum, desk_problem_get_price (problem), &sum))
        return G_MAXINT64;
    }

  return sum;
}

/* Until the assistant types a price of their own, the price is what the problems cost. */
static void
update_price_from_problems (DeskIntakeDevice *self)
{
  g_autofree char *text = NULL;

  if (self->price_typed)
    return;

  text = desk_money_to_api (problems_sum (self));
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->price_row), text);
  self->updating = FALSE;
  check_money (self);
}

static void
remove_line_cb (GtkButton        *button,
                DeskIntakeDevice *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  GObject *item = g_object_get_data (G_OBJECT (row), "item");
  GListStore *store = DESK_IS_PROBLEM (item) ? self->problems : self->parts;
  guint position;

  if (g_list_store_find (store, item, &position))
    g_list_store_remove (store, position);

  g_ptr_array_remove (self->line_rows, row);
  adw_preferences_group_remove (self->problems_group, row);
  gtk_widget_set_visible (GTK_WIDGET (self->no_lines_row), self->line_rows->len == 0);

  update_price_from_problems (self);
  desk_intake_device_emit_changed (self);
}

static void
quantity_changed_cb (GtkSpinButton    *spin,
                     DeskIntakeDevice *self)
{
  DeskPartLine *part = g_object_get_data (G_OBJECT (spin), "item");

  g_object_set (part, "quantity", (gint64) gtk_spin_button_get_value_as_int (spin), NULL);
  desk_intake_device_emit_changed (self);
}

/* A chosen problem or part, with @extra (a quantity) before its remove button. */
static void
add_line_row (DeskIntakeDevice *self,
              GObject          *item,
              const char       *name,
              gint64            price,
              GtkWidget        *extra)
{
  g_autofree char *price_text = desk_money_format (price, NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), price_text);
  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "touch-target");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove"), -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_line_cb), self, 0);
  if (extra != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), extra);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_ptr_array_add (self->line_rows, row);
  adw_preferences_group_add (self->problems_group, row);
  gtk_widget_set_visible (GTK_WIDGET (self->no_lines_row), FALSE);
}

/* Adds a problem unless it is there already: a second tap is not a second repair. */
void
desk_intake_device_add_problem (DeskIntakeDevice *self,
                                DeskProblem      *problem)
{
  g_return_if_fail (DESK_IS_INTAKE_DEVICE (self));
  g_return_if_fail (DESK_IS_PROBLEM (problem));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->problems)); i++)
    {
      g_autoptr(DeskProblem) chosen = g_list_model_get_item (G_LIST_MODEL (self->problems), i);

      if (desk_named_item_get_id (DESK_NAMED_ITEM (chosen)) ==
          desk_named_item_get_id (DESK_NAMED_ITEM (problem)))
        return;
    }

  g_list_store_append (self->problems, problem);
  add_line_row (self, G_OBJECT (problem), desk_named_item_get_name (DESK_NAMED_ITEM (problem)),
                desk_problem_get_price (problem), NULL);
  update_price_from_problems (self);
  desk_intake_device_emit_changed (self);
}

void
desk_intake_device_add_part_quantity (DeskIntakeDevice *self,
                                      DeskPart         *part,
                                      gint64            quantity)
{
  g_autoptr(DeskPartLine) line = desk_part_line_new ();
  DeskTaxClass *tax_class;
  GtkWidget *spin;

  tax_class = desk_part_get_tax_class (part);
  g_object_set (line,
                "product-id", desk_named_item_get_id (DESK_NAMED_ITEM (part)),
                "name", desk_named_item_get_name (DESK_NAMED_ITEM (part)),
                "sku", desk_part_get_sku (part),
                "price", desk_part_get_price (part),
                "quantity", quantity,
                "tax-class-id", tax_class != NULL ? desk_named_item_get_id (DESK_NAMED_ITEM (tax_class)) : 0,
                NULL);
  g_object_set_data_full (G_OBJECT (line), "part", g_object_ref (part), g_object_unref);
  g_list_store_append (self->parts, line);

  spin = gtk_spin_button_new_with_range (1, 999, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), quantity);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (spin, "touch-target");
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Quantity"), -1);
  g_object_set_data (G_OBJECT (spin), "item", line);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (quantity_changed_cb), self, 0);
  add_line_row (self, G_OBJECT (line), desk_named_item_get_name (DESK_NAMED_ITEM (part)),
                desk_part_get_price (part), spin);

  desk_intake_device_emit_changed (self);
}

void
desk_intake_device_add_part (DeskIntakeDevice *self,
                             DeskPart         *part)
{
  g_return_if_fail (DESK_IS_INTAKE_DEVICE (self));
  g_return_if_fail (DESK_IS_PART (part));

  desk_intake_device_add_part_quantity (self, part, 1);
}

static void
problem_activated_cb (DeskIntakeDevice *self,
                      guint             position)
{
  g_autoptr(DeskProblem) problem = g_list_model_get_item (G_LIST_MODEL (self->problem_choices),
                                                          position);

  if (problem != NULL)
    desk_intake_device_add_problem (self, problem);
}

static void
part_activated_cb (DeskIntakeDevice *self,
                   guint             position)
{
  g_autoptr(DeskPart) part = g_list_model_get_item (G_LIST_MODEL (self->part_choices), position);

  if (part == NULL)
    return;

  desk_intake_device_add_part (self, part);
  gtk_popover_popdown (self->part_popover);
}

static void
set_search (GtkFilterListModel *choices,
            GtkSearchEntry     *entry)
{
  GtkStringFilter *filter = GTK_STRING_FILTER (gtk_filter_list_model_get_filter (choices));

  gtk_string_filter_set_search (filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter in a picker's search takes the first match, as a scanner's Enter does.
 * The search entry waits a moment before it reports a change: the list is narrowed to what
 * was typed first, so that an Enter right after the last key takes the right match. */
static void
problem_search_activate_cb (DeskIntakeDevice *self)
{
  set_search (self->problem_choices, self->problem_search);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->problem_choices)) > 0)
    problem_activated_cb (self, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->problem_search), "");
}

static void
part_search_activate_cb (DeskIntakeDevice *self)
{
  set_search (self->part_choices, self->part_search);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->part_choices)) > 0)
    part_activated_cb (self, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->part_search), "");
}

static void
problem_search_cb (DeskIntakeDevice *self)
{
  set_search (self->problem_choices, self->problem_search);
}

static void
part_search_cb (DeskIntakeDevice *self)
{
  set_search (self->part_choices, self->part_search);
}

static void
picker_shown_cb (DeskIntakeDevice *self,
                 GtkPopover       *popover)
{
  gtk_widget_grab_focus (popover == self->problem_popover ? GTK_WIDGET (self->problem_search)
                                                          : GTK_WIDGET (self->part_search));
}

/* Escape in a picker's search closes the picker: the search entry keeps Escape for itself,
 * so it would never reach the popover. */
static void
picker_stop_cb (DeskIntakeDevice *self,
                GtkSearchEntry   *entry)
{
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER)));
}

/* The device's own problems when RepairDesk lists any for it, else every problem. */
static void
update_problem_source (DeskIntakeDevice *self)
{
  GListModel *source;

  /* The model list reports its first choice while the widget is still being set up. */
  if (self->problem_choices == NULL)
    return;

  source = desk_catalog_get_model (self->catalog, DESK_CATALOG_PROBLEMS);
  if (self->device_problems != NULL && g_list_model_get_n_items (self->device_problems) > 0)
    source = self->device_problems;

  if (gtk_filter_list_model_get_model (self->problem_choices) != source)
    gtk_filter_list_model_set_model (self->problem_choices, source);
}

/* --- The device ---------------------------------------------------------------------------- */

/* Returns: (nullable): the model chosen; the list's first entry is "Choose the Model" */
DeskDevice *
desk_intake_device_get_model (DeskIntakeDevice *self)
{
  DeskNamedItem *model = gtk_drop_down_get_selected_item (self->model_dropdown);

  return model != NULL && desk_named_item_get_id (model) > 0 ? DESK_DEVICE (model) : NULL;
}

static void
model_selected_cb (DeskIntakeDevice *self)
{
  DeskDevice *device = desk_intake_device_get_model (self);

  if (self->device_problems != NULL)
    g_signal_handlers_disconnect_by_func (self->device_problems, update_problem_source, self);
  g_clear_object (&self->device_problems);

  if (device != NULL)
    {
      gint64 id = desk_named_item_get_id (DESK_NAMED_ITEM (device));

      self->device_problems = g_object_ref (desk_catalog_get_device_problems (self->catalog, id));
      g_signal_connect_swapped (self->device_problems, "items-changed",
                                G_CALLBACK (update_problem_source), self);
    }

  update_problem_source (self);
  desk_intake_device_emit_changed (self);
}

static void
imei_changed_cb (DeskIntakeDevice *self)
{
  const char *imei = gtk_editable_get_text (GTK_EDITABLE (self->imei_row));
  g_autoptr(GError) error = NULL;

  if (strspn (imei, " \t") != strlen (imei))
    desk_imei_check (imei, NULL, &error);
  show_problem (self->imei_problem_row, error != NULL ? error->message : NULL);
  desk_intake_device_emit_changed (self);
}

/* A device is unlocked by a passcode or by a pattern; the ticket has one field for it. */
static void
check_code (DeskIntakeDevice *self)
{
  g_autofree char *pattern = desk_pattern_grid_dup_pattern (self->pattern_grid);
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->security_row));
  g_autoptr(GError) error = NULL;
  DeskPatternLock parsed;
  const char *problem = NULL;

  adw_action_row_set_subtitle (self->pattern_row, *pattern != '\0' ? pattern : _("None"));
  if (*pattern != '\0' && !desk_pattern_lock_parse (pattern, &parsed, &error))
    problem = error->message;
  else if (*pattern != '\0' && *code != '\0')
    problem = _("Give the passcode or the pattern, not both: clear one of them.");

  show_problem (self->code_problem_row, problem);
}

static void
code_changed_cb (DeskIntakeDevice *self)
{
  check_code (self);
  desk_intake_device_emit_changed (self);
}

static void
pattern_changed_cb (DeskIntakeDevice *self)
{
  check_code (self);
  desk_intake_device_emit_changed (self);
}

static void
pattern_clear_cb (DeskIntakeDevice *self)
{
  desk_pattern_grid_clear (self->pattern_grid);
}

static void
text_changed_cb (DeskIntakeDevice *self)
{
  desk_intake_device_emit_changed (self);
}

static void
money_changed_cb (DeskIntakeDevice *self,
                  AdwEntryRow      *row)
{
  if (!self->updating && row == self->price_row)
    self->price_typed = *gtk_editable_get_text (GTK_EDITABLE (row)) != '\0';

  check_money (self);
  desk_intake_device_emit_changed (self);
}

static void
remove_clicked_cb (DeskIntakeDevice *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
tax_selected_cb (DeskIntakeDevice *self)
{
  desk_intake_device_emit_changed (self);
}

/* --- List items of the pickers ------------------------------------------------------------- */

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *price = gtk_label_new (NULL);

  gtk_widget_set_size_request (box, -1, 44);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (price, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), price);
  gtk_list_item_set_child (item, box);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GObject *choice = gtk_list_item_get_item (item);
  gint64 price = DESK_IS_PROBLEM (choice) ? desk_problem_get_price (DESK_PROBLEM (choice))
                                          : desk_part_get_price (DESK_PART (choice));
  g_autofree char *price_text = desk_money_format (price, NULL);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)),
                      desk_named_item_get_name (DESK_NAMED_ITEM (choice)));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), price_text);
}

static GtkFilterListModel *
make_choices (GtkListView *view,
              GListModel  *source,
              GtkExpression *search_expression)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *choices;

  choices = gtk_filter_list_model_new (g_object_ref (source),
                                       GTK_FILTER (gtk_string_filter_new (search_expression)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  gtk_list_view_set_factory (view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (choices)))));

  return choices;
}

/* A part is found by its name or its SKU, which a scanner types. */
static char *
part_search_text (DeskPart *part)
{
  if (part == NULL)
    return NULL;

  return g_strconcat (desk_named_item_get_name (DESK_NAMED_ITEM (part)), " ",
                      desk_part_get_sku (part) != NULL ? desk_part_get_sku (part) : "", NULL);
}

/* --- Shared with the intake screen -------------------------------------------------------- */

/**
 * desk_intake_list_with_none:
 * @list: a list of #DeskNamedItem
 * @item_type: the type of its items
 * @none_label: what the first entry, which stands for none, says
 *
 * A dropdown always has a choice; this gives it one that means "not chosen yet" (id 0),
 * so that nothing is picked for the assistant behind their back.
 *
 * Returns: (transfer full): @list behind the entry for none
 */
GListModel *
desk_intake_list_with_none (GListModel *list,
                            GType       item_type,
                            const char *none_label)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GObject) none = NULL;
  g_autoptr(GListStore) first = g_list_store_new (item_type);
  GListStore *lists = g_list_store_new (G_TYPE_LIST_MODEL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, none_label);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  none = desk_named_item_new_from_json (item_type, node, NULL);

  g_list_store_append (first, none);
  g_list_store_append (lists, first);
  g_list_store_append (lists, list);

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (lists)));
}

/* --- GObject ------------------------------------------------------------------------------- */

static void
desk_intake_device_dispose (GObject *object)
{
  DeskIntakeDevice *self = DESK_INTAKE_DEVICE (object);

  if (self->device_problems != NULL)
    g_signal_handlers_disconnect_by_func (self->device_problems, update_problem_source, self);
  desk_intake_device_clear_conditions (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_INTAKE_DEVICE);

  g_clear_object (&self->device_problems);
  g_clear_object (&self->problem_choices);
  g_clear_object (&self->part_choices);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_clear_object (&self->problems);
  g_clear_object (&self->parts);
  g_clear_pointer (&self->conditions, g_hash_table_unref);
  g_clear_pointer (&self->supplied, g_hash_table_unref);
  g_clear_pointer (&self->line_rows, g_ptr_array_unref);
  g_clear_pointer (&self->supplied_rows, g_ptr_array_unref);
  g_clear_pointer (&self->condition_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->line_parts, g_array_unref);
  g_clear_pointer (&self->problem_prices, g_array_unref);

  G_OBJECT_CLASS (desk_intake_device_parent_class)->dispose (object);
}

static void
desk_intake_device_class_init (DeskIntakeDeviceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_intake_device_dispose;

  /**
   * DeskIntakeDevice::changed:
   *
   * Something the assistant entered changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * DeskIntakeDevice::remove:
   *
   * The assistant asked to take this device off the intake.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/intake/desk-intake-device.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, device_group);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, remove_button);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, model_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, imei_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, imei_problem_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, serial_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, network_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, security_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, pattern_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, pattern_grid);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, code_problem_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, location_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, problems_group);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, no_lines_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, problem_popover);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, problem_search);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, problem_view);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, part_popover);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, part_search);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, part_view);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, price_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, discount_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, money_problem_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, tax_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, conditions_group);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakeDevice, supplied_group);
  gtk_widget_class_bind_template_callback (widget_class, model_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, imei_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, code_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pattern_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pattern_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, money_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tax_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, problem_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, problem_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, problem_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, part_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, part_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, part_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, picker_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, picker_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_intake_move_on);
}

/* The buttons libadwaita builds into a row (the passcode's Show Text), big enough for a
 * finger as Front Desk's own are. */
static void
add_touch_targets (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        gtk_widget_add_css_class (child, "touch-target");
      else
        add_touch_targets (child);
    }
}

static void
desk_intake_device_init (DeskIntakeDevice *self)
{
  g_type_ensure (DESK_TYPE_PATTERN_GRID);
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_accessible_tidy_mnemonics (GTK_WIDGET (self));
  /* The drop-down's inner button takes the focus: it is named as the row is. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->model_dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Model"), -1);
  /* The passcode row's reveal button, which libadwaita leaves unnamed. */
  desk_accessible_name_by_tooltip (GTK_WIDGET (self->security_row));
  add_touch_targets (GTK_WIDGET (self->security_row));

  self->problems = g_list_store_new (DESK_TYPE_PROBLEM);
  self->parts = g_list_store_new (DESK_TYPE_PART_LINE);
  self->conditions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->supplied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->line_rows = g_ptr_array_new ();
  self->supplied_rows = g_ptr_array_new ();
  self->condition_buttons = g_ptr_array_new ();
  self->line_parts = g_array_new (FALSE, TRUE, sizeof (DeskIntakePart));
  self->problem_prices = g_array_new (FALSE, TRUE, sizeof (gint64));
}

static void
set_up (DeskIntakeDevice *self)
{
  GtkExpression *name = gtk_property_expression_new (DESK_TYPE_NAMED_ITEM, NULL, "name");

  g_autoptr(GListModel) models = desk_intake_list_with_none (desk_catalog_get_model (self->catalog,
                                                                                    DESK_CATALOG_DEVICES),
                                                             DESK_TYPE_DEVICE,
                                                             _("Choose the Model"));

  gtk_drop_down_set_expression (self->model_dropdown, name);
  gtk_drop_down_set_model (self->model_dropdown, models);

  adw_combo_row_set_expression (self->tax_row, name);
  adw_combo_row_set_model (self->tax_row,
                           desk_catalog_get_model (self->catalog, DESK_CATALOG_TAX_CLASSES));

  self->problem_choices = make_choices (self->problem_view,
                                        desk_catalog_get_model (self->catalog, DESK_CATALOG_PROBLEMS),
                                        gtk_expression_ref (name));
  self->part_choices = make_choices (self->part_view,
                                     desk_catalog_get_model (self->catalog, DESK_CATALOG_PARTS),
                                     gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                  G_CALLBACK (part_search_text),
                                                                  NULL, NULL));

  desk_intake_device_set_up_conditions (self);
  gtk_expression_unref (name);
}

/* --- Public API ---------------------------------------------------------------------------- */

GtkWidget *
desk_intake_device_new (DeskCatalog *catalog,
                        GSettings   *settings)
{
  DeskIntakeDevice *self;

  g_return_val_if_fail (DESK_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (DESK_TYPE_INTAKE_DEVICE, NULL);
  self->catalog = g_object_ref (catalog);
  self->settings = g_object_ref (settings);
  set_up (self);

  return GTK_WIDGET (self);
}

/* Titles the section "Device 2" when there are several, and offers to remove it then. */
void
desk_intake_device_set_number (DeskIntakeDevice *self,
                               guint             number,
                               gboolean          removable)
{
  g_autofree char *title = NULL;

  g_return_if_fail (DESK_IS_INTAKE_DEVICE (self));

  title = removable ? g_strdup_printf (_("Device %u"), number) : g_strdup (_("Device"));
  adw_preferences_group_set_title (self->device_group, title);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), removable);
}

void
desk_intake_device_select_model (DeskIntakeDevice *self,
                                 gint64            device_id)
{
  GListModel *models;

  g_return_if_fail (DESK_IS_INTAKE_DEVICE (self));

  models = gtk_drop_down_get_model (self->model_dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(DeskNamedItem) model = g_list_model_get_item (models, i);

      if (desk_named_item_get_id (model) == device_id)
        {
          gtk_drop_down_set_selected (self->model_dropdown, i);
          return;
        }
    }
}

/* Returns: (transfer none): the grid the pattern lock is drawn on */
DeskPatternGrid *
desk_intake_device_get_pattern_grid (DeskIntakeDevice *self)
{
  g_return_val_if_fail (DESK_IS_INTAKE_DEVICE (self), NULL);

  return self->pattern_grid;
}

GtkEditable *
desk_intake_device_get_field (DeskIntakeDevice *self,
                              const char       *property)
{
  struct { const char *property; gsize offset; } fields[] = {
    { "imei", G_STRUCT_OFFSET (DeskIntakeDevice, imei_row) },
    { "serial", G_STRUCT_OFFSET (DeskIntakeDevice, serial_row) },
    { "network", G_STRUCT_OFFSET (DeskIntakeDevice, network_row) },
    { "security-code", G_STRUCT_OFFSET (DeskIntakeDevice, security_row) },
    { "location", G_STRUCT_OFFSET (DeskIntakeDevice, location_row) },
    { "price", G_STRUCT_OFFSET (DeskIntakeDevice, price_row) },
    { "line-discount", G_STRUCT_OFFSET (DeskIntakeDevice, discount_row) },
  };

  g_return_val_if_fail (DESK_IS_INTAKE_DEVICE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].property, property) == 0)
      return G_STRUCT_MEMBER (GtkEditable *, self, fields[i].offset);

  return NULL;
}

static gint64
tax_percent (DeskTaxClass *tax_class)
{
  return tax_class != NULL ? desk_tax_class_get_tax_percent (tax_class) : 0;
}

/**
 * desk_intake_device_get_line:
 * @self: a #DeskIntakeDevice
 * @line: (out caller-allocates): the device as a line of the totals; its arrays belong to
 *   @self and hold until the next call
 */
void
desk_intake_device_get_line (DeskIntakeDevice *self,
                             DeskIntakeLine   *line)
{
  g_return_if_fail (DESK_IS_INTAKE_DEVICE (self));

  g_array_set_size (self->problem_prices, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->problems)); i++)
    {
      g_autoptr(DeskProblem) problem = g_list_model_get_item (G_LIST_MODEL (self->problems), i);
      gint64 price = desk_problem_get_price (problem);

      g_array_append_val (self->problem_prices, price);
    }

  g_array_set_size (self->line_parts, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->parts)); i++)
    {
      g_autoptr(DeskPartLine) line_part = g_list_model_get_item (G_LIST_MODEL (self->parts), i);
      DeskPart *part = g_object_get_data (G_OBJECT (line_part), "part");
      DeskIntakePart entry = {
        .price = desk_part_line_get_price (line_part),
        .quantity = desk_part_line_get_quantity (line_part),
        .millipercent = tax_percent (desk_part_get_tax_class (part)),
      };

      g_array_append_val (self->line_parts, entry);
    }

  *line = (DeskIntakeLine) {
    .has_price = *gtk_editable_get_text (GTK_EDITABLE (self->price_row)) != '\0',
    .price = self->price,
    .line_discount = self->discount,
    .millipercent = tax_percent (adw_combo_row_get_selected_item (self->tax_row)),
    .problem_prices = self->problem_prices->len > 0 ? &g_array_index (self->problem_prices, gint64, 0)
                                                    : NULL,
    .n_problems = self->problem_prices->len,
    .parts = self->line_parts->len > 0 ? &g_array_index (self->line_parts, DeskIntakePart, 0) : NULL,
    .n_parts = self->line_parts->len,
  };
}

/* Returns: (nullable): what stops this device from being checked in, in words for the
 * assistant, or %NULL */
const char *
desk_intake_device_get_problem (DeskIntakeDevice *self)
{
  g_return_val_if_fail (DESK_IS_INTAKE_DEVICE (self), NULL);

  if (desk_intake_device_get_model (self) == NULL)
    return _("Choose the device’s model.");
  if (gtk_widget_get_visible (GTK_WIDGET (self->imei_problem_row)))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->imei_problem_row));
  if (gtk_widget_get_visible (GTK_WIDGET (self->code_problem_row)))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->code_problem_row));
  if (gtk_widget_get_visible (GTK_WIDGET (self->money_problem_row)))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->money_problem_row));

  return NULL;
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/**
 * desk_intake_device_get_device:
 * @self: a #DeskIntakeDevice
 *
 * Returns: (transfer full): the ticket line as entered; status, technician, due date and
 *   comments are the intake screen's to set
 */
DeskTicketDevice *
desk_intake_device_get_device (DeskIntakeDevice *self)
{
  DeskTicketDevice *device = desk_ticket_device_new ();
  DeskDevice *model;
  DeskTaxClass *tax_class;
  g_autofree char *imei = NULL, *serial = NULL, *network = NULL, *code = NULL, *location = NULL;
  GHashTableIter iter;
  gpointer name;

  g_return_val_if_fail (DESK_IS_INTAKE_DEVICE (self), device);

  model = desk_intake_device_get_model (self);
  imei = row_text (self->imei_row);
  serial = row_text (self->serial_row);
  network = row_text (self->network_row);
  code = row_text (self->security_row);
  if (*code == '\0')
    {
      g_free (code);
      code = desk_pattern_grid_dup_pattern (self->pattern_grid);
    }
  location = row_text (self->location_row);
  g_object_set (device,
                "device-id", model != NULL ? desk_named_item_get_id (DESK_NAMED_ITEM (model)) : 0,
                "device-name", model != NULL ? desk_named_item_get_name (DESK_NAMED_ITEM (model)) : NULL,
                "imei", imei, "serial", serial, "network", network, "security-code", code,
                "location", location, "price", self->price, "line-discount", self->discount,
                NULL);

  tax_class = adw_combo_row_get_selected_item (self->tax_row);
  if (tax_class != NULL)
    desk_ticket_device_set_tax_class (device, tax_class);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->problems)); i++)
    {
      g_autoptr(DeskNamedItem) problem = g_list_model_get_item (G_LIST_MODEL (self->problems), i);
      g_autoptr(DeskRepairItem) item = desk_repair_item_new (desk_named_item_get_id (problem),
                                                             desk_named_item_get_name (problem));

      desk_ticket_device_add_repair_item (device, item);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->parts)); i++)
    {
      g_autoptr(DeskPartLine) part = g_list_model_get_item (G_LIST_MODEL (self->parts), i);

      desk_ticket_device_add_part (device, part);
    }

  desk_intake_device_add_conditions_to (self, device);
  g_hash_table_iter_init (&iter, self->supplied);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      g_autoptr(DeskCondition) item = desk_condition_new (name, TRUE);

      desk_ticket_device_add_supplied (device, item);
    }

  return device;
}

