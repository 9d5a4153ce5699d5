/* desk-bench-frames.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A frame at 60 Hz, the goal of a keystroke; twice that, the goal of the slowest. */
#define DESK_BENCH_FRAME_MS (1000.0 / 60.0)

/* How many points of a frame the keys of a benchmark are spread over. */
#define DESK_BENCH_N_PHASES 8

typedef void (*DeskBenchChange) (gpointer data);

typedef struct _DeskBenchFrames DeskBenchFrames;

DeskBenchFrames *desk_bench_frames_new        (GtkWidget       *widget);
void             desk_bench_frames_free       (DeskBenchFrames *self);
double           desk_bench_frames_time       (DeskBenchFrames *self,
                                               double           phase,
                                               DeskBenchChange  change,
                                               gpointer         data,
                                               double          *handler_ms);
double           desk_bench_frames_get_cpu_ms (DeskBenchFrames *self);
void             desk_bench_frames_print_phases (DeskBenchFrames *self,
                                                 DeskBenchChange  change,
                                                 const char      *what);
double           desk_bench_frames_round_phase (guint          round);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskBenchFrames, desk_bench_frames_free)

double           desk_bench_median            (GArray          *ms);
double           desk_bench_max               (GArray          *ms);
double           desk_bench_percentile        (GArray          *ms,
                                               double           share);
void             desk_bench_report            (const char      *what,
                                               GArray          *ms,
                                               GArray          *floor_ms);

G_END_DECLS
