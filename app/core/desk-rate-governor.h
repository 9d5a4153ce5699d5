/* desk-rate-governor.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-clock.h"

G_BEGIN_DECLS

/**
 * DeskApiPriority:
 * @DESK_API_PRIORITY_INTERACTIVE: someone at the counter waits for the answer
 * @DESK_API_PRIORITY_DEFAULT: ordinary work, such as the next page of a list
 * @DESK_API_PRIORITY_BACKGROUND: refreshes nobody waits for
 *
 * The order in which queued requests are sent; a lower value goes first. Any integer is
 * accepted, these are the usual steps.
 */
typedef enum
{
  DESK_API_PRIORITY_INTERACTIVE = 0,
  DESK_API_PRIORITY_DEFAULT = 100,
  DESK_API_PRIORITY_BACKGROUND = 200,
} DeskApiPriority;

/* RepairDesk refuses the 51st request in a sliding minute. The governor counts each
 * request until a minute after its answer, later than the server can have counted it, so
 * it may use all 50; other PCs on the key lower its share (DeskRateGovernor:share). */
#define DESK_RATE_GOVERNOR_DEFAULT_LIMIT  50
#define DESK_RATE_GOVERNOR_DEFAULT_WINDOW (60 * G_USEC_PER_SEC)

#define DESK_TYPE_RATE_GOVERNOR (desk_rate_governor_get_type ())

G_DECLARE_FINAL_TYPE (DeskRateGovernor, desk_rate_governor, DESK, RATE_GOVERNOR, GObject)

DeskRateGovernor *desk_rate_governor_new                (DeskClock            *clock);
DeskRateGovernor *desk_rate_governor_get_for_key        (const char           *api_key);
DeskClock        *desk_rate_governor_get_clock          (DeskRateGovernor     *self);
guint             desk_rate_governor_get_limit          (DeskRateGovernor     *self);
void              desk_rate_governor_set_limit          (DeskRateGovernor     *self,
                                                         guint                 limit);
guint             desk_rate_governor_get_share          (DeskRateGovernor     *self);
gint64            desk_rate_governor_get_window         (DeskRateGovernor     *self);
void              desk_rate_governor_set_window         (DeskRateGovernor     *self,
                                                         gint64                window_usec);
guint             desk_rate_governor_get_queued         (DeskRateGovernor     *self);
gboolean          desk_rate_governor_get_waiting        (DeskRateGovernor     *self);
gint64            desk_rate_governor_get_resume_time    (DeskRateGovernor     *self);
guint             desk_rate_governor_get_n_rate_limited (DeskRateGovernor     *self);
void              desk_rate_governor_acquire_async      (DeskRateGovernor     *self,
                                                         int                   priority,
                                                         gint64                not_before,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean          desk_rate_governor_acquire_finish     (DeskRateGovernor     *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void              desk_rate_governor_report_answered    (DeskRateGovernor     *self);
void              desk_rate_governor_report_rate_limited (DeskRateGovernor    *self);
void              desk_rate_governor_report_success     (DeskRateGovernor     *self);

G_END_DECLS
