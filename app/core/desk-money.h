/* desk-money.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  desk_money_parse          (const char  *text,
                                     gint64      *cents,
                                     char       **currency);
gboolean  desk_money_parse_percent  (const char  *text,
                                     gint64      *millipercent);
char     *desk_money_to_api         (gint64       cents);
char     *desk_money_format         (gint64       cents,
                                     const char  *currency);
gint64    desk_money_line_total     (gint64       price,
                                     gint64       quantity,
                                     gint64       discount);
gint64    desk_money_tax            (gint64       amount,
                                     gint64       millipercent);

G_END_DECLS
