/* desk-api-client-wait.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-api-client"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-api-client-private.h"
#include "desk-api-error.h"

/* How long requests keep someone waiting, and why. The client looks at its calls not yet
 * answered whenever one starts, fails or ends, and when the clock moves on (a timer on the
 * system clock, the "changed" signal of a manual one): a call unanswered for slow-after
 * makes DeskApiClient:waiting say why it waits, a call past the deadline ends, and
 * desk_api_client_stop_waiting() ends them all on the user's word. */

/**
 * desk_api_client_get_waiting_message:
 * @self: a #DeskApiClient
 *
 * Returns: (nullable): why Front Desk is waiting, in words for the counter
 */
const char *
desk_api_client_get_waiting_message (DeskApiClient *self)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (self), NULL);

  switch (self->waiting)
    {
    case DESK_API_WAIT_SLOW:
      return _("RepairDesk is taking long to answer. Front Desk is still waiting.");
    case DESK_API_WAIT_PACED:
      return _("Front Desk is keeping to RepairDesk’s limit of requests a minute. Your request waits its turn.");
    case DESK_API_WAIT_RETRYING:
      return _("RepairDesk did not answer. Front Desk is trying again.");
    case DESK_API_WAIT_RATE_LIMITED:
      return _("RepairDesk asked Front Desk to slow down. Front Desk is waiting for its turn.");
    case DESK_API_WAIT_NONE:
    default:
      return NULL;
    }
}

static gboolean
wake_cb (gpointer user_data)
{
  DeskApiClient *self = user_data;

  g_clear_pointer (&self->wake_source, g_source_unref);
  desk_api_client_update_waiting (self);

  return G_SOURCE_REMOVE;
}

/* With the system clock, the next change comes from a timer; a manual clock says when
 * it moves. */
static void
schedule_wake (DeskApiClient *self,
               gint64         now,
               gint64         wake)
{
  if (self->wake_source != NULL)
    g_source_destroy (self->wake_source);
  g_clear_pointer (&self->wake_source, g_source_unref);

  if (wake == G_MAXINT64 || desk_clock_is_manual (self->clock))
    return;

  self->wake_source = g_timeout_source_new ((guint) ((wake - now + 999) / 1000) + 1);
  g_source_set_callback (self->wake_source, wake_cb, self, NULL);
  g_source_attach (self->wake_source, g_main_context_get_thread_default ());
}

/* A request past the deadline ends, unless it is a write already sent: cutting that short
 * would only make its outcome unknown sooner than its timeout does. */
static GError *
deadline_error (const DeskApiCallState *state)
{
  if (state->write && state->on_wire)
    return NULL;

  if (state->rate_limited)
    return desk_api_error_new (DESK_API_ERROR_RATE_LIMITED, "Still refused at the deadline");

  return desk_api_error_new (DESK_API_ERROR_TIMEOUT, "No answer before the deadline");
}

static void
update_once (DeskApiClient *self)
{
  g_autoptr(GPtrArray) expired = g_ptr_array_new ();
  g_autoptr(GPtrArray) errors = g_ptr_array_new ();
  gint64 now = desk_clock_get_time (self->clock);
  DeskApiWait waiting = DESK_API_WAIT_NONE;
  gint64 wake = G_MAXINT64;

  for (guint i = 0; i < self->calls->len; i++)
    {
      DeskApiCall *call = g_ptr_array_index (self->calls, i);
      DeskApiCallState state;
      GError *error;

      desk_api_call_get_state (call, &state);

      if (state.sent && now - state.first_sent >= self->deadline &&
          (error = deadline_error (&state)) != NULL)
        {
          g_ptr_array_add (expired, call);
          g_ptr_array_add (errors, error);
          continue;
        }
      if (state.sent && now - state.first_sent < self->deadline)
        wake = MIN (wake, state.first_sent + self->deadline);

      if (now - state.started < self->slow_after)
        wake = MIN (wake, state.started + self->slow_after);
      else if (state.rate_limited)
        waiting = MAX (waiting, DESK_API_WAIT_RATE_LIMITED);
      else if (state.retrying)
        waiting = MAX (waiting, DESK_API_WAIT_RETRYING);
      else if (state.paced)
        waiting = MAX (waiting, DESK_API_WAIT_PACED);
      else
        waiting = MAX (waiting, DESK_API_WAIT_SLOW);
    }

  schedule_wake (self, now, wake);

  desk_api_client_set_waiting (self, waiting);

  /* Each ends its call, which looks at the calls again. */
  for (guint i = 0; i < expired->len; i++)
    desk_api_call_abandon (g_ptr_array_index (expired, i), g_ptr_array_index (errors, i));
}

/* Looks at the calls not yet answered: which are slow, and why, and which are past the
 * deadline. Called whenever a call starts, fails or ends, and when the clock moves on. */
void
desk_api_client_update_waiting (DeskApiClient *self)
{
  if (self->updating)
    {
      self->update_again = TRUE;
      return;
    }

  g_object_ref (self);
  self->updating = TRUE;
  do
    {
      self->update_again = FALSE;
      update_once (self);
    }
  while (self->update_again);
  self->updating = FALSE;
  g_object_unref (self);
}

/**
 * desk_api_client_stop_waiting:
 * @self: a #DeskApiClient
 *
 * Gives up on every request not yet answered, for a person who would rather not wait.
 * Each ends with %DESK_API_ERROR_STOPPED, except a write already sent, which ends with
 * %DESK_API_ERROR_OUTCOME_UNKNOWN: it may have been applied.
 */
void
desk_api_client_stop_waiting (DeskApiClient *self)
{
  g_autoptr(GPtrArray) calls = NULL;

  g_return_if_fail (DESK_IS_API_CLIENT (self));

  calls = g_ptr_array_copy (self->calls, NULL, NULL);
  for (guint i = 0; i < calls->len; i++)
    {
      DeskApiCall *call = g_ptr_array_index (calls, i);
      DeskApiCallState state;

      desk_api_call_get_state (call, &state);
      desk_api_call_abandon (call, state.write && state.on_wire
                                   ? desk_api_error_new (DESK_API_ERROR_OUTCOME_UNKNOWN,
                                                         "Stopped waiting for the answer")
                                   : desk_api_error_new (DESK_API_ERROR_STOPPED, NULL));
    }
}

