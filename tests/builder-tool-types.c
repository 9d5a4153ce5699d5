/* builder-tool-types.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Preloaded into gtk4-builder-tool so that it knows the parent types of Front Desk's
 * templates. Types used as children are found by the builder itself through their
 * *_get_type () symbols, which this module exports. */

#include "config.h"

#include <adwaita.h>

__attribute__((constructor)) static void
register_types (void)
{
  g_type_ensure (ADW_TYPE_APPLICATION_WINDOW);
  g_type_ensure (ADW_TYPE_WINDOW);
  g_type_ensure (ADW_TYPE_BIN);
  g_type_ensure (ADW_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (ADW_TYPE_PREFERENCES_PAGE);
  g_type_ensure (ADW_TYPE_PREFERENCES_GROUP);
  g_type_ensure (ADW_TYPE_ACTION_ROW);
  g_type_ensure (ADW_TYPE_MESSAGE_DIALOG);
}
