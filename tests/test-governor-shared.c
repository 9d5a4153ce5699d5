/* test-governor-shared.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core.h"
#include "desk-test-client.h"
#include "desk-sandbox.h"

/* The rate governor against RepairDesk's own count: the server counts a request from when
 * it arrives, and every PC of the shop spends the same 50 requests a minute of one key.
 * Everything runs on manual clocks, so that many minutes pass in no time. */

#define SECOND G_USEC_PER_SEC
#define MSEC   (G_USEC_PER_SEC / 1000)
#define WINDOW (60 * SECOND)
#define SERVER_LIMIT 50
/* The reads each PC of the shop keeps waiting. */
#define READS_WAITING 4

/* --- One PC, a server that counts arrivals ------------------------------------------------ */

/* The server of this test is a script: it sees a request some milliseconds after the
 * governor let it go (longer for the first ones, which open their connections), counts it
 * as RepairDesk does (the 51st arrival in a sliding minute is refused) and answers a
 * millisecond later. */
typedef enum
{
  ARRIVAL,
  ANSWER,
} EventKind;

typedef struct
{
  gint64    time;
  EventKind kind;
  gboolean  refused;
  guint     request;
} Event;

typedef struct
{
  DeskClock        *clock;
  DeskRateGovernor *governor;
  GQueue            events;        /* Event*, by time */
  GArray           *arrivals;      /* gint64, accepted arrivals still in the server's window */
  GArray           *grant_times;   /* gint64, every grant */
  guint             n_sent;
  guint             n_refused;
  guint             n_done;
} Script;

static int
event_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Event *ea = a;
  const Event *eb = b;

  return ea->time < eb->time ? -1 : ea->time > eb->time;
}

static void
add_event (Script    *script,
           gint64     time,
           EventKind  kind,
           guint      request,
           gboolean   refused)
{
  Event *event = g_new0 (Event, 1);

  event->time = time;
  event->kind = kind;
  event->request = request;
  event->refused = refused;
  g_queue_insert_sorted (&script->events, event, event_compare, NULL);
}

static void script_acquire (Script *script,
                            guint   request);

static void
script_granted_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Script *script = g_object_get_data (object, "script");
  guint request = GPOINTER_TO_UINT (user_data);
  gint64 now = desk_clock_get_time (script->clock);
  gint64 transit;

  g_assert_true (desk_rate_governor_acquire_finish (DESK_RATE_GOVERNOR (object), result, NULL));
  g_array_append_val (script->grant_times, now);

  /* The first ten open connections; later ones reuse them. */
  transit = script->n_sent < 10 ? 20 * MSEC + script->n_sent * 8 * MSEC : 2 * MSEC;
  script->n_sent++;
  add_event (script, now + transit, ARRIVAL, request, FALSE);
}

static void
script_acquire (Script *script,
                guint   request)
{
  desk_rate_governor_acquire_async (script->governor, DESK_API_PRIORITY_DEFAULT, 0, NULL,
                                    script_granted_cb, GUINT_TO_POINTER (request));
}

/* RepairDesk's rule, as the sandbox implements it. */
static gboolean
server_accepts (Script *script,
                gint64  now)
{
  guint kept = 0;

  for (guint i = 0; i < script->arrivals->len; i++)
    {
      gint64 arrival = g_array_index (script->arrivals, gint64, i);

      if (arrival > now - WINDOW)
        g_array_index (script->arrivals, gint64, kept++) = arrival;
    }
  g_array_set_size (script->arrivals, kept);

  if (script->arrivals->len >= SERVER_LIMIT)
    return FALSE;

  g_array_append_val (script->arrivals, now);

  return TRUE;
}

static void
run_event (Script *script,
           Event  *event)
{
  gint64 now = desk_clock_get_time (script->clock);

  if (event->kind == ARRIVAL)
    {
      add_event (script, now + MSEC, ANSWER, event->request, !server_accepts (script, now));
      return;
    }

  /* As the client does: every answer is reported, a refusal queues the request again. */
  desk_rate_governor_report_answered (script->governor);
  if (event->refused)
    {
      script->n_refused++;
      desk_rate_governor_report_rate_limited (script->governor);
      script_acquire (script, event->request);
    }
  else
    {
      desk_rate_governor_report_success (script->governor);
      script->n_done++;
    }
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the script until every request was answered: the clock jumps to the next event,
 * or to where the governor waits when nothing travels. */
static void
script_run (Script *script,
            guint   n)
{
  for (guint i = 0; i < n; i++)
    script_acquire (script, i);
  iterate ();

  while (script->n_done < n)
    {
      gint64 now = desk_clock_get_time (script->clock);
      Event *event = g_queue_peek_head (&script->events);
      gint64 next;

      if (event != NULL)
        next = event->time;
      else
        next = desk_rate_governor_get_resume_time (script->governor);

      g_assert_cmpint (next, >=, now);
      g_assert_cmpint (next - now, <=, 10 * WINDOW);
      desk_clock_advance (script->clock, next - now);
      iterate ();

      while ((event = g_queue_peek_head (&script->events)) != NULL &&
             event->time <= desk_clock_get_time (script->clock))
        {
          g_queue_pop_head (&script->events);
          run_event (script, event);
          g_free (event);
          iterate ();
        }
    }
}

static guint
count_grants_between (Script *script,
                      gint64  from,
                      gint64  to)
{
  guint count = 0;

  for (guint i = 0; i < script->grant_times->len; i++)
    {
      gint64 time = g_array_index (script->grant_times, gint64, i);

      if (time >= from && time < to)
        count++;
    }

  return count;
}

/* 120 reads queued at once with the whole limit of 50: the governor spends all of it and
 * the server refuses none, although the server counts each read some milliseconds later
 * than the governor let it go, and the first ones later than the rest. */
static void
test_window_from_answer (void)
{
  Script script = { 0 };
  gint64 start;
  guint second_minute;

  script.clock = desk_clock_new_manual (1000 * SECOND);
  script.governor = desk_rate_governor_new (script.clock);
  script.arrivals = g_array_new (FALSE, FALSE, sizeof (gint64));
  script.grant_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_queue_init (&script.events);
  g_object_set_data (G_OBJECT (script.governor), "script", &script);

  /* The default uses the whole limit, since the window counts from the answers. */
  g_assert_cmpuint (desk_rate_governor_get_limit (script.governor), ==, SERVER_LIMIT);

  start = desk_clock_get_time (script.clock);
  script_run (&script, 120);

  second_minute = count_grants_between (&script, start + WINDOW, start + 2 * WINDOW);
  g_test_message ("120 reads: %u refused, %u sent in the second minute, done after %"
                  G_GINT64_FORMAT " ms", script.n_refused, second_minute,
                  (desk_clock_get_time (script.clock) - start) / MSEC);

  g_assert_cmpuint (script.n_refused, ==, 0);
  g_assert_cmpuint (desk_rate_governor_get_n_rate_limited (script.governor), ==, 0);
  g_assert_cmpuint (script.n_done, ==, 120);
  g_assert_cmpuint (second_minute, >=, 48);
  g_assert_cmpuint (desk_rate_governor_get_share (script.governor), ==, SERVER_LIMIT);

  g_assert_finalize_object (script.governor);
  g_assert_finalize_object (script.clock);
  g_array_unref (script.arrivals);
  g_array_unref (script.grant_times);
}

/* An answer that is never reported (the request failed on its way, or a caller that does
 * not report) still frees its place after a window and the longest round trip seen. */
static void
test_unanswered_expires (void)
{
  g_autoptr(DeskClock) clock = desk_clock_new_manual (1000 * SECOND);
  g_autoptr(DeskRateGovernor) governor = desk_rate_governor_new (clock);
  gint64 start = desk_clock_get_time (clock);

  desk_rate_governor_set_limit (governor, 1);

  /* The first request is answered after 3 s: its place is free a window after that. */
  desk_rate_governor_acquire_async (governor, 0, 0, NULL, NULL, NULL);
  iterate ();
  desk_clock_advance (clock, 3 * SECOND);
  desk_rate_governor_report_answered (governor);
  desk_rate_governor_acquire_async (governor, 0, 0, NULL, NULL, NULL);
  iterate ();
  g_assert_cmpint (desk_rate_governor_get_resume_time (governor), ==, start + 3 * SECOND + WINDOW);
  desk_clock_advance (clock, WINDOW);
  iterate ();
  g_assert_cmpuint (desk_rate_governor_get_queued (governor), ==, 0);

  /* The second is never answered: it counts a window and that round trip from its send. */
  desk_rate_governor_acquire_async (governor, 0, 0, NULL, NULL, NULL);
  iterate ();
  g_assert_cmpint (desk_rate_governor_get_resume_time (governor), ==,
                   start + 3 * SECOND + WINDOW + WINDOW + 3 * SECOND);
  desk_clock_advance (clock, WINDOW + 3 * SECOND - 1);
  iterate ();
  g_assert_cmpuint (desk_rate_governor_get_queued (governor), ==, 1);
  desk_clock_advance (clock, 1);
  iterate ();
  g_assert_cmpuint (desk_rate_governor_get_queued (governor), ==, 0);
}

static void
count_grant_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  guint *n_granted = user_data;

  g_assert_true (desk_rate_governor_acquire_finish (DESK_RATE_GOVERNOR (object), result, NULL));
  (*n_granted)++;
}

/* A refusal cuts the share and paces the requests; each window without one wins a request
 * of the share back, and with the whole limit back the pace gives way to the window alone. */
static void
test_share_recovers (void)
{
  g_autoptr(DeskClock) clock = desk_clock_new_manual (1000 * SECOND);
  g_autoptr(DeskRateGovernor) governor = desk_rate_governor_new (clock);
  guint n_granted = 0;
  guint share;

  /* 21 requests answered, the last one refused: the server took 20 of them. */
  for (guint i = 0; i < 21; i++)
    desk_rate_governor_acquire_async (governor, 0, 0, NULL, count_grant_cb, &n_granted);
  iterate ();
  g_assert_cmpuint (n_granted, ==, 21);
  for (guint i = 0; i < 21; i++)
    desk_rate_governor_report_answered (governor);
  desk_rate_governor_report_rate_limited (governor);
  g_assert_cmpuint (desk_rate_governor_get_share (governor), ==, 18);

  /* A window later one request is back. While the share is cut, a quiet governor sends a
   * burst of ten at most, then one request at a time at the share's pace. */
  desk_clock_advance (clock, WINDOW);
  for (guint i = 0; i < 15; i++)
    desk_rate_governor_acquire_async (governor, 0, 0, NULL, count_grant_cb, &n_granted);
  iterate ();
  g_assert_cmpuint (desk_rate_governor_get_share (governor), ==, 19);
  g_assert_cmpuint (n_granted, ==, 31);
  g_assert_cmpint (desk_rate_governor_get_resume_time (governor), ==,
                   desk_clock_get_time (clock) + WINDOW / 19);

  /* One request back per window, up to the limit. */
  share = desk_rate_governor_get_share (governor);
  while (share < SERVER_LIMIT)
    {
      desk_clock_advance (clock, WINDOW);
      iterate ();
      g_assert_cmpuint (desk_rate_governor_get_share (governor), ==, share + 1);
      share++;
    }
  g_assert_cmpuint (n_granted, ==, 36);

  /* The whole limit back: a burst of 40 goes at once. */
  desk_clock_advance (clock, WINDOW);
  for (guint i = 0; i < 40; i++)
    desk_rate_governor_acquire_async (governor, 0, 0, NULL, count_grant_cb, &n_granted);
  iterate ();
  g_assert_cmpuint (n_granted, ==, 76);
  g_assert_cmpuint (desk_rate_governor_get_n_rate_limited (governor), ==, 1);
}

/* --- Several PCs on one key, against the sandbox ------------------------------------------- */

typedef struct
{
  DeskApiClient *client;
  guint          n_wanted;
  guint          n_started;
  guint          n_done;
  guint          n_failed;
  GArray        *answer_times;   /* gint64, successful answers */
} Pc;

typedef struct
{
  DeskClock   *clock;
  DeskSandbox *sandbox;
  Pc           pcs[3];
  guint        n_pcs;
} Shop;

static void pc_next (Pc *pc);

static void
pc_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Pc *pc = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) data = NULL;

  data = desk_api_client_request_finish (DESK_API_CLIENT (object), result, &error);
  pc->n_done++;
  if (data == NULL)
    {
      g_test_message ("read failed: %s", error->message);
      pc->n_failed++;
    }
  else
    {
      gint64 now = desk_clock_get_time (desk_api_client_get_clock (pc->client));

      g_array_append_val (pc->answer_times, now);
    }

  pc_next (pc);
}

/* Each PC keeps a few reads waiting at all times, as a busy counter does. */
static void
pc_next (Pc *pc)
{
  while (pc->n_started < pc->n_wanted && pc->n_started - pc->n_done < READS_WAITING)
    {
      g_autofree char *number = g_strdup_printf ("%u", pc->n_started++);
      const char * const query[] = { "n", number, NULL };

      desk_api_client_request_async (pc->client, "GET", "statuses", query, NULL,
                                     DESK_API_REQUEST_LIST, DESK_API_PRIORITY_DEFAULT, NULL,
                                     pc_read_cb, pc);
    }
}

static void
shop_setup (Shop  *shop,
            guint  n_pcs,
            guint  n_reads)
{
  g_autoptr(GError) error = NULL;

  shop->clock = desk_clock_new_manual (1000 * SECOND);
  shop->sandbox = desk_sandbox_new ();
  g_object_set (shop->sandbox,
                "seed", 11, "n-customers", 10, "n-tickets", 10, "n-invoices", 5,
                "clock", shop->clock, "rate-limit", SERVER_LIMIT,
                NULL);
  g_assert_true (desk_sandbox_start (shop->sandbox, 0, &error));
  g_assert_no_error (error);

  shop->n_pcs = n_pcs;
  for (guint i = 0; i < n_pcs; i++)
    {
      Pc *pc = &shop->pcs[i];

      /* Each PC has its own client, and so its own governor, on the shop's key. */
      pc->client = g_object_new (DESK_TYPE_API_CLIENT,
                                 "base-url", desk_sandbox_get_url (shop->sandbox),
                                 "api-key", DESK_SANDBOX_DEMO_API_KEY,
                                 "clock", shop->clock,
                                 NULL);
      pc->n_wanted = n_reads;
      pc->answer_times = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
}

static void
shop_teardown (Shop *shop)
{
  for (guint i = 0; i < shop->n_pcs; i++)
    {
      desk_test_finalize_soon (shop->pcs[i].client);
      g_array_unref (shop->pcs[i].answer_times);
    }
  desk_sandbox_stop (shop->sandbox);
  g_assert_finalize_object (shop->sandbox);
  g_assert_finalize_object (shop->clock);
}

static gboolean
shop_busy (Shop *shop)
{
  for (guint i = 0; i < shop->n_pcs; i++)
    if (desk_api_client_get_n_active (shop->pcs[i].client) > 0)
      return TRUE;

  return FALSE;
}

static gboolean
shop_done (Shop *shop)
{
  for (guint i = 0; i < shop->n_pcs; i++)
    if (shop->pcs[i].n_done < shop->pcs[i].n_wanted)
      return FALSE;

  return TRUE;
}

/* The earliest time one of the PCs waits for; a retry's backoff has no resume time, so
 * the clock never jumps further than a second. */
static gint64
shop_next_time (Shop *shop)
{
  gint64 now = desk_clock_get_time (shop->clock);
  gint64 next = now + SECOND;

  for (guint i = 0; i < shop->n_pcs; i++)
    {
      DeskRateGovernor *governor = desk_api_client_get_governor (shop->pcs[i].client);
      gint64 resume = desk_rate_governor_get_resume_time (governor);

      if (desk_rate_governor_get_queued (governor) > 0 && resume > now)
        next = MIN (next, resume);
    }

  return next;
}

/* The PCs start together. The clock only moves while nothing travels, so that the
 * sandbox counts each request at the time it was sent. */
static void
shop_run (Shop *shop)
{
  gint64 deadline = g_get_monotonic_time () + 120 * SECOND;

  for (guint i = 0; i < shop->n_pcs; i++)
    pc_next (&shop->pcs[i]);

  while (!shop_done (shop))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);

      if (g_main_context_iteration (NULL, FALSE))
        continue;

      if (shop_busy (shop))
        {
          g_main_context_iteration (NULL, TRUE);
          continue;
        }

      desk_clock_advance (shop->clock, shop_next_time (shop) - desk_clock_get_time (shop->clock));
    }
}

/* How many reads the server accepted, all PCs together, in [from, to). */
static guint
shop_accepted_between (Shop   *shop,
                       gint64  from,
                       gint64  to)
{
  guint count = 0;

  for (guint i = 0; i < shop->n_pcs; i++)
    for (guint j = 0; j < shop->pcs[i].answer_times->len; j++)
      {
        gint64 time = g_array_index (shop->pcs[i].answer_times, gint64, j);

        count += time >= from && time < to;
      }

  return count;
}

/* When the first PC is through, the others no longer compete for the key. */
static gint64
shop_first_finish (Shop *shop)
{
  gint64 first = G_MAXINT64;

  for (guint i = 0; i < shop->n_pcs; i++)
    {
      GArray *times = shop->pcs[i].answer_times;

      first = MIN (first, g_array_index (times, gint64, times->len - 1));
    }

  return first;
}

static void
run_shop (guint n_pcs)
{
  Shop shop = { 0 };
  guint n_reads = 150;
  guint n_refused = 0;
  gint64 start, settled, end;
  guint minutes = 0, accepted = 0;
  guint max_refused;

  shop_setup (&shop, n_pcs, n_reads);
  start = desk_clock_get_time (shop.clock);
  shop_run (&shop);

  for (guint i = 0; i < n_pcs; i++)
    {
      DeskRateGovernor *governor = desk_api_client_get_governor (shop.pcs[i].client);

      g_test_message ("PC %u: %u reads, %u refused, share %u of %u", i + 1,
                      shop.pcs[i].n_done, desk_rate_governor_get_n_rate_limited (governor),
                      desk_rate_governor_get_share (governor),
                      desk_rate_governor_get_limit (governor));
      n_refused += desk_rate_governor_get_n_rate_limited (governor);

      /* Every read came through, none was given up on. */
      g_assert_cmpuint (shop.pcs[i].n_failed, ==, 0);
      g_assert_cmpuint (shop.pcs[i].answer_times->len, ==, n_reads);
    }

  /* From the third minute on, while every PC still has reads waiting, the PCs together
   * use the key close to its limit, minute after minute. */
  settled = start + 2 * WINDOW;
  end = shop_first_finish (&shop);
  for (gint64 from = settled; from + WINDOW <= end; from += WINDOW)
    {
      guint in_minute = shop_accepted_between (&shop, from, from + WINDOW);

      g_test_message ("minute %" G_GINT64_FORMAT ": %u reads accepted",
                      (from - start) / WINDOW + 1, in_minute);
      g_assert_cmpuint (in_minute, <=, SERVER_LIMIT);
      g_assert_cmpuint (in_minute, >=, SERVER_LIMIT * 8 / 10);
      accepted += in_minute;
      minutes++;
    }
  g_assert_cmpuint (minutes, >=, 2);
  g_test_message ("%u PCs: %u refusals in %u reads; %.1f reads a minute once settled",
                  n_pcs, n_refused, n_pcs * n_reads, (double) accepted / minutes);

  /* The bound: when the PCs first meet, nothing tells them the key is shared, and each may
   * lose every read it has on the wire (READS_WAITING). From then on a refusal cuts the
   * PC's share to nine tenths of what the server took from it, so the shares sum to under
   * the limit, and it is paced with about one request on the wire; the sum passes the
   * limit again only after the shares have grown back by one a minute, so a PC is refused
   * at most about once a minute. Without the shares (every PC using the whole limit) the
   * same run is refused more than a hundred times. */
  max_refused = n_pcs * (READS_WAITING +
                         (guint) ((desk_clock_get_time (shop.clock) - start) / WINDOW));
  g_test_message ("refusals: %u, bound %u", n_refused, max_refused);
  g_assert_cmpuint (n_refused, <=, max_refused);

  shop_teardown (&shop);
}

static void
test_two_pcs (void)
{
  run_shop (2);
}

static void
test_three_pcs (void)
{
  run_shop (3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/governor-shared/window-from-answer", test_window_from_answer);
  g_test_add_func ("/governor-shared/unanswered-expires", test_unanswered_expires);
  g_test_add_func ("/governor-shared/share-recovers", test_share_recovers);
  g_test_add_func ("/governor-shared/two-pcs", test_two_pcs);
  g_test_add_func ("/governor-shared/three-pcs", test_three_pcs);

  return g_test_run ();
}
