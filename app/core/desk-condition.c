/* desk-condition.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-condition"

#include "config.h"

#include "desk-condition.h"
#include "desk-record-private.h"

/* A named check with a yes/no result. The API uses the same {name, result} shape for a
 * device's pre- and post-repair conditions ("Power Button works") and for the items a
 * customer handed in with it ("suplied": "Charger"), so one class serves all three. */

struct _DeskCondition
{
  DeskRecord parent_instance;

  char     *name;
  gboolean  result;
};

G_DEFINE_FINAL_TYPE (DeskCondition, desk_condition, DESK_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_RESULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const DeskField fields[N_PROPS] = {
  DESK_FIELD (DeskCondition, PROP_NAME, "name", DESK_FIELD_STRING, name, "name"),
  DESK_FIELD (DeskCondition, PROP_RESULT, "result", DESK_FIELD_BOOL, result, "result"),
};

static const DeskWrite writes[] = {
  { "name", "name" },
  { "result", "result" },
  { NULL }
};

static void
desk_condition_class_init (DeskConditionClass *klass)
{
  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
  desk_record_class_set_writes (G_OBJECT_CLASS (klass), writes);
}

static void
desk_condition_init (DeskCondition *self)
{
}

/**
 * desk_condition_new:
 * @name: what is checked or handed in
 * @result: whether it passed or was handed in
 *
 * Returns: (transfer full): a new condition
 */
DeskCondition *
desk_condition_new (const char *name,
                    gboolean    result)
{
  return g_object_new (DESK_TYPE_CONDITION, "name", name, "result", result, NULL);
}

/**
 * desk_condition_new_from_json:
 * @node: one element of `PreConditions`, `PostConditions` or `suplied`
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the condition, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskCondition *
desk_condition_new_from_json (JsonNode  *node,
                              GError   **error)
{
  return desk_record_new_from_json (DESK_TYPE_CONDITION, node, error);
}

/**
 * desk_condition_get_name:
 * @self: a #DeskCondition
 *
 * Returns: (nullable): what is checked
 */
const char *
desk_condition_get_name (DeskCondition *self)
{
  g_return_val_if_fail (DESK_IS_CONDITION (self), NULL);

  return self->name;
}

/**
 * desk_condition_get_result:
 * @self: a #DeskCondition
 *
 * Returns: the result of the check
 */
gboolean
desk_condition_get_result (DeskCondition *self)
{
  g_return_val_if_fail (DESK_IS_CONDITION (self), FALSE);

  return self->result;
}

/**
 * desk_condition_set_result:
 * @self: a #DeskCondition
 * @result: the result of the check
 */
void
desk_condition_set_result (DeskCondition *self,
                           gboolean       result)
{
  desk_record_set_boolean (DESK_RECORD (self), properties[PROP_RESULT], result);
}
