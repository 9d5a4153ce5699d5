/* desk-json-mapped.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-json"

#include "config.h"

#include "desk-json.h"
#include "desk-json-mapped.h"

/* Parsing a list reply and mapping its records while each record's nodes are fresh.
 *
 * A list of 10,000 tickets parses into some 50 MiB of nodes, far more than any cache;
 * mapping the records afterwards walks all of it again from memory, and that walk cost
 * more than half the parse. Mapped as the parser finishes each record, the record's
 * nodes are still in the cache. The tree is built just as desk_json_parse() builds it;
 * the records mapped on the way are kept beside it, and desk_json_mapped_take() hands
 * over the record of a node, mapping it then if it was not mapped on the way. */

struct _DeskJsonMapped
{
  DeskJsonMapFunc  map;
  GHashTable      *records;   /* JsonNode* (borrowed from the tree) -> record (owned) */
  guint            depth;     /* arrays open in the parser */
};

static void
array_start_cb (JsonParser     *parser,
                DeskJsonMapped *self)
{
  self->depth++;
}

static void
array_end_cb (JsonParser     *parser,
              JsonArray      *array,
              DeskJsonMapped *self)
{
  self->depth--;
}

/* The records of a list are the objects of its outermost array, in both shapes of a
 * reply (`"data": [...]` and `"data": {"ticketData": [...]}`). Objects of another
 * outermost array are mapped in vain but harmlessly: nobody takes them. */
static void
array_element_cb (JsonParser     *parser,
                  JsonArray      *array,
                  int             index,
                  DeskJsonMapped *self)
{
  JsonNode *node;
  gpointer record;

  if (self->depth != 1)
    return;

  node = json_array_get_element (array, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  record = self->map (node, NULL);
  if (record != NULL)
    g_hash_table_insert (self->records, node, record);
}

/**
 * desk_json_parse_mapped:
 * @bytes: a reply body
 * @map: maps one record
 * @mapped: (out) (transfer full): the records mapped on the way, for
 *   desk_json_mapped_take()
 * @error: return location for a #GError
 *
 * Parses a body as desk_json_parse() does, mapping with @map each object of the
 * outermost array as soon as it is parsed.
 *
 * Returns: (transfer full): the root node, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
JsonNode *
desk_json_parse_mapped (GBytes           *bytes,
                        DeskJsonMapFunc   map,
                        DeskJsonMapped  **mapped,
                        GError          **error)
{
  g_autoptr(DeskJsonMapped) self = g_new0 (DeskJsonMapped, 1);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (mapped != NULL, NULL);

  self->map = map;
  self->records = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);

  g_signal_connect (parser, "array-start", G_CALLBACK (array_start_cb), self);
  g_signal_connect (parser, "array-end", G_CALLBACK (array_end_cb), self);
  g_signal_connect (parser, "array-element", G_CALLBACK (array_element_cb), self);

  root = desk_json_parse_with (parser, bytes, error);
  if (root == NULL)
    return NULL;

  *mapped = g_steal_pointer (&self);
  return root;
}

/**
 * desk_json_mapped_take:
 * @mapped: the records mapped while parsing
 * @node: a record's node in the tree desk_json_parse_mapped() returned
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the record of @node, mapped now if it was not mapped while
 *   parsing; %NULL with the error of the map function if it cannot be read
 */
gpointer
desk_json_mapped_take (DeskJsonMapped  *mapped,
                       JsonNode        *node,
                       GError         **error)
{
  gpointer record = NULL;

  if (g_hash_table_steal_extended (mapped->records, node, NULL, &record))
    return record;

  return mapped->map (node, error);
}

/**
 * desk_json_mapped_get_size:
 * @mapped: the records mapped while parsing
 *
 * Returns: how many records mapped while parsing are not yet taken
 */
guint
desk_json_mapped_get_size (DeskJsonMapped *mapped)
{
  return g_hash_table_size (mapped->records);
}

/**
 * desk_json_mapped_free:
 * @mapped: (nullable): the records mapped while parsing
 *
 * Frees the records not taken.
 */
void
desk_json_mapped_free (DeskJsonMapped *mapped)
{
  if (mapped == NULL)
    return;

  g_clear_pointer (&mapped->records, g_hash_table_unref);
  g_free (mapped);
}
