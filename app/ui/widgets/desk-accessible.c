/* desk-accessible.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-accessible"

#include "config.h"

#include "desk-accessible.h"

/* What GTK 4.8 leaves unnamed or names wrongly for a screen reader, mended in one place.
 * tests/test-accessibility.c walks every screen for what is still missing. */

/* GTK 4.8's gtk_button_set_label () stores the raw text, underscore included, as the
 * button's accessible label, while use-underline also labels the button by its child
 * label: AT-SPI joins both and reads "_Save Save". Without the stored copy the child
 * label, which has no underscore, names the button alone. */
static void
forget_raw_label_cb (GtkButton *button)
{
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
tidy_button (GtkButton *button)
{
  if (!gtk_button_get_use_underline (button) || gtk_button_get_label (button) == NULL)
    return;

  forget_raw_label_cb (button);
  /* A later gtk_button_set_label () stores it again ("Convert to _Invoice"). */
  if (g_object_get_data (G_OBJECT (button), "desk-accessible-tidy") == NULL)
    {
      g_object_set_data (G_OBJECT (button), "desk-accessible-tidy", GINT_TO_POINTER (TRUE));
      g_signal_connect (button, "notify::label", G_CALLBACK (forget_raw_label_cb), NULL);
    }
}

/**
 * desk_accessible_tidy_mnemonics:
 * @root: a widget, usually a template just initialised or a dialog just filled
 *
 * Lets every button with a mnemonic at or below @root be read by its text once,
 * without the underscore, now and after any later change of its label.
 */
void
desk_accessible_tidy_mnemonics (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root))
    tidy_button (GTK_BUTTON (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    desk_accessible_tidy_mnemonics (child);
}

/**
 * desk_accessible_label_dropdown:
 * @dropdown: a #GtkDropDown or a #DeskChoiceButton, with an accessible label of its own,
 *   or a mnemonic label
 *
 * The focus lands on the drop-down's inner button, which GTK 4.8 leaves unnamed, and in a
 * flow box first on the box's child around it: both are labelled by the drop-down. (A
 * #DeskChoiceButton names its inner button itself.)
 */
void
desk_accessible_label_dropdown (GtkWidget *dropdown)
{
  GtkWidget *parent = gtk_widget_get_parent (dropdown);
  g_autoptr(GList) mnemonic = gtk_widget_list_mnemonic_labels (dropdown);
  /* A drop-down with a mnemonic label is named by that label, not by a label of its own:
   * GTK 4.8 reads the two one after the other. */
  gpointer by = mnemonic != NULL ? mnemonic->data : dropdown;

  for (GtkWidget *child = gtk_widget_get_first_child (dropdown); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, by, NULL,
                                      -1);

  if (GTK_IS_FLOW_BOX_CHILD (parent))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (parent),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, by, NULL,
                                    -1);
}

static void
combo_row_selected_cb (AdwComboRow *row)
{
  gpointer item = adw_combo_row_get_selected_item (row);
  GtkExpression *expression = adw_combo_row_get_expression (row);
  g_auto(GValue) value = G_VALUE_INIT;
  const char *text = NULL;

  if (item != NULL && expression != NULL && gtk_expression_evaluate (expression, item, &value) &&
      G_VALUE_HOLDS_STRING (&value))
    text = g_value_get_string (&value);
  else if (GTK_IS_STRING_OBJECT (item))
    text = gtk_string_object_get_string (item);
  else
    text = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

  if (text != NULL && *text != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * desk_accessible_follow_combo_row:
 * @row: a combo row
 *
 * libadwaita 1.2 names a combo row by its title and shows the choice in a list of its
 * own that a screen reader does not read with it: "Status" is read, not "Pending". The
 * choice becomes the row's description, and follows it.
 */
void
desk_accessible_follow_combo_row (AdwComboRow *row)
{
  combo_row_selected_cb (row);
  g_signal_connect (row, "notify::selected-item", G_CALLBACK (combo_row_selected_cb), NULL);
  g_signal_connect (row, "notify::subtitle", G_CALLBACK (combo_row_selected_cb), NULL);
}

/**
 * desk_accessible_label_list:
 * @view: a list view
 * @label: what the list is read as ("Tickets")
 */
void
desk_accessible_label_list (GtkWidget  *view,
                            const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static gboolean
same_text (GtkWidget  *row,
           const char *key,
           const char *text)
{
  return g_strcmp0 (g_object_get_data (G_OBJECT (row), key), text) == 0;
}

static void
set_row_label (GtkWidget  *row,
               const char *label,
               const char *description)
{
  g_object_set_data_full (G_OBJECT (row), "desk-row-label", g_strdup (label), g_free);
  g_object_set_data_full (G_OBJECT (row), "desk-row-description", g_strdup (description),
                          g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * desk_accessible_label_row:
 * @cell: the widget a list item factory made for one cell of a row
 * @label: what the row is read as
 * @description: (nullable): what is read after it
 *
 * GTK 4.8 names a list row by its type ("GtkListItemWidget"), whatever it shows, and
 * gives a factory no handle on the row itself: the row is the nearest ancestor of @cell
 * with a row or list item role. Rows keep their widgets while what they show changes: a
 * row read the same way as before is not told again.
 */
void
desk_accessible_label_row (GtkWidget  *cell,
                           const char *label,
                           const char *description)
{
  for (GtkWidget *row = cell; row != NULL; row = gtk_widget_get_parent (row))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row));

      if (role != GTK_ACCESSIBLE_ROLE_ROW && role != GTK_ACCESSIBLE_ROLE_LIST_ITEM)
        continue;

      if (!same_text (row, "desk-row-label", label) ||
          !same_text (row, "desk-row-description", description))
        set_row_label (row, label, description);
      return;
    }
}

static void
name_by_tooltip_cb (GtkWidget *button)
{
  const char *tooltip = gtk_widget_get_tooltip_text (button);

  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                    -1);
}

/**
 * desk_accessible_name_by_tooltip:
 * @root: a widget holding icon buttons that a library made (an entry row's Apply button,
 *   a password row's Show Text button)
 *
 * GTK 4.8 gives a tooltip to a screen reader as a description only, so a button showing
 * only an icon has no name: these take their tooltip as their name, and follow it.
 * Front Desk's own icon buttons are named in their .ui files instead.
 */
void
desk_accessible_name_by_tooltip (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_button_get_icon_name (GTK_BUTTON (root)) != NULL)
    {
      name_by_tooltip_cb (root);
      g_signal_connect (root, "notify::tooltip-text", G_CALLBACK (name_by_tooltip_cb), NULL);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    desk_accessible_name_by_tooltip (child);
}

/**
 * desk_accessible_name_icon_button:
 * @root: a widget that a library built, such as the shortcuts window
 * @icon_name: the icon its unnamed button shows
 * @label: the name to give it
 */
void
desk_accessible_name_icon_button (GtkWidget  *root,
                                  const char *icon_name,
                                  const char *label)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon_name) == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (root),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    desk_accessible_name_icon_button (child, icon_name, label);
}

/**
 * desk_accessible_name_internal:
 * @root: a widget that a library built
 * @type: the type of the widgets to name
 * @id: (nullable): their id in the library's .ui file, or %NULL for any
 * @label: the name to give them
 *
 * For what a library leaves unnamed and Front Desk cannot reach from its own .ui files:
 * the hidden search of a preferences window or of the shortcuts window.
 */
void
desk_accessible_name_internal (GtkWidget  *root,
                               GType       type,
                               const char *id,
                               const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (id == NULL || g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0))
    gtk_accessible_update_property (GTK_ACCESSIBLE (root),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    desk_accessible_name_internal (child, type, id, label);
}
