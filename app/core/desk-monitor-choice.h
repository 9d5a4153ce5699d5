/* desk-monitor-choice.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DeskMonitorInfo:
 * @connector: (nullable): the connector name GDK gives, such as "HDMI-1"
 * @x: the left of the monitor in the desktop, in logical pixels
 * @y: the top
 * @width: the width
 * @height: the height
 *
 * A monitor as GDK reports it, without GDK.
 */
typedef struct
{
  const char *connector;
  int         x;
  int         y;
  int         width;
  int         height;
} DeskMonitorInfo;

int desk_monitor_choose (const DeskMonitorInfo *monitors,
                         guint                  n_monitors,
                         const char            *chosen_connector,
                         int                    window_monitor);
int desk_monitor_find   (const DeskMonitorInfo *monitors,
                         guint                  n_monitors,
                         int                    x,
                         int                    y);

G_END_DECLS
