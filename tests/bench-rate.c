/* bench-rate.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core.h"
#include "desk-sandbox.h"

/* How much of RepairDesk's rate limit Front Desk uses: 120 reads queued at once against the
 * sandbox over loopback, with its limit of 50 requests a sliding minute, on the real clock.
 * Prints the requests sent in each full minute while reads still waited, the refusals, and
 * the ratio to the 50 allowed (goal: 0.96 or more, with no refusal). Takes a little over two
 * minutes. Run by `meson test -C build --benchmark`. */

#define N_READS      120
#define SERVER_LIMIT 50
#define MINUTE       (60 * G_USEC_PER_SEC)
/* The run is given up after this, whatever happened. */
#define DEADLINE     (170 * G_USEC_PER_SEC)

typedef struct
{
  GArray *send_times;    /* gint64, one per request the governor let go */
  GArray *answer_times;  /* gint64, one per successful read */
  guint   queued;
  guint   n_done;
  guint   n_failed;
} Run;

/* Each grant lowers the count of queued requests and is sent at once. */
static void
queued_changed_cb (DeskRateGovernor *governor,
                   GParamSpec       *pspec,
                   Run              *run)
{
  guint queued = desk_rate_governor_get_queued (governor);
  gint64 now = g_get_monotonic_time ();

  for (guint i = queued; i < run->queued; i++)
    g_array_append_val (run->send_times, now);
  run->queued = queued;
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) data = NULL;
  gint64 now = g_get_monotonic_time ();

  data = desk_api_client_request_finish (DESK_API_CLIENT (object), result, &error);
  run->n_done++;
  if (data == NULL)
    {
      g_printerr ("read failed: %s\n", error->message);
      run->n_failed++;
      return;
    }

  g_array_append_val (run->answer_times, now);
}

static guint
count_between (GArray *times,
               gint64  from,
               gint64  to)
{
  guint count = 0;

  for (guint i = 0; i < times->len; i++)
    {
      gint64 time = g_array_index (times, gint64, i);

      count += time >= from && time < to;
    }

  return count;
}

/* The most requests sent in any sliding minute: what the server's count saw at most. */
static guint
busiest_minute (GArray *times)
{
  guint most = 0;

  for (guint i = 0; i < times->len; i++)
    {
      gint64 from = g_array_index (times, gint64, i);

      most = MAX (most, count_between (times, from, from + MINUTE));
    }

  return most;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DeskSandbox) sandbox = NULL;
  g_autoptr(DeskRateGovernor) governor = NULL;
  g_autoptr(DeskApiClient) client = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  gint64 start, deadline, last_answer = 0;
  guint full_minutes = 0, slowest = G_MAXUINT;

  sandbox = g_object_new (DESK_TYPE_SANDBOX,
                          "seed", 5, "n-customers", 20, "n-tickets", 50, "n-invoices", 10,
                          "rate-limit", SERVER_LIMIT, NULL);
  if (!desk_sandbox_start (sandbox, 0, &error))
    g_error ("The sandbox did not start: %s", error->message);
  g_assert_true (g_str_has_prefix (desk_sandbox_get_url (sandbox), "http://127.0.0.1:"));

  /* A governor of its own on the system clock, as the app has one per key. */
  governor = desk_rate_governor_new (NULL);
  client = g_object_new (DESK_TYPE_API_CLIENT,
                         "base-url", desk_sandbox_get_url (sandbox),
                         "api-key", DESK_SANDBOX_DEMO_API_KEY,
                         "governor", governor,
                         NULL);
  run.send_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  run.answer_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (governor, "notify::queued", G_CALLBACK (queued_changed_cb), &run);

  start = g_get_monotonic_time ();
  deadline = start + DEADLINE;

  /* Different reads, so that none joins another in flight. */
  for (guint i = 0; i < N_READS; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);
      const char * const query[] = { "n", number, NULL };

      desk_api_client_request_async (client, "GET", "statuses", query, NULL,
                                     DESK_API_REQUEST_LIST, DESK_API_PRIORITY_DEFAULT, NULL,
                                     read_cb, &run);
    }

  while (run.n_done < N_READS && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  if (run.n_done < N_READS)
    {
      /* What held the rest back: the governor (queued, a refusal's pause, a share cut) or
       * the server (sent and not answered). */
      g_printerr ("Gave up after %d s with %u of %u reads answered: %u sent, %u answered, "
                  "%u failed, %u refused (429), %u still queued, a share of %u a window\n",
                  (int) (DEADLINE / G_USEC_PER_SEC), run.n_done, N_READS, run.send_times->len,
                  run.answer_times->len, run.n_failed,
                  desk_rate_governor_get_n_rate_limited (governor),
                  desk_rate_governor_get_queued (governor),
                  desk_rate_governor_get_share (governor));
      return 1;
    }

  for (guint i = 0; i < run.answer_times->len; i++)
    last_answer = MAX (last_answer, g_array_index (run.answer_times, gint64, i));

  g_print ("limit of the sandbox (the floor of this benchmark): %d requests a sliding minute\n",
           SERVER_LIMIT);
  g_print ("governor limit %u; %u reads queued at once; all answered after %.1f s\n",
           desk_rate_governor_get_limit (governor), N_READS, (last_answer - start) / 1e6);

  /* Full minutes from the start in which reads still waited at the minute's end. */
  for (gint64 from = start; from + MINUTE <= start + DEADLINE; from += MINUTE)
    {
      guint sent = count_between (run.send_times, from, from + MINUTE);

      if (count_between (run.send_times, from + MINUTE, G_MAXINT64) == 0)
        break;
      g_print ("minute %u: %u requests sent\n", full_minutes + 1, sent);
      slowest = MIN (slowest, sent);
      full_minutes++;
    }

  g_print ("requests sent: %u for %u reads; refused (429): %u; failed: %u\n",
           run.send_times->len, N_READS, desk_rate_governor_get_n_rate_limited (governor),
           run.n_failed);
  g_print ("busiest sliding minute: %u requests sent\n", busiest_minute (run.send_times));
  if (full_minutes > 0)
    g_print ("requests a minute while reads waited: %u of %d allowed, ratio %.2f (goal >= 0.96, "
             "no 429)\n", slowest, SERVER_LIMIT, (double) slowest / SERVER_LIMIT);

  g_object_unref (g_steal_pointer (&client));
  desk_sandbox_stop (sandbox);
  g_array_unref (run.send_times);
  g_array_unref (run.answer_times);

  /* A refusal or a lost read is a fault, not a figure. */
  return run.n_failed == 0 && desk_rate_governor_get_n_rate_limited (governor) == 0 ? 0 : 1;
}
