/* desk-test-utils.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       desk_test_init            (int          *argc,
                                      char       ***argv);
void       desk_test_iterate         (guint         ms);
gboolean   desk_test_wait_for        (gboolean    (*condition) (gpointer data),
                                      gpointer      data,
                                      guint         timeout_ms);
gboolean   desk_test_wait_for_last_ref (gpointer   object,
                                        guint      timeout_ms);
gboolean   desk_test_resize          (GtkWindow    *window,
                                      int           width,
                                      int           height,
                                      guint         timeout_ms);
gboolean   desk_test_wait_for_frames (GtkWidget    *widget,
                                      guint         n,
                                      guint         timeout_ms);
char      *desk_test_save_screenshot (GtkWidget    *widget,
                                      const char   *name);
GtkWindow *desk_test_find_window     (GType         type);
gboolean   desk_test_wait_for_window (GType         type,
                                      guint         timeout_ms);
char      *desk_test_find_in_files   (const char   *dir,
                                      const char   *needle);
char      *desk_test_dump_settings   (GSettings    *settings);
char      *desk_test_random_secret   (const char   *prefix);

G_END_DECLS
