/* desk-table-row.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-table-row"

#include "config.h"

#include "desk-table-row.h"

/* One row of a table drawn as a list: its cells side by side, each in a column of a width
 * fixed beforehand, or an equal share of what the fixed ones leave. Every row of a list
 * and the titles above it lay their cells out alike, so the columns line up without the
 * rows measuring each other.
 *
 * A list view with one such row per item builds two widgets a row fewer per cell than a
 * column view, whose every cell is a list item widget of its own with its own controllers
 * and shortcuts. */

struct _DeskTableRow
{
  GtkWidget  parent_instance;

  int       *widths;             /* one per column: fixed, or -1 for a share */
  guint      n_columns;
  int        shared_min_width;   /* the least a shared column is given */
};

G_DEFINE_FINAL_TYPE (DeskTableRow, desk_table_row, GTK_TYPE_WIDGET)

/* Fills @out (n_columns of them) with the columns' widths in a row @width wide. */
static void
column_widths (DeskTableRow *self,
               int           width,
               int          *out)
{
  int fixed = 0;
  guint n_shared = 0;
  int left;

  for (guint i = 0; i < self->n_columns; i++)
    {
      if (self->widths[i] >= 0)
        fixed += self->widths[i];
      else
        n_shared++;
    }

  left = MAX (width - fixed, 0);
  for (guint i = 0; i < self->n_columns; i++)
    {
      if (self->widths[i] >= 0)
        {
          out[i] = self->widths[i];
          continue;
        }

      /* The last shared column takes what the division leaves over. */
      out[i] = n_shared > 1 ? left / (int) n_shared : left;
      left -= out[i];
      n_shared--;
    }
}

static int
min_width (DeskTableRow *self)
{
  int width = 0;

  for (guint i = 0; i < self->n_columns; i++)
    width += self->widths[i] >= 0 ? self->widths[i] : self->shared_min_width;

  return width;
}

static void
desk_table_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  DeskTableRow *self = DESK_TABLE_ROW (widget);
  g_autofree int *widths = NULL;
  guint i = 0;

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = min_width (self);
      return;
    }

  widths = g_new (int, self->n_columns);
  column_widths (self, for_size >= 0 ? for_size : min_width (self), widths);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && i < self->n_columns;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, widths[i],
                          &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
desk_table_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  DeskTableRow *self = DESK_TABLE_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  g_autofree int *widths = g_new (int, self->n_columns);
  int x = 0;
  guint i = 0;

  column_widths (self, width, widths);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && i < self->n_columns;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      GtkAllocation allocation = { rtl ? width - x - widths[i] : x, 0, widths[i], height };

      if (gtk_widget_should_layout (child))
        gtk_widget_size_allocate (child, &allocation, -1);
      x += widths[i];
    }
}

static void
desk_table_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (desk_table_row_parent_class)->dispose (object);
}

static void
desk_table_row_finalize (GObject *object)
{
  g_free (DESK_TABLE_ROW (object)->widths);

  G_OBJECT_CLASS (desk_table_row_parent_class)->finalize (object);
}

static void
desk_table_row_class_init (DeskTableRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_table_row_dispose;
  object_class->finalize = desk_table_row_finalize;
  widget_class->measure = desk_table_row_measure;
  widget_class->size_allocate = desk_table_row_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "tablerow");
}

static void
desk_table_row_init (DeskTableRow *self)
{
}

/**
 * desk_table_row_new:
 * @widths: (array length=n_columns): each column's width in pixels, or -1 for an equal
 *   share of what the fixed columns leave
 * @n_columns: how many columns
 * @shared_min_width: the least a shared column is given
 *
 * Returns: (transfer floating): a row without cells; desk_table_row_append () adds them,
 *   one a column, in order
 */
GtkWidget *
desk_table_row_new (const int *widths,
                    guint      n_columns,
                    int        shared_min_width)
{
  DeskTableRow *self;

  g_return_val_if_fail (widths != NULL && n_columns > 0, NULL);

  self = g_object_new (DESK_TYPE_TABLE_ROW, NULL);
  self->widths = g_memdup2 (widths, n_columns * sizeof (int));
  self->n_columns = n_columns;
  self->shared_min_width = MAX (shared_min_width, 0);

  return GTK_WIDGET (self);
}

/**
 * desk_table_row_append:
 * @self: a #DeskTableRow
 * @cell: the widget of the next column
 *
 * A cell is given its column's whole width and the row's height; its own alignment and
 * margins place it within them. It should not need more than its column's width: a
 * label ellipsizes.
 */
void
desk_table_row_append (DeskTableRow *self,
                       GtkWidget    *cell)
{
  g_return_if_fail (DESK_IS_TABLE_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (cell));

  gtk_widget_insert_before (cell, GTK_WIDGET (self), NULL);
}
