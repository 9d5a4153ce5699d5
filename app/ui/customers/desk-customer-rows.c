/* desk-customer-rows.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-customers-page"

#include "config.h"

#include "desk-accessible.h"
#include "desk-core.h"
#include "desk-customer-check.h"
#include "desk-customer-rows.h"
#include "desk-row-slots.h"

/* A row is one label of up to three lines, the name in bold over the contact and the
 * organization, dimmed: one widget a row rather than four, as GTK 4.8's list view builds
 * and tears down up to 200 rows when a keystroke widens or narrows the list. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "customer-row");
  gtk_list_item_set_child (item, label);
}

static void
add_attr (PangoAttrList  *attrs,
          PangoAttribute *attr,
          guint           start,
          guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

/* The lines' looks, as the heading, dim-label and caption style classes give them. */
static void
add_line (GString       *text,
          PangoAttrList *attrs,
          const char    *line,
          gboolean       heading,
          gboolean       small)
{
  guint start;

  if (line == NULL || *line == '\0')
    return;

  if (text->len > 0)
    g_string_append_c (text, '\n');
  start = text->len;
  g_string_append (text, line);

  if (heading)
    {
      add_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, text->len);
      add_attr (attrs, pango_attr_scale_new (1.1), start, text->len);
    }
  else
    {
      add_attr (attrs, pango_attr_foreground_alpha_new ((guint16) (0.55 * G_MAXUINT16)), start,
                text->len);
      /* The three pixels the lines had between them as labels of their own. */
      add_attr (attrs, pango_attr_line_height_new (1.25), start, text->len);
    }
  if (small)
    add_attr (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL), start, text->len);
}

/* Only a change of text or looks is worth a new layout. */
static void
set_row_text (GtkLabel      *label,
              const char    *text,
              PangoAttrList *attrs)
{
  PangoAttrList *old = gtk_label_get_attributes (label);

  if (g_strcmp0 (gtk_label_get_text (label), text) == 0 && old != NULL &&
      pango_attr_list_equal (old, attrs))
    return;

  gtk_label_set_text (label, text);
  gtk_label_set_attributes (label, attrs);
}

static void
fill_row (GtkListItem *item)
{
  DeskCustomer *customer = desk_row_slots_item_of (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *phone, *email;
  g_autofree char *org = NULL;
  g_autofree char *contact_text = NULL;
  g_autofree char *tidy = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(PangoAttrList) attrs = NULL;

  if (customer == NULL)
    return;

  phone = desk_customer_get_phone (customer);
  email = desk_customer_get_email (customer);
  if (phone == NULL || *phone == '\0')
    phone = desk_customer_get_mobile (customer);
  contact_text = g_strjoin (phone && *phone && email && *email ? " · " : "",
                            phone ? phone : "", email ? email : "", NULL);
  g_object_get (customer, "organization", &org, NULL);
  tidy = desk_customer_tidy_name (desk_customer_get_full_name (customer));

  text = g_string_new (NULL);
  attrs = pango_attr_list_new ();
  add_line (text, attrs, tidy, TRUE, FALSE);
  add_line (text, attrs, contact_text, FALSE, FALSE);
  add_line (text, attrs, org, FALSE, TRUE);
  set_row_text (GTK_LABEL (label), text->str, attrs);

  /* A screen reader reads the row by its name and what the row shows under it. */
  description = g_strjoin (*contact_text != '\0' && org != NULL && *org != '\0' ? ", " : "",
                           contact_text, org != NULL ? org : "", NULL);
  desk_accessible_label_row (label, tidy != NULL ? tidy : "",
                             *description != '\0' ? description : NULL);
}

/* A row follows its slot's customer. The list's row around the item's widgets is freed
 * after the frame that no longer shows it (desk_row_slots_free_row_after_frame ()). */
static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  desk_row_slots_free_row_after_frame (item);
  fill_row (item);
  g_signal_connect_object (gtk_list_item_get_item (item), "notify::item",
                           G_CALLBACK (fill_row), item, G_CONNECT_SWAPPED);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  gpointer slot = gtk_list_item_get_item (item);

  if (slot != NULL)
    g_signal_handlers_disconnect_by_func (slot, fill_row, item);
}

/**
 * desk_customer_rows_factory_new:
 *
 * The rows of the Customers list, for a list view over DeskRowSlots of DeskCustomers.
 *
 * Returns: (transfer full): a new factory
 */
GtkListItemFactory *
desk_customer_rows_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);

  return factory;
}
