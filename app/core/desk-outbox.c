/* desk-outbox.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-outbox"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "desk-api-error.h"
#include "desk-outbox.h"
#include "desk-writer-private.h"

/* Changes that could not reach RepairDesk, kept on disk until it answers again, then sent
 * in the order they were made, each at most once.
 *
 * The disk. One SQLite database beside the intake drafts (the same journal: WAL with
 * synchronous=FULL, so a committed row survives a kill -9 and a power cut), one row a
 * change, worked on by one worker thread in the order asked for. A row's state is written
 * and on disk before what it stands for happens: "sending" before the request leaves, so a
 * Front Desk killed while a change is on its way finds it "sending" on the next start, and
 * checks the server for it instead of sending it again.
 *
 * The rules, for each change in order:
 * - waiting: marked sending (on disk), then sent once. Saved: done. Refused: it stays,
 *   with the server's reason, until the assistant discards it. Never left (the server
 *   can't be reached): waiting again, and the outbox probes the server, with a growing
 *   pause, through the client (and so its rate governor), until it answers.
 * - sending (found so after a restart) or its answer lost: checking. The record is looked
 *   for on the server (a created ticket: the same customer and devices created since it
 *   was sent; a created customer: the same name and number or email; an update: the
 *   record read back holds what was sent). Found: saved. Not there: waiting again, and only
 *   then sent again. Not known (the server can't be reached): it stays checking.
 * - A change that names a customer still waiting in the outbox (desk_change_set_depends_on)
 *   waits for it, then goes with the id the server gave the customer.
 *
 * Saved rows are kept as long as a change still waiting names them, for their ids. */

#define SCHEMA \
  "CREATE TABLE IF NOT EXISTS items (" \
  " seq INTEGER PRIMARY KEY AUTOINCREMENT," \
  " uuid TEXT UNIQUE NOT NULL," \
  " change TEXT NOT NULL," \
  " state INTEGER NOT NULL," \
  " reason TEXT," \
  " queued INTEGER NOT NULL," \
  " sent INTEGER NOT NULL DEFAULT 0," \
  " result_id INTEGER NOT NULL DEFAULT 0," \
  " depends_on TEXT);" \
  "PRAGMA user_version = 1;"

/* A record found on the server may have been created this long before the change was
 * sent: the server's clock may be behind the counter PC's. */
#define CLOCK_SLACK_S 120
#define FIRST_PROBE_MS 2000
#define MAX_PROBE_MS 60000

/* --- Items --------------------------------------------------------------------------------- */

struct _DeskOutboxItem
{
  GObject          parent_instance;

  DeskChange      *change;
  char            *reason;
  DeskOutboxState  state;
  gint64           queued;
  gint64           sent;
  gint64           result_id;
};

enum {
  ITEM_PROP_0,
  ITEM_PROP_STATE,
  ITEM_PROP_REASON,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

G_DEFINE_FINAL_TYPE (DeskOutboxItem, desk_outbox_item, G_TYPE_OBJECT)

static void
desk_outbox_item_finalize (GObject *object)
{
  DeskOutboxItem *self = DESK_OUTBOX_ITEM (object);

  g_clear_object (&self->change);
  g_free (self->reason);

  G_OBJECT_CLASS (desk_outbox_item_parent_class)->finalize (object);
}

static void
desk_outbox_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DeskOutboxItem *self = DESK_OUTBOX_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case ITEM_PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_outbox_item_class_init (DeskOutboxItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_outbox_item_finalize;
  object_class->get_property = desk_outbox_item_get_property;

  /* A #DeskOutboxState. */
  item_properties[ITEM_PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, DESK_OUTBOX_WAITING, DESK_OUTBOX_SAVED,
                      DESK_OUTBOX_WAITING,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Why RepairDesk refused it, in its words. */
  item_properties[ITEM_PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
desk_outbox_item_init (DeskOutboxItem *self)
{
}

static void
item_set_state (DeskOutboxItem  *self,
                DeskOutboxState  state,
                const char      *reason)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_STATE]);
    }
  if (g_strcmp0 (self->reason, reason) != 0)
    {
      g_free (self->reason);
      self->reason = g_strdup (reason);
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_REASON]);
    }
}

/* Returns: (transfer none): the change as it was made */
DeskChange *
desk_outbox_item_get_change (DeskOutboxItem *self)
{
  g_return_val_if_fail (DESK_IS_OUTBOX_ITEM (self), NULL);

  return self->change;
}

DeskOutboxState
desk_outbox_item_get_state (DeskOutboxItem *self)
{
  g_return_val_if_fail (DESK_IS_OUTBOX_ITEM (self), DESK_OUTBOX_WAITING);

  return self->state;
}

/* Returns: (nullable): why RepairDesk refused it */
const char *
desk_outbox_item_get_reason (DeskOutboxItem *self)
{
  g_return_val_if_fail (DESK_IS_OUTBOX_ITEM (self), NULL);

  return self->reason;
}

/* Returns: when it was put in the outbox, unix seconds */
gint64
desk_outbox_item_get_queued (DeskOutboxItem *self)
{
  g_return_val_if_fail (DESK_IS_OUTBOX_ITEM (self), 0);

  return self->queued;
}

/**
 * desk_outbox_item_dup_title:
 * @self: a #DeskOutboxItem
 *
 * Returns: (transfer full): what the change does, for the list of waiting changes
 */
char *
desk_outbox_item_dup_title (DeskOutboxItem *self)
{
  gpointer record;

  g_return_val_if_fail (DESK_IS_OUTBOX_ITEM (self), NULL);

  record = desk_change_get_record (self->change);
  switch (desk_change_get_kind (self->change))
    {
    case DESK_CHANGE_CREATE_CUSTOMER:
      /* Translators: a new customer waiting to be sent; %s %s is the first and last name. */
      return g_strdup_printf (_("New customer %s %s"),
                              desk_customer_get_first_name (record) ?: "",
                              desk_customer_get_last_name (record) ?: "");
    case DESK_CHANGE_UPDATE_CUSTOMER:
      return g_strdup_printf (_("Changes to customer %s %s"),
                              desk_customer_get_first_name (record) ?: "",
                              desk_customer_get_last_name (record) ?: "");
    case DESK_CHANGE_CREATE_TICKET:
      {
        g_autoptr(DeskTicketDevice) first = g_list_model_get_item (desk_ticket_get_devices (record), 0);
        g_autofree char *device = NULL;

        if (first != NULL)
          g_object_get (first, "device-name", &device, NULL);
        if (device != NULL && *device != '\0')
          /* Translators: an intake waiting to be sent; %s is the first device's name. */
          return g_strdup_printf (_("New ticket: %s"), device);
        return g_strdup (_("New ticket"));
      }
    case DESK_CHANGE_UPDATE_TICKET:
      if (desk_ticket_get_order_id (record) != NULL)
        return g_strdup_printf (_("Changes to ticket %s"), desk_ticket_get_order_id (record));
      return g_strdup (_("Changes to a ticket"));
    case DESK_CHANGE_CONVERT_TICKET:
    case DESK_CHANGE_CREATE_INVOICE:
    case DESK_CHANGE_UPDATE_INVOICE:
    case DESK_CHANGE_ADD_PAYMENT:
    default:
      return g_strdup (_("A change"));
    }
}

const char *
desk_outbox_state_to_string (DeskOutboxState state)
{
  switch (state)
    {
    case DESK_OUTBOX_WAITING: return "waiting";
    case DESK_OUTBOX_SENDING: return "sending";
    case DESK_OUTBOX_CHECKING: return "checking";
    case DESK_OUTBOX_REFUSED: return "refused";
    case DESK_OUTBOX_SAVED: return "saved";
    default: return "invalid";
    }
}

/* --- The outbox ---------------------------------------------------------------------------- */

struct _DeskOutbox
{
  GObject         parent_instance;

  /* owned */
  DeskApiClient  *client;
  char           *path;
  GThreadPool    *pool;        /* one thread */
  sqlite3        *db;          /* on the pool's thread only */
  GListStore     *items;       /* DeskOutboxItem not yet saved, in order */
  GHashTable     *saved;       /* uuid -> gint64 * id the server gave */
  GCancellable   *cancellable;
  GPtrArray      *load_waiters; /* GTask */

  /* state */
  guint           probe_source;
  guint           probe_ms;
  gboolean        loaded;
  gboolean        reachable;
  gboolean        busy;        /* one change (or its check) in flight */
  gboolean        probing;
  gboolean        disposed;    /* nothing new starts: no timer may outlive the outbox */
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PATH,
  PROP_N_ITEMS,
  PROP_LOADED,
  PROP_REACHABLE,
  PROP_IDLE,
  N_PROPS
};

enum {
  ITEM_SETTLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DeskOutbox, desk_outbox, G_TYPE_OBJECT)

static void pump (DeskOutbox *self);
static void schedule_probe (DeskOutbox *self);

/* --- The worker thread -------------------------------------------------------------------- */

typedef enum
{
  JOB_LOAD,
  JOB_PUT,
  JOB_DELETE,
} JobKind;

typedef struct
{
  char    *uuid;
  char    *change;
  char    *reason;
  char    *depends_on;
  int      state;
  gint64   queued;
  gint64   sent;
  gint64   result_id;
} Row;

static void
row_free (Row *row)
{
  g_free (row->uuid);
  g_free (row->change);
  g_free (row->reason);
  g_free (row->depends_on);
  g_free (row);
}

typedef struct
{
  JobKind  kind;
  GTask   *task;   /* owned */
  Row     *row;    /* owned, for JOB_PUT; uuid only for JOB_DELETE */
} Job;

static gboolean
unref_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* As in the drafts store: the task's last reference goes in its own context, never on
 * the worker thread, which the outbox's finalize waits for. */
static void
job_free (Job *job)
{
  GMainContext *context = g_task_get_context (job->task);
  GSource *source = g_idle_source_new ();

  g_source_set_callback (source, unref_cb, g_steal_pointer (&job->task), NULL);
  g_source_set_static_name (source, "[desk] outbox job");
  g_source_attach (source, context);
  g_source_unref (source);
  g_clear_pointer (&job->row, row_free);
  g_free (job);
}

static gboolean
fail (DeskOutbox  *self,
      GError     **error)
{
  g_message ("Outbox %s: %s", self->path, self->db ? sqlite3_errmsg (self->db) : "not open");
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Changes cannot be kept on this computer: the disk may be full or "
                         "read-only."));
  return FALSE;
}

static gboolean
exec (DeskOutbox  *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail (self, error);

  return TRUE;
}

static gboolean
ensure_open (DeskOutbox  *self,
             GError     **error)
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
run_put (DeskOutbox  *self,
         Row         *row,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO items (uuid, change, state, reason, queued, sent, result_id,"
                          " depends_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                          " ON CONFLICT (uuid) DO UPDATE SET state = ?3, reason = ?4, sent = ?6,"
                          " result_id = ?7", -1, &stmt, NULL) != SQLITE_OK)
    return fail (self, error);

  sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row->change, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, row->state);
  sqlite3_bind_text (stmt, 4, row->reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, row->queued);
  sqlite3_bind_int64 (stmt, 6, row->sent);
  sqlite3_bind_int64 (stmt, 7, row->result_id);
  sqlite3_bind_text (stmt, 8, row->depends_on, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? TRUE : fail (self, error);
}

static gboolean
run_delete (DeskOutbox  *self,
            const char  *uuid,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "DELETE FROM items WHERE uuid = ?", -1, &stmt, NULL)
      != SQLITE_OK)
    return fail (self, error);

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? TRUE : fail (self, error);
}

/* Every row, in the order the changes were made; saved rows no waiting change names are
 * let go first. */
static GPtrArray *
run_load (DeskOutbox  *self,
          GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!exec (self, "DELETE FROM items WHERE state = 4 AND uuid NOT IN (SELECT depends_on FROM"
                   " items WHERE depends_on IS NOT NULL AND state != 4)", error))
    return NULL;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT uuid, change, state, reason, queued, sent, result_id, depends_on"
                          " FROM items ORDER BY seq", -1, &stmt, NULL) != SQLITE_OK)
    {
      fail (self, error);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);

      row->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->change = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->state = sqlite3_column_int (stmt, 2);
      row->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->queued = sqlite3_column_int64 (stmt, 4);
      row->sent = sqlite3_column_int64 (stmt, 5);
      row->result_id = sqlite3_column_int64 (stmt, 6);
      row->depends_on = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      fail (self, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static void
run_job_cb (gpointer data,
            gpointer user_data)
{
  Job *job = data;
  DeskOutbox *self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  if (!ensure_open (self, &error))
    g_task_return_error (job->task, g_steal_pointer (&error));
  else if (job->kind == JOB_LOAD)
    {
      if ((rows = run_load (self, &error)) != NULL)
        g_task_return_pointer (job->task, rows, (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_error (job->task, g_steal_pointer (&error));
    }
  else if (job->kind == JOB_PUT ? run_put (self, job->row, &error)
                                : run_delete (self, job->row->uuid, &error))
    g_task_return_boolean (job->task, TRUE);
  else
    g_task_return_error (job->task, g_steal_pointer (&error));

  job_free (job);
}

/* Jobs are not cancellable: a row asked to be written is written. */
static void
queue_job (DeskOutbox          *self,
           JobKind              kind,
           Row                 *row,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (job->task, queue_job);
  job->row = row;

  g_thread_pool_push (self->pool, job, NULL);
}

static Row *
row_of_item (DeskOutboxItem *item)
{
  g_autoptr(JsonNode) node = desk_change_to_json (item->change);
  Row *row = g_new0 (Row, 1);

  row->uuid = g_strdup (desk_change_get_uuid (item->change));
  row->change = json_to_string (node, FALSE);
  row->state = item->state;
  row->reason = g_strdup (item->reason);
  row->depends_on = g_strdup (desk_change_get_depends_on (item->change));
  row->queued = item->queued;
  row->sent = item->sent;
  row->result_id = item->result_id;

  return row;
}

/* --- Bookkeeping on the main thread -------------------------------------------------------- */

static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
notify_counts (DeskOutbox *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE]);
}

static void
set_busy (DeskOutbox *self,
          gboolean    busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE]);
}

static void
set_reachable (DeskOutbox *self,
               gboolean    reachable)
{
  if (self->reachable == reachable)
    return;
  self->reachable = reachable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACHABLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE]);
}

static gboolean
find_item (DeskOutbox      *self,
           const char      *uuid,
           DeskOutboxItem **item,
           guint           *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskOutboxItem) candidate = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_str_equal (desk_change_get_uuid (candidate->change), uuid))
        {
          if (item != NULL)
            *item = candidate;
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
remember_saved (DeskOutbox *self,
                const char *uuid,
                gint64      id)
{
  gint64 *value = g_new (gint64, 1);

  *value = id;
  g_hash_table_replace (self->saved, g_strdup (uuid), value);
}

/* What a job on the item's row did; the next step waits for it. */
typedef struct
{
  DeskOutbox     *outbox;   /* owned */
  DeskOutboxItem *item;     /* owned */
  DeskChange     *sent;     /* owned: the change as sent (linked), or NULL */
  GObject        *record;   /* owned: the record found or saved */
  GError         *error;    /* owned: why it was refused */
} Step;

static Step *
step_new (DeskOutbox     *self,
          DeskOutboxItem *item)
{
  Step *step = g_new0 (Step, 1);

  step->outbox = g_object_ref (self);
  step->item = g_object_ref (item);

  return step;
}

static void
step_free (Step *step)
{
  g_clear_object (&step->outbox);
  g_clear_object (&step->item);
  g_clear_object (&step->sent);
  g_clear_object (&step->record);
  g_clear_error (&step->error);
  g_free (step);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Step, step_free)

static gboolean
step_written (DeskOutbox    *self,
              GAsyncResult  *result)
{
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    return TRUE;

  /* Nothing leaves without its state on disk first: the outbox stops until the next probe. */
  g_message ("The outbox could not write: %s", error->message);
  set_busy (self, FALSE);
  set_reachable (self, FALSE);
  schedule_probe (self);
  return FALSE;
}

/* --- Done with an item --------------------------------------------------------------------- */

static void
settled_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Step) step = user_data;
  DeskOutbox *self = step->outbox;
  DeskOutboxItem *item = step->item;
  guint position;

  if (!step_written (self, result))
    return;

  if (item->state == DESK_OUTBOX_SAVED)
    {
      remember_saved (self, desk_change_get_uuid (item->change), item->result_id);
      if (find_item (self, desk_change_get_uuid (item->change), NULL, &position))
        g_list_store_remove (self->items, position);
      notify_counts (self);
      g_signal_emit (self, signals[ITEM_SETTLED], 0, item->change, DESK_FATE_SAVED,
                     step->record, NULL);
    }
  else
    g_signal_emit (self, signals[ITEM_SETTLED], 0, item->change, DESK_FATE_REFUSED, NULL,
                   step->error);

  set_busy (self, FALSE);
  pump (self);
}

static gint64
record_id (GObject *record)
{
  gint64 id = 0;

  g_object_get (record, "id", &id, NULL);
  return id;
}

static void
finish_saved (Step    *step,
              GObject *record)
{
  DeskOutboxItem *item = step->item;

  g_debug ("%s: saved as %" G_GINT64_FORMAT, desk_change_get_uuid (item->change), record_id (record));
  g_set_object (&step->record, record);
  item->result_id = record_id (record);
  item_set_state (item, DESK_OUTBOX_SAVED, NULL);
  queue_job (step->outbox, JOB_PUT, row_of_item (item), settled_written_cb, step);
}

static void
finish_refused (Step         *step,
                const GError *error)
{
  DeskOutboxItem *item = step->item;
  const char *detail = error->domain == DESK_API_ERROR ? desk_api_error_get_detail (error) : NULL;
  g_autofree char *reason = detail != NULL && g_strcmp0 (detail, error->message) != 0
                          ? g_strdup_printf ("%s (%s)", error->message, detail)
                          : g_strdup (error->message);

  step->error = g_error_copy (error);
  item_set_state (item, DESK_OUTBOX_REFUSED, reason);
  queue_job (step->outbox, JOB_PUT, row_of_item (item), settled_written_cb, step);
}

/* A change whose answer was lost and that is not on the server goes again, but not at
 * once: a server that fails every write would otherwise be sent it without pause. */
static gboolean
held_cb (gpointer data)
{
  DeskOutbox *self = data;

  self->probe_source = 0;
  pump (self);

  return G_SOURCE_REMOVE;
}

static void
hold (DeskOutbox *self)
{
  if (self->disposed)
    return;
  g_clear_handle_id (&self->probe_source, g_source_remove);
  self->probe_source = g_timeout_add_full (G_PRIORITY_DEFAULT, self->probe_ms, held_cb, self,
                                           NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->probe_source),
                            "[desk] outbox pause");
  self->probe_ms = MIN (self->probe_ms * 2, MAX_PROBE_MS);
}

/* Back to waiting: it surely was not applied. */
static void
waiting_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Step) step = user_data;
  DeskOutbox *self = step->outbox;

  if (!step_written (self, result))
    return;

  set_busy (self, FALSE);
  pump (self);
}

static void
not_there_written_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Step) step = user_data;
  DeskOutbox *self = step->outbox;

  if (!step_written (self, result))
    return;

  set_busy (self, FALSE);
  hold (self);
}

static void
finish_not_there (Step *step)
{
  g_debug ("%s: not on the server, to be sent again", desk_change_get_uuid (step->item->change));
  item_set_state (step->item, DESK_OUTBOX_WAITING, NULL);
  queue_job (step->outbox, JOB_PUT, row_of_item (step->item), not_there_written_cb, step);
}

/* The server can't be reached: the item keeps its state, and the outbox waits for it. */
static void
finish_unreachable (Step *step)
{
  DeskOutbox *self = step->outbox;

  set_busy (self, FALSE);
  set_reachable (self, FALSE);
  schedule_probe (self);
}

/* --- Checking for a change whose answer was lost ------------------------------------------- */

static void check_item (Step *step);

static DeskChange *
change_to_send (DeskOutbox     *self,
                DeskOutboxItem *item)
{
  const char *depends_on = desk_change_get_depends_on (item->change);
  gint64 *id;

  if (depends_on == NULL)
    return g_object_ref (item->change);

  id = g_hash_table_lookup (self->saved, depends_on);
  g_assert (id != NULL);

  return desk_change_link (item->change, *id);
}

static void
check_failed (Step         *step,
              const GError *error)
{
  g_message ("Could not check %s: %s", desk_change_get_uuid (step->item->change), error->message);
  finish_unreachable (step);
}

static void
tickets_found_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Step) step = user_data;
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GError) error = NULL;
  gint64 since = (step->item->sent > 0 ? step->item->sent : step->item->queued) - CLOCK_SLACK_S;

  tickets = desk_api_client_list_tickets_finish (DESK_API_CLIENT (object), result, NULL, &error);
  if (tickets == NULL)
    {
      check_failed (step, error);
      return;
    }

  for (guint i = 0; i < tickets->len; i++)
    if (desk_outbox_ticket_matches (g_ptr_array_index (tickets, i),
                                    desk_change_get_record (step->sent), since))
      {
        finish_saved (g_steal_pointer (&step), g_ptr_array_index (tickets, i));
        return;
      }

  finish_not_there (g_steal_pointer (&step));
}

static void
customers_found_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Step) step = user_data;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GError) error = NULL;

  customers = desk_api_client_list_customers_finish (DESK_API_CLIENT (object), result, NULL,
                                                     &error);
  if (customers == NULL)
    {
      check_failed (step, error);
      return;
    }

  for (guint i = 0; i < customers->len; i++)
    if (desk_outbox_customer_matches (g_ptr_array_index (customers, i),
                                      desk_change_get_record (step->sent)))
      {
        finish_saved (g_steal_pointer (&step), g_ptr_array_index (customers, i));
        return;
      }

  finish_not_there (g_steal_pointer (&step));
}

static void
read_back_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Step) step = user_data;
  g_autoptr(GObject) found = NULL;
  g_autoptr(GError) error = NULL;

  if (desk_change_get_kind (step->sent) == DESK_CHANGE_UPDATE_TICKET)
    found = G_OBJECT (desk_api_client_get_ticket_finish (DESK_API_CLIENT (object), result, &error));
  else
    found = G_OBJECT (desk_api_client_get_customer_finish (DESK_API_CLIENT (object), result, &error));

  if (found == NULL)
    check_failed (step, error);
  else if (desk_outbox_record_holds (found, desk_change_get_record (step->sent)))
    finish_saved (g_steal_pointer (&step), found);
  else
    finish_not_there (g_steal_pointer (&step));
}

static void
look_up (Step *step)
{
  DeskOutbox *self = step->outbox;
  /* A change waits days at most; the server's "yesterday" is that day alone. */
  DeskListQuery query = { .filter = DESK_LIST_FILTER_LAST_WEEK };
  gpointer record;

  g_set_object (&step->sent, change_to_send (self, step->item));
  record = desk_change_get_record (step->sent);
  g_debug ("%s: looking for it on the server", desk_change_get_uuid (step->item->change));

  switch (desk_change_get_kind (step->sent))
    {
    case DESK_CHANGE_CREATE_TICKET:
      {
        g_autoptr(DeskTicketDevice) first = g_list_model_get_item (desk_ticket_get_devices (record), 0);
        g_autofree char *imei = NULL, *serial = NULL;

        if (first != NULL)
          g_object_get (first, "imei", &imei, "serial", &serial, NULL);
        query.keyword = imei != NULL && *imei != '\0' ? imei
                      : serial != NULL && *serial != '\0' ? serial : NULL;
        desk_api_client_list_tickets_async (self->client, &query, 0, self->cancellable,
                                            tickets_found_cb, step);
      }
      break;
    case DESK_CHANGE_CREATE_CUSTOMER:
      {
        const char *keys[] = { desk_customer_get_mobile (record), desk_customer_get_phone (record),
                               desk_customer_get_email (record), desk_customer_get_last_name (record) };

        for (guint i = 0; i < G_N_ELEMENTS (keys) && query.keyword == NULL; i++)
          if (keys[i] != NULL && *keys[i] != '\0')
            query.keyword = (char *) keys[i];
        desk_api_client_list_customers_async (self->client, &query, 0, self->cancellable,
                                              customers_found_cb, step);
      }
      break;
    case DESK_CHANGE_UPDATE_TICKET:
      desk_api_client_get_ticket_async (self->client, desk_change_get_target_id (step->sent),
                                        self->cancellable, read_back_cb, step);
      break;
    case DESK_CHANGE_UPDATE_CUSTOMER:
      desk_api_client_get_customer_async (self->client, desk_change_get_target_id (step->sent),
                                          self->cancellable, read_back_cb, step);
      break;
    case DESK_CHANGE_CONVERT_TICKET:
    case DESK_CHANGE_CREATE_INVOICE:
    case DESK_CHANGE_UPDATE_INVOICE:
    case DESK_CHANGE_ADD_PAYMENT:
    default:
      g_assert_not_reached ();
    }
}

static void
checking_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Step *step = user_data;

  if (!step_written (step->outbox, result))
    {
      step_free (step);
      return;
    }

  look_up (step);
}

/* Before anything is sent again, the server is asked whether it has it. */
static void
check_item (Step *step)
{
  if (step->item->state == DESK_OUTBOX_CHECKING)
    {
      look_up (step);
      return;
    }

  item_set_state (step->item, DESK_OUTBOX_CHECKING, NULL);
  queue_job (step->outbox, JOB_PUT, row_of_item (step->item), checking_written_cb, step);
}

/* --- Sending ------------------------------------------------------------------------------- */

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Step) step = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = NULL;
  DeskFate fate;

  fate = _desk_writer_send_finish (result, &record, &error);
  g_debug ("%s: %s", desk_change_get_uuid (step->item->change), desk_fate_to_string (fate));

  switch (fate)
    {
    case DESK_FATE_SAVED:
      set_reachable (step->outbox, TRUE);
      step->outbox->probe_ms = FIRST_PROBE_MS;
      finish_saved (g_steal_pointer (&step), record);
      break;
    case DESK_FATE_REFUSED:
      finish_refused (g_steal_pointer (&step), error);
      break;
    case DESK_FATE_NOT_SENT:
      /* It never left: waiting again, on disk, until the server answers. */
      item_set_state (step->item, DESK_OUTBOX_WAITING, NULL);
      set_reachable (step->outbox, FALSE);
      queue_job (step->outbox, JOB_PUT, row_of_item (step->item), waiting_written_cb,
                 g_steal_pointer (&step));
      break;
    case DESK_FATE_UNKNOWN:
    case DESK_FATE_QUEUED:
    default:
      check_item (g_steal_pointer (&step));
      break;
    }
}

static void
sending_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Step *step = user_data;

  if (!step_written (step->outbox, result))
    {
      step_free (step);
      return;
    }

  _desk_writer_send_async (step->outbox->client, step->sent, sent_cb, step);
}

static void
send_item (Step *step)
{
  g_set_object (&step->sent, change_to_send (step->outbox, step->item));
  step->item->sent = now_s ();
  item_set_state (step->item, DESK_OUTBOX_SENDING, NULL);
  queue_job (step->outbox, JOB_PUT, row_of_item (step->item), sending_written_cb, step);
}

/* A change whose customer was discarded from the outbox cannot be sent. */
static void
refuse_orphan (DeskOutbox     *self,
               DeskOutboxItem *item)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                                 _("The new customer it was for was discarded. "
                                                   "Discard this too, and enter it again for "
                                                   "another customer."));

  set_busy (self, TRUE);
  finish_refused (step_new (self, item), error);
}

/* The next change that may go: the first in order that waits (or was on its way) and
 * does not wait for another. */
static DeskOutboxItem *
next_item (DeskOutbox *self,
           gboolean   *orphan)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  *orphan = FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskOutboxItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const char *depends_on = desk_change_get_depends_on (item->change);

      if (item->state == DESK_OUTBOX_REFUSED)
        continue;
      if (depends_on != NULL && !g_hash_table_contains (self->saved, depends_on))
        {
          if (find_item (self, depends_on, NULL, NULL))
            continue;
          *orphan = TRUE;
        }
      return g_steal_pointer (&item);
    }

  return NULL;
}

static void
pump (DeskOutbox *self)
{
  g_autoptr(DeskOutboxItem) item = NULL;
  gboolean orphan;

  if (!self->loaded || self->busy || self->probing || self->probe_source != 0 ||
      self->disposed)
    return;
  if (!self->reachable)
    {
      schedule_probe (self);
      return;
    }

  item = next_item (self, &orphan);
  if (item == NULL)
    return;
  if (orphan)
    {
      refuse_orphan (self, item);
      return;
    }

  set_busy (self, TRUE);
  if (item->state == DESK_OUTBOX_SENDING || item->state == DESK_OUTBOX_CHECKING)
    check_item (step_new (self, item));
  else
    send_item (step_new (self, item));
}

/* --- Probing ------------------------------------------------------------------------------- */

static void
probed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DeskOutbox) self = user_data;
  g_autoptr(GError) error = NULL;

  self->probing = FALSE;
  if (!desk_api_client_check_connection_finish (DESK_API_CLIENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("RepairDesk still can't be reached: %s", error->message);
      self->probe_ms = MIN (self->probe_ms * 2, MAX_PROBE_MS);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE]);
      schedule_probe (self);
      return;
    }

  self->probe_ms = FIRST_PROBE_MS;
  set_reachable (self, TRUE);
  pump (self);
}

static void
probe (DeskOutbox *self)
{
  self->probing = TRUE;
  desk_api_client_check_connection_async (self->client, self->cancellable, probed_cb,
                                          g_object_ref (self));
}

static gboolean
probe_cb (gpointer data)
{
  DeskOutbox *self = data;

  self->probe_source = 0;
  probe (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_probe (DeskOutbox *self)
{
  if (self->probe_source != 0 || self->probing || self->disposed)
    return;

  self->probe_source = g_timeout_add_full (G_PRIORITY_DEFAULT, self->probe_ms, probe_cb, self,
                                           NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->probe_source),
                            "[desk] outbox probe");
}

/* --- Loading ------------------------------------------------------------------------------- */

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  DeskOutbox *self = DESK_OUTBOX (object);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  rows = g_task_propagate_pointer (G_TASK (result), &error);
  if (rows == NULL)
    {
      g_message ("The outbox could not be read: %s", error->message);
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) local_error = NULL;
      DeskOutboxItem *item;

      if (row->state == DESK_OUTBOX_SAVED)
        {
          remember_saved (self, row->uuid, row->result_id);
          continue;
        }
      /* Added while the rows were read. */
      if (find_item (self, row->uuid, NULL, NULL))
        continue;

      node = json_from_string (row->change, &local_error);
      item = g_object_new (DESK_TYPE_OUTBOX_ITEM, NULL);
      item->change = node != NULL ? desk_change_new_from_json (node, &local_error) : NULL;
      if (item->change == NULL)
        {
          /* Kept on disk as it is, for someone to look at; never sent. */
          g_warning ("A damaged change in the outbox: %s", local_error->message);
          g_object_unref (item);
          continue;
        }
      item->state = CLAMP (row->state, DESK_OUTBOX_WAITING, DESK_OUTBOX_REFUSED);
      item->reason = g_strdup (row->reason);
      item->queued = row->queued;
      item->sent = row->sent;
      item->result_id = row->result_id;
      g_ptr_array_add (items, item);
    }

  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);
  self->loaded = TRUE;
  for (guint i = 0; i < self->load_waiters->len; i++)
    g_task_return_boolean (g_ptr_array_index (self->load_waiters, i), TRUE);
  g_ptr_array_set_size (self->load_waiters, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  notify_counts (self);
  pump (self);
}

/* --- GObject ------------------------------------------------------------------------------- */

static void
desk_outbox_constructed (GObject *object)
{
  DeskOutbox *self = DESK_OUTBOX (object);

  G_OBJECT_CLASS (desk_outbox_parent_class)->constructed (object);

  g_assert (self->client != NULL);
  if (self->path == NULL)
    self->path = g_build_filename (g_get_user_data_dir (), "frontdesk", "outbox.sqlite", NULL);
  queue_job (self, JOB_LOAD, NULL, loaded_cb, NULL);
}

static void
desk_outbox_dispose (GObject *object)
{
  DeskOutbox *self = DESK_OUTBOX (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->probe_source, g_source_remove);

  G_OBJECT_CLASS (desk_outbox_parent_class)->dispose (object);
}

static void
desk_outbox_finalize (GObject *object)
{
  DeskOutbox *self = DESK_OUTBOX (object);

  g_assert (self->probe_source == 0);
  /* Each job's task holds the outbox, so none is left; this waits for the thread. */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->items);
  g_clear_pointer (&self->saved, g_hash_table_unref);
  g_clear_pointer (&self->load_waiters, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (desk_outbox_parent_class)->finalize (object);
}

static void
desk_outbox_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DeskOutbox *self = DESK_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, desk_outbox_get_n_items (self));
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_REACHABLE:
      g_value_set_boolean (value, self->reachable);
      break;
    case PROP_IDLE:
      g_value_set_boolean (value, desk_outbox_get_idle (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_outbox_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DeskOutbox *self = DESK_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_outbox_class_init (DeskOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = desk_outbox_constructed;
  object_class->dispose = desk_outbox_dispose;
  object_class->finalize = desk_outbox_finalize;
  object_class->get_property = desk_outbox_get_property;
  object_class->set_property = desk_outbox_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, DESK_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The database file; by default `frontdesk/outbox.sqlite` in the user data directory. */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Changes not yet saved: waiting, on their way, checked, or refused. */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* FALSE from a change that could not reach RepairDesk until it answers a probe. */
  properties[PROP_REACHABLE] =
    g_param_spec_boolean ("reachable", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Loaded, reachable, nothing in flight and nothing left that could be sent. */
  properties[PROP_IDLE] =
    g_param_spec_boolean ("idle", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskOutbox::item-settled:
   * @change: the change the outbox held
   * @fate: %DESK_FATE_SAVED, or %DESK_FATE_REFUSED (it then stays, with its reason)
   * @record: (nullable): the record as the server holds it, when saved
   * @error: (nullable): why it was refused
   */
  signals[ITEM_SETTLED] =
    g_signal_new ("item-settled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 4, DESK_TYPE_CHANGE, G_TYPE_INT, G_TYPE_OBJECT,
                  G_TYPE_ERROR);
}

static void
desk_outbox_init (DeskOutbox *self)
{
  self->pool = g_thread_pool_new (run_job_cb, self, 1, FALSE, NULL);
  self->items = g_list_store_new (DESK_TYPE_OUTBOX_ITEM);
  self->saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();
  self->load_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->reachable = TRUE;
  self->probe_ms = FIRST_PROBE_MS;
}

/* --- Public API ---------------------------------------------------------------------------- */

/**
 * desk_outbox_new:
 * @client: the client changes are sent through
 * @path: (nullable): the database file, or %NULL for the default
 *
 * Reads what an earlier run left, and starts sending it.
 *
 * Returns: (transfer full): a new #DeskOutbox
 */
DeskOutbox *
desk_outbox_new (DeskApiClient *client,
                 const char    *path)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (client), NULL);

  return g_object_new (DESK_TYPE_OUTBOX, "client", client, "path", path, NULL);
}

const char *
desk_outbox_get_path (DeskOutbox *self)
{
  g_return_val_if_fail (DESK_IS_OUTBOX (self), NULL);

  return self->path;
}

/* Returns: (transfer none): the #DeskOutboxItem not yet saved, in the order they go */
GListModel *
desk_outbox_get_items (DeskOutbox *self)
{
  g_return_val_if_fail (DESK_IS_OUTBOX (self), NULL);

  return G_LIST_MODEL (self->items);
}

guint
desk_outbox_get_n_items (DeskOutbox *self)
{
  g_return_val_if_fail (DESK_IS_OUTBOX (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

gboolean
desk_outbox_get_loaded (DeskOutbox *self)
{
  g_return_val_if_fail (DESK_IS_OUTBOX (self), FALSE);

  return self->loaded;
}

gboolean
desk_outbox_get_reachable (DeskOutbox *self)
{
  g_return_val_if_fail (DESK_IS_OUTBOX (self), FALSE);

  return self->reachable;
}

/* Returns: whether nothing is in flight and nothing that could go is left */
gboolean
desk_outbox_get_idle (DeskOutbox *self)
{
  gboolean orphan;
  g_autoptr(DeskOutboxItem) next = NULL;

  g_return_val_if_fail (DESK_IS_OUTBOX (self), FALSE);

  if (!self->loaded || self->busy || self->probing || self->probe_source != 0 ||
      !self->reachable)
    return FALSE;

  next = next_item (self, &orphan);
  return next == NULL;
}

/**
 * desk_outbox_wait_loaded_async:
 * @self: a #DeskOutbox
 * @callback: called once what an earlier run left is read
 * @user_data: for @callback
 *
 * Until then, whether a change may overtake changes waiting is not known.
 */
void
desk_outbox_wait_loaded_async (DeskOutbox          *self,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DESK_IS_OUTBOX (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, desk_outbox_wait_loaded_async);
  if (self->loaded)
    g_task_return_boolean (task, TRUE);
  else
    g_ptr_array_add (self->load_waiters, g_steal_pointer (&task));
}

gboolean
desk_outbox_wait_loaded_finish (DeskOutbox    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Returns: whether changes of @kind may wait in the outbox: customers and tickets;
 * payments and conversions need the server there and then */
gboolean
desk_outbox_accepts (DeskChangeKind kind)
{
  return kind == DESK_CHANGE_CREATE_CUSTOMER || kind == DESK_CHANGE_UPDATE_CUSTOMER ||
         kind == DESK_CHANGE_CREATE_TICKET || kind == DESK_CHANGE_UPDATE_TICKET;
}

/**
 * desk_outbox_should_queue:
 * @self: a #DeskOutbox
 * @change: a change about to be sent
 *
 * Returns: whether @change goes into the outbox without being tried: the server is known
 *   not to answer, changes wait that it must not overtake, or it names one of them
 */
gboolean
desk_outbox_should_queue (DeskOutbox *self,
                          DeskChange *change)
{
  const char *depends_on;

  g_return_val_if_fail (DESK_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (DESK_IS_CHANGE (change), FALSE);

  depends_on = desk_change_get_depends_on (change);
  if (depends_on != NULL && !g_hash_table_contains (self->saved, depends_on))
    return TRUE;

  return !self->loaded || !self->reachable || self->busy ||
         g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0;
}

/**
 * desk_outbox_link:
 * @self: a #DeskOutbox
 * @change: a change that names another (desk_change_set_depends_on ())
 *
 * Returns: (transfer full) (nullable): @change with the id the server gave the record the
 *   other change created, or %NULL while that one is not saved
 */
DeskChange *
desk_outbox_link (DeskOutbox *self,
                  DeskChange *change)
{
  const char *depends_on;
  gint64 *id;

  g_return_val_if_fail (DESK_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (DESK_IS_CHANGE (change), NULL);

  depends_on = desk_change_get_depends_on (change);
  if (depends_on == NULL)
    return g_object_ref (change);

  id = g_hash_table_lookup (self->saved, depends_on);
  return id != NULL ? desk_change_link (change, *id) : NULL;
}

/**
 * desk_outbox_report_reachable:
 * @self: a #DeskOutbox
 * @reachable: whether a request just reached RepairDesk
 *
 * What the writer learnt sending a change itself: the server could not be reached (the
 * outbox then probes it until it answers), or it answered.
 */
void
desk_outbox_report_reachable (DeskOutbox *self,
                              gboolean    reachable)
{
  g_return_if_fail (DESK_IS_OUTBOX (self));

  if (reachable && !self->reachable)
    {
      g_clear_handle_id (&self->probe_source, g_source_remove);
      self->probe_ms = FIRST_PROBE_MS;
    }
  set_reachable (self, reachable);
  pump (self);
}

/* Probes the server now rather than after the pause ("Try Now"). */
void
desk_outbox_try_now (DeskOutbox *self)
{
  g_return_if_fail (DESK_IS_OUTBOX (self));

  self->probe_ms = FIRST_PROBE_MS;
  if (self->probing)
    return;
  g_clear_handle_id (&self->probe_source, g_source_remove);
  if (self->reachable)
    pump (self);
  else
    probe (self);
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeskOutbox *self = g_task_get_source_object (task);
  DeskOutboxItem *item = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_list_store_append (self->items, item);
  notify_counts (self);
  g_task_return_boolean (task, TRUE);
  pump (self);
}

/**
 * desk_outbox_add_async:
 * @self: a #DeskOutbox
 * @change: a customer or ticket change that could not be sent now
 * @cancellable: (nullable): unused: a change asked to be kept is kept
 * @callback: called once @change is on disk
 * @user_data: for @callback
 *
 * Keeps @change, behind those already waiting. A change with a uuid the outbox holds
 * already is refused with %G_IO_ERROR_EXISTS.
 */
void
desk_outbox_add_async (DeskOutbox          *self,
                       DeskChange          *change,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DeskOutboxItem *item;

  g_return_if_fail (DESK_IS_OUTBOX (self));
  g_return_if_fail (DESK_IS_CHANGE (change));
  g_return_if_fail (desk_outbox_accepts (desk_change_get_kind (change)));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, desk_outbox_add_async);

  if (find_item (self, desk_change_get_uuid (change), NULL, NULL) ||
      g_hash_table_contains (self->saved, desk_change_get_uuid (change)))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS, "%s",
                               _("This change is in the outbox already."));
      return;
    }

  item = g_object_new (DESK_TYPE_OUTBOX_ITEM, NULL);
  item->change = g_object_ref (change);
  item->queued = now_s ();
  g_task_set_task_data (task, item, g_object_unref);
  queue_job (self, JOB_PUT, row_of_item (item), added_cb, g_steal_pointer (&task));
}

gboolean
desk_outbox_add_finish (DeskOutbox    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
discarded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeskOutbox *self = g_task_get_source_object (task);
  const char *uuid = g_task_get_task_data (task);
  GError *error = NULL;
  guint position;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (find_item (self, uuid, NULL, &position))
    g_list_store_remove (self->items, position);
  notify_counts (self);
  g_task_return_boolean (task, TRUE);
  /* What waited for it can now be told so. */
  pump (self);
}

/**
 * desk_outbox_discard_async:
 * @self: a #DeskOutbox
 * @uuid: the change's uuid
 * @cancellable: (nullable): unused
 * @callback: called once it is gone from the disk
 * @user_data: for @callback
 *
 * Forgets a change the server refused, or one still waiting: the assistant's decision.
 * A change on its way or being checked cannot be discarded (%G_IO_ERROR_BUSY).
 */
void
desk_outbox_discard_async (DeskOutbox          *self,
                           const char          *uuid,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DeskOutboxItem *item = NULL;
  Row *row;

  g_return_if_fail (DESK_IS_OUTBOX (self));
  g_return_if_fail (uuid != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, desk_outbox_discard_async);
  g_task_set_task_data (task, g_strdup (uuid), g_free);

  if (!find_item (self, uuid, &item, NULL))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (item->state == DESK_OUTBOX_SENDING || item->state == DESK_OUTBOX_CHECKING)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("This change is on its way to RepairDesk and cannot be "
                                 "discarded now."));
      return;
    }

  row = g_new0 (Row, 1);
  row->uuid = g_strdup (uuid);
  queue_job (self, JOB_DELETE, row, discarded_cb, g_steal_pointer (&task));
}

gboolean
desk_outbox_discard_finish (DeskOutbox    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
