/* desk-application.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-application"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-application.h"
#include "desk-message-dialog.h"
#include "desk-start-report.h"
#include "desk-window.h"
#include "desk-toast.h"
#include "preferences/desk-preferences-window.h"

struct _DeskApplication
{
  AdwApplication  parent_instance;

  /* owned */
  DeskContext    *context;

  /* state */
  GtkWindow      *preferences;
  gboolean        demo_asked;
  guint           present_source;
  gulong          active_handler;
  gulong          pages_handler;
  GtkWindow      *to_present;     /* weak */
};

G_DEFINE_FINAL_TYPE (DeskApplication, desk_application, ADW_TYPE_APPLICATION)

/* Every action here is exported on D-Bus, so `gapplication action` reaches them. */

/* How long a new main window waits for the first answers of the screen in view. */
#define PRESENT_WAIT_MS 100

static void
stop_waiting_to_present (DeskApplication *self)
{
  g_clear_handle_id (&self->present_source, g_source_remove);
  if (self->active_handler != 0)
    g_clear_signal_handler (&self->active_handler, desk_context_get_client (self->context));
  if (self->pages_handler != 0)
    g_clear_signal_handler (&self->pages_handler, desk_context_get_client (self->context));
}

static gboolean
present_cb (gpointer user_data)
{
  DeskApplication *self = user_data;
  GtkWindow *window = self->to_present;

  self->present_source = 0;
  stop_waiting_to_present (self);
  g_clear_weak_pointer (&self->to_present);
  if (window != NULL)
    gtk_window_present (window);

  return G_SOURCE_REMOVE;
}

/* Whether the screen in view still waits for what it asked for on being built: an answer,
 * or the page of a list whose records are being mapped on a worker thread. */
static gboolean
waiting_for_answers (DeskApplication *self)
{
  DeskApiClient *client = desk_context_get_client (self->context);

  return desk_api_client_get_n_active (client) > 0 ||
         desk_api_client_get_n_loading_pages (client) > 0;
}

/* The answers are in: the window is shown once they have been handed on. */
static void
answered_cb (DeskApplication *self)
{
  if (waiting_for_answers (self))
    return;

  stop_waiting_to_present (self);
  self->present_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_cb, self, NULL);
}

/* Runs once the main loop has sent what the window's screen asked for on being built. */
static gboolean
present_when_answered_cb (gpointer user_data)
{
  DeskApplication *self = user_data;
  DeskApiClient *client = desk_context_get_client (self->context);

  self->present_source = 0;
  if (!waiting_for_answers (self))
    return present_cb (self);

  self->present_source = g_timeout_add (PRESENT_WAIT_MS, present_cb, self);
  self->active_handler = g_signal_connect_swapped (client, "notify::n-active",
                                                   G_CALLBACK (answered_cb), self);
  self->pages_handler = g_signal_connect_swapped (client, "notify::n-loading-pages",
                                                  G_CALLBACK (answered_cb), self);

  return G_SOURCE_REMOVE;
}

/* A new main window is shown once the requests its screen sent on being built are
 * answered and their records are in, so that its first frame draws them rather than an
 * empty list that a second frame then fills, or fades in: the demo store answers within a
 * few milliseconds. A server that takes longer gets the window after PRESENT_WAIT_MS,
 * showing its spinner. */
static void
present_main_window (DeskApplication *self,
                     GtkWindow       *window)
{
  if (gtk_widget_get_visible (GTK_WIDGET (window)))
    {
      gtk_window_present (window);
      return;
    }

  g_set_weak_pointer (&self->to_present, window);
  if (self->present_source == 0)
    self->present_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_when_answered_cb,
                                            self, NULL);
}

static DeskWindow *
get_main_window (DeskApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!DESK_IS_WINDOW (window))
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }

  return DESK_WINDOW (window);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy_deep (gtk_application_get_windows (app),
                                     (GCopyFunc) g_object_ref, NULL);

  /* Closing the windows first lets the main window remember its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);

  g_application_quit (G_APPLICATION (app));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  DeskWindow *window = get_main_window (DESK_APPLICATION (user_data));
  const char *developers[] = { "The Front Desk authors", NULL };

  adw_show_about_window (GTK_WINDOW (window),
                         "application-name", _("Front Desk"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Front Desk authors"),
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "copyright", "© 2026 The Front Desk authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("The counter client for RepairDesk repair shops"),
                         NULL);
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  DeskApplication *self = DESK_APPLICATION (user_data);
  DeskWindow *window = get_main_window (self);

  if (self->preferences == NULL)
    {
      self->preferences = GTK_WINDOW (desk_preferences_window_new (self->context));
      g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
      gtk_window_set_transient_for (self->preferences, GTK_WINDOW (window));
    }

  gtk_window_present (self->preferences);
}

static void
shortcuts_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  DeskWindow *window = get_main_window (DESK_APPLICATION (user_data));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

/* Errors stay until dismissed: they may need reading twice. */
static void
show_error_toast (DeskApplication *self,
                  const char      *title)
{
  AdwToast *toast = desk_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  desk_window_add_toast (get_main_window (self), toast);
}

static void
demo_started_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DeskApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  g_autofree char *title = NULL;

  if (desk_context_start_demo_finish (DESK_CONTEXT (object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
    return;

  /* Translators: %s says why, in a sentence. */
  title = g_strdup_printf (_("The demo store could not be opened: %s"), error->message);
  show_error_toast (self, title);
}

static void
try_demo_action_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  DeskApplication *self = DESK_APPLICATION (user_data);

  desk_context_start_demo_async (self->context, NULL, demo_started_cb, g_object_ref (self));
  present_main_window (self, GTK_WINDOW (get_main_window (self)));
}

static void
demo_reset_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DeskApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (desk_context_reset_demo_finish (DESK_CONTEXT (object), result, &error))
    {
      desk_window_add_toast (get_main_window (self), adw_toast_new (_("Demo data reset")));
      return;
    }

  /* Translators: %s says why, in a sentence. */
  title = g_strdup_printf (_("The demo data could not be reset: %s"), error->message);
  show_error_toast (self, title);
}

static void
reset_demo_response_cb (DeskApplication *self,
                        const char      *response)
{
  if (g_strcmp0 (response, "reset") != 0 || desk_context_get_sandbox (self->context) == NULL)
    return;

  desk_context_reset_demo_async (self->context, NULL, demo_reset_cb, g_object_ref (self));
}

/* Resetting throws away everything done in the demo store, so it asks first. */
static void
reset_demo_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  DeskApplication *self = DESK_APPLICATION (user_data);

  desk_message_dialog_ask (GTK_WINDOW (get_main_window (self)),
                           _("Reset the Demo Store?"),
                           _("Every ticket, customer and invoice created or changed in the "
                             "demo store is thrown away, and its made-up data comes back as it "
                             "was. This cannot be undone."),
                           "reset", _("_Reset Demo Data"), ADW_RESPONSE_DESTRUCTIVE,
                           G_CALLBACK (reset_demo_response_cb), self);
}

static void
search_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DeskApplication *self = DESK_APPLICATION (user_data);
  DeskWindow *window = get_main_window (self);

  present_main_window (self, GTK_WINDOW (window));
  desk_window_search (window);
}

/* Nothing is lost by leaving: the demo store keeps its data for the next visit. */
static void
leave_demo_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  DeskApplication *self = DESK_APPLICATION (user_data);

  desk_context_leave_demo (self->context);
}

/* The demo store stops answering, as a shop's internet drops, and comes back. */
static void
demo_offline_change_cb (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  DeskApplication *self = DESK_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;

  if (desk_context_get_sandbox (self->context) == NULL)
    return;

  if (!desk_context_set_demo_offline (self->context, g_variant_get_boolean (value), &error))
    {
      /* Translators: %s says why, in a sentence. */
      g_autofree char *title = g_strdup_printf (_("The demo store could not start again: %s"),
                                                error->message);

      show_error_toast (self, title);
      return;
    }

  g_simple_action_set_state (action, value);
}

static void
show_section_action_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  DeskApplication *self = DESK_APPLICATION (user_data);
  DeskWindow *window = get_main_window (self);

  desk_window_show_section (window, g_variant_get_string (parameter, NULL));
  present_main_window (self, GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
  { "shortcuts", shortcuts_action_cb },
  { "try-demo", try_demo_action_cb },
  { "reset-demo", reset_demo_action_cb },
  { "leave-demo", leave_demo_action_cb },
  { "demo-offline", NULL, NULL, "false", demo_offline_change_cb },
  { "search", search_action_cb },
  { "show-section", show_section_action_cb, "s" },
};

static void
desk_application_activate (GApplication *app)
{
  DeskApplication *self = DESK_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (!DESK_IS_WINDOW (window))
    {
      /* The demo store started while GTK did: the window opens on its screens. */
      desk_context_take_started_demo (self->context);
      window = GTK_WINDOW (desk_window_new (self, self->context));
      desk_start_report_watch (DESK_WINDOW (window));
    }

  present_main_window (self, window);
}

static void
set_accels (GtkApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.new-ticket", { "<Control>n", NULL } },
    { "win.new-invoice", { "<Control>i", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static gboolean
object_to_boolean (GBinding     *binding,
                   const GValue *from_value,
                   GValue       *to_value,
                   gpointer      user_data)
{
  g_value_set_boolean (to_value, g_value_get_object (from_value) != NULL);
  return TRUE;
}

static void
demo_offline_cb (DeskApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "demo-offline");

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (desk_context_get_demo_offline (self->context)));
}

/* GTK starts reading the icon theme in a thread while it starts, and then drops what it
 * read when the application's and libadwaita's icons are added to the theme; the first
 * icon drawn read the whole theme again on the main thread, while the window was being
 * shown. Reading it again in a thread once they are added keeps that off the main thread:
 * GtkIconTheme locks itself around a reading, so a look-up meanwhile waits for it. */
static void
read_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  gtk_icon_theme_has_icon (GTK_ICON_THEME (task_data), APP_ID);
}

static void
read_icon_theme (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)),
                        g_object_unref);
  g_task_run_in_thread (task, read_icon_theme_thread);
}

/* GTK starts on a theme of its own, which libadwaita replaces at once with an empty one,
 * Adwaita-empty, under its own stylesheet: working out GTK's theme took about 80 million
 * of the 690 million instructions the main thread ran from main () to the first ticket
 * rows, for nothing. GTK takes the theme it starts on from GTK_THEME when it makes the
 * display's settings; set until then, GTK starts on the empty theme, and libadwaita,
 * finding it unset again, goes on as usual. */
static gboolean empty_theme_set;

/**
 * desk_application_start_on_empty_theme:
 *
 * Has GTK start on libadwaita's empty theme rather than working out its own: sets
 * GTK_THEME, which the application's startup takes back out of the environment once GTK
 * has read it, before anything could be started with it. A theme the user asked for with
 * GTK_THEME is left as it is. Call it first thing in main (), before any thread starts:
 * adding to the environment may move it, under a thread reading it meanwhile.
 */
void
desk_application_start_on_empty_theme (void)
{
  if (g_getenv ("GTK_THEME") == NULL)
    empty_theme_set = g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
}

/* The demo store's thread may already run: taking a variable out of the environment
 * frees nothing that a thread reading the environment could be holding. */
static void
start_gtk (void)
{
  if (!empty_theme_set)
    return;

  if (gtk_init_check ())
    gtk_settings_get_default ();
  g_unsetenv ("GTK_THEME");
  empty_theme_set = FALSE;
}

static void
desk_application_startup (GApplication *app)
{
  DeskApplication *self = DESK_APPLICATION (app);
  g_autoptr(GSettings) settings = NULL;
  const char *demo_actions[] = { "reset-demo", "leave-demo", "demo-offline" };

  /* The demo store opens in a thread while GTK starts, which takes the main thread a
   * while: on `--demo`, and for whoever was training on it last time. */
  settings = g_settings_new (APP_ID);
  self->context = desk_context_new (settings);
  if (self->demo_asked || g_settings_get_boolean (settings, "demo-mode"))
    desk_context_start_demo_async (self->context, NULL, demo_started_cb, g_object_ref (self));

  start_gtk ();
  G_APPLICATION_CLASS (desk_application_parent_class)->startup (app);
  read_icon_theme ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  set_accels (GTK_APPLICATION (app));

  /* Only the demo store, once it serves, can be reset or left; the menu hides the items
   * until then. */
  for (guint i = 0; i < G_N_ELEMENTS (demo_actions); i++)
    g_object_bind_property_full (self->context, "sandbox",
                                 g_action_map_lookup_action (G_ACTION_MAP (app), demo_actions[i]),
                                 "enabled", G_BINDING_SYNC_CREATE, object_to_boolean, NULL,
                                 NULL, NULL);
  g_signal_connect_object (self->context, "notify::demo-offline", G_CALLBACK (demo_offline_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
desk_application_shutdown (GApplication *app)
{
  DeskApplication *self = DESK_APPLICATION (app);

  stop_waiting_to_present (self);
  g_clear_weak_pointer (&self->to_present);
  G_APPLICATION_CLASS (desk_application_parent_class)->shutdown (app);

  g_clear_object (&self->context);
}

/* --demo goes through the try-demo action, so that it also reaches an instance that is
 * already running. */
static int
desk_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "demo"))
    return -1;

  /* Read by startup, which registering runs when this is the first instance. */
  DESK_APPLICATION (app)->demo_asked = TRUE;
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "try-demo", NULL);

  return -1;
}

static void
desk_application_dispose (GObject *object)
{
  DeskApplication *self = DESK_APPLICATION (object);

  stop_waiting_to_present (self);
  g_clear_weak_pointer (&self->to_present);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (desk_application_parent_class)->dispose (object);
}

static void
desk_application_class_init (DeskApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = desk_application_dispose;
  app_class->activate = desk_application_activate;
  app_class->startup = desk_application_startup;
  app_class->shutdown = desk_application_shutdown;
  app_class->handle_local_options = desk_application_handle_local_options;
}

static void
desk_application_init (DeskApplication *self)
{
  const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the built-in demo store instead of the RepairDesk server"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

DeskApplication *
desk_application_new (void)
{
  return g_object_new (DESK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/frontdesk/FrontDesk",
                       NULL);
}

/* The context exists from startup (g_application_register) until shutdown. */
DeskContext *
desk_application_get_context (DeskApplication *self)
{
  g_return_val_if_fail (DESK_IS_APPLICATION (self), NULL);

  return self->context;
}
