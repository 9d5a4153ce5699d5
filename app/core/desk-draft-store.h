/* desk-draft-store.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-intake-draft.h"

G_BEGIN_DECLS

#define DESK_TYPE_DRAFT_STORE (desk_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (DeskDraftStore, desk_draft_store, DESK, DRAFT_STORE, GObject)

DeskDraftStore  *desk_draft_store_new           (const char           *path);
const char      *desk_draft_store_get_path      (DeskDraftStore       *self);
void             desk_draft_store_save_async    (DeskDraftStore       *self,
                                                 DeskIntakeDraft      *draft,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         desk_draft_store_save_finish   (DeskDraftStore       *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void             desk_draft_store_load_async    (DeskDraftStore       *self,
                                                 const char           *id,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
DeskIntakeDraft *desk_draft_store_load_finish   (DeskDraftStore       *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void             desk_draft_store_list_async    (DeskDraftStore       *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GPtrArray       *desk_draft_store_list_finish   (DeskDraftStore       *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void             desk_draft_store_delete_async  (DeskDraftStore       *self,
                                                 const char           *id,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         desk_draft_store_delete_finish (DeskDraftStore       *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
