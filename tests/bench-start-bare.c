/* bench-start-bare.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <string.h>

#include "desk-allocator.h"

/* The floor of bench-start: the least a libadwaita application shows, a window with a
 * header bar and a label. It reports its first frame as Front Desk reports its first
 * ticket rows (app/ui/desk-start-report.c), on the same clock, and quits:
 *
 *   first-frame monotonic-us=<g_get_monotonic_time ()> rss-kib=<VmRSS> */

static gint64
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen ("VmRSS:"), NULL, 10);
}

static void
after_paint_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  g_print ("first-frame monotonic-us=%" G_GINT64_FORMAT " rss-kib=%" G_GINT64_FORMAT "\n",
           g_get_monotonic_time (), rss_kib ());
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  g_application_quit (app);
}

static void
realize_cb (GtkWidget    *window,
            GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), app);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Front Desk");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  /* The size Front Desk opens at the first time (its settings' default). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  /* The allocator as Front Desk sets it (app/main.c), so that the floor differs from Front
   * Desk by what Front Desk does, not by how memory is handed out. */
  desk_tune_allocator ();
  app = adw_application_new ("io.frontdesk.BenchBare", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
