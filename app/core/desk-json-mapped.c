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
  GObject  *record;     /* owned, NULL if not mapped, not readable or taken */
  gboolean  mapped;
} Candidate;

/* While parsing, the candidates are a stack: only its top is ever looked at or dropped.
 * After parsing, the same array holds the records in the order the parser finished
 * them, which is the order their array holds them and the order they are taken in:
 * desk_json_mapped_take() looks where the last one taken was first, and only a record
 * taken out of that order builds an index. */
struct _DeskJsonMapped
{
  DeskJsonMapFunc  map;
  Candidate       *candidates;  /* owned */
  guint            n_candidates;
  guint            size;        /* allocated */
  guint            n_records;   /* mapped on the way and not yet taken */
  guint            next;        /* where desk_json_mapped_take() looks first */
  GHashTable      *index;       /* JsonNode* -> position + 1, built on the first miss */
};

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

  if (self->n_candidates == 0)
    return;

  last = &self->candidates[self->n_candidates - 1];
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
array_element (DeskJsonMapped *self,
               JsonArray      *array,
               int             index)
{
  JsonNode *node = json_array_get_element (array, index);

  while (self->n_candidates > 0)
    {
      Candidate *last = &self->candidates[self->n_candidates - 1];

      if (!node_is_inside (last->node, node))
        break;
      g_clear_object (&last->record);
      self->n_candidates--;
    }

  map_last (self);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      if (self->n_candidates == self->size)
        {
          self->size = MAX (64, self->size * 2);
          self->candidates = g_renew (Candidate, self->candidates, self->size);
        }
      self->candidates[self->n_candidates++] = (Candidate) { node, NULL, FALSE };
    }
}

/* The parser reports each array element it finishes through its "array-element"
 * signal. A class handler (a JsonParser subclass) was the obvious way to hear it, and
 * it cost: json-glib gives its signals no marshaller of their own, so GObject called
 * the handler through libffi, boxing the arguments in GValues, some 2,600 instructions
 * an element; and every other signal emission of the parser, some 700,000 for 10,000
 * tickets, paid a type check that a plain JsonParser skips. An emission hook on a plain
 * parser is called with the GValues GObject collects anyway, for half of that, and
 * leaves the other signals alone.
 *
 * The hook is the signal's, not the parser's: while it is in place, the array elements
 * of every JsonParser in the process (another thread's parse) are reported to it too,
 * and take GObject's slower way, about 1,300 instructions each. It only compares their
 * parser with its own, which it does not otherwise touch: its data lives until GObject
 * drops the hook, after the last call. */
typedef struct
{
  JsonParser     *parser;   /* compared only */
  DeskJsonMapped *mapped;   /* used only from the parser's own emissions */
} ElementHook;

static gboolean
array_element_hook (GSignalInvocationHint *ihint,
                    guint                  n_param_values,
                    const GValue          *param_values,
                    gpointer               data)
{
  ElementHook *hook = data;

  if (n_param_values == 3 && g_value_peek_pointer (&param_values[0]) == hook->parser)
    array_element (hook->mapped, g_value_peek_pointer (&param_values[1]),
                   g_value_get_int (&param_values[2]));

  /* Stay connected. */
  return TRUE;
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
  ElementHook *hook;
  guint array_element_signal;
  gulong hook_id;
  JsonNode *root;

  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (mapped != NULL, NULL);

  self->map = map;

  hook = g_new (ElementHook, 1);
  hook->parser = parser;
  hook->mapped = self;
  array_element_signal = g_signal_lookup ("array-element", JSON_TYPE_PARSER);
  hook_id = g_signal_add_emission_hook (array_element_signal, 0, array_element_hook, hook,
                                        g_free);

  root = desk_json_parse_with (parser, bytes, error);
  g_signal_remove_emission_hook (array_element_signal, hook_id);
  if (root == NULL)
    return NULL;

  /* The last element of the outermost array. Candidates that are not records any more
   * (read as nothing) go. */
  map_last (self);
  for (guint i = 0; i < self->n_candidates; i++)
    if (self->candidates[i].record != NULL)
      self->candidates[self->n_records++] = self->candidates[i];
  self->n_candidates = self->n_records;

  *mapped = g_steal_pointer (&self);
  return root;
}

static GObject *
take_at (DeskJsonMapped *mapped,
         guint           position)
{
  GObject *record = g_steal_pointer (&mapped->candidates[position].record);

  if (record != NULL)
    mapped->n_records--;

  return record;
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
  GObject *record = NULL;
  gpointer position;

  if (mapped->next < mapped->n_candidates && mapped->candidates[mapped->next].node == node)
    {
      record = take_at (mapped, mapped->next++);
    }
  else if (mapped->n_records > 0)
    {
      if (mapped->index == NULL)
        {
          mapped->index = g_hash_table_new (g_direct_hash, g_direct_equal);
          for (guint i = 0; i < mapped->n_candidates; i++)
            g_hash_table_insert (mapped->index, mapped->candidates[i].node,
                                 GUINT_TO_POINTER (i + 1));
        }
      position = g_hash_table_lookup (mapped->index, node);
      if (position != NULL)
        {
          record = take_at (mapped, GPOINTER_TO_UINT (position) - 1);
          mapped->next = GPOINTER_TO_UINT (position);
        }
    }

  if (record != NULL)
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
  return mapped->n_records;
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

  for (guint i = 0; i < mapped->n_candidates; i++)
    g_clear_object (&mapped->candidates[i].record);
  g_free (mapped->candidates);
  g_clear_pointer (&mapped->index, g_hash_table_unref);
  g_free (mapped);
}
