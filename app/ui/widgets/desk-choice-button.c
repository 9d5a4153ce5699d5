/* desk-choice-button.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-choice-button"

#include "config.h"

#include "desk-choice-button.h"

/* A button that shows the choice made among a few and opens the list of them, for the
 * Tickets screen's filters. GTK 4.8's GtkDropDown builds its popover, list view and search
 * entry when it is made, some fifty widgets, and the list's rows when it gets its model:
 * the four filters were a third of the widgets of the screen's first frame. Here the list
 * is built the first time it is opened. The choices are a model of GtkStringObject. */

struct _DeskChoiceButton
{
  GtkWidget      parent_instance;

  GtkMenuButton *button;    /* child */
  GtkLabel      *label;     /* in the button */
  GtkListBox    *list;      /* in the popover, once it has been opened */
  GListModel    *model;     /* owned, nullable */
  guint          selected;
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskChoiceButton, desk_choice_button, GTK_TYPE_WIDGET)

static guint
n_choices (DeskChoiceButton *self)
{
  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

static char *
choice_text (DeskChoiceButton *self,
             guint             position)
{
  g_autoptr(GObject) item = NULL;

  if (position >= n_choices (self))
    return g_strdup ("");

  item = g_list_model_get_item (self->model, position);
  if (!GTK_IS_STRING_OBJECT (item))
    return g_strdup ("");

  return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

/* The button shows the choice. The focus lands on the button inside the menu button: a
 * screen reader hears it named by this widget's label, then the choice. */
static void
update_button (DeskChoiceButton *self)
{
  g_autofree char *text = choice_text (self, self->selected);
  GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (self->button));

  gtk_label_set_label (self->label, text);
  if (toggle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
}

/* The check mark beside the choice made; the others keep their room, so the list does not
 * change width. (A screen reader hears the choice made from the button.) */
static void
update_checks (DeskChoiceButton *self)
{
  GtkListBoxRow *row;

  for (guint i = 0; self->list != NULL && (row = gtk_list_box_get_row_at_index (self->list, i)); i++)
    {
      GtkWidget *check = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));

      gtk_widget_set_opacity (check, i == self->selected ? 1.0 : 0.0);
    }
}

static void
select_choice (DeskChoiceButton *self,
               guint             position)
{
  if (position >= n_choices (self))
    position = GTK_INVALID_LIST_POSITION;

  if (self->selected == position)
    return;

  self->selected = position;
  update_button (self);
  update_checks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* A row named by its choice: GTK 4.8 takes no name from a row's label. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  const char *text = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_opacity (check, 0.0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  return row;
}

static void
row_activated_cb (DeskChoiceButton *self,
                  GtkListBoxRow    *row)
{
  select_choice (self, gtk_list_box_row_get_index (row));
  gtk_menu_button_popdown (self->button);
}

/* The list opens on the choice made, as a drop-down's does. */
static void
popover_map_cb (DeskChoiceButton *self)
{
  GtkListBoxRow *row = self->selected != GTK_INVALID_LIST_POSITION
                       ? gtk_list_box_get_row_at_index (self->list, self->selected)
                       : NULL;

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
bind_list (DeskChoiceButton *self)
{
  gtk_list_box_bind_model (self->list, self->model, create_row, self, NULL);
  update_checks (self);
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  DeskChoiceButton *self = DESK_CHOICE_BUTTON (user_data);
  GtkWidget *popover;
  GtkWidget *scrolled;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  bind_list (self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));

  popover = gtk_popover_new ();
  gtk_widget_add_css_class (popover, "menu");
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  g_signal_connect_object (popover, "map", G_CALLBACK (popover_map_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_menu_button_set_popover (button, popover);
}

static void
items_changed_cb (DeskChoiceButton *self)
{
  guint selected = self->selected;

  /* As a drop-down does: the choice made stays while it is there, else the first. */
  if (selected >= n_choices (self))
    selected = n_choices (self) > 0 ? 0 : GTK_INVALID_LIST_POSITION;

  if (selected != self->selected)
    {
      select_choice (self, selected);
      return;
    }

  update_button (self);
  update_checks (self);
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
desk_choice_button_dispose (GObject *object)
{
  DeskChoiceButton *self = DESK_CHOICE_BUTTON (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_pointer ((GtkWidget **) &self->button, gtk_widget_unparent);
  self->list = NULL;

  G_OBJECT_CLASS (desk_choice_button_parent_class)->dispose (object);
}

static void
desk_choice_button_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DeskChoiceButton *self = DESK_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_choice_button_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DeskChoiceButton *self = DESK_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      desk_choice_button_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      desk_choice_button_set_selected (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_choice_button_class_init (DeskChoiceButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_choice_button_dispose;
  object_class->get_property = desk_choice_button_get_property;
  object_class->set_property = desk_choice_button_set_property;

  /* The choices, of GtkStringObject. */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The position of the choice made, or GTK_INVALID_LIST_POSITION. */
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL,
                       0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
desk_choice_button_init (DeskChoiceButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *toggle;

  self->selected = GTK_INVALID_LIST_POSITION;
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("pan-down-symbolic"));

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->button, box);
  toggle = gtk_widget_get_first_child (GTK_WIDGET (self->button));
  /* The choice at the start, the arrow at the end, as in a drop-down: GTK 4.8 centres a
   * menu button's child in a box of its own. */
  for (GtkWidget *w = box; w != NULL && w != toggle; w = gtk_widget_get_parent (w))
    gtk_widget_set_halign (w, GTK_ALIGN_FILL);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->button, create_popup_cb, self, NULL);

  if (toggle != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (toggle),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, self, NULL,
                                    -1);
  update_button (self);
}

/* --- Public API ---------------------------------------------------------------------------- */

GtkWidget *
desk_choice_button_new (void)
{
  return g_object_new (DESK_TYPE_CHOICE_BUTTON, NULL);
}

/* Returns: (transfer none) (nullable): the choices */
GListModel *
desk_choice_button_get_model (DeskChoiceButton *self)
{
  g_return_val_if_fail (DESK_IS_CHOICE_BUTTON (self), NULL);

  return self->model;
}

/**
 * desk_choice_button_set_model:
 * @self: a #DeskChoiceButton
 * @model: (nullable): the choices, of #GtkStringObject
 *
 * Shows @model's choices, with the first one chosen, as a #GtkDropDown does.
 */
void
desk_choice_button_set_model (DeskChoiceButton *self,
                              GListModel       *model)
{
  g_return_if_fail (DESK_IS_CHOICE_BUTTON (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_set_object (&self->model, model);
  /* After the list's own handler, so that the marks go on the rows of now. */
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  self->selected = n_choices (self) > 0 ? 0 : GTK_INVALID_LIST_POSITION;
  if (self->list != NULL)
    bind_list (self);
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

guint
desk_choice_button_get_selected (DeskChoiceButton *self)
{
  g_return_val_if_fail (DESK_IS_CHOICE_BUTTON (self), GTK_INVALID_LIST_POSITION);

  return self->selected;
}

/**
 * desk_choice_button_set_selected:
 * @self: a #DeskChoiceButton
 * @position: the position of the choice, or %GTK_INVALID_LIST_POSITION for none
 *
 * Makes the choice at @position, as the user would.
 */
void
desk_choice_button_set_selected (DeskChoiceButton *self,
                                 guint             position)
{
  g_return_if_fail (DESK_IS_CHOICE_BUTTON (self));

  select_choice (self, position);
}
