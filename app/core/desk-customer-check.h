/* desk-customer-check.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  desk_customer_check_email  (const char *text);
gboolean  desk_customer_check_phone  (const char *text);
char     *desk_customer_phone_digits (const char *text);
gboolean  desk_customer_same_phone   (const char *a,
                                      const char *b);
char     *desk_customer_link_markup  (const char *scheme,
                                      const char *text);
char     *desk_customer_tidy_name    (const char *name);

G_END_DECLS
