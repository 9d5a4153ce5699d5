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

typedef struct
{
  JsonNode *node;       /* borrowed from the tree */
  GObject  *record;     /* owned, NULL if not mapped or not readable */
  gboolean  mapped;
} Candidate;

struct _DeskJsonMapped
{
  DeskJsonMapFunc  map;
  GArray          *candidates;  /* of Candidate, while parsing, in the order finished */
  GHashTable      *records;     /* JsonNode* (borrowed from the tree) -> record (owned) */
};

static void
candidate_clear (Candidate *candidate)
{
  g_clear_object (&candidate->record);
}

/* The parser reports each array element it finishes to its class handler. Only that
 * one is overridden: each overridden handler costs the parser a signal emission through
 * the generic marshaller, about a thousand instructions, on every call, where one
 * without a handler costs next to nothing. */
#define DESK_TYPE_MAPPING_PARSER (desk_mapping_parser_get_type ())
G_DECLARE_FINAL_TYPE (DeskMappingParser, desk_mapping_parser, DESK, MAPPING_PARSER, JsonParser)

struct _DeskMappingParser
{
  JsonParser      parent_instance;

  DeskJsonMapped *mapped;   /* borrowed */
};

G_DEFINE_FINAL_TYPE (DeskMappingParser, desk_mapping_parser, JSON_TYPE_PARSER)

static gboolean
node_is_inside (JsonNode *node,
                JsonNode *ancestor)
{
  for (node = json_node_get_parent (node); node != NULL; node = json_node_get_parent (node))
    if (node == ancestor)
      return TRUE;

  return FALSE;
}

static void
map_last (DeskJsonMapped *self)
{
  Candidate *last;

  if (self->candidates->len == 0)
    return;

  last = &g_array_index (self->candidates, Candidate, self->candidates->len - 1);
  if (!last->mapped)
    {
      last->record = self->map (last->node, NULL);
      last->mapped = TRUE;
    }
}

/* The records of a list are the objects of its outermost array, in both shapes of a
 * reply (`"data": [...]` and `"data": {"ticketData": [...]}`). When the parser finishes
 * an element it cannot tell how deep its array lies, so each object element is a
 * candidate, mapped when the parser finishes the next element, one record late and
 * still in the cache; a candidate that the next element holds (a ticket's device) was
 * part of a record and is dropped unmapped. Candidates held by a later element are
 * always the last ones finished, so only the end of the list is looked at. A candidate
 * mapped and dropped later (the first of two devices) costs time only, as do objects of
 * another outermost array, which nobody takes. */
static void
desk_mapping_parser_array_element (JsonParser *parser,
                                   JsonArray  *array,
                                   int         index)
{
  DeskJsonMapped *self = DESK_MAPPING_PARSER (parser)->mapped;
  JsonNode *node = json_array_get_element (array, index);

  while (self->candidates->len > 0)
    {
      Candidate *last = &g_array_index (self->candidates, Candidate,
                                        self->candidates->len - 1);

      if (!node_is_inside (last->node, node))
        break;
      g_clear_object (&last->record);
      g_array_set_size (self->candidates, self->candidates->len - 1);
    }

  map_last (self);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      Candidate candidate = { node, NULL, FALSE };

      g_array_append_val (self->candidates, candidate);
    }
}

static void
desk_mapping_parser_class_init (DeskMappingParserClass *klass)
{
  JSON_PARSER_CLASS (klass)->array_element = desk_mapping_parser_array_element;
}

static void
desk_mapping_parser_init (DeskMappingParser *self)
{
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
  g_autoptr(DeskMappingParser) parser = g_object_new (DESK_TYPE_MAPPING_PARSER,
                                                      "immutable", TRUE, NULL);
  JsonNode *root;

  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (mapped != NULL, NULL);

  self->map = map;
  self->candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_array_set_clear_func (self->candidates, (GDestroyNotify) candidate_clear);
  self->records = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);

  parser->mapped = self;

  root = desk_json_parse_with (JSON_PARSER (parser), bytes, error);
  if (root == NULL)
    return NULL;

  /* The last element of the outermost array. */
  map_last (self);
  for (guint i = 0; i < self->candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (self->candidates, Candidate, i);

      if (candidate->record != NULL)
        g_hash_table_insert (self->records, candidate->node, g_steal_pointer (&candidate->record));
    }
  g_clear_pointer (&self->candidates, g_array_unref);

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

  g_clear_pointer (&mapped->candidates, g_array_unref);
  g_clear_pointer (&mapped->records, g_hash_table_unref);
  g_free (mapped);
}
