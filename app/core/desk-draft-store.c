/* desk-draft-store.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-draft-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "desk-draft-store.h"
#include "desk-intake-draft-private.h"

/* Intakes not yet sent, kept on disk as they change so that closing the window, a crash,
 * a kill -9 or a power cut loses nothing: the next start offers them back.
 *
 * One SQLite database, one row a draft, written whole in one statement: a row is always
 * one state of the form, never half of two. The journal is a write-ahead log with
 * synchronous=FULL: WAL alone already keeps every committed row through a crash or kill of
 * the process (the log is in the file system before the commit returns), and FULL adds an
 * fsync of the log at each commit, which is what carries a row through a power cut too.
 * The fsync costs a few milliseconds a save; saves are debounced by the form and run on a
 * thread of their own, so nobody waits for it.
 *
 * All work runs on one worker thread, in the order it was asked for (a GThreadPool of one
 * thread takes its jobs first in, first out), so a later save of a draft can never be
 * overtaken by an earlier one. The connection belongs to that thread. Each job works on a
 * copy of the draft made when it was asked for. */

#define SCHEMA \
  "CREATE TABLE IF NOT EXISTS drafts (" \
  " id TEXT PRIMARY KEY NOT NULL," \
  " created INTEGER NOT NULL," \
  " updated INTEGER NOT NULL," \
  " fields TEXT NOT NULL," \
  " strokes TEXT NOT NULL," \
  " terms TEXT NOT NULL);" \
  "PRAGMA user_version = 1;"

struct _DeskDraftStore
{
  GObject parent_instance;

  char        *path;
  GThreadPool *pool;      /* owned, one thread */
  sqlite3     *db;        /* owned; used on the pool's thread only */
};

G_DEFINE_FINAL_TYPE (DeskDraftStore, desk_draft_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  JOB_SAVE,
  JOB_LOAD,
  JOB_LIST,
  JOB_DELETE,
} JobKind;

typedef struct
{
  JobKind          kind;
  GTask           *task;      /* owned */
  DeskIntakeDraft *draft;     /* owned copy, for JOB_SAVE */
  char            *id;
} Job;

static gboolean
unref_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* Runs on the worker thread. The task's last reference must not go here: the task holds
 * the store, and a store finalized on its own worker thread would wait for itself. So it
 * goes in the task's own context, after the callback. */
static void
job_free (Job *job)
{
  GMainContext *context = g_task_get_context (job->task);
  GSource *source = g_idle_source_new ();

  g_source_set_callback (source, unref_cb, g_steal_pointer (&job->task), NULL);
  g_source_set_static_name (source, "[desk] draft store job");
  g_source_attach (source, context);
  g_source_unref (source);
  g_clear_object (&job->draft);
  g_free (job->id);
  g_free (job);
}

static gboolean
fail (DeskDraftStore  *self,
      GError         **error)
{
  /* The database's own words go to the log; the person at the counter gets what it means
   * for them. */
  g_message ("Draft store %s: %s", self->path, self->db ? sqlite3_errmsg (self->db) : "not open");
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Unfinished intakes cannot be kept on this computer: the disk may "
                         "be full or read-only."));
  return FALSE;
}

static gboolean
exec (DeskDraftStore  *self,
      const char      *sql,
      GError         **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail (self, error);

  return TRUE;
}

static gboolean
ensure_open (DeskDraftStore  *self,
             GError         **error)
{
  g_autofree char *dir = NULL;

  if (self->db != NULL)
    return TRUE;

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return fail (self, error);

  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      fail (self, error);
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  sqlite3_busy_timeout (self->db, 5000);
  if (!exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", error) ||
      !exec (self, SCHEMA, error))
    {
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  return TRUE;
}

static gboolean
run_save (DeskDraftStore   *self,
          DeskIntakeDraft  *draft,
          GError          **error)
{
  g_autofree char *fields = desk_intake_draft_fields_to_json (draft);
  g_autofree char *strokes = desk_intake_draft_strokes_to_json (draft);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT OR REPLACE INTO drafts (id, created, updated, fields, strokes,"
                          " terms) VALUES (?, ?, ?, ?, ?, ?)", -1, &stmt, NULL) != SQLITE_OK)
    return fail (self, error);

  sqlite3_bind_text (stmt, 1, desk_intake_draft_get_id (draft), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, desk_intake_draft_get_created (draft));
  sqlite3_bind_int64 (stmt, 3, desk_intake_draft_get_updated (draft));
  sqlite3_bind_text (stmt, 4, fields, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, strokes, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, desk_intake_draft_get_terms (draft), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? TRUE : fail (self, error);
}

static DeskIntakeDraft *
read_row (sqlite3_stmt  *stmt,
          GError       **error)
{
  return desk_intake_draft_new_from_row ((const char *) sqlite3_column_text (stmt, 0),
                                         sqlite3_column_int64 (stmt, 1),
                                         sqlite3_column_int64 (stmt, 2),
                                         (const char *) sqlite3_column_text (stmt, 3),
                                         (const char *) sqlite3_column_text (stmt, 4),
                                         (const char *) sqlite3_column_text (stmt, 5),
                                         error);
}

/* The drafts with @id, or all of them, newest first. */
static GPtrArray *
run_select (DeskDraftStore  *self,
            const char      *id,
            GError         **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, created, updated, fields, strokes, terms FROM drafts"
                          " WHERE ?1 IS NULL OR id = ?1 ORDER BY updated DESC, id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      fail (self, error);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      DeskIntakeDraft *draft = read_row (stmt, &local_error);

      /* A damaged row must not hide the others from the list; asked for by id, it says so. */
      if (draft != NULL)
        g_ptr_array_add (drafts, draft);
      else if (id != NULL)
        {
          sqlite3_finalize (stmt);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      else
        g_message ("Skipping a damaged draft: %s", local_error->message);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      fail (self, error);
      return NULL;
    }

  return g_steal_pointer (&drafts);
}

static gboolean
run_delete (DeskDraftStore  *self,
            const char      *id,
            GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "DELETE FROM drafts WHERE id = ?", -1, &stmt, NULL)
      != SQLITE_OK)
    return fail (self, error);

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? TRUE : fail (self, error);
}

static void
run_load (DeskDraftStore *self,
          Job            *job)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = run_select (self, job->id, &error);

  if (found == NULL)
    g_task_return_error (job->task, g_steal_pointer (&error));
  else if (found->len == 0)
    g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                             _("This unfinished intake is no longer on this computer."));
  else
    g_task_return_pointer (job->task, g_object_ref (g_ptr_array_index (found, 0)),
                           g_object_unref);
}

static void
run_job_cb (gpointer data,
            gpointer user_data)
{
  Job *job = data;
  DeskDraftStore *self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts;

  if (g_task_return_error_if_cancelled (job->task))
    {
      job_free (job);
      return;
    }

  if (!ensure_open (self, &error))
    g_task_return_error (job->task, g_steal_pointer (&error));
  else if (job->kind == JOB_SAVE)
    {
      if (run_save (self, job->draft, &error))
        g_task_return_boolean (job->task, TRUE);
      else
        g_task_return_error (job->task, g_steal_pointer (&error));
    }
  else if (job->kind == JOB_LOAD)
    run_load (self, job);
  else if (job->kind == JOB_LIST)
    {
      if ((drafts = run_select (self, NULL, &error)) != NULL)
        g_task_return_pointer (job->task, drafts, (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_error (job->task, g_steal_pointer (&error));
    }
  else if (run_delete (self, job->id, &error))
    g_task_return_boolean (job->task, TRUE);
  else
    g_task_return_error (job->task, g_steal_pointer (&error));

  job_free (job);
}

static void
queue_job (DeskDraftStore      *self,
           JobKind              kind,
           DeskIntakeDraft     *draft,
           const char          *id,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data,
           gpointer             source_tag)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);
  job->draft = draft != NULL ? desk_intake_draft_copy (draft) : NULL;
  job->id = g_strdup (id);

  g_thread_pool_push (self->pool, job, NULL);
}

static void
desk_draft_store_finalize (GObject *object)
{
  DeskDraftStore *self = DESK_DRAFT_STORE (object);

  /* Each job's task holds the store, so no job is left by now; this waits for the thread
   * to finish returning the last one. */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (desk_draft_store_parent_class)->finalize (object);
}

static void
desk_draft_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DeskDraftStore *self = DESK_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_draft_store_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DeskDraftStore *self = DESK_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_free (self->path);
      self->path = g_value_get_string (value) != NULL
                 ? g_value_dup_string (value)
                 : g_build_filename (g_get_user_data_dir (), "frontdesk", "drafts.sqlite", NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_draft_store_class_init (DeskDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_draft_store_finalize;
  object_class->get_property = desk_draft_store_get_property;
  object_class->set_property = desk_draft_store_set_property;

  /**
   * DeskDraftStore:path:
   *
   * The database file; by default `frontdesk/drafts.sqlite` in the user data directory.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_draft_store_init (DeskDraftStore *self)
{
  self->pool = g_thread_pool_new (run_job_cb, self, 1, FALSE, NULL);
}

/**
 * desk_draft_store_new:
 * @path: (nullable): the database file, or %NULL for the default
 *
 * Nothing is opened until the first job runs, on the store's own thread.
 *
 * Returns: (transfer full): a new #DeskDraftStore
 */
DeskDraftStore *
desk_draft_store_new (const char *path)
{
  return g_object_new (DESK_TYPE_DRAFT_STORE, "path", path, NULL);
}

/**
 * desk_draft_store_get_path:
 * @self: a #DeskDraftStore
 *
 * Returns: the database file
 */
const char *
desk_draft_store_get_path (DeskDraftStore *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT_STORE (self), NULL);

  return self->path;
}

/**
 * desk_draft_store_save_async:
 * @self: a #DeskDraftStore
 * @draft: the draft as it is now; a copy is taken at once
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the draft is on disk
 * @user_data: data for @callback
 *
 * Writes @draft over what was kept under its id. Saves happen in the order they were
 * asked for. The caller debounces: each save writes the whole draft.
 */
void
desk_draft_store_save_async (DeskDraftStore      *self,
                             DeskIntakeDraft     *draft,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (DESK_IS_DRAFT_STORE (self));
  g_return_if_fail (DESK_IS_INTAKE_DRAFT (draft));

  queue_job (self, JOB_SAVE, draft, NULL, cancellable, callback, user_data,
             desk_draft_store_save_async);
}

/**
 * desk_draft_store_save_finish:
 * @self: a #DeskDraftStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the draft is on disk
 */
gboolean
desk_draft_store_save_finish (DeskDraftStore  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_draft_store_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * desk_draft_store_load_async:
 * @self: a #DeskDraftStore
 * @id: the draft's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the draft
 * @user_data: data for @callback
 */
void
desk_draft_store_load_async (DeskDraftStore      *self,
                             const char          *id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (DESK_IS_DRAFT_STORE (self));
  g_return_if_fail (id != NULL);

  queue_job (self, JOB_LOAD, NULL, id, cancellable, callback, user_data,
             desk_draft_store_load_async);
}

/**
 * desk_draft_store_load_finish:
 * @self: a #DeskDraftStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the draft as last saved, or %NULL with %G_IO_ERROR_NOT_FOUND
 *   if there is none under that id, or another error
 */
DeskIntakeDraft *
desk_draft_store_load_finish (DeskDraftStore  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_draft_store_load_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * desk_draft_store_list_async:
 * @self: a #DeskDraftStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the drafts
 * @user_data: data for @callback
 */
void
desk_draft_store_list_async (DeskDraftStore      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (DESK_IS_DRAFT_STORE (self));

  queue_job (self, JOB_LIST, NULL, NULL, cancellable, callback, user_data,
             desk_draft_store_list_async);
}

/**
 * desk_draft_store_list_finish:
 * @self: a #DeskDraftStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type DeskIntakeDraft): every draft waiting, the one
 *   changed last first, or %NULL with an error
 */
GPtrArray *
desk_draft_store_list_finish (DeskDraftStore  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_draft_store_list_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * desk_draft_store_delete_async:
 * @self: a #DeskDraftStore
 * @id: the draft's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is gone
 * @user_data: data for @callback
 *
 * Forgets a draft: the ticket was created or the assistant discarded it. Deleting a draft
 * that is not there succeeds.
 */
void
desk_draft_store_delete_async (DeskDraftStore      *self,
                               const char          *id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (DESK_IS_DRAFT_STORE (self));
  g_return_if_fail (id != NULL);

  queue_job (self, JOB_DELETE, NULL, id, cancellable, callback, user_data,
             desk_draft_store_delete_async);
}

/**
 * desk_draft_store_delete_finish:
 * @self: a #DeskDraftStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the draft is gone
 */
gboolean
desk_draft_store_delete_finish (DeskDraftStore  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_draft_store_delete_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
