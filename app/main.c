/* main.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "frontdesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-allocator.h"
#include "desk-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DeskApplication) app = NULL;

  desk_tune_allocator ();
  desk_application_start_on_empty_theme ();

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = desk_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
