/* test-intake-touch.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "desk-sandbox.h"
#include "desk-test-utils.h"
#include "intake/desk-intake-device.h"
#include "intake/desk-intake-page.h"
#include "signature/desk-hand-to-customer.h"

/* The intake by touch alone: every control a finger aims at, on the form with two devices,
 * chosen repairs and parts, and on Hand to Customer, is at least 44 px high. And the rows
 * of pre-conditions and accessories, built after a device's first frame, show what was
 * chosen before they were there. */

#define WAIT_MS 15000

typedef struct
{
  DeskSandbox    *sandbox;
  DeskApiClient  *client;
  DeskCatalog    *catalog;
  GSettings      *settings;
  DeskContext    *context;
  GtkWindow      *window;
  DeskIntakePage *page;
} Fixture;

static const DeskCatalogKind kinds[] = {
  DESK_CATALOG_DEVICES, DESK_CATALOG_PROBLEMS, DESK_CATALOG_STATUSES, DESK_CATALOG_EMPLOYEES,
  DESK_CATALOG_TAX_CLASSES, DESK_CATALOG_SUPPLIES, DESK_CATALOG_TASK_TYPES, DESK_CATALOG_PARTS,
};

static gboolean
catalog_loaded (gpointer data)
{
  Fixture *fixture = data;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (!desk_catalog_is_loaded (fixture->catalog, kinds[i]))
      return FALSE;

  return TRUE;
}

static gboolean
page_mapped (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->page)) &&
         g_list_model_get_n_items (desk_intake_page_get_devices (fixture->page)) > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX,
                                   "seed", 7, "n-customers", 20, "n-tickets", 10,
                                   "n-invoices", 2, "rate-limit", 0, NULL);
  desk_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  fixture->catalog = desk_catalog_new (fixture->client);
  fixture->settings = g_settings_new ("io.frontdesk.FrontDesk");
  fixture->context = desk_context_new_for_client (fixture->settings, fixture->client,
                                                  fixture->catalog);
  fixture->page = DESK_INTAKE_PAGE (desk_intake_page_new (fixture->context));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 900);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);

  g_assert_true (desk_test_wait_for (catalog_loaded, fixture, WAIT_MS));
  g_assert_true (desk_test_wait_for (page_mapped, fixture, WAIT_MS));
  desk_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  desk_test_iterate (50);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

/* --- Helpers ------------------------------------------------------------------------------- */

#define MIN_TARGET 44

static DeskIntakeDevice *
device_section (Fixture *fixture,
                guint    position)
{
  g_autoptr(DeskIntakeDevice) device =
    g_list_model_get_item (desk_intake_page_get_devices (fixture->page), position);

  g_assert_nonnull (device);
  return device;
}

static gpointer
first_item (DeskCatalog     *catalog,
            DeskCatalogKind  kind)
{
  GListModel *model = desk_catalog_get_model (catalog, kind);

  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  return g_list_model_get_item (model, 0);
}

static const char *
describe (GtkWidget *widget)
{
  static char text[256];
  const char *label = NULL;

  if (GTK_IS_BUTTON (widget))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget))
    label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    label = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

  for (GtkWidget *w = gtk_widget_get_parent (widget); label == NULL && w != NULL;
       w = gtk_widget_get_parent (w))
    if (ADW_IS_PREFERENCES_ROW (w))
      label = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w));

  g_snprintf (text, sizeof text, "%s “%s” (%s) in %s", G_OBJECT_TYPE_NAME (widget),
              label != NULL ? label : "",
              gtk_widget_get_tooltip_text (widget) != NULL ? gtk_widget_get_tooltip_text (widget) : "",
              G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
  return text;
}

/* What a finger aims at: buttons of every kind, check buttons, switches, drop-downs, spin
 * buttons, entries and the rows that hold an entry or a choice. The parts GTK builds inside
 * them (a menu button's own toggle, a spin button's arrows, an entry row's text) go with
 * them. */
static gboolean
is_target (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) ||
         GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_ENTRY (widget) ||
         ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget) ||
         (ADW_IS_ACTION_ROW (widget) &&
          adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget)) != NULL);
}

/* The height a finger can hit: the border box, padding and border included. */
static int
target_height (GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, widget, &bounds));
  return (int) floorf (graphene_rect_get_height (&bounds));
}

static void
collect_small (GtkWidget *widget,
               GString   *small,
               guint     *n_targets)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;

      if (is_target (child))
        {
          (*n_targets)++;
          if (target_height (child) < MIN_TARGET)
            {
              g_test_message ("%s: %d px high", describe (child), target_height (child));
              g_string_append_printf (small, " %s", describe (child));
            }
          /* What GTK builds inside a control is part of the same target. */
          if (!ADW_IS_PREFERENCES_ROW (child))
            continue;
        }

      collect_small (child, small, n_targets);
    }
}

static void
assert_targets (GtkWidget *widget,
                guint      at_least)
{
  g_autoptr(GString) small = g_string_new (NULL);
  guint n_targets = 0;

  collect_small (widget, small, &n_targets);
  g_test_message ("%u targets", n_targets);
  g_assert_cmpuint (n_targets, >=, at_least);
  if (small->len > 0)
    g_error ("targets under %d px high:%s", MIN_TARGET, small->str);
}

/* --- Tests --------------------------------------------------------------------------------- */

static void
test_form_targets (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DeskProblem) problem = first_item (fixture->catalog, DESK_CATALOG_PROBLEMS);
  g_autoptr(DeskPart) part = first_item (fixture->catalog, DESK_CATALOG_PARTS);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.add-device", NULL);
  for (guint i = 0; i < 2; i++)
    {
      DeskIntakeDevice *device = device_section (fixture, i);

      desk_intake_device_add_problem (device, problem);
      desk_intake_device_add_part (device, part);
    }
  desk_test_iterate (100);

  g_free (desk_test_save_screenshot (GTK_WIDGET (fixture->page), "intake-touch"));
  /* Two devices' fields, conditions and accessories, and the job: well over a hundred. */
  assert_targets (GTK_WIDGET (fixture->window), 100);
}

static gboolean
hand_to_customer_mapped (gpointer data)
{
  GtkWindow *window = desk_test_find_window (DESK_TYPE_HAND_TO_CUSTOMER);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         gtk_widget_get_width (GTK_WIDGET (window)) > 0;
}

static void
test_hand_to_customer_targets (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWindow *window;

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.hand-to-customer", NULL);
  g_assert_true (desk_test_wait_for (hand_to_customer_mapped, NULL, WAIT_MS));
  desk_test_iterate (100);
  window = desk_test_find_window (DESK_TYPE_HAND_TO_CUSTOMER);

  assert_targets (GTK_WIDGET (window), 3);
  gtk_window_destroy (window);
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_row (child, title)) != NULL)
        return found;
    }

  return NULL;
}

/* The toggle button labelled @label in @row, or its check button when @label is NULL. */
static GtkWidget *
find_control (GtkWidget  *widget,
              const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (label == NULL && GTK_IS_CHECK_BUTTON (child))
        return child;
      if (label != NULL && GTK_IS_TOGGLE_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_control (child, label)) != NULL)
        return found;
    }

  return NULL;
}

static int
condition_result (DeskIntakeDevice *device,
                  const char       *name)
{
  g_autoptr(DeskTicketDevice) line = desk_intake_device_get_device (device);
  GListModel *conditions = desk_ticket_device_get_pre_conditions (line);

  for (guint i = 0; i < g_list_model_get_n_items (conditions); i++)
    {
      g_autoptr(DeskCondition) condition = g_list_model_get_item (conditions, i);

      if (g_strcmp0 (desk_condition_get_name (condition), name) == 0)
        return desk_condition_get_result (condition) ? 1 : 0;
    }

  return -1;
}

static gboolean
supplied (DeskIntakeDevice *device,
          const char       *name)
{
  g_autoptr(DeskTicketDevice) line = desk_intake_device_get_device (device);
  GListModel *items = desk_ticket_device_get_supplied (line);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(DeskCondition) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (desk_condition_get_name (item), name) == 0)
        return desk_condition_get_result (item);
    }

  return FALSE;
}

typedef struct
{
  GtkWidget *device;
  const char *title;
} RowWait;

static gboolean
row_there (gpointer data)
{
  RowWait *wait = data;

  return find_row (wait->device, wait->title) != NULL;
}

static void
test_conditions_before_rows (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(DeskIntakePage) page = g_object_ref_sink (DESK_INTAKE_PAGE (desk_intake_page_new (fixture->context)));
  g_autoptr(DeskIntakeDevice) device =
    g_list_model_get_item (desk_intake_page_get_devices (page), 0);
  GtkWindow *window;
  RowWait wait = { GTK_WIDGET (device), "Laptop Bag" };
  GtkWidget *screen, *charger;

  /* Chosen on a page never shown, as a draft being restored does: no rows yet. */
  g_assert_nonnull (device);
  g_assert_null (find_row (GTK_WIDGET (device), "Screen"));
  desk_intake_device_set_condition (device, "Screen", 0);
  desk_intake_device_set_condition (device, "Powers On", 1);
  desk_intake_device_set_condition (device, "No Such Condition", 1);
  desk_intake_device_set_supplied (device, "Charger", TRUE);
  g_assert_cmpint (condition_result (device, "Screen"), ==, 0);
  g_assert_cmpint (condition_result (device, "Powers On"), ==, 1);
  g_assert_cmpint (condition_result (device, "No Such Condition"), ==, -1);
  g_assert_true (supplied (device, "Charger"));
  g_assert_false (desk_intake_device_get_conditions_complete (device));

  /* Shown: the rows come with the first frames, and show those choices. */
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 900);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  g_assert_true (desk_test_wait_for (row_there, &wait, WAIT_MS));

  screen = find_row (GTK_WIDGET (device), "Screen");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_control (screen, "Broken"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_control (screen, "Not Tested"))));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_control (find_row (GTK_WIDGET (device), "Powers On"), "Works"))));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_control (find_row (GTK_WIDGET (device), "Touch"), "Not Tested"))));
  charger = find_control (find_row (GTK_WIDGET (device), "Charger"), NULL);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (charger)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_control (find_row (GTK_WIDGET (device), "Case"), NULL))));

  /* And by touch from then on. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_control (screen, "Works")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (charger), FALSE);
  g_assert_cmpint (condition_result (device, "Screen"), ==, 1);
  g_assert_false (supplied (device, "Charger"));

  gtk_window_destroy (window);
  desk_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add ("/intake-touch/form", Fixture, NULL, fixture_set_up,
              test_form_targets, fixture_tear_down);
  g_test_add ("/intake-touch/hand-to-customer", Fixture, NULL, fixture_set_up,
              test_hand_to_customer_targets, fixture_tear_down);
  g_test_add ("/intake-touch/conditions-before-rows", Fixture, NULL, fixture_set_up,
              test_conditions_before_rows, fixture_tear_down);

  return g_test_run ();
}
