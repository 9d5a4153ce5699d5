/* test-table-row.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-table-row.h"
#include "desk-test-utils.h"

#define WAIT_MS 10000

/* Order 80 px, a shared name, status 150 px, a shared device. */
static const int widths[] = { 80, -1, 150, -1 };

static GtkWidget *
new_row (const char * const *texts)
{
  GtkWidget *row = desk_table_row_new (widths, G_N_ELEMENTS (widths), 80);

  for (guint i = 0; texts[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (texts[i]);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      desk_table_row_append (DESK_TABLE_ROW (row), label);
    }

  return row;
}

static void
assert_bounds (GtkWidget *cell,
               GtkWidget *row,
               int        x,
               int        width)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (cell, row, &bounds));
  g_assert_cmpint ((int) bounds.origin.x, ==, x);
  g_assert_cmpint ((int) bounds.size.width, ==, width);
  g_assert_cmpint ((int) bounds.size.height, ==, gtk_widget_get_height (row));
}

static gboolean
laid_out (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

/* The fixed columns keep their widths whatever their text; the shared ones split what is
 * left equally, the last taking the odd pixel; rows of different texts line up; and a
 * row asks for no less than the fixed widths and the shared columns' least. */
static void
test_columns (gconstpointer data)
{
  gboolean rtl = GPOINTER_TO_INT (data);
  const char *short_texts[] = { "T-1", "Ann", "Pending", "iPhone", NULL };
  const char *long_texts[] = { "T-10999999", "Maximilian Alexander Fitzgerald-Montgomery",
                               "Waiting for inspection by the technician", "MacBook Pro", NULL };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *rows[2] = { new_row (short_texts), new_row (long_texts) };
  int minimum, natural;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_widget_set_direction (rows[i], rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      gtk_box_append (GTK_BOX (box), rows[i]);
    }
  gtk_widget_set_size_request (box, 501, -1);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 501, 100);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (desk_test_wait_for (laid_out, rows[1], WAIT_MS));
  g_assert_true (desk_test_wait_for_frames (window, 1, WAIT_MS));

  gtk_widget_measure (rows[1], GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 80 + 80 + 150 + 80);
  g_assert_cmpint (natural, ==, minimum);

  g_assert_cmpint (gtk_widget_get_width (rows[0]), ==, 501);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *order = gtk_widget_get_first_child (rows[i]);
      GtkWidget *name = gtk_widget_get_next_sibling (order);
      GtkWidget *status = gtk_widget_get_next_sibling (name);
      GtkWidget *device = gtk_widget_get_next_sibling (status);
      int shared = (501 - 80 - 150) / 2;

      /* 501 - 230 = 271: 135 for the name, 136 for the device. */
      if (rtl)
        {
          assert_bounds (order, rows[i], 501 - 80, 80);
          assert_bounds (name, rows[i], 501 - 80 - shared, shared);
          assert_bounds (status, rows[i], 501 - 80 - shared - 150, 150);
          assert_bounds (device, rows[i], 0, 271 - shared);
        }
      else
        {
          assert_bounds (order, rows[i], 0, 80);
          assert_bounds (name, rows[i], 80, shared);
          assert_bounds (status, rows[i], 80 + shared, 150);
          assert_bounds (device, rows[i], 80 + shared + 150, 271 - shared);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A hidden cell leaves its column empty: the next cells stay under their titles. */
static void
test_hidden_cell (void)
{
  const char *texts[] = { "T-1", "Ann", "Pending", "iPhone", NULL };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = new_row (texts);
  GtkWidget *name = gtk_widget_get_next_sibling (gtk_widget_get_first_child (row));
  GtkWidget *status = gtk_widget_get_next_sibling (name);

  gtk_widget_set_visible (name, FALSE);
  gtk_widget_set_size_request (row, 400, -1);
  gtk_window_set_child (GTK_WINDOW (window), row);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (desk_test_wait_for (laid_out, row, WAIT_MS));
  g_assert_true (desk_test_wait_for_frames (window, 1, WAIT_MS));

  assert_bounds (status, row, 80 + (400 - 230) / 2, 150);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add_data_func ("/table-row/columns", GINT_TO_POINTER (FALSE), test_columns);
  g_test_add_data_func ("/table-row/columns-rtl", GINT_TO_POINTER (TRUE), test_columns);
  g_test_add_func ("/table-row/hidden-cell", test_hidden_cell);

  return g_test_run ();
}
