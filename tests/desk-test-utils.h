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
GtkWidget *desk_test_find_widget     (GtkWidget    *root,
                                      GType         type);
void       desk_test_find_all        (GtkWidget    *root,
                                      GType         type,
                                      GPtrArray    *found);
gboolean   desk_test_wait_for_window (GType         type,
                                      guint         timeout_ms);
char      *desk_test_find_in_files   (const char   *dir,
                                      const char   *needle);
char      *desk_test_dump_settings   (GSettings    *settings);
char      *desk_test_random_secret   (const char   *prefix);

/* The result of one asynchronous call, awaited on the main loop:
 *
 *   DeskTestResult r = { NULL };
 *   desk_api_client_get_ticket_async (client, id, NULL, desk_test_result_cb, &r);
 *   ticket = desk_api_client_get_ticket_finish (client, desk_test_await (&r, WAIT_MS), &error);
 *   desk_test_result_clear (&r);
 */
typedef struct
{
  GAsyncResult *result;
} DeskTestResult;

void          desk_test_result_cb    (GObject        *object,
                                      GAsyncResult   *result,
                                      gpointer        user_data);
GAsyncResult *desk_test_await        (DeskTestResult *r,
                                      guint           timeout_ms);
void          desk_test_result_clear (DeskTestResult *r);

G_END_DECLS
