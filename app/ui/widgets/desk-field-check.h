/* desk-field-check.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const char *desk_first_unknown_property (GType               type,
                                         const char * const *names,
                                         gsize               n_names);
void        desk_require_properties     (GType               type,
                                         const char * const *names,
                                         gsize               n_names);

G_END_DECLS
