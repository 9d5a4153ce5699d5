/* desk-properties.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-properties"

#include "config.h"

#include "desk-properties.h"

/**
 * desk_properties_check:
 * @type: a GObject type
 * @names: property names that a table binds or copies as strings
 * @n_names: the length of @names
 *
 * Called from a class_init over each table of property names, so that a typo fails at
 * once (a critical, fatal in the tests) instead of showing an empty field.
 */
void
desk_properties_check (GType               type,
                       const char * const *names,
                       gsize               n_names)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  g_return_if_fail (G_TYPE_IS_OBJECT (type));

  for (gsize i = 0; i < n_names; i++)
    if (g_object_class_find_property (G_OBJECT_CLASS (klass), names[i]) == NULL)
      g_critical ("%s has no property “%s”", g_type_name (type), names[i]);
}
