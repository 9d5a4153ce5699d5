/* desk-context-private.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-context.h"
#include "desk-keyring.h"

G_BEGIN_DECLS

struct _DeskContext
{
  GObject        parent_instance;

  /* owned */
  GSettings     *settings;
  DeskApiClient *client;
  DeskCatalog   *catalog;
  DeskDraftStore *drafts;
  DeskWriter    *writer;
  DeskOutbox    *outbox;
  DeskSandbox   *sandbox;
  char          *server_url;
  char          *api_key;

  /* owned by the job that starts the demo store, until the store is taken into use */
  gpointer       demo_start;

  /* state */
  gboolean       api_key_session_only;
  gboolean       demo;
  gboolean       demo_offline;
  guint16        demo_port;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CLIENT,
  PROP_CATALOG,
  PROP_DEMO,
  PROP_SANDBOX,
  PROP_SERVER_URL,
  PROP_HAS_API_KEY,
  PROP_DEMO_OFFLINE,
  N_PROPS
};

enum {
  DEMO_RESET,
  N_SIGNALS
};

extern GParamSpec *_desk_context_properties[N_PROPS];
extern guint _desk_context_signals[N_SIGNALS];

void _desk_context_drop_catalog (DeskContext *self);
void _desk_context_set_api_key  (DeskContext *self,
                                 const char  *api_key,
                                 gboolean     session_only);

G_END_DECLS
