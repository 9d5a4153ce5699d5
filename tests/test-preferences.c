/* test-preferences.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-context.h"
#include "desk-keyring.h"
#include "desk-sandbox.h"
#include "desk-test-utils.h"
#include "preferences/desk-preferences-window.h"
#include "widgets/desk-spinner.h"

/* These tests run without a session bus (DBUS_SESSION_BUS_ADDRESS=disabled:), which is
 * also what a computer without a keyring service looks like to libsecret. */

typedef struct
{
  GSettings             *settings;
  DeskContext           *context;
  DeskPreferencesWindow *window;
} Fixture;

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
key_looked_up_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  desk_context_load_api_key_finish (DESK_CONTEXT (object), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean looked_up = FALSE;

  fixture->settings = g_settings_new (APP_ID);
  fixture->context = desk_context_new (fixture->settings);
  fixture->window = desk_preferences_window_new (fixture->context);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (desk_test_wait_for (mapped, fixture->window, 10000));

  /* The window looks the key up as it opens, and shows what it finds over the row: a key
   * typed before that answer would be wiped. A lookup asked after it is answered after
   * it; once that one is back, the window's own is too. */
  desk_context_load_api_key_async (fixture->context, NULL, key_looked_up_cb, &looked_up);
  g_assert_true (desk_test_wait_for (is_true, &looked_up, 10000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  /* A question left open goes too, so that the next test finds only its own. */
  while ((dialog = desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_true (desk_test_wait_for_last_ref (fixture->context, 10000));
  g_assert_finalize_object (fixture->context);
  g_settings_reset (fixture->settings, "server-url");
  g_clear_object (&fixture->settings);
}

static GtkWidget *
get_child (Fixture    *fixture,
           const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                    DESK_TYPE_PREFERENCES_WINDOW, name));
}

/* Types @text into the row and presses Enter, which applies it when the text changed. */
static void
apply_row (Fixture    *fixture,
           const char *name,
           const char *text)
{
  GtkWidget *row = get_child (fixture, name);

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (row)), "activate");
}

static void
test_url_row (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *row = get_child (fixture, "url_row");
  GtkWidget *label = get_child (fixture, "url_error_label");
  g_autofree char *url = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==,
                   "https://api.repairdesk.co/api/web/v1/");

  apply_row (fixture, "url_row", "http://shop.example.com/api/web/v1/");
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "https://"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  url = g_settings_get_string (fixture->settings, "server-url");
  g_assert_cmpstr (url, ==, "https://api.repairdesk.co/api/web/v1/");
  g_free (desk_test_save_screenshot (GTK_WIDGET (fixture->window), "preferences-url-refused"));

  /* Editing again clears the complaint; a loopback server is accepted. */
  apply_row (fixture, "url_row", "http://127.0.0.1:8080/api/web/v1");
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_clear_pointer (&url, g_free);
  url = g_settings_get_string (fixture->settings, "server-url");
  g_assert_cmpstr (url, ==, "http://127.0.0.1:8080/api/web/v1/");
  g_assert_cmpstr (desk_context_get_server_url (fixture->context), ==, url);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, url);
}

static AdwMessageDialog *
apply_key_without_keyring (Fixture    *fixture,
                           const char *api_key)
{
  AdwMessageDialog *dialog;

  apply_row (fixture, "key_row", api_key);
  g_assert_true (desk_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG, 10000));
  dialog = ADW_MESSAGE_DIALOG (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "No Keyring Available");
  g_assert_true (adw_message_dialog_has_response (dialog, "session"));

  return dialog;
}

/* Nowhere in the isolated directories, nor in settings. */
static void
assert_key_not_stored (Fixture    *fixture,
                       const char *api_key)
{
  g_autofree char *dump = desk_test_dump_settings (fixture->settings);
  g_autofree char *root = g_path_get_dirname (g_get_home_dir ());
  g_autofree char *found = desk_test_find_in_files (root, api_key);

  g_assert_null (strstr (dump, api_key));
  g_assert_null (found);
}

static gboolean
kept_for_session (gpointer data)
{
  Fixture *fixture = data;
  GtkLabel *status = GTK_LABEL (get_child (fixture, "key_status_label"));

  return desk_context_get_api_key_session_only (fixture->context) &&
         strstr (gtk_label_get_label (status), "this session only") != NULL;
}

/* The answer to the question is shown: a key stored anyway would have been by now. */
static gboolean
says_no_keyring (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *status = get_child (fixture, "key_status_label");

  return gtk_widget_has_css_class (status, "error") &&
         strstr (gtk_label_get_label (GTK_LABEL (status)), "no keyring") != NULL;
}

static void
test_no_keyring_session_key (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *api_key = desk_test_random_secret ("fd-session");
  AdwMessageDialog *dialog = apply_key_without_keyring (fixture, api_key);
  GtkLabel *status = GTK_LABEL (get_child (fixture, "key_status_label"));

  g_free (desk_test_save_screenshot (GTK_WIDGET (dialog), "preferences-no-keyring"));
  g_assert_false (desk_context_get_has_api_key (fixture->context));

  adw_message_dialog_response (dialog, "session");
  g_assert_true (desk_test_wait_for (kept_for_session, fixture, 10000));
  g_assert_cmpstr (desk_context_get_api_key (fixture->context), ==, api_key);
  g_assert_true (desk_context_get_api_key_session_only (fixture->context));
  g_assert_nonnull (strstr (gtk_label_get_label (status), "this session only"));
  g_free (desk_test_save_screenshot (GTK_WIDGET (fixture->window), "preferences-session-key"));

  assert_key_not_stored (fixture, api_key);
}

static void
test_no_keyring_cancel (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *api_key = desk_test_random_secret ("fd-refused");
  AdwMessageDialog *dialog = apply_key_without_keyring (fixture, api_key);
  GtkWidget *status = get_child (fixture, "key_status_label");

  adw_message_dialog_response (dialog, "cancel");
  g_assert_true (desk_test_wait_for (says_no_keyring, fixture, 10000));
  g_assert_false (desk_context_get_has_api_key (fixture->context));
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (status)), "no keyring"));

  assert_key_not_stored (fixture, api_key);
}

static void
test_empty_key_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  apply_row (fixture, "key_row", "   ");
  g_assert_true (gtk_widget_has_css_class (get_child (fixture, "key_status_label"), "error"));
  g_assert_null (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (desk_context_get_has_api_key (fixture->context));
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  g_assert_null (desk_keyring_lookup_finish (result, error));
  g_assert_nonnull (*error);
}

/* The keyring's own API reports a missing service as such, not as a failure. */
static void
test_keyring_unavailable (void)
{
  g_autoptr(GError) error = NULL;

  desk_keyring_lookup_async ("https://api.repairdesk.co/api/web/v1/", NULL, lookup_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (error, DESK_KEYRING_ERROR, DESK_KEYRING_ERROR_UNAVAILABLE);
}

static gboolean
test_finished (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_sensitive (get_child (fixture, "test_button")) &&
         gtk_widget_get_visible (get_child (fixture, "test_result_label"));
}

/* Presses Test with @url and @api_key typed in (not applied) and returns the verdict.
 * An address or key that cannot work gets its verdict without asking any server. */
static const char *
test_connection (Fixture    *fixture,
                 const char *url,
                 const char *api_key,
                 const char *screenshot)
{
  g_autofree char *trimmed_key = g_strstrip (g_strdup (api_key));
  gboolean asks_server = g_str_has_prefix (url, "http://127.0.0.1:") && *trimmed_key != '\0';

  GtkWidget *label = get_child (fixture, "test_result_label");

  gtk_editable_set_text (GTK_EDITABLE (get_child (fixture, "url_row")), url);
  gtk_editable_set_text (GTK_EDITABLE (get_child (fixture, "key_row")), api_key);
  g_signal_emit_by_name (get_child (fixture, "test_button"), "clicked");

  /* The window goes on drawing while the server is asked. */
  g_assert_true (gtk_widget_get_sensitive (get_child (fixture, "test_button")) != asks_server);
  g_assert_true (desk_spinner_get_spinning (DESK_SPINNER (get_child (fixture, "test_spinner"))) ==
                 asks_server);
  g_assert_true (desk_test_wait_for (test_finished, fixture, 60000));
  g_free (desk_test_save_screenshot (GTK_WIDGET (fixture->window), screenshot));

  return gtk_label_get_label (GTK_LABEL (label));
}

static void
test_connection_verdicts (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSandbox) sandbox = g_object_new (DESK_TYPE_SANDBOX,
                                                 "n-customers", 20,
                                                 "n-tickets", 20,
                                                 "n-invoices", 20,
                                                 NULL);
  GtkWidget *label = get_child (fixture, "test_result_label");
  g_autoptr(GUri) uri = NULL;
  g_autofree char *url = NULL;
  g_autofree char *elsewhere = NULL;

  g_assert_true (desk_sandbox_start (sandbox, 0, &error));
  g_assert_no_error (error);
  url = g_strdup (desk_sandbox_get_url (sandbox));
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  /* The same server, at a path where no RepairDesk API lives. */
  elsewhere = g_strdup_printf ("http://127.0.0.1:%d/not-repairdesk/", g_uri_get_port (uri));

  g_assert_nonnull (strstr (test_connection (fixture, url, DESK_SANDBOX_DEMO_API_KEY,
                                             "preferences-test-works"), "works"));
  g_assert_true (gtk_widget_has_css_class (label, "success"));

  g_assert_nonnull (strstr (test_connection (fixture, url, "not-the-key",
                                             "preferences-test-wrong-key"), "Wrong API key"));
  g_assert_true (gtk_widget_has_css_class (label, "error"));

  g_assert_nonnull (strstr (test_connection (fixture, elsewhere, DESK_SANDBOX_DEMO_API_KEY,
                                             "preferences-test-not-repairdesk"),
                            "Not a RepairDesk server"));

  desk_sandbox_stop (sandbox);
  g_assert_nonnull (strstr (test_connection (fixture, url, DESK_SANDBOX_DEMO_API_KEY,
                                             "preferences-test-no-connection"),
                            "No connection"));

  g_assert_nonnull (strstr (test_connection (fixture, "http://shop.example.com/", "key",
                                             "preferences-test-insecure"), "https://"));
  g_assert_nonnull (strstr (test_connection (fixture, url, "  ", "preferences-test-no-key"),
                            "Enter the API key"));

  /* Testing saves nothing. */
  g_assert_false (desk_context_get_has_api_key (fixture->context));
  g_assert_cmpstr (desk_context_get_server_url (fixture->context), ==,
                   "https://api.repairdesk.co/api/web/v1/");
}

/* A key typed while the window still asks the keyring is not wiped by its answer. */
static void
test_key_typed_during_lookup (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(DeskContext) context = desk_context_new (settings);
  GtkWidget *window = GTK_WIDGET (desk_preferences_window_new (context));
  GtkEditable *row = GTK_EDITABLE (gtk_widget_get_template_child (window, DESK_TYPE_PREFERENCES_WINDOW,
                                                                  "key_row"));
  gboolean looked_up = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  gtk_editable_set_text (row, "typed-before-the-keyring-answered");
  desk_context_load_api_key_async (context, NULL, key_looked_up_cb, &looked_up);
  g_assert_true (desk_test_wait_for (is_true, &looked_up, 10000));

  g_assert_cmpstr (gtk_editable_get_text (row), ==, "typed-before-the-keyring-answered");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add_func ("/preferences/keyring-unavailable", test_keyring_unavailable);
  g_test_add ("/preferences/url-row", Fixture, NULL,
              fixture_set_up, test_url_row, fixture_tear_down);
  g_test_add ("/preferences/no-keyring/session-key", Fixture, NULL,
              fixture_set_up, test_no_keyring_session_key, fixture_tear_down);
  g_test_add ("/preferences/no-keyring/cancel", Fixture, NULL,
              fixture_set_up, test_no_keyring_cancel, fixture_tear_down);
  g_test_add ("/preferences/test-connection", Fixture, NULL,
              fixture_set_up, test_connection_verdicts, fixture_tear_down);
  g_test_add ("/preferences/empty-key", Fixture, NULL,
              fixture_set_up, test_empty_key_refused, fixture_tear_down);

  g_test_add_func ("/preferences/key-typed-during-lookup", test_key_typed_during_lookup);

  return g_test_run ();
}
