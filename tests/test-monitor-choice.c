/* test-monitor-choice.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-monitor-choice.h"

/* A counter PC: its own screen, and a customer-facing touch monitor to its right. */
static const DeskMonitorInfo two[] = {
  { "eDP-1", 0, 0, 1920, 1080 },
  { "HDMI-1", 1920, 0, 1280, 800 },
};

static void
test_monitor_two (void)
{
  /* The chosen monitor, wherever the window is. */
  g_assert_cmpint (desk_monitor_choose (two, 2, "HDMI-1", 0), ==, 1);
  g_assert_cmpint (desk_monitor_choose (two, 2, "HDMI-1", 1), ==, 1);
  g_assert_cmpint (desk_monitor_choose (two, 2, "eDP-1", 1), ==, 0);
  /* None chosen, or the chosen one unplugged: the window's own. */
  g_assert_cmpint (desk_monitor_choose (two, 2, NULL, 1), ==, 1);
  g_assert_cmpint (desk_monitor_choose (two, 2, "", 0), ==, 0);
  g_assert_cmpint (desk_monitor_choose (two, 2, "DP-2", 1), ==, 1);
  g_assert_cmpint (desk_monitor_choose (two, 2, "DP-2", 0), ==, 0);
  /* The window's monitor unknown: the first. */
  g_assert_cmpint (desk_monitor_choose (two, 2, "DP-2", -1), ==, 0);
  g_assert_cmpint (desk_monitor_choose (two, 2, NULL, 5), ==, 0);

  /* Which monitor a window's centre is on. */
  g_assert_cmpint (desk_monitor_find (two, 2, 100, 100), ==, 0);
  g_assert_cmpint (desk_monitor_find (two, 2, 1919, 1079), ==, 0);
  g_assert_cmpint (desk_monitor_find (two, 2, 1920, 0), ==, 1);
  g_assert_cmpint (desk_monitor_find (two, 2, 2500, 900), ==, -1);
  g_assert_cmpint (desk_monitor_find (two, 2, -1, 10), ==, -1);
}

/* The customer's monitor is not plugged in today: everything happens on the one there is. */
static void
test_monitor_one (void)
{
  const DeskMonitorInfo one[] = { { "eDP-1", 0, 0, 1366, 768 } };
  const DeskMonitorInfo unnamed[] = { { NULL, 0, 0, 1280, 800 } };

  g_assert_cmpint (desk_monitor_choose (one, 1, "HDMI-1", 0), ==, 0);
  g_assert_cmpint (desk_monitor_choose (one, 1, "eDP-1", 0), ==, 0);
  g_assert_cmpint (desk_monitor_choose (one, 1, NULL, -1), ==, 0);
  g_assert_cmpint (desk_monitor_choose (unnamed, 1, "HDMI-1", 0), ==, 0);
  g_assert_cmpint (desk_monitor_find (one, 1, 683, 384), ==, 0);

  g_assert_cmpint (desk_monitor_choose (NULL, 0, "HDMI-1", 0), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/monitor-choice/two", test_monitor_two);
  g_test_add_func ("/monitor-choice/one", test_monitor_one);

  return g_test_run ();
}
