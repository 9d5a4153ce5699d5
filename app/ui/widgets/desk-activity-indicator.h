/* desk-activity-indicator.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-core.h"

G_BEGIN_DECLS

#define DESK_TYPE_ACTIVITY_INDICATOR (desk_activity_indicator_get_type ())

G_DECLARE_FINAL_TYPE (DeskActivityIndicator, desk_activity_indicator, DESK, ACTIVITY_INDICATOR,
                      GtkWidget)

GtkWidget     *desk_activity_indicator_new        (void);
DeskApiClient *desk_activity_indicator_get_client (DeskActivityIndicator *self);
void           desk_activity_indicator_set_client (DeskActivityIndicator *self,
                                                   DeskApiClient         *client);
guint          desk_activity_indicator_get_count  (DeskActivityIndicator *self);

G_END_DECLS
