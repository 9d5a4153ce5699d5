/* desk-status.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-status"

#include "config.h"

#include "desk-record-private.h"
#include "desk-status.h"

/* A ticket status (GET /statuses) with the colour the shop gave it, so that lists can
 * show the same colour as the RepairDesk web app. */

struct _DeskStatus
{
  DeskNamedItem parent_instance;

  char *color;
  char *kind;
};

G_DEFINE_FINAL_TYPE (DeskStatus, desk_status, DESK_TYPE_NAMED_ITEM)

enum {
  PROP_0,
  PROP_COLOR,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const DeskField fields[N_PROPS] = {
  DESK_FIELD (DeskStatus, PROP_COLOR, "color", DESK_FIELD_STRING, color, "color", "colour"),
  DESK_FIELD (DeskStatus, PROP_KIND, "kind", DESK_FIELD_STRING, kind, "type"),
};

static void
desk_status_class_init (DeskStatusClass *klass)
{
  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
}

static void
desk_status_init (DeskStatus *self)
{
}

/**
 * desk_status_new_from_json:
 * @node: one element of the statuses list
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the status, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskStatus *
desk_status_new_from_json (JsonNode  *node,
                           GError   **error)
{
  return desk_named_item_new_from_json (DESK_TYPE_STATUS, node, error);
}

/**
 * desk_status_get_color:
 * @self: a #DeskStatus
 *
 * Returns: (nullable): the colour as the server wrote it (a CSS colour like "#ff0000")
 */
const char *
desk_status_get_color (DeskStatus *self)
{
  g_return_val_if_fail (DESK_IS_STATUS (self), NULL);

  return self->color;
}

/**
 * desk_status_get_kind:
 * @self: a #DeskStatus
 *
 * Returns: (nullable): the status group the server gives as "type"
 */
const char *
desk_status_get_kind (DeskStatus *self)
{
  g_return_val_if_fail (DESK_IS_STATUS (self), NULL);

  return self->kind;
}
