/* desk-results-view.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-core.h"

G_BEGIN_DECLS

#define DESK_TYPE_RESULTS_VIEW (desk_results_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskResultsView, desk_results_view, DESK, RESULTS_VIEW, GtkWidget)

GtkWidget     *desk_results_view_new                   (void);
DeskPagedList *desk_results_view_get_list              (DeskResultsView *self);
void           desk_results_view_set_list              (DeskResultsView *self,
                                                        DeskPagedList   *list);
GtkWidget     *desk_results_view_get_child             (DeskResultsView *self);
void           desk_results_view_set_child             (DeskResultsView *self,
                                                        GtkWidget       *child);
void           desk_results_view_set_titles            (DeskResultsView *self,
                                                        GtkWidget       *titles);
void           desk_results_view_set_empty_text        (DeskResultsView *self,
                                                        const char      *title,
                                                        const char      *description);
const char    *desk_results_view_get_state             (DeskResultsView *self);
void           desk_results_view_set_fetch_more        (DeskResultsView *self,
                                                        gboolean         fetch_more);

G_END_DECLS
