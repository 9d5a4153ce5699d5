/* desk-clock.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-clock"

#include "config.h"

#include "desk-clock.h"

/* The time source of everything that counts requests per minute: the client's rate
 * governor and the sandbox's rate limit. Tests use a manual clock so that a minute of
 * traffic takes no minute to test. The manual time is read from the sandbox's thread and
 * moved from the test's, hence the atomics. */

struct _DeskClock
{
  GObject  parent_instance;

  gboolean manual;
  gint64   now;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DeskClock, desk_clock, G_TYPE_OBJECT)

static void
desk_clock_class_init (DeskClockClass *klass)
{
  /**
   * DeskClock::changed:
   *
   * Emitted on a manual clock each time it is advanced.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
desk_clock_init (DeskClock *self)
{
}

/**
 * desk_clock_new_system:
 *
 * Returns: (transfer full): a clock that reads the monotonic system time
 */
DeskClock *
desk_clock_new_system (void)
{
  return g_object_new (DESK_TYPE_CLOCK, NULL);
}

/**
 * desk_clock_new_manual:
 * @start_usec: the time it starts at, in microseconds
 *
 * Returns: (transfer full): a clock that moves only with desk_clock_advance()
 */
DeskClock *
desk_clock_new_manual (gint64 start_usec)
{
  DeskClock *self = g_object_new (DESK_TYPE_CLOCK, NULL);

  self->manual = TRUE;
  self->now = start_usec;

  return self;
}

gboolean
desk_clock_is_manual (DeskClock *self)
{
  g_return_val_if_fail (DESK_IS_CLOCK (self), FALSE);

  return self->manual;
}

/**
 * desk_clock_get_time:
 * @self: a #DeskClock
 *
 * Returns: the time in microseconds; only differences between two readings mean anything
 */
gint64
desk_clock_get_time (DeskClock *self)
{
  g_return_val_if_fail (DESK_IS_CLOCK (self), 0);

  if (!self->manual)
    return g_get_monotonic_time ();

  return __atomic_load_n (&self->now, __ATOMIC_SEQ_CST);
}

/**
 * desk_clock_advance:
 * @self: a manual #DeskClock
 * @usec: how far to move it, in microseconds
 *
 * Moves a manual clock forward and emits #DeskClock::changed in the calling thread.
 */
void
desk_clock_advance (DeskClock *self,
                    gint64     usec)
{
  g_return_if_fail (DESK_IS_CLOCK (self));
  g_return_if_fail (self->manual);
  g_return_if_fail (usec >= 0);

  __atomic_add_fetch (&self->now, usec, __ATOMIC_SEQ_CST);
  g_signal_emit (self, signals[CHANGED], 0);
}
