/* desk-field-check.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-field-check"

#include "config.h"

#include "desk-field-check.h"

/* Forms and details list the properties they show in tables of strings. A class checks
 * its table when it is first used, so that a misspelt name stops the program at once
 * instead of leaving a field that silently shows and saves nothing. */

/* Returns: (nullable): the first of @names that is no property of @type, or %NULL */
const char *
desk_first_unknown_property (GType               type,
                             const char * const *names,
                             gsize               n_names)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  for (gsize i = 0; i < n_names; i++)
    if (names[i] == NULL || g_object_class_find_property (G_OBJECT_CLASS (klass), names[i]) == NULL)
      return names[i] != NULL ? names[i] : "(null)";

  return NULL;
}

/* Stops the program when one of @names is no property of @type. */
void
desk_require_properties (GType               type,
                         const char * const *names,
                         gsize               n_names)
{
  const char *unknown = desk_first_unknown_property (type, names, n_names);

  if (unknown != NULL)
    g_error ("%s has no property “%s”", g_type_name (type), unknown);
}
