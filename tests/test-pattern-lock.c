/* test-pattern-lock.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "desk-pattern-lock.h"

static void
assert_parses_to (const char *text,
                  const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  DeskPatternLock lock;

  g_assert_true (desk_pattern_lock_parse (text, &lock, &error));
  g_assert_no_error (error);
  formatted = desk_pattern_lock_format (&lock);
  g_assert_cmpstr (formatted, ==, expected);
}

static void
assert_refused (const char *text,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  DeskPatternLock lock = { { 7, 7, 7 }, 3 };

  g_assert_false (desk_pattern_lock_parse (text, &lock, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, words));
  /* A refused text leaves the pattern as it was. */
  g_assert_cmpuint (lock.n_dots, ==, 3);
  g_assert_cmpuint (lock.dots[0], ==, 7);
}

static void
test_pattern_parse_format (void)
{
  DeskPatternLock lock;
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_pattern_lock_parse ("1-5-9-6", &lock, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lock.n_dots, ==, 4);
  g_assert_cmpuint (lock.dots[0], ==, 1);
  g_assert_cmpuint (lock.dots[1], ==, 5);
  g_assert_cmpuint (lock.dots[2], ==, 9);
  g_assert_cmpuint (lock.dots[3], ==, 6);

  /* Written by hand with spaces, it reads the same. */
  assert_parses_to (" 1 - 5 - 9 - 6 ", "1-5-9-6");
  assert_parses_to ("7-4-1-2-3-6-9-8-5", "7-4-1-2-3-6-9-8-5");
  /* 1 to 3 passes over 2, already visited: allowed. So is a knight's move. */
  assert_parses_to ("2-1-3-6", "2-1-3-6");
  assert_parses_to ("1-6-7-2", "1-6-7-2");
  /* 4 to 6 over 5 visited, then 6 to 4 is not possible (4 visited); 3 to 7 over 5. */
  assert_parses_to ("5-4-6-3-7", "5-4-6-3-7");
}

static void
test_pattern_refusals (void)
{
  assert_refused ("1-5-9", "at least 4");
  assert_refused ("", "at least 4");
  assert_refused ("1-5-1-2", "twice");
  assert_refused ("0-1-2-3", "no dot 0");
  assert_refused ("1-2-a-4", "1-5-9-6");
  assert_refused ("1-2-34-5", "1-5-9-6");
  assert_refused ("1--2-3-4", "1-5-9-6");
  assert_refused ("1-2-3-4-5-6-7-8-9-1", "at most 9");
  /* Passing over an unvisited middle dot takes it: the stored form must say so. */
  assert_refused ("1-3-6-9", "passes over dot 2");
  assert_refused ("1-9-8-7", "passes over dot 5");
  assert_refused ("4-6-5-8", "passes over dot 5");
  assert_refused ("3-7-4-1", "passes over dot 5");
  assert_refused ("2-5-7-9", "passes over dot 8");
}

static void
assert_drawn (const guint *touched,
              guint        n,
              const char  *expected)
{
  g_autofree char *text = NULL;
  DeskPatternLock lock;

  desk_pattern_lock_init (&lock);
  for (guint i = 0; i < n; i++)
    g_assert_true (desk_pattern_lock_add_dot (&lock, touched[i]));
  text = desk_pattern_lock_format (&lock);
  g_assert_cmpstr (text, ==, expected);
  g_assert_true (desk_pattern_lock_validate (&lock, NULL));
}

/* Drawing applies the phone's rule: the dots the finger touched become what it unlocks. */
static void
test_pattern_drawing (void)
{
  const guint corners[] = { 1, 3, 9, 7 };
  const guint diagonal[] = { 1, 9, 3, 7 };
  const guint middle_first[] = { 5, 1, 9, 2, 8 };
  const guint knight[] = { 1, 6, 7, 2 };
  DeskPatternLock lock;

  assert_drawn (corners, G_N_ELEMENTS (corners), "1-2-3-6-9-8-7");
  /* 3 to 7 crosses 5, already visited by 1 to 9. */
  assert_drawn (diagonal, G_N_ELEMENTS (diagonal), "1-5-9-6-3-7");
  assert_drawn (middle_first, G_N_ELEMENTS (middle_first), "5-1-9-2-8");
  assert_drawn (knight, G_N_ELEMENTS (knight), "1-6-7-2");

  desk_pattern_lock_init (&lock);
  g_assert_true (desk_pattern_lock_add_dot (&lock, 4));
  g_assert_false (desk_pattern_lock_add_dot (&lock, 4));
  g_assert_false (desk_pattern_lock_add_dot (&lock, 0));
  g_assert_false (desk_pattern_lock_add_dot (&lock, 10));
  g_assert_cmpuint (lock.n_dots, ==, 1);
  g_assert_false (desk_pattern_lock_validate (&lock, NULL));
}

typedef struct
{
  guint n_valid;
  guint n_sequences;
} Census;

static void
visit (DeskPatternLock *lock,
       Census          *census)
{
  if (lock->n_dots >= DESK_PATTERN_LOCK_MIN_DOTS)
    {
      census->n_sequences++;
      if (desk_pattern_lock_validate (lock, NULL))
        {
          g_autofree char *text = desk_pattern_lock_format (lock);
          DeskPatternLock parsed;

          census->n_valid++;
          g_assert_true (desk_pattern_lock_parse (text, &parsed, NULL));
          g_assert_cmpmem (parsed.dots, parsed.n_dots, lock->dots, lock->n_dots);
        }
    }

  for (guint dot = 1; dot <= 9 && lock->n_dots < 9; dot++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < lock->n_dots; i++)
        used |= lock->dots[i] == dot;
      if (used)
        continue;

      lock->dots[lock->n_dots++] = (guint8) dot;
      visit (lock, census);
      lock->n_dots--;
    }
}

/* Every sequence of 4 to 9 distinct dots: the valid ones are the 389,112 patterns an
 * Android phone accepts, and each survives format and parse unchanged. */
static void
test_pattern_census (void)
{
  DeskPatternLock lock;
  Census census = { 0, 0 };

  desk_pattern_lock_init (&lock);
  visit (&lock, &census);

  g_assert_cmpuint (census.n_sequences, ==, 985824);
  g_assert_cmpuint (census.n_valid, ==, 389112);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pattern-lock/parse-format", test_pattern_parse_format);
  g_test_add_func ("/pattern-lock/refusals", test_pattern_refusals);
  g_test_add_func ("/pattern-lock/drawing", test_pattern_drawing);
  g_test_add_func ("/pattern-lock/census", test_pattern_census);

  return g_test_run ();
}
