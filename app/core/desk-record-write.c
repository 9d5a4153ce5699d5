/* desk-record-write.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-record"

#include "config.h"

#include <string.h>

#include "desk-money.h"
#include "desk-record-private.h"

/* Writing a record's create/update body from its class's DeskWrite table. */

/* Writing bodies. */

static void
write_scalar (JsonBuilder     *builder,
              const DeskField *field,
              gconstpointer    ptr)
{
  gint64 value = desk_field_kind_is_int64 (field->kind) ? *(const gint64 *) ptr : 0;
  g_autofree char *text = NULL;

  switch (field->kind)
    {
    case DESK_FIELD_STRING:
      json_builder_add_string_value (builder, *(char * const *) ptr ? *(char * const *) ptr : "");
      return;
    case DESK_FIELD_BOOL:
      json_builder_add_string_value (builder, *(const gboolean *) ptr ? "1" : "0");
      return;
    case DESK_FIELD_MONEY:
      text = desk_money_to_api (value);
      break;
    case DESK_FIELD_PERCENT:
      text = g_strdup_printf ("%s%" G_GINT64_FORMAT ".%03d", value < 0 ? "-" : "",
                              ABS (value) / 1000, (int) (ABS (value) % 1000));
      break;
    case DESK_FIELD_TIME:
      text = value > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup ("");
      break;
    case DESK_FIELD_ID:
    case DESK_FIELD_INT:
      text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      break;
    case DESK_FIELD_RECORD:
    case DESK_FIELD_LIST:
    default:
      g_assert_not_reached ();
    }

  json_builder_add_string_value (builder, text);
}

static gboolean
is_none (const DeskField *field,
         gconstpointer    ptr)
{
  if (field->kind == DESK_FIELD_STRING)
    return *(char * const *) ptr == NULL || **(char * const *) ptr == '\0';
  if (field->kind == DESK_FIELD_BOOL)
    return !*(const gboolean *) ptr;
  if (field->kind == DESK_FIELD_RECORD)
    return *(const gpointer *) ptr == NULL;
  if (field->kind == DESK_FIELD_LIST)
    return *(GListModel * const *) ptr == NULL ||
           g_list_model_get_n_items (*(GListModel * const *) ptr) == 0;
  return *(const gint64 *) ptr == 0;
}

static void
write_value (DeskRecord      *self,
             const DeskField *field,
             JsonBuilder     *builder)
{
  gpointer ptr = desk_record_field_ptr (self, field);

  if (field->kind == DESK_FIELD_LIST)
    {
      GListModel *list = *(GListModel **) ptr;
      guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DeskRecord) item = g_list_model_get_item (list, i);

          desk_record_write_object (item, builder);
        }
      json_builder_end_array (builder);
    }
  else if (field->kind == DESK_FIELD_RECORD)
    {
      if (*(DeskRecord **) ptr != NULL)
        desk_record_write_object (*(DeskRecord **) ptr, builder);
      else
        json_builder_add_null_value (builder);
    }
  else
    {
      write_scalar (builder, field, ptr);
    }
}

static const DeskField *
field_by_name (DeskRecord *self,
               const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), name);

  g_assert (pspec != NULL && pspec->owner_type != DESK_TYPE_RECORD);

  return desk_record_field_for_pspec (pspec);
}

/* Opens or closes the "group" object of a "group/member" key; returns the member. */
static const char *
enter_group (JsonBuilder  *builder,
             const char   *key,
             char        **group)
{
  const char *slash = strchr (key, '/');
  gsize len = slash != NULL ? (gsize) (slash - key) : 0;

  if (*group != NULL && (slash == NULL || strncmp (*group, key, len) != 0 || (*group)[len] != '\0'))
    {
      json_builder_end_object (builder);
      g_clear_pointer (group, g_free);
    }

  if (slash != NULL && *group == NULL)
    {
      *group = g_strndup (key, len);
      json_builder_set_member_name (builder, *group);
      json_builder_begin_object (builder);
    }

  return slash != NULL ? slash + 1 : key;
}

/**
 * desk_record_write_object: (skip)
 * @self: a #DeskRecord
 * @builder: a builder where a value is expected
 *
 * Adds the record's create/update body as an object.
 */
void
desk_record_write_object (DeskRecord  *self,
                          JsonBuilder *builder)
{
  const DeskWrite *writes = desk_record_find_writes (self);
  g_autofree char *group = NULL;

  g_return_if_fail (writes != NULL);

  json_builder_begin_object (builder);
  for (const DeskWrite *w = writes; w->key != NULL; w++)
    {
      const DeskField *field = field_by_name (self, w->field);
      const char *member = enter_group (builder, w->key, &group);

      if (w->omit_if_none && is_none (field, desk_record_field_ptr (self, field)))
        continue;
      /* A text the server never sent and no one set is left out, so that an update
       * made from a partial record (a customer nested in a ticket) blanks nothing. */
      if (field->kind == DESK_FIELD_STRING && *(char **) desk_record_field_ptr (self, field) == NULL)
        continue;

      json_builder_set_member_name (builder, member);
      write_value (self, field, builder);
    }
  if (group != NULL)
    json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/**
 * desk_record_to_json:
 * @self: a #DeskRecord
 *
 * Returns: (transfer full): the create/update body of the record, every scalar a string
 */
JsonNode *
desk_record_to_json (DeskRecord *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (DESK_IS_RECORD (self), NULL);

  desk_record_write_object (self, builder);
  return json_builder_get_root (builder);
}
