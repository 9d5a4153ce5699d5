/* desk-context-demo.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-context"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "desk-context-private.h"

/* The demo store: the built-in sandbox started, reset and left. */

/* The start of the demo store, shared by the thread that opens it and the main thread.
 * The thread sets @done once the store serves or could not start; the main thread takes
 * the store into use at the first of: the job's callback, or a window built meanwhile that
 * asks (desk_context_take_started_demo ()). */
typedef struct
{
  DeskSandbox *sandbox;  /* owned */
  GTask       *task;     /* owned: the caller's, returned from the job's callback */
  GError      *error;    /* written by the thread before @done */
  int          done;     /* atomic */
} DemoStart;

static void
demo_start_free (DemoStart *start)
{
  g_clear_object (&start->sandbox);
  g_clear_object (&start->task);
  g_clear_error (&start->error);
  g_free (start);
}

/* Opening the store may seed it first, which takes a second or more: never on the main
 * thread. */
static void
start_sandbox_thread (GTask        *job,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  DemoStart *start = task_data;
  g_autofree char *db_path = NULL;
  g_autofree char *dir = NULL;

  g_object_get (start->sandbox, "db-path", &db_path, NULL);
  dir = g_path_get_dirname (db_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      start->error = g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                  _("The folder %s could not be created: %s"),
                                  dir, g_strerror (saved_errno));
    }
  else
    desk_sandbox_start (start->sandbox, 0, &start->error);

  g_atomic_int_set (&start->done, TRUE);
  g_task_return_boolean (job, TRUE);
}

static void
reset_sandbox_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;

  if (!desk_sandbox_reset (task_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Runs @func on @sandbox in a worker thread; @done then finishes @task on the main
 * thread, where the context's state may change. */
static void
run_sandbox_job (DeskContext         *self,
                 DeskSandbox         *sandbox,
                 GTaskThreadFunc      func,
                 GAsyncReadyCallback  done,
                 GTask               *task)
{
  g_autoptr(GTask) job = g_task_new (self, NULL, done, task);

  g_task_set_task_data (job, g_object_ref (sandbox), g_object_unref);
  g_task_run_in_thread (job, func);
}

/* Takes the demo store into use, or tells that it could not start, once its thread is
 * done; the second call for the same start does nothing. */
static void
take_start (DeskContext *self,
            DemoStart   *start)
{
  if (self->demo_start != start)
    return;

  self->demo_start = NULL;

  if (start->error != NULL)
    {
      self->demo = FALSE;
      _desk_context_drop_catalog (self);
      g_object_notify_by_pspec (G_OBJECT (self), _desk_context_properties[PROP_DEMO]);
      return;
    }

  self->sandbox = g_object_ref (start->sandbox);
  desk_api_client_set_base_url (self->client, desk_sandbox_get_url (start->sandbox));
  desk_api_client_set_api_key (self->client, DESK_SANDBOX_DEMO_API_KEY);
  /* The next start opens the demo store again, until the user leaves it. */
  g_settings_set_boolean (self->settings, "demo-mode", TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), _desk_context_properties[PROP_SANDBOX]);
}

static void
sandbox_started_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DeskContext *self = DESK_CONTEXT (object);
  DemoStart *start = g_task_get_task_data (G_TASK (result));
  g_autoptr(GTask) task = g_steal_pointer (&start->task);

  take_start (self, start);

  if (start->error != NULL)
    g_task_return_error (task, g_steal_pointer (&start->error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * desk_context_take_started_demo:
 * @self: a #DeskContext
 *
 * Takes the demo store into use at once if it has finished starting in its thread,
 * rather than on the main loop's next turn: a window built meanwhile then shows its
 * screens from the start instead of the spinner. desk_context_start_demo_async ()'s
 * callback still follows as usual.
 *
 * Returns: %TRUE if the demo store serves
 */
gboolean
desk_context_take_started_demo (DeskContext *self)
{
  DemoStart *start;

  g_return_val_if_fail (DESK_IS_CONTEXT (self), FALSE);

  start = self->demo_start;
  if (start != NULL && g_atomic_int_get (&start->done))
    take_start (self, start);

  return self->sandbox != NULL;
}

/**
 * desk_context_leave_demo:
 * @self: a #DeskContext
 *
 * Stops the demo store and points the client back at the account's server, with the
 * account's key if one is loaded. The demo store's data stays for the next visit.
 */
void
desk_context_leave_demo (DeskContext *self)
{
  g_return_if_fail (DESK_IS_CONTEXT (self));

  if (self->sandbox == NULL)
    return;

  desk_sandbox_stop (self->sandbox);
  g_clear_object (&self->sandbox);
  self->demo = FALSE;
  if (self->demo_offline)
    {
      self->demo_offline = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), _desk_context_properties[PROP_DEMO_OFFLINE]);
    }
  desk_api_client_set_base_url (self->client, self->server_url);
  desk_api_client_set_api_key (self->client, self->api_key);
  g_settings_set_boolean (self->settings, "demo-mode", FALSE);

  _desk_context_drop_catalog (self);
  g_object_notify_by_pspec (G_OBJECT (self), _desk_context_properties[PROP_SANDBOX]);
  g_object_notify_by_pspec (G_OBJECT (self), _desk_context_properties[PROP_DEMO]);
}

gboolean
desk_context_get_demo_offline (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), FALSE);

  return self->demo_offline;
}

/**
 * desk_context_set_demo_offline:
 * @self: a #DeskContext on the demo store
 * @offline: %TRUE to stop the demo store answering, %FALSE to start it again
 * @error: return location for why it could not start again
 *
 * "Unplugs" the demo store, so that a new user sees what Front Desk does when the shop's
 * internet drops: the store stops listening (requests are refused, as by a server that
 * can't be reached) and starts again on the same address, with its data, when plugged
 * back in. Changes made meanwhile wait in the outbox, which is asked to send them at once.
 *
 * Returns: %TRUE on success
 */
gboolean
desk_context_set_demo_offline (DeskContext  *self,
                               gboolean      offline,
                               GError      **error)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (self->sandbox != NULL, FALSE);

  offline = !!offline;
  if (self->demo_offline == offline)
    return TRUE;

  if (offline)
    {
      g_autoptr(GUri) uri = g_uri_parse (desk_sandbox_get_url (self->sandbox), G_URI_FLAGS_NONE,
                                         NULL);

      self->demo_port = uri != NULL ? g_uri_get_port (uri) : 0;
      desk_sandbox_stop (self->sandbox);
    }
  /* The store is seeded already: opening it again takes a moment, not the seconds a first
   * start may. */
  else if (!desk_sandbox_start (self->sandbox, self->demo_port, error))
    return FALSE;

  self->demo_offline = offline;
  g_object_notify_by_pspec (G_OBJECT (self), _desk_context_properties[PROP_DEMO_OFFLINE]);
  /* The window says so at once, as it would after the first change that could not go. */
  if (offline)
    desk_outbox_report_reachable (desk_context_get_outbox (self), FALSE);
  else
    desk_outbox_try_now (desk_context_get_outbox (self));

  return TRUE;
}

/**
 * desk_context_start_demo_async:
 *
 * Turns the context into the demo store: starts the built-in sandbox on its store in
 * `$XDG_DATA_HOME/frontdesk/demo-store.sqlite` and points the client at it, until
 * desk_context_leave_demo ().
 */
void
desk_context_start_demo_async (DeskContext         *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) job = NULL;
  g_autofree char *db_path = NULL;
  DemoStart *start;

  g_return_if_fail (DESK_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_context_start_demo_async);

  if (self->sandbox != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->demo)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The demo store is already starting."));
      return;
    }

  self->demo = TRUE;
  _desk_context_drop_catalog (self);
  g_object_notify_by_pspec (G_OBJECT (self), _desk_context_properties[PROP_DEMO]);

  db_path = g_build_filename (g_get_user_data_dir (), "frontdesk", "demo-store.sqlite", NULL);
  start = g_new0 (DemoStart, 1);
  start->sandbox = g_object_new (DESK_TYPE_SANDBOX,
                                 "db-path", db_path,
                                 NULL);
  start->task = g_steal_pointer (&task);
  self->demo_start = start;

  job = g_task_new (self, NULL, sandbox_started_cb, NULL);
  g_task_set_task_data (job, start, (GDestroyNotify) demo_start_free);
  g_task_run_in_thread (job, start_sandbox_thread);
}

gboolean
desk_context_start_demo_finish (DeskContext   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
sandbox_reset_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_signal_emit (object, _desk_context_signals[DEMO_RESET], 0);
  g_task_return_boolean (task, TRUE);
}

/* Throws away every change made to the demo store, then emits #DeskContext::demo-reset. */
void
desk_context_reset_demo_async (DeskContext         *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DESK_IS_CONTEXT (self));
  g_return_if_fail (self->sandbox != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_context_reset_demo_async);
  run_sandbox_job (self, self->sandbox, reset_sandbox_thread, sandbox_reset_cb,
                   g_steal_pointer (&task));
}

gboolean
desk_context_reset_demo_finish (DeskContext   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

