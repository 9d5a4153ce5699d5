/* desk-json-mapped.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Maps one record from its JSON: a desk_foo_new_from_json() function. */
typedef gpointer (*DeskJsonMapFunc) (JsonNode  *node,
                                     GError   **error);

typedef struct _DeskJsonMapped DeskJsonMapped;

JsonNode *desk_json_parse_mapped     (GBytes           *bytes,
                                      DeskJsonMapFunc   map,
                                      DeskJsonMapped  **mapped,
                                      GError          **error);
gpointer  desk_json_mapped_take      (DeskJsonMapped   *mapped,
                                      JsonNode         *node,
                                      GError          **error);
guint     desk_json_mapped_get_size  (DeskJsonMapped   *mapped);
void      desk_json_mapped_free      (DeskJsonMapped   *mapped);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskJsonMapped, desk_json_mapped_free)

G_END_DECLS
