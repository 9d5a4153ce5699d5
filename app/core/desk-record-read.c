/* desk-record-read.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-record"

#include "config.h"

#include <string.h>

#include "desk-json.h"
#include "desk-record-list.h"
#include "desk-record-private.h"

/* Reading a record's fields from its JSON object, for desk_record_new_from_json(). */

static gboolean
read_record (DeskRecord      *self,
             const DeskField *field,
             JsonNode        *node)
{
  DeskRecord **slot = desk_record_field_ptr (self, field);

  if (desk_json_node_get_object (node) == NULL)
    return FALSE;

  g_clear_object (slot);
  *slot = desk_record_new_if_known (field->item_type (), json_node_get_object (node));
  return *slot != NULL;
}

/* Items that are not objects are skipped: one bad line must not hide a whole ticket.
 * An empty list gets no model until someone asks for it: most lists in a list reply
 * are empty, and a model for each was a third of the cost of mapping a page. */
static gboolean
read_list (DeskRecord      *self,
           const DeskField *field,
           JsonNode        *node)
{
  DeskRecordList **slot = desk_record_field_ptr (self, field);
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      DeskRecord *item = desk_record_new_from_json (field->item_type (),
                                                    json_array_get_element (array, i), NULL);
      if (item != NULL)
        g_ptr_array_add (items, item);
    }

  if (items->len > 0)
    {
      g_clear_object (slot);
      *slot = desk_record_list_new (field->item_type (), g_steal_pointer (&items));
    }
  return TRUE;
}

static gboolean
read_string (gpointer  ptr,
             JsonNode *node)
{
  char *text = desk_json_node_dup_string (node);

  if (text == NULL)
    return FALSE;

  g_free (*(char **) ptr);
  *(char **) ptr = text;
  return TRUE;
}

static gboolean
read_money (DeskRecord *self,
            gint64     *ptr,
            JsonNode   *node)
{
  char *currency = NULL;
  gint64 cents;

  /* The currency is the same on every amount of a record: read it once. */
  if (!desk_json_node_get_money (node, &cents, desk_record_has_currency (self) ? NULL : &currency))
    return FALSE;

  *ptr = cents;
  desk_record_take_currency (self, currency);
  return TRUE;
}

/* Reads one member into the field; returns FALSE, leaving the field as it was, if the
 * member does not hold a value of the field's kind. */
static gboolean
read_value (DeskRecord      *self,
            const DeskField *field,
            JsonNode        *node)
{
  gpointer ptr = desk_record_field_ptr (self, field);
  gboolean truth;
  gint64 value;

  switch (field->kind)
    {
    case DESK_FIELD_STRING:
      return read_string (ptr, node);
    case DESK_FIELD_ID:
    case DESK_FIELD_INT:
      if (!desk_json_node_get_int (node, &value))
        return FALSE;
      *(gint64 *) ptr = field->kind == DESK_FIELD_ID && value < 0 ? 0 : value;
      return TRUE;
    case DESK_FIELD_MONEY:
      return read_money (self, ptr, node);
    case DESK_FIELD_PERCENT:
      if (!desk_json_node_get_percent (node, &value))
        return FALSE;
      *(gint64 *) ptr = value;
      return TRUE;
    case DESK_FIELD_TIME:
      *(gint64 *) ptr = desk_json_node_get_time (node);
      return TRUE;
    case DESK_FIELD_BOOL:
      if (!desk_json_node_get_bool (node, &truth))
        return FALSE;
      *(gboolean *) ptr = truth;
      return TRUE;
    case DESK_FIELD_RECORD:
      return read_record (self, field, node);
    case DESK_FIELD_LIST:
      return read_list (self, field, node);
    default:
      g_assert_not_reached ();
    }
}

/* Reading walks the members the JSON has, not the keys the table lists: a nested
 * customer in a list entry has nine members and the table thirty keys. The keys of
 * all the classes of a type are kept as a tree of path segments; each leaf says which
 * field it fills and how much that key is preferred. */
typedef struct
{
  guint16 field;
  guint16 rank;
} Binding;

typedef struct _KeyNode KeyNode;

/* One entry of a node's table of children: an open-addressed table, twice as big as
 * the children, looked up by length and bytes. A member name costs a strlen and a
 * memcmp here, where a GHashTable cost a full string hash, the lookup and a strcmp:
 * that was a third of mapping a record. */
typedef struct
{
  const char *name;       /* NULL for an empty slot */
  gsize       len;
  KeyNode    *child;
} KeySlot;

struct _KeyNode
{
  GHashTable *children;   /* segment -> KeyNode, NULL for a leaf; to build the table */
  KeySlot    *slots;      /* the children for lookup, NULL for a leaf */
  guint       mask;       /* slots - 1 */
  GArray     *bindings;   /* of Binding, NULL when none */
};

typedef struct
{
  KeyNode           root;
  const DeskField **fields;
  guint             n_fields;
  guint8           *int_fields;     /* the DESK_FIELD_INT fields, which have a fallback */
  guint             n_int_fields;
} KeyTree;

/* More fields than any record has; the reader keeps a rank per field on the stack. */
#define MAX_FIELDS 64

static GMutex key_tree_lock;

/* Looking a type's tree up in its qdata took a quark lookup and a lock for every record
 * read, some 440 instructions; the trees of the record types are also kept in this
 * small table, filled under the lock and read without it: a slot's tree is written
 * before its type. */
#define N_TREE_SLOTS 64

typedef struct
{
  gpointer  type;   /* GSIZE_TO_POINTER (GType), NULL for an empty slot */
  KeyTree  *tree;
} TreeSlot;

static TreeSlot tree_slots[N_TREE_SLOTS];

static GQuark
key_tree_quark (void)
{
  return g_quark_from_static_string ("desk-record-key-tree");
}

static inline guint
tree_slot_index (GType type)
{
  return (guint) (type >> 3) & (N_TREE_SLOTS - 1);
}

static inline KeyTree *
tree_slots_find (GType type)
{
  guint i = tree_slot_index (type);

  for (guint n = 0; n < N_TREE_SLOTS; n++, i = (i + 1) & (N_TREE_SLOTS - 1))
    {
      gpointer slot_type = g_atomic_pointer_get (&tree_slots[i].type);

      if (slot_type == GSIZE_TO_POINTER (type))
        return tree_slots[i].tree;
      if (slot_type == NULL)
        return NULL;
    }

  return NULL;
}

/* Called with key_tree_lock held. A full table leaves the type to its qdata. */
static void
tree_slots_add (GType    type,
                KeyTree *tree)
{
  guint i = tree_slot_index (type);

  for (guint n = 0; n < N_TREE_SLOTS; n++, i = (i + 1) & (N_TREE_SLOTS - 1))
    {
      if (tree_slots[i].type == NULL)
        {
          tree_slots[i].tree = tree;
          g_atomic_pointer_set (&tree_slots[i].type, GSIZE_TO_POINTER (type));
          return;
        }
    }
}

static KeyNode *
key_node_child (KeyNode    *node,
                const char *segment,
                gsize       len)
{
  g_autofree char *name = g_strndup (segment, len);
  KeyNode *child;

  if (node->children == NULL)
    node->children = g_hash_table_new (g_str_hash, g_str_equal);

  child = g_hash_table_lookup (node->children, name);
  if (child == NULL)
    {
      child = g_new0 (KeyNode, 1);
      g_hash_table_insert (node->children, g_steal_pointer (&name), child);
    }

  return child;
}

static void
key_tree_add (KeyTree    *tree,
              const char *key,
              Binding     binding)
{
  KeyNode *node = &tree->root;
  const char *slash;

  while ((slash = strchr (key, '/')) != NULL)
    {
      node = key_node_child (node, key, slash - key);
      key = slash + 1;
    }
  node = key_node_child (node, key, strlen (key));

  if (node->bindings == NULL)
    node->bindings = g_array_new (FALSE, FALSE, sizeof (Binding));
  g_array_append_val (node->bindings, binding);
}

static void
collect_field (DeskRecord      *self,
               const DeskField *field,
               gpointer         data)
{
  KeyTree *tree = data;
  Binding binding = { tree->n_fields, 0 };

  g_assert (tree->n_fields < MAX_FIELDS);
  tree->fields[tree->n_fields++] = field;

  for (guint i = 0; i < G_N_ELEMENTS (field->keys) && field->keys[i] != NULL; i++)
    {
      binding.rank = i;
      key_tree_add (tree, field->keys[i], binding);
    }
}

static inline guint
slot_hash (const char *name,
           gsize       len)
{
  if (len == 0)
    return 0;

  return (guint) len * 31u + (guchar) name[0] * 7u + (guchar) name[len - 1] * 3u +
         (guchar) name[len / 2];
}

/* Fills the lookup tables of @node and of all its children. */
static void
key_node_compile (KeyNode *node)
{
  GHashTableIter iter;
  const char *name;
  KeyNode *child;
  guint size = 4;

  if (node->children == NULL)
    return;

  while (size < 2 * g_hash_table_size (node->children))
    size *= 2;
  node->slots = g_new0 (KeySlot, size);
  node->mask = size - 1;

  g_hash_table_iter_init (&iter, node->children);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &child))
    {
      gsize len = strlen (name);
      guint i = slot_hash (name, len) & node->mask;

      while (node->slots[i].name != NULL)
        i = (i + 1) & node->mask;
      node->slots[i] = (KeySlot) { name, len, child };
      key_node_compile (child);
    }
}

static inline KeyNode *
key_node_find (const KeyNode *node,
               const char    *name)
{
  gsize len = strlen (name);
  guint i = slot_hash (name, len) & node->mask;

  for (;;)
    {
      const KeySlot *slot = &node->slots[i];

      if (slot->name == NULL)
        return NULL;
      if (slot->len == len && memcmp (slot->name, name, len) == 0)
        return slot->child;
      i = (i + 1) & node->mask;
    }
}

/* Built once per type, the first time a record of it is read; lives as long as the
 * type. */
static KeyTree *
ensure_key_tree (DeskRecord *self)
{
  GType type = G_OBJECT_TYPE (self);
  KeyTree *tree = tree_slots_find (type);

  if (G_LIKELY (tree != NULL))
    return tree;

  tree = g_type_get_qdata (type, key_tree_quark ());
  if (G_LIKELY (tree != NULL))
    return tree;

  g_mutex_lock (&key_tree_lock);
  tree = g_type_get_qdata (type, key_tree_quark ());
  if (tree == NULL)
    {
      tree = g_new0 (KeyTree, 1);
      tree->fields = g_new0 (const DeskField *, MAX_FIELDS);
      desk_record_foreach_field (self, collect_field, tree);
      key_node_compile (&tree->root);

      tree->int_fields = g_new0 (guint8, MAX_FIELDS);
      for (guint i = 0; i < tree->n_fields; i++)
        if (tree->fields[i]->kind == DESK_FIELD_INT)
          tree->int_fields[tree->n_int_fields++] = i;

      g_type_set_qdata (type, key_tree_quark (), tree);
      tree_slots_add (type, tree);
    }
  g_mutex_unlock (&key_tree_lock);

  return tree;
}

typedef struct
{
  DeskRecord *self;
  KeyTree    *tree;
  gboolean    any;                /* whether a field was read */
  guint8      rank[MAX_FIELDS];   /* of the key each field was read from, G_MAXUINT8 if none */
} Reader;

static void
read_bindings (Reader   *reader,
               GArray   *bindings,
               JsonNode *node)
{
  for (guint i = 0; i < bindings->len; i++)
    {
      const Binding *b = &g_array_index (bindings, Binding, i);

      /* A key preferred to this one was read already. */
      if (reader->rank[b->field] <= b->rank)
        continue;

      if (read_value (reader->self, reader->tree->fields[b->field], node))
        {
          reader->rank[b->field] = b->rank;
          reader->any = TRUE;
        }
    }
}

static void
read_members (Reader     *reader,
              KeyNode    *node,
              JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    {
      KeyNode *child = key_node_find (node, name);

      if (child == NULL)
        continue;
      if (child->bindings != NULL)
        read_bindings (reader, child->bindings, member);
      if (child->children != NULL && JSON_NODE_HOLDS_OBJECT (member))
        read_members (reader, child, json_node_get_object (member));
    }
}

/**
 * desk_record_read_fields: (skip)
 * @self: a new record
 * @object: its JSON object
 *
 * Fills the fields of every class of @self from @object.
 *
 * Returns: %TRUE if a member of @object filled a field
 */
gboolean
desk_record_read_fields (DeskRecord *self,
                         JsonObject *object)
{
  Reader reader = { self, ensure_key_tree (self), FALSE, { 0 } };

  memset (reader.rank, G_MAXUINT8, sizeof reader.rank);
  if (reader.tree->root.slots != NULL)
    read_members (&reader, &reader.tree->root, object);

  /* Integers none of whose keys were readable take the table's fallback. */
  for (guint i = 0; i < reader.tree->n_int_fields; i++)
    {
      guint f = reader.tree->int_fields[i];

      if (reader.rank[f] == G_MAXUINT8)
        *(gint64 *) desk_record_field_ptr (self, reader.tree->fields[f]) =
          reader.tree->fields[f]->fallback;
    }

  return reader.any;
}
