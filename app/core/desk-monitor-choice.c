/* desk-monitor-choice.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-monitor-choice"

#include "config.h"

#include "desk-monitor-choice.h"

/* Where "Hand to Customer" goes full screen: the customer-facing monitor chosen in
 * Preferences when it is plugged in, otherwise the monitor the Front Desk window is on.
 * Kept apart from GDK so that it can be tested with two monitors on a display that has
 * one. */

/**
 * desk_monitor_choose:
 * @monitors: (array length=n_monitors): the monitors connected now
 * @n_monitors: how many
 * @chosen_connector: (nullable): the connector chosen in Preferences, or %NULL or "" for
 *   none
 * @window_monitor: the index of the monitor the window is on, or -1 if unknown
 *
 * Returns: the index of the monitor to use, or -1 when there is none
 */
int
desk_monitor_choose (const DeskMonitorInfo *monitors,
                     guint                  n_monitors,
                     const char            *chosen_connector,
                     int                    window_monitor)
{
  g_return_val_if_fail (monitors != NULL || n_monitors == 0, -1);

  if (n_monitors == 0)
    return -1;

  if (chosen_connector != NULL && *chosen_connector != '\0')
    for (guint i = 0; i < n_monitors; i++)
      if (g_strcmp0 (monitors[i].connector, chosen_connector) == 0)
        return (int) i;

  if (window_monitor >= 0 && (guint) window_monitor < n_monitors)
    return window_monitor;

  return 0;
}

/**
 * desk_monitor_find:
 * @monitors: (array length=n_monitors): the monitors connected now
 * @n_monitors: how many
 * @x: a point of the desktop, in logical pixels
 * @y: a point of the desktop
 *
 * Returns: the index of the monitor that holds the point, or -1
 */
int
desk_monitor_find (const DeskMonitorInfo *monitors,
                   guint                  n_monitors,
                   int                    x,
                   int                    y)
{
  g_return_val_if_fail (monitors != NULL || n_monitors == 0, -1);

  for (guint i = 0; i < n_monitors; i++)
    {
      const DeskMonitorInfo *m = &monitors[i];

      if (x >= m->x && x < m->x + m->width && y >= m->y && y < m->y + m->height)
        return (int) i;
    }

  return -1;
}
