/* desk-history-entry.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-history-entry"

#include "config.h"

#include "desk-history-entry.h"
#include "desk-record-private.h"

/* One line of a ticket's history ("hostory"): the description is HTML with <b> tags, as
 * the server writes it; the screen decides how to show it. */

struct _DeskHistoryEntry
{
  DeskRecord parent_instance;

  char   *description;
  gint64  created;
};

G_DEFINE_FINAL_TYPE (DeskHistoryEntry, desk_history_entry, DESK_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_CREATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const DeskField fields[N_PROPS] = {
  DESK_FIELD (DeskHistoryEntry, PROP_DESCRIPTION, "description", DESK_FIELD_STRING, description,
              "description"),
  DESK_FIELD (DeskHistoryEntry, PROP_CREATED, "created", DESK_FIELD_TIME, created,
              "creationdate", "created_on"),
};

static void
desk_history_entry_class_init (DeskHistoryEntryClass *klass)
{
  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
}

static void
desk_history_entry_init (DeskHistoryEntry *self)
{
}

/**
 * desk_history_entry_new_from_json:
 * @node: one element of a ticket's `hostory`
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the entry, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskHistoryEntry *
desk_history_entry_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  return desk_record_new_from_json (DESK_TYPE_HISTORY_ENTRY, node, error);
}

/**
 * desk_history_entry_get_description:
 * @self: a #DeskHistoryEntry
 *
 * Returns: (nullable): what happened, as HTML
 */
const char *
desk_history_entry_get_description (DeskHistoryEntry *self)
{
  g_return_val_if_fail (DESK_IS_HISTORY_ENTRY (self), NULL);

  return self->description;
}

/**
 * desk_history_entry_get_created:
 * @self: a #DeskHistoryEntry
 *
 * Returns: when it happened, in unix seconds, 0 if not known
 */
gint64
desk_history_entry_get_created (DeskHistoryEntry *self)
{
  g_return_val_if_fail (DESK_IS_HISTORY_ENTRY (self), 0);

  return self->created;
}
