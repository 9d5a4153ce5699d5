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
 * desk_properties_find_unknown:
 * @type: a GObject type
 * @names: property names
 * @n_names: the length of @names
 *
 * Returns: (nullable): the first of @names that is no property of @type, or %NULL
 */
const char *
desk_properties_find_unknown (GType               type,
                              const char * const *names,
                              gsize               n_names)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  for (gsize i = 0; i < n_names; i++)
    if (names[i] == NULL || g_object_class_find_property (G_OBJECT_CLASS (klass), names[i]) == NULL)
      return names[i] != NULL ? names[i] : "(null)";

  return NULL;
}

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
  const char *unknown;

  g_return_if_fail (G_TYPE_IS_OBJECT (type));

  unknown = desk_properties_find_unknown (type, names, n_names);
  if (unknown != NULL)
    g_critical ("%s has no property “%s”", g_type_name (type), unknown);
}
