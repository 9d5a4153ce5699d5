/* test-rate-governor.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core.h"

#define SECOND G_USEC_PER_SEC

typedef struct
{
  DeskRateGovernor *governor;
  DeskClock        *clock;
  GArray           *granted;     /* int tags, in grant order */
  GArray           *grant_times; /* gint64 clock times */
  guint             n_cancelled;
} Fixture;

typedef struct
{
  Fixture *fixture;
  int      tag;
} Request;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->clock = desk_clock_new_manual (1000 * SECOND);
  fixture->governor = desk_rate_governor_new (fixture->clock);
  fixture->granted = g_array_new (FALSE, FALSE, sizeof (int));
  fixture->grant_times = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->governor);
  g_assert_finalize_object (fixture->clock);
  g_array_unref (fixture->granted);
  g_array_unref (fixture->grant_times);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
acquired_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree Request *request = user_data;
  g_autoptr(GError) error = NULL;
  Fixture *fixture = request->fixture;
  gint64 now = desk_clock_get_time (fixture->clock);

  if (!desk_rate_governor_acquire_finish (DESK_RATE_GOVERNOR (object), result, &error))
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      fixture->n_cancelled++;
      return;
    }

  g_array_append_val (fixture->granted, request->tag);
  g_array_append_val (fixture->grant_times, now);
}

static void
acquire (Fixture      *fixture,
         int           tag,
         int           priority,
         gint64        not_before,
         GCancellable *cancellable)
{
  Request *request = g_new0 (Request, 1);

  request->fixture = fixture;
  request->tag = tag;
  desk_rate_governor_acquire_async (fixture->governor, priority, not_before, cancellable,
                                    acquired_cb, request);
}

static void
assert_no_window_above (Fixture *fixture,
                        guint    limit,
                        gint64   window)
{
  for (guint i = 0; i < fixture->grant_times->len; i++)
    {
      gint64 start = g_array_index (fixture->grant_times, gint64, i);
      guint count = 0;

      for (guint j = i; j < fixture->grant_times->len; j++)
        if (g_array_index (fixture->grant_times, gint64, j) < start + window)
          count++;

      g_assert_cmpuint (count, <=, limit);
    }
}

static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 start = desk_clock_get_time (fixture->clock);

  desk_rate_governor_set_limit (fixture->governor, 5);

  for (int i = 0; i < 12; i++)
    acquire (fixture, i, DESK_API_PRIORITY_DEFAULT, 0, NULL);
  iterate ();

  g_assert_cmpuint (fixture->granted->len, ==, 5);
  g_assert_cmpuint (desk_rate_governor_get_queued (fixture->governor), ==, 7);
  g_assert_true (desk_rate_governor_get_waiting (fixture->governor));
  g_assert_cmpint (desk_rate_governor_get_resume_time (fixture->governor), ==, start + 60 * SECOND);

  desk_clock_advance (fixture->clock, 59 * SECOND);
  iterate ();
  g_assert_cmpuint (fixture->granted->len, ==, 5);

  desk_clock_advance (fixture->clock, 1 * SECOND);
  iterate ();
  g_assert_cmpuint (fixture->granted->len, ==, 10);
  g_assert_cmpuint (desk_rate_governor_get_queued (fixture->governor), ==, 2);

  desk_clock_advance (fixture->clock, 60 * SECOND);
  iterate ();
  g_assert_cmpuint (fixture->granted->len, ==, 12);
  g_assert_cmpuint (desk_rate_governor_get_queued (fixture->governor), ==, 0);
  g_assert_false (desk_rate_governor_get_waiting (fixture->governor));
  g_assert_cmpint (desk_rate_governor_get_resume_time (fixture->governor), ==, 0);

  /* First in, first out within one priority. */
  for (guint i = 0; i < fixture->granted->len; i++)
    g_assert_cmpint (g_array_index (fixture->granted, int, i), ==, i);

  assert_no_window_above (fixture, 5, 60 * SECOND);
}

static void
test_sliding_window (Fixture       *fixture,
                     gconstpointer  data)
{
  GRand *rand = g_rand_new_with_seed (7);

  desk_rate_governor_set_limit (fixture->governor, 10);

  /* Requests trickle in at uneven times; the budget frees one send at a time. */
  for (int i = 0; i < 300; i++)
    {
      acquire (fixture, i, DESK_API_PRIORITY_DEFAULT, 0, NULL);
      /* Callbacks run before the clock moves, so that they see the grant's time. */
      iterate ();
      if (g_rand_int_range (rand, 0, 3) == 0)
        desk_clock_advance (fixture->clock, g_rand_int_range (rand, 0, 9) * SECOND);
      iterate ();
    }

  while (desk_rate_governor_get_queued (fixture->governor) > 0)
    {
      desk_clock_advance (fixture->clock, desk_rate_governor_get_resume_time (fixture->governor) -
                                          desk_clock_get_time (fixture->clock));
      iterate ();
    }

  g_assert_cmpuint (fixture->granted->len, ==, 300);
  assert_no_window_above (fixture, 10, 60 * SECOND);
  g_rand_free (rand);
}

static void
test_priority (Fixture       *fixture,
               gconstpointer  data)
{
  int expected[] = { 100, 101, 3, 4, 5, 200, 201 };

  desk_rate_governor_set_limit (fixture->governor, 3);

  for (int i = 0; i < 3; i++)
    acquire (fixture, i, DESK_API_PRIORITY_DEFAULT, 0, NULL);
  iterate ();

  /* The budget is spent: these queue, and leave in order of priority. */
  acquire (fixture, 200, DESK_API_PRIORITY_BACKGROUND, 0, NULL);
  acquire (fixture, 3, DESK_API_PRIORITY_DEFAULT, 0, NULL);
  acquire (fixture, 100, DESK_API_PRIORITY_INTERACTIVE, 0, NULL);
  acquire (fixture, 4, DESK_API_PRIORITY_DEFAULT, 0, NULL);
  acquire (fixture, 201, DESK_API_PRIORITY_BACKGROUND, 0, NULL);
  acquire (fixture, 101, DESK_API_PRIORITY_INTERACTIVE, 0, NULL);
  acquire (fixture, 5, DESK_API_PRIORITY_DEFAULT, 0, NULL);
  iterate ();
  g_assert_cmpuint (fixture->granted->len, ==, 3);

  for (int round = 0; round < 3; round++)
    {
      desk_clock_advance (fixture->clock, 60 * SECOND);
      iterate ();
    }

  g_assert_cmpuint (fixture->granted->len, ==, 10);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (g_array_index (fixture->granted, int, i + 3), ==, expected[i]);
}

static void
test_batch_by_priority (Fixture       *fixture,
                        gconstpointer  data)
{
  int expected[] = { 3, 1, 4, 0, 2 };

  /* Asked for in one go with budget to spare, they still leave by priority. */
  acquire (fixture, 0, DESK_API_PRIORITY_BACKGROUND, 0, NULL);
  acquire (fixture, 1, DESK_API_PRIORITY_DEFAULT, 0, NULL);
  acquire (fixture, 2, DESK_API_PRIORITY_BACKGROUND, 0, NULL);
  acquire (fixture, 3, DESK_API_PRIORITY_INTERACTIVE, 0, NULL);
  acquire (fixture, 4, DESK_API_PRIORITY_DEFAULT, 0, NULL);
  g_assert_cmpuint (desk_rate_governor_get_queued (fixture->governor), ==, 5);
  iterate ();

  g_assert_cmpuint (fixture->granted->len, ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (g_array_index (fixture->granted, int, i), ==, expected[i]);
}

static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 start = desk_clock_get_time (fixture->clock);

  desk_rate_governor_report_rate_limited (fixture->governor);
  acquire (fixture, 1, DESK_API_PRIORITY_DEFAULT, 0, NULL);
  iterate ();

  g_assert_cmpuint (fixture->granted->len, ==, 0);
  g_assert_true (desk_rate_governor_get_waiting (fixture->governor));
  g_assert_cmpint (desk_rate_governor_get_resume_time (fixture->governor), ==, start + 10 * SECOND);

  /* More refusals of the same burst do not lengthen the pause. */
  desk_rate_governor_report_rate_limited (fixture->governor);
  desk_rate_governor_report_rate_limited (fixture->governor);
  g_assert_cmpint (desk_rate_governor_get_resume_time (fixture->governor), ==, start + 10 * SECOND);

  desk_clock_advance (fixture->clock, 10 * SECOND);
  iterate ();
  g_assert_cmpuint (fixture->granted->len, ==, 1);

  /* A second refusal in a row pauses longer; a success ends the growth. */
  desk_rate_governor_report_rate_limited (fixture->governor);
  g_assert_cmpint (desk_rate_governor_get_resume_time (fixture->governor), ==, 0);
  acquire (fixture, 2, DESK_API_PRIORITY_DEFAULT, 0, NULL);
  iterate ();
  g_assert_cmpint (desk_rate_governor_get_resume_time (fixture->governor), ==, start + 30 * SECOND);
  desk_clock_advance (fixture->clock, 20 * SECOND);
  iterate ();
  g_assert_cmpuint (fixture->granted->len, ==, 2);

  desk_rate_governor_report_success (fixture->governor);
  desk_rate_governor_report_rate_limited (fixture->governor);
  acquire (fixture, 3, DESK_API_PRIORITY_DEFAULT, 0, NULL);
  iterate ();
  g_assert_cmpint (desk_rate_governor_get_resume_time (fixture->governor), ==, start + 40 * SECOND);
  g_assert_cmpuint (desk_rate_governor_get_n_rate_limited (fixture->governor), ==, 5);
  desk_clock_advance (fixture->clock, 10 * SECOND);
  iterate ();
  g_assert_cmpuint (fixture->granted->len, ==, 3);
}

static void
test_not_before (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 now = desk_clock_get_time (fixture->clock);

  acquire (fixture, 1, DESK_API_PRIORITY_INTERACTIVE, now + 5 * SECOND, NULL);
  acquire (fixture, 2, DESK_API_PRIORITY_BACKGROUND, 0, NULL);
  iterate ();

  /* A retry waiting for its backoff does not hold up the others, nor the limit. */
  g_assert_cmpuint (fixture->granted->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->granted, int, 0), ==, 2);
  g_assert_false (desk_rate_governor_get_waiting (fixture->governor));

  desk_clock_advance (fixture->clock, 5 * SECOND);
  iterate ();
  g_assert_cmpuint (fixture->granted->len, ==, 2);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  desk_rate_governor_set_limit (fixture->governor, 1);
  acquire (fixture, 1, DESK_API_PRIORITY_DEFAULT, 0, NULL);
  acquire (fixture, 2, DESK_API_PRIORITY_DEFAULT, 0, cancellable);
  acquire (fixture, 3, DESK_API_PRIORITY_DEFAULT, 0, NULL);
  iterate ();
  g_assert_cmpuint (desk_rate_governor_get_queued (fixture->governor), ==, 2);

  g_cancellable_cancel (cancellable);
  iterate ();
  g_assert_cmpuint (fixture->n_cancelled, ==, 1);
  g_assert_cmpuint (desk_rate_governor_get_queued (fixture->governor), ==, 1);

  g_cancellable_cancel (cancelled);
  acquire (fixture, 4, DESK_API_PRIORITY_DEFAULT, 0, cancelled);
  iterate ();
  g_assert_cmpuint (fixture->n_cancelled, ==, 2);

  desk_clock_advance (fixture->clock, 60 * SECOND);
  iterate ();
  g_assert_cmpuint (fixture->granted->len, ==, 2);
  g_assert_cmpint (g_array_index (fixture->granted, int, 1), ==, 3);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_notify (Fixture       *fixture,
             gconstpointer  data)
{
  guint n_queued = 0;
  guint n_waiting = 0;

  desk_rate_governor_set_limit (fixture->governor, 1);
  g_signal_connect (fixture->governor, "notify::queued", G_CALLBACK (count_notify_cb), &n_queued);
  g_signal_connect (fixture->governor, "notify::waiting", G_CALLBACK (count_notify_cb), &n_waiting);

  /* Queued until the main loop comes back, then sent: queued is 1, then 0. */
  acquire (fixture, 1, DESK_API_PRIORITY_DEFAULT, 0, NULL);
  iterate ();
  g_assert_cmpuint (n_queued, ==, 2);
  g_assert_cmpuint (n_waiting, ==, 0);

  acquire (fixture, 2, DESK_API_PRIORITY_DEFAULT, 0, NULL);
  acquire (fixture, 3, DESK_API_PRIORITY_DEFAULT, 0, NULL);
  iterate ();
  g_assert_cmpuint (n_queued, ==, 4);
  g_assert_cmpuint (n_waiting, ==, 1);
  g_assert_true (desk_rate_governor_get_waiting (fixture->governor));

  desk_clock_advance (fixture->clock, 60 * SECOND);
  desk_clock_advance (fixture->clock, 60 * SECOND);
  iterate ();
  g_assert_cmpuint (n_queued, ==, 6);
  g_assert_cmpuint (n_waiting, ==, 2);
  g_assert_cmpuint (fixture->granted->len, ==, 3);
}

static void
test_for_key (void)
{
  g_autoptr(DeskRateGovernor) a = desk_rate_governor_get_for_key ("key-one");
  g_autoptr(DeskRateGovernor) b = desk_rate_governor_get_for_key ("key-one");
  g_autoptr(DeskRateGovernor) c = desk_rate_governor_get_for_key ("key-two");
  DeskRateGovernor *again;

  g_assert_true (a == b);
  g_assert_true (a != c);
  g_assert_false (desk_clock_is_manual (desk_rate_governor_get_clock (a)));

  g_clear_object (&c);
  again = desk_rate_governor_get_for_key ("key-two");
  g_assert_nonnull (again);
  g_assert_finalize_object (again);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/rate-governor/limit", test_limit);
  ADD ("/rate-governor/sliding-window", test_sliding_window);
  ADD ("/rate-governor/priority", test_priority);
  ADD ("/rate-governor/batch-by-priority", test_batch_by_priority);
  ADD ("/rate-governor/rate-limited", test_rate_limited);
  ADD ("/rate-governor/not-before", test_not_before);
  ADD ("/rate-governor/cancel", test_cancel);
  ADD ("/rate-governor/notify", test_notify);
  g_test_add_func ("/rate-governor/for-key", test_for_key);

#undef ADD

  return g_test_run ();
}
