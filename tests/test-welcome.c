/* test-welcome.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-test-utils.h"

/* The welcome page shows the application's icon wherever Front Desk runs from: the icon
 * travels in the GResource, which GtkApplication puts on the icon theme's path. */

#define APP_ID "io.frontdesk.FrontDesk"

static void
test_icon_in_resources (void)
{
  g_autoptr(GtkIconTheme) theme = gtk_icon_theme_new ();
  const char *no_paths[] = { NULL };
  const char *resource_paths[] = { "/io/frontdesk/FrontDesk/icons", NULL };

  /* Nothing installed, nothing from the source tree: only what the program carries. */
  gtk_icon_theme_set_search_path (theme, no_paths);
  gtk_icon_theme_set_resource_path (theme, resource_paths);

  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add_func ("/welcome/icon-in-resources", test_icon_in_resources);

  return g_test_run ();
}
