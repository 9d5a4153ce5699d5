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
#include "desk-window.h"

struct _DeskApplication
{
  AdwApplication parent_instance;

  gboolean       demo;
};

G_DEFINE_FINAL_TYPE (DeskApplication, desk_application, ADW_TYPE_APPLICATION)

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "The Front Desk authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
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

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "about", about_action_cb },
};

static void
desk_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (desk_window_new (DESK_APPLICATION (app)));

  gtk_window_present (window);
}

static void
desk_application_startup (GApplication *app)
{
  const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (desk_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static int
desk_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  DeskApplication *self = DESK_APPLICATION (app);

  if (g_variant_dict_contains (options, "demo"))
    self->demo = TRUE;

  return -1;
}

static void
desk_application_class_init (DeskApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = desk_application_activate;
  app_class->startup = desk_application_startup;
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
