/* desk-record.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define DESK_TYPE_RECORD (desk_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (DeskRecord, desk_record, DESK, RECORD, GObject)

/**
 * DeskRecordClass:
 * @loaded: called once the fields of a new record are read, for values that depend on
 *   several members
 *
 * The base of every data object: it reads, holds, notifies and writes the fields that
 * each subclass declares in a table, so that a data object is a list of its fields.
 */
struct _DeskRecordClass
{
  GObjectClass parent_class;

  void (*loaded) (DeskRecord *self,
                  JsonObject *object);

  /*< private >*/
  gpointer padding[4];
};

gpointer    desk_record_new_from_json  (GType        type,
                                        JsonNode    *node,
                                        GError     **error);
JsonNode   *desk_record_to_json        (DeskRecord  *self);
JsonNode   *desk_record_filter_json    (GType        type,
                                        JsonNode    *node);
const char *desk_record_get_currency   (DeskRecord  *self);

G_END_DECLS
