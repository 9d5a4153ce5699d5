/* desk-rate-governor.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-rate-governor"

#include "config.h"

#include "desk-rate-governor.h"

/* RepairDesk allows 50 requests per sliding minute and per API key, and sends no header
 * telling how many are left: the client has to pace itself. The governor hands out the
 * right to send one request at a time, in order of priority, never more than its share of
 * `limit` in any `window`. Every request of the app goes through one governor per key, so a
 * screen loading a list and the catalog refreshing in the background share the budget.
 *
 * The server counts a request from when it arrives, which the client never sees; it lies
 * between the send and the reply. So a request holds its place in the window from its send
 * until one window after its answer (desk_rate_governor_report_answered()); one whose
 * answer is never reported leaves one window plus the longest recent round trip after its
 * send. Counted so, Front Desk alone can use the whole limit without a refusal.
 *
 * Other PCs on the same key spend the same budget unseen; a refusal is the only sign. The
 * governor then cuts its share to a little under what the server had accepted from it in
 * the window, and wins one request a window back for every window without a refusal. While
 * its share is cut, requests are also spaced at the share's pace, with short bursts only,
 * so that PCs that have met do not flood the server together again.
 *
 * All time decisions read the DeskClock, so that tests drive a minute with a manual clock:
 * with a system clock the governor wakes itself with a timeout, with a manual one it wakes
 * on the clock's "changed" signal. */

/* The first pause after a 429, doubled on each further one up to the window. */
#define FIRST_BACKOFF (10 * G_USEC_PER_SEC)
/* Requests sent at once, ahead of the pace, by a governor that has been quiet, while its
 * share is below the limit. */
#define MAX_BURST 10
/* After a refusal, the share is this many tenths of the requests in the window. */
#define SHARE_CUT_TENTHS 9

typedef struct
{
  gint64   time;          /* when it was sent, or answered once it was */
  gboolean answered;
} Slot;

typedef struct
{
  GTask   *task;          /* owned */
  int      priority;
  guint64  seq;
  gint64   not_before;
  gulong   cancelled_id;
} Waiter;

struct _DeskRateGovernor
{
  GObject    parent_instance;

  /* owned */
  DeskClock *clock;
  GQueue     sent;        /* Slot*, by time, oldest first */
  GQueue     pending;     /* Waiter*, sorted by priority then arrival */

  /* state */
  gulong     clock_changed_id;
  guint      wake_source_id;
  guint      pump_source_id;
  guint      limit;
  guint      share;       /* the part of limit this PC takes, learnt from refusals */
  gint64     window;
  gint64     round_trip;  /* the longest recent time from a send to its answer */
  gint64     pace_time;   /* when the pace lets the next request go with no burst left */
  gint64     share_changed;
  gint64     paused_until;
  gint64     backoff;
  guint64    next_seq;
  guint      n_rate_limited;
  guint      queued;
  gboolean   waiting;
  gint64     resume_time;
};

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_LIMIT,
  PROP_SHARE,
  PROP_WINDOW,
  PROP_QUEUED,
  PROP_WAITING,
  PROP_RESUME_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskRateGovernor, desk_rate_governor, G_TYPE_OBJECT)

G_LOCK_DEFINE_STATIC (by_key);
static GHashTable *by_key;

static void pump (DeskRateGovernor *self);

static void
waiter_free (Waiter *waiter)
{
  GCancellable *cancellable = g_task_get_cancellable (waiter->task);

  if (cancellable != NULL && waiter->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, waiter->cancelled_id);
  g_clear_object (&waiter->task);
  g_free (waiter);
}

static int
waiter_compare (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Waiter *wa = a;
  const Waiter *wb = b;

  if (wa->priority != wb->priority)
    return wa->priority < wb->priority ? -1 : 1;

  return wa->seq < wb->seq ? -1 : 1;
}

/* When @slot stops counting against the window. */
static gint64
slot_expiry (DeskRateGovernor *self,
             const Slot       *slot)
{
  return slot->time + self->window + (slot->answered ? 0 : self->round_trip);
}

static void
expire_sent (DeskRateGovernor *self,
             gint64            now)
{
  GList *l = self->sent.head;

  while (l != NULL)
    {
      GList *next = l->next;

      if (slot_expiry (self, l->data) <= now)
        {
          g_free (l->data);
          g_queue_delete_link (&self->sent, l);
        }
      l = next;
    }
}

static gint64
pace_interval (DeskRateGovernor *self)
{
  return self->window / self->share;
}

/* The earliest time the pace lets one more request go: a burst of up to MAX_BURST may go
 * ahead of the steady pace (a generic cell rate algorithm). A governor that has not been
 * refused, or has won its whole share back, is held by the window only, so that a screen
 * or the catalog loading at once is not spread out. */
static gint64
pace_allows_at (DeskRateGovernor *self)
{
  guint burst = MIN (MAX_BURST, self->share);

  if (self->share >= self->limit)
    return G_MININT64;

  return self->pace_time - (gint64) (burst - 1) * pace_interval (self);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* When the window has room for one more request of the share, or 0 if it has now. */
static gint64
window_frees_at (DeskRateGovernor *self)
{
  guint count = g_queue_get_length (&self->sent);
  g_autofree gint64 *expiries = NULL;
  guint i = 0;

  if (count < self->share)
    return 0;

  expiries = g_new (gint64, count);
  for (GList *l = self->sent.head; l != NULL; l = l->next)
    expiries[i++] = slot_expiry (self, l->data);
  qsort (expiries, count, sizeof (gint64), compare_int64);

  return expiries[count - self->share];
}

/* One request of the share back for each window without a refusal. */
static void
recover_share (DeskRateGovernor *self,
               gint64            now)
{
  gint64 steps;

  if (self->share >= self->limit)
    return;

  steps = (now - self->share_changed) / self->window;
  if (steps <= 0)
    return;

  self->share = (guint) MIN ((gint64) self->limit, self->share + steps);
  self->share_changed += steps * self->window;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARE]);
}

/* When the limit, the pace or a pause lets the next request go, or 0 if it may go now. */
static gint64
compute_resume_time (DeskRateGovernor *self,
                     gint64            now)
{
  gint64 resume = MAX (window_frees_at (self), pace_allows_at (self));

  resume = MAX (resume, self->paused_until);

  return resume > now ? resume : 0;
}

static GList *
find_ready (DeskRateGovernor *self,
            gint64            now)
{
  for (GList *l = self->pending.head; l != NULL; l = l->next)
    {
      Waiter *waiter = l->data;

      if (waiter->not_before <= now)
        return l;
    }

  return NULL;
}

static gboolean
wake_cb (gpointer user_data)
{
  DeskRateGovernor *self = user_data;

  self->wake_source_id = 0;
  pump (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_wake (DeskRateGovernor *self,
               gint64            now)
{
  gint64 wake = G_MAXINT64;

  g_clear_handle_id (&self->wake_source_id, g_source_remove);

  /* A manual clock wakes the governor through its "changed" signal. */
  if (desk_clock_is_manual (self->clock) || g_queue_is_empty (&self->pending))
    return;

  if (self->resume_time > now)
    wake = self->resume_time;

  for (GList *l = self->pending.head; l != NULL; l = l->next)
    {
      Waiter *waiter = l->data;

      if (waiter->not_before > now)
        wake = MIN (wake, waiter->not_before);
    }

  if (wake == G_MAXINT64)
    return;

  /* Round up so that the slot has certainly freed when the timeout fires. */
  self->wake_source_id = g_timeout_add ((guint) ((wake - now + 999) / 1000) + 1, wake_cb, self);
}

static void
update_state (DeskRateGovernor *self,
              gint64            now)
{
  guint queued = g_queue_get_length (&self->pending);
  gint64 resume = queued > 0 ? compute_resume_time (self, now) : 0;
  gboolean waiting = resume > 0;

  g_object_freeze_notify (G_OBJECT (self));

  if (queued != self->queued)
    {
      self->queued = queued;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUED]);
    }

  if (waiting != self->waiting)
    {
      self->waiting = waiting;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING]);
    }

  if (resume != self->resume_time)
    {
      self->resume_time = resume;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESUME_TIME]);
    }

  schedule_wake (self, now);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
pump (DeskRateGovernor *self)
{
  g_autoptr(GPtrArray) granted = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);
  gint64 now = desk_clock_get_time (self->clock);

  g_object_ref (self);
  g_object_freeze_notify (G_OBJECT (self));
  expire_sent (self, now);
  recover_share (self, now);

  while (now >= self->paused_until &&
         g_queue_get_length (&self->sent) < self->share &&
         now >= pace_allows_at (self))
    {
      GList *link = find_ready (self, now);
      Slot *slot;

      if (link == NULL)
        break;

      g_ptr_array_add (granted, link->data);
      g_queue_delete_link (&self->pending, link);

      slot = g_new0 (Slot, 1);
      slot->time = now;
      g_queue_push_tail (&self->sent, slot);
      self->pace_time = MAX (self->pace_time, now) + pace_interval (self);
    }

  update_state (self, now);
  g_object_thaw_notify (G_OBJECT (self));

  /* Complete the grants last: a callback may queue the next request at once. */
  for (guint i = 0; i < granted->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (granted, i);

      g_task_return_boolean (waiter->task, TRUE);
    }

  g_object_unref (self);
}

static gboolean
pump_idle_cb (gpointer user_data)
{
  DeskRateGovernor *self = user_data;

  self->pump_source_id = 0;
  pump (self);

  return G_SOURCE_REMOVE;
}

/* Requests made in one go (a screen opening, a list and its catalog) are sent by
 * priority, not by the order the code happened to ask in: the queue is looked at once the
 * main loop is back, not at each request; and before it draws, so that the server works
 * on the answers while the window draws its frame. */
static void
schedule_pump (DeskRateGovernor *self)
{
  if (self->pump_source_id == 0)
    self->pump_source_id = g_idle_add_full (G_PRIORITY_HIGH, pump_idle_cb, self, NULL);
}

static void
clock_changed_cb (DeskRateGovernor *self,
                  DeskClock        *clock)
{
  pump (self);
}

typedef struct
{
  DeskRateGovernor *self;  /* owned */
  guint64           seq;
} CancelData;

static gboolean
cancel_idle_cb (gpointer user_data)
{
  CancelData *data = user_data;
  DeskRateGovernor *self = data->self;

  for (GList *l = self->pending.head; l != NULL; l = l->next)
    {
      Waiter *waiter = l->data;

      if (waiter->seq != data->seq)
        continue;

      g_queue_delete_link (&self->pending, l);
      g_task_return_error_if_cancelled (waiter->task);
      waiter_free (waiter);
      update_state (self, desk_clock_get_time (self->clock));
      break;
    }

  g_object_unref (data->self);
  g_free (data);

  return G_SOURCE_REMOVE;
}

/* A cancellable handler may not disconnect itself, so the waiter leaves the queue from an
 * idle callback; it is found again by its number, since it may have been granted meanwhile. */
static void
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  Waiter *waiter = user_data;
  CancelData *data = g_new0 (CancelData, 1);

  data->self = g_object_ref (g_task_get_source_object (waiter->task));
  data->seq = waiter->seq;
  g_idle_add (cancel_idle_cb, data);
}

static void
set_clock (DeskRateGovernor *self,
           DeskClock        *clock)
{
  self->clock = clock != NULL ? g_object_ref (clock) : desk_clock_new_system ();
  self->clock_changed_id = g_signal_connect_object (self->clock, "changed",
                                                    G_CALLBACK (clock_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
}

static void
desk_rate_governor_dispose (GObject *object)
{
  DeskRateGovernor *self = DESK_RATE_GOVERNOR (object);
  Waiter *waiter;

  g_clear_handle_id (&self->wake_source_id, g_source_remove);
  g_clear_handle_id (&self->pump_source_id, g_source_remove);

  while ((waiter = g_queue_pop_head (&self->pending)) != NULL)
    {
      g_task_return_new_error (waiter->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The request queue was closed");
      waiter_free (waiter);
    }

  if (self->clock_changed_id != 0)
    g_clear_signal_handler (&self->clock_changed_id, self->clock);

  G_OBJECT_CLASS (desk_rate_governor_parent_class)->dispose (object);
}

static void
desk_rate_governor_finalize (GObject *object)
{
  DeskRateGovernor *self = DESK_RATE_GOVERNOR (object);

  g_queue_clear_full (&self->sent, g_free);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (desk_rate_governor_parent_class)->finalize (object);
}

static void
desk_rate_governor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DeskRateGovernor *self = DESK_RATE_GOVERNOR (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_LIMIT:
      g_value_set_uint (value, self->limit);
      break;
    case PROP_SHARE:
      g_value_set_uint (value, self->share);
      break;
    case PROP_WINDOW:
      g_value_set_int64 (value, self->window);
      break;
    case PROP_QUEUED:
      g_value_set_uint (value, self->queued);
      break;
    case PROP_WAITING:
      g_value_set_boolean (value, self->waiting);
      break;
    case PROP_RESUME_TIME:
      g_value_set_int64 (value, self->resume_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_rate_governor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DeskRateGovernor *self = DESK_RATE_GOVERNOR (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      set_clock (self, g_value_get_object (value));
      break;
    case PROP_LIMIT:
      desk_rate_governor_set_limit (self, g_value_get_uint (value));
      break;
    case PROP_WINDOW:
      desk_rate_governor_set_window (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_rate_governor_class_init (DeskRateGovernorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_rate_governor_dispose;
  object_class->finalize = desk_rate_governor_finalize;
  object_class->get_property = desk_rate_governor_get_property;
  object_class->set_property = desk_rate_governor_set_property;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         DESK_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL,
                       1, G_MAXUINT, DESK_RATE_GOVERNOR_DEFAULT_LIMIT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskRateGovernor:share:
   *
   * The part of #DeskRateGovernor:limit this PC takes: the limit itself until the server
   * refuses a request that the governor's own count allowed, which means other programs
   * use the same key; lowered then, and won back by one each window without a refusal.
   */
  properties[PROP_SHARE] =
    g_param_spec_uint ("share", NULL, NULL,
                       1, G_MAXUINT, DESK_RATE_GOVERNOR_DEFAULT_LIMIT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_WINDOW] =
    g_param_spec_int64 ("window", NULL, NULL,
                        1, G_MAXINT64, DESK_RATE_GOVERNOR_DEFAULT_WINDOW,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskRateGovernor:queued:
   *
   * How many requests wait for their turn.
   */
  properties[PROP_QUEUED] =
    g_param_spec_uint ("queued", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskRateGovernor:waiting:
   *
   * Whether queued requests wait for the rate limit (or a pause after a refusal).
   */
  properties[PROP_WAITING] =
    g_param_spec_boolean ("waiting", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskRateGovernor:resume-time:
   *
   * While #DeskRateGovernor:waiting, the clock time (microseconds, the time base of
   * desk_clock_get_time()) at which the next request may go; 0 otherwise.
   */
  properties[PROP_RESUME_TIME] =
    g_param_spec_int64 ("resume-time", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_rate_governor_init (DeskRateGovernor *self)
{
  self->limit = DESK_RATE_GOVERNOR_DEFAULT_LIMIT;
  self->share = DESK_RATE_GOVERNOR_DEFAULT_LIMIT;
  self->window = DESK_RATE_GOVERNOR_DEFAULT_WINDOW;
  g_queue_init (&self->sent);
  g_queue_init (&self->pending);
}

/**
 * desk_rate_governor_new:
 * @clock: (nullable): the time source, or %NULL for the system clock
 *
 * Returns: (transfer full): a governor with the default limit
 */
DeskRateGovernor *
desk_rate_governor_new (DeskClock *clock)
{
  g_return_val_if_fail (clock == NULL || DESK_IS_CLOCK (clock), NULL);

  return g_object_new (DESK_TYPE_RATE_GOVERNOR, "clock", clock, NULL);
}

static void
forget_key (gpointer  data,
            GObject  *where_the_object_was)
{
  char *digest = data;

  G_LOCK (by_key);
  g_hash_table_remove (by_key, digest);
  G_UNLOCK (by_key);
  g_free (digest);
}

/**
 * desk_rate_governor_get_for_key:
 * @api_key: an API key
 *
 * Every client of one key must share its budget: this returns the governor already
 * in use for @api_key, or a new one on the system clock.
 *
 * Returns: (transfer full): the governor of @api_key
 */
DeskRateGovernor *
desk_rate_governor_get_for_key (const char *api_key)
{
  g_autofree char *digest = NULL;
  DeskRateGovernor *governor;

  g_return_val_if_fail (api_key != NULL, NULL);

  /* Only a digest of the key is kept as the table's key. */
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, api_key, -1);

  G_LOCK (by_key);

  if (by_key == NULL)
    by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  governor = g_hash_table_lookup (by_key, digest);

  if (governor != NULL)
    {
      g_object_ref (governor);
    }
  else
    {
      governor = desk_rate_governor_new (NULL);
      g_hash_table_insert (by_key, g_strdup (digest), governor);
      g_object_weak_ref (G_OBJECT (governor), forget_key, g_steal_pointer (&digest));
    }

  G_UNLOCK (by_key);

  return governor;
}

DeskClock *
desk_rate_governor_get_clock (DeskRateGovernor *self)
{
  g_return_val_if_fail (DESK_IS_RATE_GOVERNOR (self), NULL);

  return self->clock;
}

guint
desk_rate_governor_get_limit (DeskRateGovernor *self)
{
  g_return_val_if_fail (DESK_IS_RATE_GOVERNOR (self), 0);

  return self->limit;
}

guint
desk_rate_governor_get_share (DeskRateGovernor *self)
{
  g_return_val_if_fail (DESK_IS_RATE_GOVERNOR (self), 0);

  return self->share;
}

void
desk_rate_governor_set_limit (DeskRateGovernor *self,
                              guint             limit)
{
  g_return_if_fail (DESK_IS_RATE_GOVERNOR (self));
  g_return_if_fail (limit > 0);

  if (self->limit == limit)
    return;

  self->limit = limit;
  self->share = limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARE]);
  if (self->clock != NULL)
    pump (self);
}

gint64
desk_rate_governor_get_window (DeskRateGovernor *self)
{
  g_return_val_if_fail (DESK_IS_RATE_GOVERNOR (self), 0);

  return self->window;
}

void
desk_rate_governor_set_window (DeskRateGovernor *self,
                               gint64            window_usec)
{
  g_return_if_fail (DESK_IS_RATE_GOVERNOR (self));
  g_return_if_fail (window_usec > 0);

  if (self->window == window_usec)
    return;

  self->window = window_usec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW]);
  if (self->clock != NULL)
    pump (self);
}

guint
desk_rate_governor_get_queued (DeskRateGovernor *self)
{
  g_return_val_if_fail (DESK_IS_RATE_GOVERNOR (self), 0);

  return self->queued;
}

gboolean
desk_rate_governor_get_waiting (DeskRateGovernor *self)
{
  g_return_val_if_fail (DESK_IS_RATE_GOVERNOR (self), FALSE);

  return self->waiting;
}

gint64
desk_rate_governor_get_resume_time (DeskRateGovernor *self)
{
  g_return_val_if_fail (DESK_IS_RATE_GOVERNOR (self), 0);

  return self->resume_time;
}

/**
 * desk_rate_governor_get_n_rate_limited:
 * @self: a #DeskRateGovernor
 *
 * Returns: how many refusals for too many requests were reported so far
 */
guint
desk_rate_governor_get_n_rate_limited (DeskRateGovernor *self)
{
  g_return_val_if_fail (DESK_IS_RATE_GOVERNOR (self), 0);

  return self->n_rate_limited;
}

/**
 * desk_rate_governor_acquire_async:
 * @self: a #DeskRateGovernor
 * @priority: a #DeskApiPriority or any integer, lower first
 * @not_before: the earliest clock time to grant at (a retry's backoff), or 0
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the request may be sent
 * @user_data: data for @callback
 *
 * Waits for the right to send one request. The slot counts from the moment it is granted,
 * so send the request at once.
 */
void
desk_rate_governor_acquire_async (DeskRateGovernor    *self,
                                  int                  priority,
                                  gint64               not_before,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Waiter *waiter;

  g_return_if_fail (DESK_IS_RATE_GOVERNOR (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_rate_governor_acquire_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  waiter = g_new0 (Waiter, 1);
  waiter->task = g_steal_pointer (&task);
  waiter->priority = priority;
  waiter->seq = self->next_seq++;
  waiter->not_before = not_before;
  g_queue_insert_sorted (&self->pending, waiter, waiter_compare, NULL);

  if (cancellable != NULL)
    waiter->cancelled_id = g_cancellable_connect (cancellable,
                                                  G_CALLBACK (waiter_cancelled_cb),
                                                  waiter, NULL);

  update_state (self, desk_clock_get_time (self->clock));
  schedule_pump (self);
}

gboolean
desk_rate_governor_acquire_finish (DeskRateGovernor  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (DESK_IS_RATE_GOVERNOR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_rate_governor_acquire_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The server does not count a request it refused. Its answer was the last one reported, so
 * the newest answered place goes. */
static void
forget_refused (DeskRateGovernor *self)
{
  for (GList *l = self->sent.tail; l != NULL; l = l->prev)
    {
      Slot *slot = l->data;

      if (slot->answered)
        {
          g_free (slot);
          g_queue_delete_link (&self->sent, l);
          break;
        }
    }
}

/* A refusal that the window allowed means other programs spend the key's budget: the
 * share drops a little under what this PC had in the window when the server said no,
 * which keeps several PCs that all do this together under the limit. */
static void
cut_share (DeskRateGovernor *self,
           gint64            now)
{
  guint floor = MAX (1, self->limit / 10);
  guint used = 0;

  /* Requests still on their way may be refused too: only the answered ones count. */
  expire_sent (self, now);
  recover_share (self, now);
  for (GList *l = self->sent.head; l != NULL; l = l->next)
    used += ((Slot *) l->data)->answered;
  used = MIN (self->share, used);
  self->share = MAX (floor, used * SHARE_CUT_TENTHS / 10);
  self->share_changed = now;

  /* When the pause ends, one request tries the server before the pace goes on. */
  self->pace_time = self->paused_until + (MIN (MAX_BURST, self->share) - 1) * pace_interval (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARE]);
}

/**
 * desk_rate_governor_report_rate_limited:
 * @self: a #DeskRateGovernor
 *
 * Tells the governor that the server refused a request for too many requests, most
 * likely because another program uses the same key. Report the answer first with
 * desk_rate_governor_report_answered(). The queue pauses, longer after each refusal in a
 * row, up to one window, and #DeskRateGovernor:share is cut.
 */
void
desk_rate_governor_report_rate_limited (DeskRateGovernor *self)
{
  gint64 now;

  g_return_if_fail (DESK_IS_RATE_GOVERNOR (self));

  now = desk_clock_get_time (self->clock);
  self->n_rate_limited++;
  forget_refused (self);

  /* The other refusals of a burst were sent before the pause began: one longer pause
   * per burst, not one per refusal. */
  if (now < self->paused_until)
    return;

  self->backoff = self->backoff == 0 ? MIN (FIRST_BACKOFF, self->window)
                                     : MIN (self->backoff * 2, self->window);
  self->paused_until = MAX (self->paused_until, now + self->backoff);
  cut_share (self, now);

  g_debug ("Refused for too many requests; pausing for %" G_GINT64_FORMAT " ms, "
           "%u requests a window from now on", self->backoff / 1000, self->share);

  pump (self);
}

/**
 * desk_rate_governor_report_answered:
 * @self: a #DeskRateGovernor
 *
 * Tells the governor that the answer to a request it let go has arrived, whatever it
 * said, or that the request failed on its way. The server counted the request at some
 * moment before this one: from now on it holds its place for one window.
 */
void
desk_rate_governor_report_answered (DeskRateGovernor *self)
{
  gint64 now;

  g_return_if_fail (DESK_IS_RATE_GOVERNOR (self));

  now = desk_clock_get_time (self->clock);

  /* Answers are not told apart: whichever request this answer belongs to, one fewer is on
   * its way and one more was counted no later than now, which is all the window needs.
   * The oldest one on its way gives the longest round trip that this answer can stand for. */
  for (GList *l = self->sent.head; l != NULL; l = l->next)
    {
      Slot *slot = l->data;
      gint64 round_trip;

      if (slot->answered)
        continue;

      round_trip = now - slot->time;
      self->round_trip = round_trip >= self->round_trip
                         ? round_trip
                         : self->round_trip - (self->round_trip - round_trip) / 8;
      g_queue_unlink (&self->sent, l);
      slot->time = now;
      slot->answered = TRUE;
      l->prev = l->next = NULL;
      g_queue_push_tail_link (&self->sent, l);
      break;
    }

  pump (self);
}

/**
 * desk_rate_governor_report_success:
 * @self: a #DeskRateGovernor
 *
 * Tells the governor that the server accepted a request, which ends the growing pauses.
 */
void
desk_rate_governor_report_success (DeskRateGovernor *self)
{
  g_return_if_fail (DESK_IS_RATE_GOVERNOR (self));

  self->backoff = 0;
}
