/* test-choice-button.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-choice-button.h"
#include "desk-test-utils.h"

#define WAIT_MS 10000

typedef struct
{
  GtkWindow        *window;
  DeskChoiceButton *button;
  guint             notified;
} Fixture;

static void
selected_cb (DeskChoiceButton *button,
             GParamSpec       *pspec,
             Fixture          *fixture)
{
  fixture->notified++;
}

static const char *statuses[] = { "Any Status", "Pending", "In Progress", "Repaired", NULL };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (statuses);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  fixture->button = DESK_CHOICE_BUTTON (desk_choice_button_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (fixture->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "Status", -1);
  desk_choice_button_set_model (fixture->button, G_LIST_MODEL (model));
  g_signal_connect (fixture->button, "notify::selected", G_CALLBACK (selected_cb), fixture);

  gtk_widget_set_halign (GTK_WIDGET (fixture->button), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (fixture->button), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (fixture->button), 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->button));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 320, 360);
  gtk_window_set_child (fixture->window, box);
  gtk_window_present (fixture->window);
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->window), 1, WAIT_MS));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
}

static GtkMenuButton *
menu_button (Fixture *fixture)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->button));

  g_assert_true (GTK_IS_MENU_BUTTON (child));
  return GTK_MENU_BUTTON (child);
}

/* The text the button shows: its label's. */
static const char *
shown (Fixture *fixture)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  desk_test_find_all (gtk_widget_get_first_child (GTK_WIDGET (menu_button (fixture))),
                      GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, ==, 1);
  return gtk_label_get_label (g_ptr_array_index (labels, 0));
}

static GtkWidget *
popover (Fixture *fixture)
{
  return GTK_WIDGET (gtk_menu_button_get_popover (menu_button (fixture)));
}

static gboolean
popover_mapped (gpointer data)
{
  Fixture *fixture = data;

  return popover (fixture) != NULL && gtk_widget_get_mapped (popover (fixture));
}

static gboolean
popover_closed (gpointer data)
{
  Fixture *fixture = data;

  return !gtk_widget_get_visible (popover (fixture));
}

static void
list_rows (Fixture   *fixture,
           GPtrArray *rows)
{
  desk_test_find_all (popover (fixture), GTK_TYPE_LIST_BOX_ROW, rows);
}

/* The check mark of row @i, shown or not. */
static double
check_opacity (GPtrArray *rows,
               guint      i)
{
  GtkWidget *box = gtk_list_box_row_get_child (g_ptr_array_index (rows, i));

  return gtk_widget_get_opacity (gtk_widget_get_last_child (box));
}

/* Shows the first choice, as a drop-down does, and builds no list until it is opened. */
static void
test_choice_shown (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) popovers = g_ptr_array_new ();
  GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (menu_button (fixture)));

  g_assert_cmpuint (desk_choice_button_get_selected (fixture->button), ==, 0);
  g_assert_cmpstr (shown (fixture), ==, "Any Status");
  g_assert_null (popover (fixture));
  desk_test_find_all (GTK_WIDGET (fixture->window), GTK_TYPE_POPOVER, popovers);
  g_assert_cmpuint (popovers->len, ==, 0);

  /* The button the focus lands on is named by the choice button, and tells the choice. */
  g_assert_true (gtk_widget_get_focusable (toggle));
  g_assert_null (gtk_test_accessible_check_relation (GTK_ACCESSIBLE (toggle),
                                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                     fixture->button, NULL));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (toggle),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     "Any Status"));

  desk_choice_button_set_selected (fixture->button, 3);
  g_assert_cmpstr (shown (fixture), ==, "Repaired");
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (toggle),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     "Repaired"));
  g_assert_cmpuint (fixture->notified, ==, 1);
  /* The same choice again changes nothing. */
  desk_choice_button_set_selected (fixture->button, 3);
  g_assert_cmpuint (fixture->notified, ==, 1);
}

/* Opened, the list holds every choice with a check mark by the one made, and has the
 * focus there; a choice activated is made, notified once, and closes the list. */
static void
test_choose_from_list (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *path = NULL;
  GtkWidget *focus;

  desk_choice_button_set_selected (fixture->button, 1);
  fixture->notified = 0;
  gtk_menu_button_popup (menu_button (fixture));
  g_assert_true (desk_test_wait_for (popover_mapped, fixture, WAIT_MS));
  g_assert_true (desk_test_wait_for_frames (popover (fixture), 1, WAIT_MS));
  path = desk_test_save_screenshot (popover (fixture), "choice-button-open");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  list_rows (fixture, rows);
  g_assert_cmpuint (rows->len, ==, 4);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkAccessible *row = g_ptr_array_index (rows, i);

      g_assert_cmpfloat (check_opacity (rows, i), ==, i == 1 ? 1.0 : 0.0);
      /* Each row is named by its choice. */
      g_assert_null (gtk_test_accessible_check_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                         statuses[i]));
    }
  focus = gtk_root_get_focus (gtk_widget_get_root (g_ptr_array_index (rows, 0)));
  g_assert_true (focus == g_ptr_array_index (rows, 1));

  /* Enter or a click on a row activates it. */
  g_assert_true (gtk_widget_activate (g_ptr_array_index (rows, 2)));
  g_assert_cmpuint (desk_choice_button_get_selected (fixture->button), ==, 2);
  g_assert_cmpuint (fixture->notified, ==, 1);
  g_assert_cmpstr (shown (fixture), ==, "In Progress");
  g_assert_true (desk_test_wait_for (popover_closed, fixture, WAIT_MS));

  /* Opened again: the same list, its mark moved. */
  gtk_menu_button_popup (menu_button (fixture));
  g_assert_true (desk_test_wait_for (popover_mapped, fixture, WAIT_MS));
  g_ptr_array_set_size (rows, 0);
  list_rows (fixture, rows);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpfloat (check_opacity (rows, 2), ==, 1.0);
  g_assert_cmpfloat (check_opacity (rows, 1), ==, 0.0);
  gtk_menu_button_popdown (menu_button (fixture));
}

/* New choices start from the first; a choice that goes leaves the first; none, nothing. */
static void
test_choices_change (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *people[] = { "Anyone", "Li Wei", "Aisha Khan", NULL };
  g_autoptr(GtkStringList) model = gtk_string_list_new (people);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  /* Opened once, so the list follows the model too. */
  gtk_menu_button_popup (menu_button (fixture));
  g_assert_true (desk_test_wait_for (popover_mapped, fixture, WAIT_MS));
  gtk_menu_button_popdown (menu_button (fixture));

  desk_choice_button_set_selected (fixture->button, 3);
  desk_choice_button_set_model (fixture->button, G_LIST_MODEL (model));
  g_assert_cmpuint (desk_choice_button_get_selected (fixture->button), ==, 0);
  g_assert_cmpstr (shown (fixture), ==, "Anyone");
  list_rows (fixture, rows);
  g_assert_cmpuint (rows->len, ==, 3);

  desk_choice_button_set_selected (fixture->button, 2);
  gtk_string_list_splice (model, 1, 2, NULL);
  g_assert_cmpuint (desk_choice_button_get_selected (fixture->button), ==, 0);
  g_assert_cmpstr (shown (fixture), ==, "Anyone");

  /* New choices come unmarked; the mark stays on the choice made. */
  gtk_string_list_append (model, "Tom Becker");
  g_ptr_array_set_size (rows, 0);
  list_rows (fixture, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpfloat (check_opacity (rows, 0), ==, 1.0);
  g_assert_cmpfloat (check_opacity (rows, 1), ==, 0.0);

  /* A position past the end is no choice. */
  desk_choice_button_set_selected (fixture->button, 7);
  g_assert_cmpuint (desk_choice_button_get_selected (fixture->button), ==,
                    GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (shown (fixture), ==, "");

  desk_choice_button_set_model (fixture->button, NULL);
  g_assert_cmpuint (desk_choice_button_get_selected (fixture->button), ==,
                    GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (shown (fixture), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  /* The test AT context keeps the accessible properties and relations to check. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  desk_test_init (&argc, &argv);

  g_test_add ("/choice-button/shown", Fixture, NULL,
              fixture_set_up, test_choice_shown, fixture_tear_down);
  g_test_add ("/choice-button/choose-from-list", Fixture, NULL,
              fixture_set_up, test_choose_from_list, fixture_tear_down);
  g_test_add ("/choice-button/choices-change", Fixture, NULL,
              fixture_set_up, test_choices_change, fixture_tear_down);

  return g_test_run ();
}
