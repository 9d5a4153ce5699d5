/* desk-row-slots.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-row-slots"

#include "config.h"

#include "desk-row-slots.h"

/* The rows of a list view as places that keep their widgets while what they show changes.
 *
 * GTK 4.8's list views make new row widgets for every item a model adds, and destroy the
 * widgets of the items it removes: a keystroke that narrows a filtered list tears down
 * and rebuilds every visible row, seven labels each on the Tickets screen. DeskRowSlots
 * shows a model through slots instead: slot n holds the model's item n, and when the
 * model changes, the slots change their item (DeskRowSlot:item, notified) while the view
 * sees only the rows added or removed at the end. The cells listen to their slot and
 * change their labels' text only. Positions are the model's positions; a long list's
 * rows reach the view a screenful at a time (desk_row_slots_fit ()), and a page that
 * selects a position has the view told of it first (desk_row_slots_show_position ()). */

struct _DeskRowSlot
{
  GObject  parent_instance;

  GObject *item;   /* owned, nullable */
};

enum {
  SLOT_PROP_0,
  SLOT_PROP_ITEM,
  SLOT_N_PROPS
};

static GParamSpec *slot_properties[SLOT_N_PROPS];

G_DEFINE_FINAL_TYPE (DeskRowSlot, desk_row_slot, G_TYPE_OBJECT)

static void
desk_row_slot_dispose (GObject *object)
{
  g_clear_object (&DESK_ROW_SLOT (object)->item);

  G_OBJECT_CLASS (desk_row_slot_parent_class)->dispose (object);
}

static void
desk_row_slot_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case SLOT_PROP_ITEM:
      g_value_set_object (value, DESK_ROW_SLOT (object)->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_row_slot_class_init (DeskRowSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_row_slot_dispose;
  object_class->get_property = desk_row_slot_get_property;

  /* The model's item at the slot's position; %NULL once the row is gone. */
  slot_properties[SLOT_PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);
}

static void
desk_row_slot_init (DeskRowSlot *self)
{
}

/* The old item lives until the slot's listeners have let go of it. */
static void
slot_set_item (DeskRowSlot *self,
               GObject     *item)
{
  g_autoptr(GObject) old = NULL;

  if (self->item == item)
    return;

  old = g_steal_pointer (&self->item);
  self->item = item != NULL ? g_object_ref (item) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_ITEM]);
}

/**
 * desk_row_slot_get_item:
 * @self: (nullable): a slot, or %NULL (no row selected, an unbound list item)
 *
 * Returns: (transfer none) (nullable): what the slot shows
 */
gpointer
desk_row_slot_get_item (DeskRowSlot *self)
{
  g_return_val_if_fail (self == NULL || DESK_IS_ROW_SLOT (self), NULL);

  return self != NULL ? self->item : NULL;
}

/* Returns: (transfer none) (nullable): what the row of @item shows now */
gpointer
desk_row_slots_item_of (GtkListItem *item)
{
  return desk_row_slot_get_item (gtk_list_item_get_item (item));
}

/* --- The slots ---------------------------------------------------------------------------- */

/* A list that grows by more than a screenful at once shows a screenful at once and the
 * rest a screenful at a time after each frame: GTK 4.8's list views build and measure a
 * row for every item they are given, up to 200, whether it is in view or not, so the
 * first rows of a screen, or those a cleared search brings back, waited for all of them.
 * A screenful is ROWS_AT_ONCE until the page says how many rows its view holds. */
#define ROWS_AT_ONCE 32

/* The lowest a row of a list is; the window's header bar is higher than what is left
 * out of a window's height when the list's own height is not known yet. */
#define MIN_ROW_HEIGHT 32
#define MIN_CHROME_HEIGHT 46

struct _DeskRowSlots
{
  GObject     parent_instance;

  GListModel *model;        /* owned */
  GPtrArray  *slots;        /* owned, of owned DeskRowSlot, as many as the model's items */
  guint       n_shown;      /* the first slots, those the view has been told of */
  guint       screenful;    /* rows told of at once */
  guint       more_source;  /* shows the next rows after a frame */
};

static GType
desk_row_slots_get_item_type (GListModel *list)
{
  return DESK_TYPE_ROW_SLOT;
}

static guint
desk_row_slots_get_n_items (GListModel *list)
{
  return DESK_ROW_SLOTS (list)->n_shown;
}

static gpointer
desk_row_slots_get_item (GListModel *list,
                         guint       position)
{
  DeskRowSlots *self = DESK_ROW_SLOTS (list);

  if (position >= self->n_shown)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
desk_row_slots_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = desk_row_slots_get_item_type;
  iface->get_n_items = desk_row_slots_get_n_items;
  iface->get_item = desk_row_slots_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskRowSlots, desk_row_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      desk_row_slots_list_model_init))

/* Tells the view of the slots up to @n_shown. */
static void
show_slots (DeskRowSlots *self,
            guint         n_shown)
{
  guint before = self->n_shown;

  self->n_shown = n_shown;
  if (n_shown > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, n_shown - before);
  else if (n_shown < before)
    g_list_model_items_changed (G_LIST_MODEL (self), n_shown, before - n_shown, 0);
}

static gboolean show_more_cb (gpointer user_data);

/* Shows up to a screenful more slots, and the next ones after the coming frame. */
static void
show_more (DeskRowSlots *self)
{
  guint n = MIN (self->slots->len, self->n_shown + self->screenful);

  if (n < self->slots->len && self->more_source == 0)
    self->more_source = g_idle_add_full (G_PRIORITY_LOW, show_more_cb, self, NULL);
  else if (n == self->slots->len)
    g_clear_handle_id (&self->more_source, g_source_remove);

  show_slots (self, n);
}

/* At a low priority, so that the frame with the rows shown so far is drawn first. */
static gboolean
show_more_cb (gpointer user_data)
{
  DeskRowSlots *self = user_data;

  self->more_source = 0;
  show_more (self);

  return G_SOURCE_REMOVE;
}

static void
model_items_changed_cb (GListModel   *model,
                        guint         position,
                        guint         removed,
                        guint         added,
                        DeskRowSlots *self)
{
  guint old_n = self->slots->len;
  guint new_n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) gone = NULL;

  /* The slots before @position show what they showed; from there on, each slot takes
   * the item now at its position. */
  for (guint i = position; i < MIN (old_n, new_n); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      slot_set_item (g_ptr_array_index (self->slots, i), item);
    }

  if (new_n > old_n)
    {
      for (guint i = old_n; i < new_n; i++)
        {
          DeskRowSlot *slot = g_object_new (DESK_TYPE_ROW_SLOT, NULL);

          slot->item = g_list_model_get_item (model, i);
          g_ptr_array_add (self->slots, slot);
        }
      show_more (self);
    }
  else if (new_n < old_n)
    {
      /* The view lets go of the rows first; then the slots let go of their items. */
      gone = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = new_n; i < old_n; i++)
        g_ptr_array_add (gone, g_object_ref (g_ptr_array_index (self->slots, i)));
      g_ptr_array_set_size (self->slots, new_n);
      if (self->n_shown > new_n)
        show_slots (self, new_n);
      else
        show_more (self);
      /* Only a slot someone still holds has anyone to tell: a narrowed list of 2,000
       * items lets go of most slots without a word. */
      for (guint i = 0; i < gone->len; i++)
        {
          DeskRowSlot *slot = g_ptr_array_index (gone, i);

          if (g_atomic_int_get (&G_OBJECT (slot)->ref_count) > 1)
            slot_set_item (slot, NULL);
        }
    }
}

static void
desk_row_slots_dispose (GObject *object)
{
  DeskRowSlots *self = DESK_ROW_SLOTS (object);

  g_clear_handle_id (&self->more_source, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->slots, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_row_slots_parent_class)->dispose (object);
}

static void
desk_row_slots_class_init (DeskRowSlotsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = desk_row_slots_dispose;
}

static void
desk_row_slots_init (DeskRowSlots *self)
{
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
  self->screenful = ROWS_AT_ONCE;
}

/**
 * desk_row_slots_new:
 * @model: the model to show
 *
 * Returns: (transfer full): a model of #DeskRowSlot, one for each item of @model
 */
DeskRowSlots *
desk_row_slots_new (GListModel *model)
{
  DeskRowSlots *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (DESK_TYPE_ROW_SLOTS, NULL);
  self->model = g_object_ref (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
  model_items_changed_cb (model, 0, 0, g_list_model_get_n_items (model), self);

  return self;
}

/**
 * desk_row_slots_show_position:
 * @self: a #DeskRowSlots
 * @position: a position of the model, or %GTK_INVALID_LIST_POSITION
 *
 * Tells the view at once of the slots up to @position, if they are still to come, before
 * @position is selected: the rest still follow a screenful after each frame.
 */
void
desk_row_slots_show_position (DeskRowSlots *self,
                              guint         position)
{
  g_return_if_fail (DESK_IS_ROW_SLOTS (self));

  if (position >= self->n_shown && position < self->slots->len)
    show_slots (self, position + 1);
}

/* The tallest the list can be before it is laid out: its window's height, or the tallest
 * screen's when the window opens maximized. */
static int
expected_height (GtkWidget *view)
{
  GtkRoot *root = gtk_widget_get_root (view);
  GListModel *monitors;
  int width, height = 0;

  if (!GTK_IS_WINDOW (root))
    return 0;

  if (!gtk_window_is_maximized (GTK_WINDOW (root)) &&
      !gtk_window_is_fullscreen (GTK_WINDOW (root)))
    {
      /* GTK 4.8 needs both. */
      gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
      return height > 0 ? height - MIN_CHROME_HEIGHT : 0;
    }

  monitors = gdk_display_get_monitors (gtk_widget_get_display (view));
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }

  return height;
}

/**
 * desk_row_slots_fit:
 * @self: a #DeskRowSlots
 * @view: the list view showing @self
 *
 * Makes a screenful as many rows as @view holds: from its height once it is laid out,
 * from its window's before. Call it when @view is in its window and when its height
 * changes.
 */
void
desk_row_slots_fit (DeskRowSlots *self,
                    GtkWidget    *view)
{
  int height;

  g_return_if_fail (DESK_IS_ROW_SLOTS (self));
  g_return_if_fail (GTK_IS_WIDGET (view));

  height = gtk_widget_get_height (view);
  if (height <= 0)
    height = expected_height (view);
  if (height > 0)
    self->screenful = height / MIN_ROW_HEIGHT + 1;
}

/* A row taken out of the list is freed after the frame that no longer shows it rather
 * than during it: a keystroke that narrows a list to a few records frees a screenful of
 * rows, and GTK 4.8's list views keep up to 200 rows, so that was most of its work. The
 * row's parent is gone at once, as GTK does it, and its widgets are let go of at once too
 * (GTK tears a row down when it leaves the window); only their last references wait, for
 * an idle moment after drawing. */
static GPtrArray *rows_to_free;

static gboolean
free_rows_cb (gpointer user_data)
{
  g_clear_pointer (&rows_to_free, g_ptr_array_unref);

  return G_SOURCE_REMOVE;
}

static void
parent_cb (GtkWidget *widget)
{
  if (gtk_widget_get_parent (widget) != NULL)
    return;

  g_signal_handlers_disconnect_by_func (widget, parent_cb, NULL);
  if (rows_to_free == NULL)
    {
      rows_to_free = g_ptr_array_new_with_free_func (g_object_unref);
      g_idle_add_full (G_PRIORITY_LOW, free_rows_cb, NULL, NULL);
    }
  g_ptr_array_add (rows_to_free, widget);
}

/* Holds @widget until the idle moment after it leaves its parent. */
static void
hold (GtkWidget *widget)
{
  if (widget != NULL)
    g_signal_connect (g_object_ref (widget), "notify::parent", G_CALLBACK (parent_cb), NULL);
}

/**
 * desk_row_slots_free_row_after_frame:
 * @item: a list item of a view showing slots, bound, with its child
 *
 * Holds @item's child and the list's row around it (once per @item) until the frame
 * after the one that no longer shows them.
 */
void
desk_row_slots_free_row_after_frame (GtkListItem *item)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  if (g_object_get_data (G_OBJECT (item), "row-held") != NULL)
    return;

  child = gtk_list_item_get_child (item);
  g_object_set_data (G_OBJECT (item), "row-held", GINT_TO_POINTER (TRUE));
  hold (child != NULL ? gtk_widget_get_parent (child) : NULL);
  hold (child);
}
