/* test-keyring.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <libsecret/secret.h>

#include "desk-context.h"
#include "desk-keyring.h"
#include "desk-test-utils.h"
#include "preferences/desk-preferences-window.h"

/* Runs under tests/with-keyring.sh: a private session bus with a real gnome-keyring. */

#define SERVER_URL "https://api.repairdesk.co/api/web/v1/"

static GtkWidget *
get_child (DeskPreferencesWindow *window,
           const char            *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                    DESK_TYPE_PREFERENCES_WINDOW, name));
}

static gboolean
has_api_key (gpointer data)
{
  return desk_context_get_has_api_key (data);
}

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The window says where the key went: any question would have come before. */
static gboolean
says_saved (gpointer data)
{
  DeskPreferencesWindow *window = data;

  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (get_child (window, "key_status_label"))),
                    "The key is saved in your keyring.") == 0;
}

/* Enters @api_key in Preferences and presses Enter, as a person would. */
static void
enter_key_in_preferences (DeskContext *context,
                          const char  *api_key)
{
  DeskPreferencesWindow *window = desk_preferences_window_new (context);
  GtkWidget *row = get_child (window, "key_row");

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (desk_test_wait_for (mapped, window, 10000));
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), api_key);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (row)), "activate");

  g_assert_true (desk_test_wait_for (has_api_key, context, 10000));
  g_assert_true (desk_test_wait_for (says_saved, window, 10000));
  g_assert_null (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (desk_context_get_api_key_session_only (context));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (get_child (window, "key_status_label"))), ==,
                   "The key is saved in your keyring.");
  g_free (desk_test_save_screenshot (GTK_WIDGET (window), "preferences-key-saved"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_not_found (const char *dir,
                  const char *needle)
{
  g_autofree char *found = NULL;

  g_assert_nonnull (dir);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  found = desk_test_find_in_files (dir, needle);
  g_assert_cmpstr (found, ==, NULL);
}

static void
test_key_only_in_keyring (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(DeskContext) context = desk_context_new (settings);
  g_autofree char *api_key = desk_test_random_secret ("fd-keyring");
  g_autofree char *isolated = g_path_get_dirname (g_get_home_dir ());
  g_autofree char *dump = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *keyring_file = g_build_filename (g_getenv ("DESK_TEST_KEYRING_HOME"), "data",
                                                    "keyrings", "login.keyring", NULL);
  g_autofree char *canary = desk_test_random_secret ("fd-canary");
  g_autofree char *canary_file = g_build_filename (g_get_user_config_dir (), "canary", NULL);
  g_autofree char *found = NULL;

  enter_key_in_preferences (context, api_key);

  /* Read back through libsecret itself, not through Front Desk's code. */
  stored = secret_password_lookup_sync (desk_keyring_get_schema (), NULL, &error,
                                        "server", SERVER_URL,
                                        NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, api_key);

  /* In clear nowhere: not in settings, not under the test's home and XDG directories, and
   * not in the keyring daemon's files either (it encrypts them). */
  dump = desk_test_dump_settings (settings);
  g_test_message ("settings: %s", dump);
  g_assert_null (strstr (dump, api_key));
  assert_not_found (isolated, api_key);
  assert_not_found (g_getenv ("DESK_TEST_KEYRING_HOME"), api_key);
  g_assert_true (g_file_test (keyring_file, G_FILE_TEST_IS_REGULAR));

  /* The search does find what is there. */
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_config_dir (), 0700));
  g_assert_true (g_file_set_contents (canary_file, canary, -1, NULL));
  found = desk_test_find_in_files (isolated, canary);
  g_assert_cmpstr (found, ==, canary_file);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_context_load_api_key_finish (DESK_CONTEXT (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
load_key (DeskContext *context)
{
  gboolean done = FALSE;

  desk_context_load_api_key_async (context, NULL, loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The next start finds the key again; a key saved for one server is not sent to another. */
static void
test_key_per_server (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(DeskContext) first = desk_context_new (settings);
  g_autoptr(DeskContext) second = NULL;
  g_autofree char *api_key = desk_test_random_secret ("fd-server");

  enter_key_in_preferences (first, api_key);

  second = desk_context_new (settings);
  g_assert_false (desk_context_get_has_api_key (second));
  load_key (second);
  g_assert_cmpstr (desk_context_get_api_key (second), ==, api_key);

  g_settings_set_string (settings, "server-url", "https://other.example.com/api/");
  g_assert_false (desk_context_get_has_api_key (second));
  load_key (second);
  g_assert_false (desk_context_get_has_api_key (second));

  g_settings_reset (settings, "server-url");
  load_key (second);
  g_assert_cmpstr (desk_context_get_api_key (second), ==, api_key);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add_func ("/keyring/key-only-in-keyring", test_key_only_in_keyring);
  g_test_add_func ("/keyring/key-per-server", test_key_per_server);

  return g_test_run ();
}
