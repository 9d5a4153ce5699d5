/* desk-outbox-banner.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-core.h"

G_BEGIN_DECLS

#define DESK_TYPE_OUTBOX_BANNER (desk_outbox_banner_get_type ())

G_DECLARE_FINAL_TYPE (DeskOutboxBanner, desk_outbox_banner, DESK, OUTBOX_BANNER, AdwBin)

GtkWidget  *desk_outbox_banner_new         (void);
DeskOutbox *desk_outbox_banner_get_outbox  (DeskOutboxBanner *self);
void        desk_outbox_banner_set_outbox  (DeskOutboxBanner *self,
                                            DeskOutbox       *outbox);
gboolean    desk_outbox_banner_get_shown   (DeskOutboxBanner *self);
const char *desk_outbox_banner_get_text    (DeskOutboxBanner *self);
GtkListBox *desk_outbox_banner_get_list    (DeskOutboxBanner *self);
void        desk_outbox_banner_show_list   (DeskOutboxBanner *self);

G_END_DECLS
