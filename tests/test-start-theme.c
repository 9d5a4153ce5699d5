/* test-start-theme.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-application.h"
#include "desk-test-screen.h"

/* Front Desk starts GTK on libadwaita's empty theme (desk_application_start_on_empty_theme
 * (), from main ()). Each case runs in a process of its own, as GTK starts once in a
 * process. */

static char *
theme_name (void)
{
  char *name = NULL;

  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &name, NULL);

  return name;
}

/* Runs the test again in a process of its own; returns FALSE in that process. */
static gboolean
in_subprocess_only (void)
{
  if (g_test_subprocess ())
    return FALSE;

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  return TRUE;
}

/* Once started, nothing of it is left in the environment for a program Front Desk opens,
 * and libadwaita styles the screens as in any libadwaita application. */
static void
test_empty_theme (void)
{
  g_autoptr(DeskApplication) app = NULL;
  g_autofree char *name = NULL;

  if (in_subprocess_only ())
    return;

  g_unsetenv ("GTK_THEME");
  desk_application_start_on_empty_theme ();
  g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "Adwaita-empty");

  app = desk_test_start_app ();
  g_assert_null (g_getenv ("GTK_THEME"));
  name = theme_name ();
  g_assert_cmpstr (name, ==, "Adwaita-empty");
  g_assert_true (adw_is_initialized ());
}

/* A theme the user asked for stays, and libadwaita leaves GTK's theme to it. */
static void
test_user_theme (void)
{
  g_autoptr(DeskApplication) app = NULL;
  g_autofree char *name = NULL;

  if (in_subprocess_only ())
    return;

  g_setenv ("GTK_THEME", "Default", TRUE);
  desk_application_start_on_empty_theme ();
  g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "Default");

  app = desk_test_start_app ();
  g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "Default");
  name = theme_name ();
  g_assert_cmpstr (name, !=, "Adwaita-empty");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/start-theme/empty", test_empty_theme);
  g_test_add_func ("/start-theme/user-theme", test_user_theme);

  return g_test_run ();
}
