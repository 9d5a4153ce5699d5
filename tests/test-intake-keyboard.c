/* test-intake-keyboard.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-sandbox.h"
#include "desk-test-utils.h"
#include "intake/desk-intake-device.h"
#include "intake/desk-intake-page.h"

/* The intake by keyboard alone: Enter in a field moves on to the next one, Tab goes down the
 * form in the order it reads, Ctrl+Enter creates, and every field has a mnemonic. */

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

static DeskIntakeDevice *
device_section (Fixture *fixture,
                guint    position)
{
  g_autoptr(DeskIntakeDevice) device =
    g_list_model_get_item (desk_intake_page_get_devices (fixture->page), position);

  g_assert_nonnull (device);
  return device;
}

/* The row titled @title (its mnemonic included) under @widget. */
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

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_type (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if ((GTK_IS_BUTTON (child) &&
           g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0) ||
          (GTK_IS_MENU_BUTTON (child) &&
           g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (child)), label) == 0))
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
focus_widget (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static gboolean
focus_within (Fixture   *fixture,
              GtkWidget *widget)
{
  GtkWidget *focus = focus_widget (fixture);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static const char *
describe (GtkWidget *widget)
{
  static char text[256];

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_PREFERENCES_ROW (w))
      {
        g_snprintf (text, sizeof text, "%s in row “%s”", G_OBJECT_TYPE_NAME (widget),
                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)));
        return text;
      }
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    g_snprintf (text, sizeof text, "%s “%s”", G_OBJECT_TYPE_NAME (widget),
                gtk_button_get_label (GTK_BUTTON (widget)));
  else
    g_snprintf (text, sizeof text, "%s", widget != NULL ? G_OBJECT_TYPE_NAME (widget) : "nothing");
  return text;
}

/* Puts the focus in @field, presses Enter there and checks the focus is then in @next. */
static void
assert_enter_moves (Fixture   *fixture,
                    GtkWidget *field,
                    GtkWidget *next)
{
  g_assert_nonnull (field);
  g_assert_nonnull (next);
  g_assert_true (gtk_widget_grab_focus (field));
  g_assert_true (focus_within (fixture, field));

  g_signal_emit_by_name (field, "entry-activated");
  desk_test_iterate (10);

  if (!focus_within (fixture, next))
    g_error ("Enter in “%s” moved the focus to %s",
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field)),
             describe (focus_widget (fixture)));
}

/* --- Enter moves on ------------------------------------------------------------------------ */

static void
test_enter_moves_on (Fixture       *fixture,
                     gconstpointer  data)
{
  DeskIntakeDevice *device = device_section (fixture, 0);
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *d = GTK_WIDGET (device);
#define FIELD(name) GTK_WIDGET (desk_intake_device_get_field (device, name))

  assert_enter_moves (fixture, FIELD ("imei"), FIELD ("serial"));
  assert_enter_moves (fixture, FIELD ("serial"), FIELD ("network"));
  assert_enter_moves (fixture, FIELD ("network"), FIELD ("security-code"));
  /* Past the passcode's reveal button, to the pattern lock. */
  assert_enter_moves (fixture, FIELD ("security-code"), find_row (d, "Pattern _Lock"));
  assert_enter_moves (fixture, FIELD ("location"), find_button (d, "Add _Problem"));
  assert_enter_moves (fixture, FIELD ("price"), FIELD ("line-discount"));
  assert_enter_moves (fixture, FIELD ("line-discount"), find_row (d, "Ta_x"));
  assert_enter_moves (fixture, find_row (page, "Sta_ff Comments"),
                      find_row (page, "Comments for the Cus_tomer"));
  assert_enter_moves (fixture, find_row (page, "Comments for the Cus_tomer"),
                      find_button (page, "_Hand to Customer…"));
#undef FIELD
}

/* --- Tab order ----------------------------------------------------------------------------- */

/* Where @widget is down the form: inside the scrolled form, its centre in the form's own
 * coordinates; below it (the action bar), after all of the form. */
static double
position_down (Fixture   *fixture,
               GtkWidget *form,
               GtkWidget *widget)
{
  graphene_point_t centre = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                                                 gtk_widget_get_height (widget) / 2.f);
  graphene_point_t point;

  if (gtk_widget_is_ancestor (widget, form))
    {
      g_assert_true (gtk_widget_compute_point (widget, form, &centre, &point));
      return point.y;
    }

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (fixture->page), &centre, &point));
  return gtk_widget_get_height (form) + point.y;
}

static void
test_tab_order (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *form = NULL;
  GtkWidget *page = GTK_WIDGET (fixture->page);
  DeskIntakeDevice *first, *second;
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  GtkWidget *start;
  double previous = -1;
  guint at = 0;
  GtkWidget *expected[32];
  guint n_expected = 0;

  gtk_widget_activate_action (page, "intake.add-device", NULL);
  desk_test_iterate (50);
  first = device_section (fixture, 0);
  second = device_section (fixture, 1);

  form = find_type (page, ADW_TYPE_CLAMP);
  g_assert_nonnull (form);

  /* Tab from nothing round the whole window, back to where it started. */
  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  start = focus_widget (fixture);
  g_assert_nonnull (start);

  for (guint i = 0; i < 400; i++)
    {
      g_ptr_array_add (chain, focus_widget (fixture));
      if (!gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD) ||
          focus_widget (fixture) == start)
        break;
      g_assert_cmpuint (i, <, 399);
    }

  /* Down the form and never back up. */
  for (guint i = 0; i < chain->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (chain, i);
      double y = position_down (fixture, form, widget);

      g_test_message ("Tab %u: %s", i, describe (widget));

      if (y + 2 < previous)
        g_error ("Tab goes back up to %s (%.0f px, after %.0f px)", describe (widget), y, previous);
      previous = MAX (previous, y);

      /* A row stops Tab only when it does something: it activates its control, or it is a
       * chosen repair whose name the remove button beside it needs. Rows that only hold
       * buttons (each pre-condition's three answers) or a message let Tab go past. */
      if (ADW_IS_ACTION_ROW (widget) && !ADW_IS_COMBO_ROW (widget) &&
          adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget)) == NULL &&
          g_object_get_data (G_OBJECT (widget), "item") == NULL)
        g_error ("Tab stops on %s, which does nothing", describe (widget));
    }

  /* The fields come in the order they are read, the first device's before the second's. */
  expected[n_expected++] = GTK_WIDGET (find_type (page, GTK_TYPE_SEARCH_ENTRY));
  for (guint k = 0; k < 2; k++)
    {
      DeskIntakeDevice *device = k == 0 ? first : second;

      expected[n_expected++] = GTK_WIDGET (desk_intake_device_get_field (device, "imei"));
      expected[n_expected++] = GTK_WIDGET (desk_intake_device_get_field (device, "serial"));
      expected[n_expected++] = GTK_WIDGET (desk_intake_device_get_field (device, "network"));
      expected[n_expected++] = GTK_WIDGET (desk_intake_device_get_field (device, "security-code"));
      expected[n_expected++] = GTK_WIDGET (desk_intake_device_get_field (device, "location"));
      expected[n_expected++] = find_button (GTK_WIDGET (device), "Add _Problem");
      expected[n_expected++] = GTK_WIDGET (desk_intake_device_get_field (device, "price"));
      expected[n_expected++] = GTK_WIDGET (desk_intake_device_get_field (device, "line-discount"));
      expected[n_expected++] = find_row (GTK_WIDGET (device), "Ta_x");
    }
  expected[n_expected++] = find_row (page, "_Status");
  expected[n_expected++] = find_row (page, "Sta_ff Comments");
  expected[n_expected++] = find_row (page, "Comments for the Cus_tomer");
  expected[n_expected++] = find_button (page, "_Hand to Customer…");
  expected[n_expected++] = find_button (page, "St_art Over");

  for (guint i = 0; i < chain->len && at < n_expected; i++)
    {
      GtkWidget *widget = g_ptr_array_index (chain, i);

      g_assert_nonnull (expected[at]);
      if (widget == expected[at] || gtk_widget_is_ancestor (widget, expected[at]))
        at++;
    }
  if (at < n_expected)
    g_error ("Tab never reaches %s in its turn", describe (expected[at]));
}

/* --- Ctrl+Enter ---------------------------------------------------------------------------- */

static void
test_ctrl_enter_creates (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->page));
  g_autoptr(GtkShortcutTrigger) ctrl_return = gtk_shortcut_trigger_parse_string ("<Control>Return");
  g_autoptr(GtkShortcutTrigger) ctrl_kp_enter = gtk_shortcut_trigger_parse_string ("<Control>KP_Enter");
  gboolean found_return = FALSE, found_kp_enter = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (!GTK_IS_NAMED_ACTION (action) ||
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                         "intake.create") != 0)
            continue;
          found_return |= gtk_shortcut_trigger_equal (trigger, ctrl_return);
          found_kp_enter |= gtk_shortcut_trigger_equal (trigger, ctrl_kp_enter);
        }
    }

  g_assert_true (found_return);
  g_assert_true (found_kp_enter);
}

/* --- Mnemonics ----------------------------------------------------------------------------- */

/* A row is a field when it takes input: an entry, a choice, or a row that activates a
 * control. Rows made from the shop's own lists (pre-conditions, accessories, chosen
 * repairs) carry names the shop typed and have none. */
static gboolean
is_field_row (GtkWidget *row)
{
  if (g_object_get_data (G_OBJECT (row), "condition") != NULL ||
      g_object_get_data (G_OBJECT (row), "supplied") != NULL)
    return FALSE;

  if (ADW_IS_ENTRY_ROW (row) || ADW_IS_COMBO_ROW (row))
    return TRUE;

  return ADW_IS_ACTION_ROW (row) && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) != NULL;
}

static gunichar
mnemonic_of (const char *text)
{
  const char *underscore = text != NULL ? strchr (text, '_') : NULL;

  if (underscore == NULL || underscore[1] == '\0')
    return 0;

  return g_unichar_tolower (g_utf8_get_char (underscore + 1));
}

/* The mnemonics under @widget, a device section's left out unless @widget is one. */
static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *letters,
                   GPtrArray  *missing,
                   GPtrArray  *duplicates)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = NULL;
      gboolean underline = FALSE;

      /* What can be seen now: not the hidden error bar, not the closed pop-overs. */
      if (!gtk_widget_get_mapped (child) || DESK_IS_INTAKE_DEVICE (child))
        continue;

      if (GTK_IS_LABEL (child) && gtk_label_get_mnemonic_widget (GTK_LABEL (child)) != NULL &&
          gtk_widget_get_ancestor (child, ADW_TYPE_PREFERENCES_ROW) == NULL &&
          gtk_widget_get_ancestor (child, GTK_TYPE_BUTTON) == NULL &&
          gtk_widget_get_ancestor (child, GTK_TYPE_MENU_BUTTON) == NULL)
        {
          text = gtk_label_get_label (GTK_LABEL (child));
          underline = gtk_label_get_use_underline (GTK_LABEL (child));
        }
      else if (ADW_IS_PREFERENCES_ROW (child) && is_field_row (child))
        {
          text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          underline = adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (child));
        }
      else if (GTK_IS_BUTTON (child) && !GTK_IS_TOGGLE_BUTTON (child) &&
               gtk_button_get_label (GTK_BUTTON (child)) != NULL &&
               gtk_widget_get_ancestor (child, ADW_TYPE_ACTION_ROW) == NULL)
        {
          text = gtk_button_get_label (GTK_BUTTON (child));
          underline = gtk_button_get_use_underline (GTK_BUTTON (child));
        }
      else if (GTK_IS_MENU_BUTTON (child) && gtk_menu_button_get_label (GTK_MENU_BUTTON (child)) != NULL &&
               gtk_widget_get_ancestor (child, ADW_TYPE_ACTION_ROW) == NULL)
        {
          text = gtk_menu_button_get_label (GTK_MENU_BUTTON (child));
          underline = gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (child));
        }

      if (text != NULL)
        {
          gunichar letter = mnemonic_of (text);

          if (!underline || letter == 0)
            g_ptr_array_add (missing, g_strdup (text));
          else if (g_hash_table_contains (letters, GUINT_TO_POINTER (letter)))
            g_ptr_array_add (duplicates, g_strdup_printf ("%s (and %s)", text,
                                                          (char *) g_hash_table_lookup (letters, GUINT_TO_POINTER (letter))));
          else
            g_hash_table_insert (letters, GUINT_TO_POINTER (letter), (gpointer) text);

          if (GTK_IS_MENU_BUTTON (child))
            continue;
        }

      collect_mnemonics (child, letters, missing, duplicates);
    }
}

static void
test_mnemonics (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GHashTable) page_letters = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) device_letters = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) duplicates = g_ptr_array_new_with_free_func (g_free);
  DeskIntakeDevice *device = device_section (fixture, 0);
  guint shared = 0;
  GHashTableIter iter;
  gpointer letter, text;

  /* The customer, the job, the signature and the action bar; then a device section. */
  collect_mnemonics (GTK_WIDGET (fixture->page), page_letters, missing, duplicates);
  collect_mnemonics (GTK_WIDGET (device), device_letters, missing, duplicates);

  for (guint i = 0; i < missing->len; i++)
    g_printerr ("no mnemonic: %s\n", (char *) g_ptr_array_index (missing, i));
  for (guint i = 0; i < duplicates->len; i++)
    g_printerr ("same mnemonic: %s\n", (char *) g_ptr_array_index (duplicates, i));

  g_assert_cmpuint (g_hash_table_size (page_letters), >=, 12);
  g_assert_cmpuint (g_hash_table_size (device_letters), >=, 12);
  g_assert_cmpuint (missing->len, ==, 0);
  /* Within the job, and within a device, each mnemonic reaches one control. */
  g_assert_cmpuint (duplicates->len, ==, 0);

  /* The two together are more controls than their words have letters: the few shared
   * between a device and the job take turns, the device's first. */
  g_hash_table_iter_init (&iter, device_letters);
  while (g_hash_table_iter_next (&iter, &letter, &text))
    if (g_hash_table_contains (page_letters, letter))
      {
        g_test_message ("shared mnemonic: %s and %s", (char *) text,
                        (char *) g_hash_table_lookup (page_letters, letter));
        shared++;
      }
  g_assert_cmpuint (shared, <=, 4);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add ("/intake-keyboard/enter-moves-on", Fixture, NULL, fixture_set_up,
              test_enter_moves_on, fixture_tear_down);
  g_test_add ("/intake-keyboard/tab-order", Fixture, NULL, fixture_set_up,
              test_tab_order, fixture_tear_down);
  g_test_add ("/intake-keyboard/ctrl-enter-creates", Fixture, NULL, fixture_set_up,
              test_ctrl_enter_creates, fixture_tear_down);
  g_test_add ("/intake-keyboard/mnemonics", Fixture, NULL, fixture_set_up,
              test_mnemonics, fixture_tear_down);

  return g_test_run ();
}
