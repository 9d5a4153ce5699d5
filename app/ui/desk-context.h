/* desk-context.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-core.h"
#include "desk-draft-store.h"
#include "desk-sandbox.h"

G_BEGIN_DECLS

#define DESK_TYPE_CONTEXT (desk_context_get_type ())

G_DECLARE_FINAL_TYPE (DeskContext, desk_context, DESK, CONTEXT, GObject)

DeskContext   *desk_context_new                      (GSettings            *settings);
DeskContext   *desk_context_new_for_client           (GSettings            *settings,
                                                      DeskApiClient        *client,
                                                      DeskCatalog          *catalog);
GSettings     *desk_context_get_settings             (DeskContext          *self);
DeskApiClient *desk_context_get_client               (DeskContext          *self);
DeskCatalog   *desk_context_get_catalog              (DeskContext          *self);
DeskDraftStore *desk_context_get_drafts              (DeskContext          *self);
DeskWriter    *desk_context_get_writer               (DeskContext          *self);
DeskOutbox    *desk_context_get_outbox               (DeskContext          *self);
gboolean       desk_context_get_demo                 (DeskContext          *self);
DeskSandbox   *desk_context_get_sandbox              (DeskContext          *self);
void           desk_context_start_demo_async         (DeskContext          *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean       desk_context_start_demo_finish        (DeskContext          *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
gboolean       desk_context_take_started_demo        (DeskContext          *self);
void           desk_context_reset_demo_async         (DeskContext          *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
void           desk_context_leave_demo               (DeskContext          *self);
gboolean       desk_context_reset_demo_finish        (DeskContext          *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
gboolean       desk_context_get_demo_offline         (DeskContext          *self);
gboolean       desk_context_set_demo_offline         (DeskContext          *self,
                                                      gboolean              offline,
                                                      GError              **error);
const char    *desk_context_get_server_url           (DeskContext          *self);
gboolean       desk_context_get_has_api_key          (DeskContext          *self);
const char    *desk_context_get_api_key              (DeskContext          *self);
gboolean       desk_context_get_api_key_session_only (DeskContext          *self);
void           desk_context_set_session_api_key      (DeskContext          *self,
                                                      const char           *api_key);
void           desk_context_load_api_key_async       (DeskContext          *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean       desk_context_load_api_key_finish      (DeskContext          *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void           desk_context_save_api_key_async       (DeskContext          *self,
                                                      const char           *api_key,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean       desk_context_save_api_key_finish      (DeskContext          *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
