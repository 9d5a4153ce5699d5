/* desk-invoice-editor-lines.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-invoice-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-accessible.h"
#include "desk-invoice-editor-private.h"

/* The lines of the invoice form: the inventory searched as the clerk types (a scanned SKU
 * and Enter adds its item at once, a second scan makes it two), free lines, and each
 * line's quantity, price, discount and tax class, with the totals the server will show.
 *
 * The search is the hot path of every keystroke over inventories of thousands: it runs
 * on the index in core, and the result rows are a fixed set made once and only refilled,
 * so that a keystroke allocates no widget. */

typedef struct
{
  DeskInvoiceEditor *editor;          /* unowned */
  GtkWidget         *row;             /* unowned: the lines list holds it */
  GtkWidget         *name_entry;      /* free lines only */
  GtkWidget         *quantity_spin;
  GtkWidget         *price_entry;
  GtkWidget         *discount_entry;
  GtkWidget         *tax_dropdown;
  GtkWidget         *total_label;
  GtkWidget         *problem_label;
  gint64             product_id;
  char              *name;            /* inventory lines: the item's name */
  char              *sku;
  char              *description;
  char              *notes;
} Line;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->name);
  g_free (line->sku);
  g_free (line->description);
  g_free (line->notes);
  g_free (line);
}

static Line *
line_at (DeskInvoiceEditor *self,
         guint              i)
{
  return g_ptr_array_index (self->lines, i);
}

/* --- Tax classes ------------------------------------------------------------------------- */

static guint
ensure_tax (DeskInvoiceEditor *self,
            gint64             id,
            const char        *name,
            gint64             rate)
{
  for (guint i = 0; i < self->tax_ids->len; i++)
    if (g_array_index (self->tax_ids, gint64, i) == id)
      return i;
  if (id == 0)
    return 0;

  g_array_append_val (self->tax_ids, id);
  g_array_append_val (self->tax_rates, rate);
  gtk_string_list_append (self->tax_names, name != NULL && *name != '\0' ? name : _("Tax"));

  return self->tax_ids->len - 1;
}

static guint
ensure_tax_class (DeskInvoiceEditor *self,
                  DeskTaxClass      *tax_class)
{
  if (tax_class == NULL)
    return 0;

  return ensure_tax (self, desk_named_item_get_id (DESK_NAMED_ITEM (tax_class)),
                     desk_named_item_get_name (DESK_NAMED_ITEM (tax_class)),
                     desk_tax_class_get_tax_percent (tax_class));
}

void
desk_invoice_editor_add_tax_classes (DeskInvoiceEditor *self,
                                     GListModel        *classes)
{
  for (guint i = 0; classes != NULL && i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(DeskTaxClass) tax_class = g_list_model_get_item (classes, i);

      ensure_tax_class (self, tax_class);
    }
}

/* --- One line ---------------------------------------------------------------------------- */

static const char *
line_name (Line *line)
{
  if (line->name_entry != NULL)
    return gtk_editable_get_text (GTK_EDITABLE (line->name_entry));

  return line->name;
}

static gboolean
parse_amount (GtkWidget  *entry,
              gboolean    blank_is_zero,
              gint64     *cents)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*text == '\0')
    {
      *cents = 0;
      return blank_is_zero;
    }

  return desk_money_parse (text, cents, NULL);
}

/* The figures of @line, or the reason they cannot be charged. */
static gboolean
line_values (Line             *line,
             DeskInvoiceLine  *values,
             char            **problem)
{
  DeskInvoiceEditor *self = line->editor;
  const char *quantity = gtk_editable_get_text (GTK_EDITABLE (line->quantity_spin));
  guint tax = gtk_drop_down_get_selected (GTK_DROP_DOWN (line->tax_dropdown));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (line_name (line) != NULL ? line_name (line) : ""));

  *problem = NULL;
  if (*name == '\0')
    {
      *problem = g_strdup (_("Type what this line is for."));
      return FALSE;
    }
  if (!g_ascii_string_to_signed (quantity, 10, 1, 10000, &values->quantity, NULL))
    {
      *problem = g_strdup (_("A quantity must be between 1 and 10,000."));
      return FALSE;
    }
  if (!parse_amount (line->price_entry, FALSE, &values->price))
    {
      *problem = g_strdup (_("Type the price, for example 12.50."));
      return FALSE;
    }
  if (!parse_amount (line->discount_entry, TRUE, &values->line_discount))
    {
      *problem = g_strdup (_("Type the discount as an amount, for example 2.00."));
      return FALSE;
    }
  values->millipercent = tax < self->tax_rates->len ? g_array_index (self->tax_rates, gint64, tax)
                                                   : 0;
  if (!desk_invoice_line_check (values, &error))
    {
      *problem = g_strdup (error->message);
      return FALSE;
    }

  return TRUE;
}

void
desk_invoice_editor_update_totals (DeskInvoiceEditor *self)
{
  g_autofree DeskInvoiceLine *values = g_new0 (DeskInvoiceLine, MAX (self->lines->len, 1));
  gboolean valid = TRUE;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = line_at (self, i);
      g_autofree char *problem = NULL;
      g_autofree char *total = NULL;

      if (line_values (line, &values[i], &problem))
        {
          DeskTotals one;

          desk_totals_init (&one);
          desk_totals_add_line (&one, values[i].price, values[i].quantity,
                                values[i].line_discount, values[i].millipercent);
          total = desk_money_format (one.total, NULL);
        }
      else
        valid = FALSE;
      gtk_label_set_text (GTK_LABEL (line->total_label), total != NULL ? total : "—");
      gtk_label_set_text (GTK_LABEL (line->problem_label), problem != NULL ? problem : "");
      gtk_widget_set_visible (line->problem_label, problem != NULL);
    }

  if (valid)
    valid = desk_invoice_lines_compute (values, self->lines->len, &self->totals, NULL);
  else
    desk_totals_init (&self->totals);
  self->lines_valid = valid;

  {
    GtkLabel *labels[] = { self->subtotal_label, self->discount_label, self->tax_label,
                           self->total_label };
    gint64 figures[] = { self->totals.subtotal, self->totals.discount, self->totals.tax,
                         self->totals.total };

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        g_autofree char *text = valid ? desk_money_format (figures[i], NULL) : NULL;

        gtk_label_set_text (labels[i], text != NULL ? text : "—");
      }
  }
  /* The total stays in sight below the form, however long the list of lines. */
  {
    g_autofree char *total = valid ? desk_money_format (self->totals.total, NULL) : NULL;
    g_autofree char *count = g_strdup_printf (ngettext ("%u line", "%u lines",
                                                          self->lines->len),
                                              self->lines->len);

    gtk_label_set_text (self->bar_total_label, total != NULL ? total : "—");
    gtk_label_set_text (self->bar_lines_label, count);
  }
  desk_invoice_editor_update_actions (self);
}

static void
line_changed_cb (Line *line)
{
  DeskInvoiceEditor *self = line->editor;

  /* A line on its way out (its row going, the form closing) has no say in the totals:
   * a quantity losing the focus as it goes commits its text. */
  if (self->disposing || !g_ptr_array_find (self->lines, line, NULL))
    return;
  if (!self->filling)
    self->dirty = TRUE;
  desk_invoice_editor_update_totals (self);
}

/* The line leaves the list first, then its row goes, then the line itself. */
static void
drop_line (DeskInvoiceEditor *self,
           Line              *line)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  guint i;

  if (focus != NULL && gtk_widget_is_ancestor (focus, line->row))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  if (g_ptr_array_find (self->lines, line, &i))
    g_ptr_array_steal_index (self->lines, i);
  gtk_list_box_remove (self->lines_list, line->row);
  line_free (line);
}

static void
remove_line (Line *line)
{
  DeskInvoiceEditor *self = line->editor;

  drop_line (self, line);
  gtk_widget_set_visible (GTK_WIDGET (self->lines_list), self->lines->len > 0);
  self->dirty = TRUE;
  desk_invoice_editor_update_totals (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->item_search));
}

static GtkWidget *
add_field (GtkWidget  *flow,
           const char *caption,
           GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new (caption);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_add_css_class (widget, "touch-target");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), box);
  /* The flow box's own child is no stop for the keyboard: the field is. */
  gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);

  return widget;
}

static GtkWidget *
amount_entry (Line *line)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (line_changed_cb), line);

  return entry;
}

static GtkWidget *
line_header (Line       *line,
             const char *name,
             const char *sku)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *remove_name = NULL;

  if (name == NULL)
    {
      line->name_entry = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (line->name_entry), _("What is sold"));
      gtk_widget_set_hexpand (line->name_entry, TRUE);
      gtk_widget_add_css_class (line->name_entry, "touch-target");
      gtk_accessible_update_property (GTK_ACCESSIBLE (line->name_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Free Line"), -1);
      g_signal_connect_swapped (line->name_entry, "changed", G_CALLBACK (line_changed_cb), line);
      gtk_box_append (GTK_BOX (header), line->name_entry);
    }
  else
    {
      GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *title = gtk_label_new (name);
      GtkWidget *subtitle = gtk_label_new (sku);

      gtk_widget_set_hexpand (labels, TRUE);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_widget_set_visible (subtitle, sku != NULL && *sku != '\0');
      gtk_box_append (GTK_BOX (labels), title);
      gtk_box_append (GTK_BOX (labels), subtitle);
      gtk_box_append (GTK_BOX (header), labels);
    }

  line->total_label = gtk_label_new ("—");
  gtk_widget_add_css_class (line->total_label, "numeric");
  gtk_widget_add_css_class (line->total_label, "heading");
  gtk_box_append (GTK_BOX (header), line->total_label);

  remove_name = g_strdup_printf (_("Remove %s"), name != NULL ? name : _("Free Line"));
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_name, -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "touch-target");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_line), line);
  gtk_box_append (GTK_BOX (header), remove);

  return header;
}

static Line *
add_line (DeskInvoiceEditor *self,
          const char        *name,
          const char        *sku)
{
  Line *line = g_new0 (Line, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *flow = gtk_flow_box_new ();
  GtkAdjustment *quantity = gtk_adjustment_new (1, 1, 10000, 1, 10, 0);

  line->editor = self;
  line->name = g_strdup (name);
  line->sku = g_strdup (sku);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), line_header (line, name, sku));

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  line->quantity_spin = add_field (flow, _("Quantity"), gtk_spin_button_new (quantity, 1, 0));
  gtk_editable_set_width_chars (GTK_EDITABLE (line->quantity_spin), 3);
  g_signal_connect_swapped (line->quantity_spin, "changed", G_CALLBACK (line_changed_cb), line);
  line->price_entry = add_field (flow, _("Unit Price"), amount_entry (line));
  line->discount_entry = add_field (flow, _("Discount"), amount_entry (line));
  line->tax_dropdown = add_field (flow, _("Tax Class"),
                                  gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->tax_names)),
                                                     NULL));
  desk_accessible_label_dropdown (line->tax_dropdown);
  g_signal_connect_swapped (line->tax_dropdown, "notify::selected", G_CALLBACK (line_changed_cb),
                            line);
  gtk_box_append (GTK_BOX (box), flow);

  line->problem_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (line->problem_label), 0);
  gtk_label_set_wrap (GTK_LABEL (line->problem_label), TRUE);
  gtk_widget_add_css_class (line->problem_label, "error");
  gtk_widget_set_visible (line->problem_label, FALSE);
  gtk_box_append (GTK_BOX (box), line->problem_label);

  line->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (line->row), FALSE);
  gtk_widget_set_focusable (line->row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (line->row), box);
  gtk_list_box_append (self->lines_list, line->row);
  gtk_widget_set_visible (GTK_WIDGET (self->lines_list), TRUE);
  g_ptr_array_add (self->lines, line);

  return line;
}

static void
set_amount (GtkWidget *entry,
            gint64     cents)
{
  g_autofree char *text = desk_money_to_api (cents);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
set_quantity (Line   *line,
              gint64  quantity)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, quantity);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (line->quantity_spin), (double) quantity);
  gtk_editable_set_text (GTK_EDITABLE (line->quantity_spin), text);
}

/* A second scan of the same item makes it two of it. */
static void
add_item (DeskInvoiceEditor *self,
          DeskInventoryItem *item)
{
  gint64 product_id = desk_named_item_get_id (DESK_NAMED_ITEM (item));
  Line *line;

  for (guint i = 0; i < self->lines->len; i++)
    {
      line = line_at (self, i);
      if (line->product_id == product_id && product_id != 0)
        {
          gint64 quantity = 1;

          g_ascii_string_to_signed (gtk_editable_get_text (GTK_EDITABLE (line->quantity_spin)),
                                    10, 1, 10000, &quantity, NULL);
          set_quantity (line, MIN (quantity + 1, 10000));
          return;
        }
    }

  line = add_line (self, desk_named_item_get_name (DESK_NAMED_ITEM (item)),
                   desk_inventory_item_get_sku (item));
  line->product_id = product_id;
  set_amount (line->price_entry, desk_inventory_item_get_price (item));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (line->tax_dropdown),
                              ensure_tax_class (self, desk_inventory_item_get_tax_class (item)));
  self->dirty = TRUE;
  desk_invoice_editor_update_totals (self);
}

static void
add_free_line_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DeskInvoiceEditor *self = DESK_INVOICE_EDITOR (widget);
  Line *line = add_line (self, NULL, NULL);

  /* The shop's usual rate: its first tax class. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (line->tax_dropdown),
                              self->tax_ids->len > 1 ? 1 : 0);
  self->dirty = TRUE;
  desk_invoice_editor_update_totals (self);
  gtk_widget_grab_focus (line->name_entry);
}

/* --- The inventory search ---------------------------------------------------------------- */

static char *
item_details (DeskInventoryItem *item)
{
  g_autofree char *price = desk_money_format (desk_inventory_item_get_price (item), NULL);
  const char *sku = desk_inventory_item_get_sku (item);

  /* Translators: an inventory item's SKU, price and how many are in stock */
  return g_strdup_printf (_("%s · %s · %" G_GINT64_FORMAT " in stock"),
                          sku != NULL ? sku : "", price, desk_inventory_item_get_in_stock (item));
}

static void
show_item_hint (DeskInvoiceEditor *self,
                const char        *hint)
{
  gtk_label_set_text (self->item_hint, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->item_hint), hint != NULL);
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

void
desk_invoice_editor_search_items (DeskInvoiceEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->item_search));
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *hint = NULL;
  guint n = 0;

  if (self->index == NULL)
    {
      show_item_hint (self, _("Loading the inventory…"));
      gtk_widget_set_visible (GTK_WIDGET (self->item_results), FALSE);
      return;
    }

  n = desk_inventory_index_search (self->index, text, DESK_INVOICE_EDITOR_MAX_RESULTS, matches);
  for (guint i = 0; i < DESK_INVOICE_EDITOR_MAX_RESULTS; i++)
    {
      GtkWidget *row = self->result_rows[i];
      DeskInventoryItem *item = i < matches->len ? g_ptr_array_index (matches, i) : NULL;

      /* The index holds the item as long as the form lives. */
      g_object_set_data (G_OBJECT (row), "item", item);
      if (item != NULL)
        {
          g_autofree char *details = item_details (item);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         desk_named_item_get_name (DESK_NAMED_ITEM (item)));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
        }
      gtk_widget_set_visible (row, item != NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->item_results), matches->len > 0);

  if (n == 0 && !is_blank (text))
    hint = g_strdup_printf (_("Nothing in the inventory matches “%s”. Add it as a free line."),
                            text);
  else if (n > matches->len)
    hint = g_strdup_printf (_("Showing %u of %u matches. Type more to narrow them down."),
                            matches->len, n);
  show_item_hint (self, hint);
}

static void
item_search_changed_cb (DeskInvoiceEditor *self)
{
  desk_invoice_editor_search_items (self);
}

/* Enter adds the item whose SKU was typed or scanned, or else the first match; the cursor
 * stays in the search for the next scan. */
static void
item_search_activate_cb (DeskInvoiceEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->item_search));
  DeskInventoryItem *item;

  if (self->index == NULL)
    return;

  item = desk_inventory_index_find_sku (self->index, text);
  if (item == NULL && gtk_widget_get_visible (self->result_rows[0]))
    item = g_object_get_data (G_OBJECT (self->result_rows[0]), "item");
  if (item == NULL)
    return;

  add_item (self, item);
  gtk_editable_set_text (GTK_EDITABLE (self->item_search), "");
}

static void
item_row_activated_cb (DeskInvoiceEditor *self,
                       GtkListBoxRow     *row)
{
  DeskInventoryItem *item = g_object_get_data (G_OBJECT (row), "item");

  if (item == NULL)
    return;

  add_item (self, item);
  gtk_editable_set_text (GTK_EDITABLE (self->item_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->item_search));
}

/* --- The invoice and the form ------------------------------------------------------------- */

void
desk_invoice_editor_add_items_to (DeskInvoiceEditor *self,
                                  DeskInvoice       *invoice)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = line_at (self, i);
      g_autoptr(DeskInvoiceItem) item = desk_invoice_item_new ();
      guint tax = gtk_drop_down_get_selected (GTK_DROP_DOWN (line->tax_dropdown));
      gint64 tax_id = tax < self->tax_ids->len ? g_array_index (self->tax_ids, gint64, tax) : 0;
      g_autofree char *name = g_strstrip (g_strdup (line_name (line)));
      DeskInvoiceLine values = { 0, };
      g_autofree char *problem = NULL;
      DeskTotals one;

      line_values (line, &values, &problem);
      desk_totals_init (&one);
      desk_totals_add_line (&one, values.price, values.quantity, values.line_discount,
                            values.millipercent);
      g_object_set (item, "product-id", line->product_id, "sku", line->sku, "name", name,
                    "quantity", values.quantity, "price", values.price,
                    "line-discount", values.line_discount, "gst", one.tax,
                    "tax-class-id", tax_id, "description", line->description,
                    "notes", line->notes, NULL);
      desk_invoice_add_item (invoice, item);
    }
}

static void
clear_lines (DeskInvoiceEditor *self)
{
  while (self->lines->len > 0)
    drop_line (self, line_at (self, self->lines->len - 1));
}

static void
fill_line (DeskInvoiceEditor *self,
           DeskInvoiceItem   *item)
{
  gint64 product_id = 0, tax_class_id = 0;
  g_autofree char *sku = NULL;
  g_autofree char *description = NULL;
  g_autofree char *notes = NULL;
  const char *name = desk_invoice_item_get_name (item);
  DeskTaxClass *tax_class = desk_invoice_item_get_tax_class (item);
  Line *line;
  guint tax;

  g_object_get (item, "product-id", &product_id, "sku", &sku, "description", &description,
                "notes", &notes, "tax-class-id", &tax_class_id, NULL);
  line = add_line (self, product_id != 0 ? name : NULL, sku);
  if (line->name_entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (line->name_entry), name != NULL ? name : "");
  line->product_id = product_id;
  line->description = g_steal_pointer (&description);
  line->notes = g_steal_pointer (&notes);
  set_quantity (line, desk_invoice_item_get_quantity (item));
  set_amount (line->price_entry, desk_invoice_item_get_price (item));
  if (desk_invoice_item_get_line_discount (item) != 0)
    set_amount (line->discount_entry, desk_invoice_item_get_line_discount (item));
  tax = tax_class != NULL ? ensure_tax_class (self, tax_class) : ensure_tax (self, tax_class_id,
                                                                             NULL, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (line->tax_dropdown), tax);
}

/* The invoice's customer, or one known by number only when the invoice names no more;
 * a walk-in only when it is one. */
static void
fill_customer (DeskInvoiceEditor *self,
               DeskInvoice       *invoice)
{
  gint64 customer_id = desk_invoice_get_customer_id (invoice);
  DeskCustomer *customer = desk_invoice_get_customer (invoice);
  g_autoptr(DeskCustomer) by_number = NULL;

  if (customer_id != 0 && (customer == NULL || desk_customer_get_id (customer) != customer_id))
    {
      by_number = desk_customer_new ();
      g_object_set (by_number, "id", customer_id, NULL);
      customer = by_number;
    }

  desk_invoice_editor_set_customer (self, customer_id != 0 ? customer : NULL);
}

void
desk_invoice_editor_fill (DeskInvoiceEditor *self,
                          DeskInvoice       *invoice)
{
  GListModel *items = desk_invoice_get_items (invoice);
  g_autofree char *subtitle = NULL;
  gint64 due_on = 0;

  self->filling = TRUE;
  clear_lines (self);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(DeskInvoiceItem) item = g_list_model_get_item (items, i);

      fill_line (self, item);
    }
  g_object_get (invoice, "due-on", &due_on, NULL);
  if (due_on > 0)
    self->due_on = due_on;
  desk_invoice_editor_show_due (self);
  fill_customer (self, invoice);
  /* Translators: an invoice number */
  subtitle = g_strdup_printf (_("Invoice %s"), desk_invoice_get_order_id (invoice) != NULL
                                               ? desk_invoice_get_order_id (invoice) : "");
  adw_window_title_set_subtitle (self->window_title, subtitle);
  desk_invoice_editor_update_totals (self);
  self->filling = FALSE;
  self->dirty = FALSE;
}

/* Returns: (transfer full) (nullable): what @invoice holds other than the form, in a
 * sentence, or %NULL when it holds the same lines and total */
char *
desk_invoice_editor_compare (DeskInvoiceEditor *self,
                             DeskInvoice       *invoice)
{
  GListModel *items = desk_invoice_get_items (invoice);
  guint n = g_list_model_get_n_items (items);
  g_autofree char *theirs = NULL;
  g_autofree char *ours = NULL;

  if (n != self->lines->len)
    return g_strdup_printf (_("It has %u lines, not %u."), n, self->lines->len);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskInvoiceItem) item = g_list_model_get_item (items, i);
      Line *line = line_at (self, i);
      g_autofree char *name = g_strstrip (g_strdup (line_name (line)));
      g_autofree char *problem = NULL;
      DeskInvoiceLine values = { 0, };

      line_values (line, &values, &problem);
      if (g_strcmp0 (desk_invoice_item_get_name (item), name) != 0 ||
          desk_invoice_item_get_quantity (item) != values.quantity ||
          desk_invoice_item_get_price (item) != values.price ||
          desk_invoice_item_get_line_discount (item) != values.line_discount)
        /* Translators: %s is the name of an invoice line */
        return g_strdup_printf (_("The line “%s” is not as it was sent."), name);
    }

  if (desk_invoice_get_total (invoice) != self->totals.total)
    {
      theirs = desk_money_format (desk_invoice_get_total (invoice), NULL);
      ours = desk_money_format (self->totals.total, NULL);
      return g_strdup_printf (_("Its total is %s, not %s."), theirs, ours);
    }

  return NULL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Whether @items (from a list entry, which names its lines only) name the form's lines. */
gboolean
desk_invoice_editor_same_names (DeskInvoiceEditor *self,
                                GListModel        *items)
{
  g_autoptr(GPtrArray) theirs = g_ptr_array_new ();
  g_autoptr(GPtrArray) ours = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);

  if (items == NULL || g_list_model_get_n_items (items) != self->lines->len)
    return FALSE;

  for (guint i = 0; i < self->lines->len; i++)
    {
      DeskInvoiceItem *item = g_list_model_get_item (items, i);

      g_ptr_array_add (keep, item);
      g_ptr_array_add (theirs, (gpointer) desk_invoice_item_get_name (item));
      g_ptr_array_add (ours, g_strstrip (g_strdup (line_name (line_at (self, i)))));
    }
  g_ptr_array_sort (theirs, compare_names);
  g_ptr_array_sort (ours, compare_names);
  for (guint i = 0; i < ours->len; i++)
    if (g_strcmp0 (g_ptr_array_index (theirs, i), g_ptr_array_index (ours, i)) != 0)
      return FALSE;

  return TRUE;
}

/* --- Set-up ------------------------------------------------------------------------------ */

void
desk_invoice_editor_init_lines (DeskInvoiceEditor *self)
{
  gint64 none = 0;

  self->lines = g_ptr_array_new_with_free_func (line_free);
  self->tax_names = gtk_string_list_new (NULL);
  self->tax_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->tax_rates = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->tax_ids, none);
  g_array_append_val (self->tax_rates, none);
  gtk_string_list_append (self->tax_names, _("No Tax"));

  for (guint i = 0; i < DESK_INVOICE_EDITOR_MAX_RESULTS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *add = gtk_image_new_from_icon_name ("list-add-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* One line each: a label that may wrap is measured at every width on every key. */
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
      gtk_widget_set_visible (row, FALSE);
      gtk_list_box_append (self->item_results, row);
      self->result_rows[i] = row;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->lines_list), FALSE);
  show_item_hint (self, NULL);
}

void
desk_invoice_editor_class_add_lines (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.add-free-line", NULL,
                                   add_free_line_action);
  gtk_widget_class_bind_template_callback (widget_class, item_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_row_activated_cb);
}

/* --- Public API ---------------------------------------------------------------------------- */

/* Returns: whether the lines can be charged; @totals are then the server's to be */
gboolean
desk_invoice_editor_get_totals (DeskInvoiceEditor *self,
                                DeskTotals        *totals)
{
  g_return_val_if_fail (DESK_IS_INVOICE_EDITOR (self), FALSE);

  *totals = self->totals;

  return self->lines_valid;
}

guint
desk_invoice_editor_get_n_lines (DeskInvoiceEditor *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_EDITOR (self), 0);

  return self->lines->len;
}

/**
 * desk_invoice_editor_get_line_field:
 * @self: the form
 * @line: a line, from 0
 * @field: "name" (free lines only), "quantity", "price" or "discount"
 *
 * Returns: (transfer none) (nullable): the field
 */
GtkEditable *
desk_invoice_editor_get_line_field (DeskInvoiceEditor *self,
                                    guint              line,
                                    const char        *field)
{
  Line *l;

  g_return_val_if_fail (DESK_IS_INVOICE_EDITOR (self), NULL);
  g_return_val_if_fail (line < self->lines->len, NULL);

  l = line_at (self, line);
  if (g_strcmp0 (field, "name") == 0)
    return l->name_entry != NULL ? GTK_EDITABLE (l->name_entry) : NULL;
  if (g_strcmp0 (field, "quantity") == 0)
    return GTK_EDITABLE (l->quantity_spin);
  if (g_strcmp0 (field, "price") == 0)
    return GTK_EDITABLE (l->price_entry);
  if (g_strcmp0 (field, "discount") == 0)
    return GTK_EDITABLE (l->discount_entry);

  return NULL;
}
