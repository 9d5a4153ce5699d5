/* desk-properties.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const char *desk_properties_find_unknown (GType               type,
                                          const char * const *names,
                                          gsize               n_names);
void        desk_properties_check        (GType               type,
                                          const char * const *names,
                                          gsize               n_names);

#define DESK_PROPERTIES_CHECK(type, names) \
  desk_properties_check ((type), (names), G_N_ELEMENTS (names))

G_END_DECLS
