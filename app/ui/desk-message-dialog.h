/* desk-message-dialog.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwMessageDialog *desk_message_dialog_ask (GtkWindow             *parent,
                                           const char            *heading,
                                           const char            *body,
                                           const char            *action_id,
                                           const char            *action_label,
                                           AdwResponseAppearance  appearance,
                                           GCallback              response_cb,
                                           gpointer               object);

G_END_DECLS
