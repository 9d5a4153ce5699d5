/* desk-search-feedback.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-search-feedback"

#include "config.h"

#include "desk-search-feedback.h"

/**
 * desk_search_feedback_add:
 * @entry: a list screen's search field
 * @name: what a screen reader calls the field ("Search Tickets")
 *
 * Puts a line under the row that holds @entry, where the clerk looks after Enter, for
 * what it found ("3 tickets match"); hidden while it has nothing to say. The field is
 * named, and described by the line.
 *
 * Returns: (transfer none): the line
 */
GtkLabel *
desk_search_feedback_add (GtkSearchEntry *entry,
                          const char     *name)
{
  GtkWidget *search_row = GTK_WIDGET (entry);
  GtkWidget *label = gtk_label_new (NULL);

  /* The row is the child of the first vertical box above the field. */
  while (!GTK_IS_BOX (gtk_widget_get_parent (search_row)) ||
         gtk_orientable_get_orientation (GTK_ORIENTABLE (gtk_widget_get_parent (search_row))) !=
         GTK_ORIENTATION_VERTICAL)
    search_row = gtk_widget_get_parent (search_row);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (search_row)), label, search_row);

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);

  return GTK_LABEL (label);
}
