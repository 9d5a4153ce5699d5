/* desk-sandbox-body-cap.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

void desk_sandbox_cap_bodies (SoupServer *server,
                              gsize       max_body,
                              gboolean    strict_http);

G_END_DECLS
