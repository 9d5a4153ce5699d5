/* desk-list-search.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-paged-list.h"

G_BEGIN_DECLS

/**
 * DeskListSearchQueryFunc:
 * @text: (nullable): the search text, stripped; %NULL for the list without a search
 * @user_data: the data given with the function
 *
 * Returns: (transfer full): the query of the list for @text, with the screen's filters
 */
typedef DeskListQuery *(*DeskListSearchQueryFunc) (const char *text,
                                                   gpointer    user_data);

/* How long typing must pause before the server is asked, in milliseconds. */
#define DESK_LIST_SEARCH_DELAY_MS 250

#define DESK_TYPE_LIST_SEARCH (desk_list_search_get_type ())

G_DECLARE_FINAL_TYPE (DeskListSearch, desk_list_search, DESK, LIST_SEARCH, GObject)

DeskListSearch *desk_list_search_new             (DeskApiClient           *client,
                                                  DeskPagedListKind        kind);
void            desk_list_search_set_query_func  (DeskListSearch          *self,
                                                  DeskListSearchQueryFunc  func,
                                                  gpointer                 user_data,
                                                  GDestroyNotify           destroy);
const char     *desk_list_search_get_text        (DeskListSearch          *self);
void            desk_list_search_set_text        (DeskListSearch          *self,
                                                  const char              *text);
void            desk_list_search_refresh         (DeskListSearch          *self);
void            desk_list_search_activate        (DeskListSearch          *self);
DeskPagedList  *desk_list_search_get_list        (DeskListSearch          *self);
DeskPagedList  *desk_list_search_get_browse_list (DeskListSearch          *self);
gboolean        desk_list_search_get_filtering   (DeskListSearch          *self);
gboolean        desk_list_search_get_searching   (DeskListSearch          *self);
gboolean        desk_list_search_get_answered    (DeskListSearch          *self);
guint           desk_list_search_get_delay       (DeskListSearch          *self);
void            desk_list_search_set_delay       (DeskListSearch          *self,
                                                  guint                    delay_ms);
void            desk_list_search_foreach_list    (DeskListSearch          *self,
                                                  GFunc                    func,
                                                  gpointer                 user_data);

G_END_DECLS
