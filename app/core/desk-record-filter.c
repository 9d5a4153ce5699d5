/* desk-record-filter.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-record"

#include "config.h"

#include "desk-record-private.h"

/* An allow-list over a record's JSON: the members its field table reads, nothing else.
 * What is kept on disk (the catalog's cache) goes through it, so that a secret the server
 * adds under any name (an employee's PIN as "accesspin", "pin", nested, ...) never
 * reaches the disk. */

static JsonNode *filter_node (GType     type,
                              JsonNode *node);

/* The node at a "group/member" path, or NULL. */
static JsonNode *
lookup_path (JsonObject *object,
             const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  JsonNode *node = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (object == NULL || !json_object_has_member (object, parts[i]))
        return NULL;
      node = json_object_get_member (object, parts[i]);
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }

  return node;
}

static void
set_path (JsonObject *object,
          const char *path,
          JsonNode   *value)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  guint last = g_strv_length (parts) - 1;

  for (guint i = 0; i < last; i++)
    {
      JsonNode *child = json_object_get_member (object, parts[i]);

      if (child == NULL || !JSON_NODE_HOLDS_OBJECT (child))
        json_object_set_object_member (object, parts[i], json_object_new ());
      object = json_object_get_object_member (object, parts[i]);
    }

  json_object_set_member (object, parts[last], value);
}

static JsonNode *
filter_value (const DeskField *field,
              JsonNode        *value)
{
  GType item_type = field->item_type != NULL ? field->item_type () : G_TYPE_INVALID;

  if (JSON_NODE_HOLDS_VALUE (value) || JSON_NODE_HOLDS_NULL (value))
    return json_node_copy (value);

  if (item_type == G_TYPE_INVALID)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (value))
    return filter_node (item_type, value);

  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *in = json_node_get_array (value);
      g_autoptr(JsonArray) out = json_array_new ();

      for (guint i = 0; i < json_array_get_length (in); i++)
        {
          JsonNode *item = filter_node (item_type, json_array_get_element (in, i));

          if (item != NULL)
            json_array_add_element (out, item);
        }

      return json_node_init_array (json_node_alloc (), out);
    }

  return NULL;
}

typedef struct
{
  JsonObject *in;
  JsonObject *out;
} Filter;

static void
keep_field (DeskRecord      *self,
            const DeskField *field,
            gpointer         user_data)
{
  Filter *filter = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (field->keys) && field->keys[i] != NULL; i++)
    {
      JsonNode *value = lookup_path (filter->in, field->keys[i]);
      JsonNode *kept = value != NULL ? filter_value (field, value) : NULL;

      if (kept != NULL)
        set_path (filter->out, field->keys[i], kept);
    }
}

static JsonNode *
filter_node (GType     type,
             JsonNode *node)
{
  g_autoptr(DeskRecord) record = NULL;
  g_autoptr(JsonObject) out = NULL;
  Filter filter;

  /* Some reference lists give bare names instead of objects. */
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_copy (node);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  record = g_object_new (type, NULL);
  filter.in = json_node_get_object (node);
  out = json_object_new ();
  filter.out = out;
  desk_record_foreach_field (record, keep_field, &filter);

  /* The node takes a reference of its own. */
  return json_node_init_object (json_node_alloc (), out);
}

/**
 * desk_record_filter_json:
 * @type: a #DeskRecord type
 * @node: one record's JSON, as the server sent it
 *
 * Keeps only the members a record of @type reads: fit for a cache on disk. Safe to call
 * from a worker thread.
 *
 * Returns: (transfer full) (nullable): the filtered copy, %NULL if @node is no record
 */
JsonNode *
desk_record_filter_json (GType     type,
                         JsonNode *node)
{
  g_return_val_if_fail (g_type_is_a (type, DESK_TYPE_RECORD), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  return filter_node (type, node);
}
