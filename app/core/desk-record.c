/* desk-record.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-record"

#include "config.h"

#include <string.h>

#include "desk-api-error.h"
#include "desk-json.h"
#include "desk-money.h"
#include "desk-record-list.h"
#include "desk-record-private.h"

/* Every data object is a table of fields (desk-record-private.h) on top of this class:
 * reading JSON, properties, change notification, finalizing and writing bodies are done
 * here once, from the table, instead of by hand in fifteen classes. */

typedef struct
{
  char *currency;
} DeskRecordPrivate;

/* What a class declared, kept as type data. */
typedef struct
{
  const DeskField *fields;
  guint            n_fields;
  const DeskWrite *writes;
} ClassInfo;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DeskRecord, desk_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GQuark class_info_quark;

static ClassInfo *
class_info (GType type)
{
  return g_type_get_qdata (type, class_info_quark);
}

static ClassInfo *
ensure_class_info (GType type)
{
  ClassInfo *info = class_info (type);

  if (info == NULL)
    {
      /* Lives as long as the type, which is as long as the program. */
      info = g_new0 (ClassInfo, 1);
      g_type_set_qdata (type, class_info_quark, info);
    }

  return info;
}

static const DeskField *
field_for_pspec (GParamSpec *pspec)
{
  ClassInfo *info = class_info (pspec->owner_type);

  g_assert (info != NULL && pspec->param_id < info->n_fields);

  return &info->fields[pspec->param_id];
}

static gpointer
field_ptr (DeskRecord      *self,
           const DeskField *field)
{
  return G_STRUCT_MEMBER_P (self, field->offset);
}

static gboolean
is_int64_kind (DeskFieldKind kind)
{
  switch (kind)
    {
    case DESK_FIELD_ID:
    case DESK_FIELD_INT:
    case DESK_FIELD_MONEY:
    case DESK_FIELD_PERCENT:
    case DESK_FIELD_TIME:
      return TRUE;
    case DESK_FIELD_STRING:
    case DESK_FIELD_BOOL:
    case DESK_FIELD_RECORD:
    case DESK_FIELD_LIST:
    default:
      return FALSE;
    }
}

static GParamSpec *
make_pspec (const DeskField *field)
{
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  switch (field->kind)
    {
    case DESK_FIELD_STRING:
      return g_param_spec_string (field->name, NULL, NULL, NULL, rw);
    case DESK_FIELD_ID:
      return g_param_spec_int64 (field->name, NULL, NULL, 0, G_MAXINT64, 0, rw);
    case DESK_FIELD_INT:
    case DESK_FIELD_MONEY:
    case DESK_FIELD_PERCENT:
    case DESK_FIELD_TIME:
      return g_param_spec_int64 (field->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
    case DESK_FIELD_BOOL:
      return g_param_spec_boolean (field->name, NULL, NULL, FALSE, rw);
    case DESK_FIELD_RECORD:
      /* Nested records are replaced through the class's own setter, which keeps
       * related fields (a customer and its id) in step. */
      return g_param_spec_object (field->name, NULL, NULL, field->item_type (),
                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
    case DESK_FIELD_LIST:
      return g_param_spec_object (field->name, NULL, NULL, G_TYPE_LIST_MODEL,
                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
    default:
      g_assert_not_reached ();
    }
}

/* Calls @func for each field of each class from the record's own type up to DeskRecord. */
static void
foreach_field (DeskRecord *self,
               void      (*func) (DeskRecord      *self,
                                  const DeskField *field,
                                  gpointer         data),
               gpointer    data)
{
  for (GType type = G_OBJECT_TYPE (self); type != DESK_TYPE_RECORD; type = g_type_parent (type))
    {
      ClassInfo *info = class_info (type);

      if (info == NULL)
        continue;
      for (guint i = 1; i < info->n_fields; i++)
        func (self, &info->fields[i], data);
    }
}

static gboolean
has_currency (DeskRecord *self)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);

  return priv->currency != NULL;
}

static void
note_currency (DeskRecord *self,
               char       *currency)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);

  if (currency == NULL || priv->currency != NULL)
    g_free (currency);
  else
    priv->currency = currency;
}

static gboolean
read_record (DeskRecord      *self,
             const DeskField *field,
             JsonNode        *node)
{
  DeskRecord **slot = field_ptr (self, field);

  if (desk_json_node_get_object (node) == NULL)
    return FALSE;

  g_clear_object (slot);
  *slot = desk_record_new_from_json (field->item_type (), node, NULL);
  return *slot != NULL;
}

static DeskRecordList *
ensure_list (DeskRecord      *self,
             const DeskField *field)
{
  DeskRecordList **slot = field_ptr (self, field);

  if (*slot == NULL)
    *slot = desk_record_list_new (field->item_type (), NULL);

  return *slot;
}

/* Items that are not objects are skipped: one bad line must not hide a whole ticket.
 * An empty list gets no model until someone asks for it: most lists in a list reply
 * are empty, and a model for each was a third of the cost of mapping a page. */
static gboolean
read_list (DeskRecord      *self,
           const DeskField *field,
           JsonNode        *node)
{
  DeskRecordList **slot = field_ptr (self, field);
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
  if (!desk_json_node_get_money (node, &cents, has_currency (self) ? NULL : &currency))
    return FALSE;

  *ptr = cents;
  note_currency (self, currency);
  return TRUE;
}

/* Reads one member into the field; returns FALSE, leaving the field as it was, if the
 * member does not hold a value of the field's kind. */
static gboolean
read_value (DeskRecord      *self,
            const DeskField *field,
            JsonNode        *node)
{
  gpointer ptr = field_ptr (self, field);
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

typedef struct
{
  GHashTable *children;   /* segment -> KeyNode, NULL for a leaf */
  GArray     *bindings;   /* of Binding, NULL when none */
} KeyNode;

typedef struct
{
  KeyNode           root;
  const DeskField **fields;
  guint             n_fields;
} KeyTree;

/* More fields than any record has; the reader keeps a rank per field on the stack. */
#define MAX_FIELDS 64

static GQuark key_tree_quark;
static GMutex key_tree_lock;

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

/* Built once per type, the first time a record of it is read; lives as long as the
 * type. */
static KeyTree *
ensure_key_tree (DeskRecord *self)
{
  GType type = G_OBJECT_TYPE (self);
  KeyTree *tree = g_type_get_qdata (type, key_tree_quark);

  if (G_LIKELY (tree != NULL))
    return tree;

  g_mutex_lock (&key_tree_lock);
  tree = g_type_get_qdata (type, key_tree_quark);
  if (tree == NULL)
    {
      tree = g_new0 (KeyTree, 1);
      tree->fields = g_new0 (const DeskField *, MAX_FIELDS);
      foreach_field (self, collect_field, tree);
      g_type_set_qdata (type, key_tree_quark, tree);
    }
  g_mutex_unlock (&key_tree_lock);

  return tree;
}

typedef struct
{
  DeskRecord *self;
  KeyTree    *tree;
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
        reader->rank[b->field] = b->rank;
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
      KeyNode *child = g_hash_table_lookup (node->children, name);

      if (child == NULL)
        continue;
      if (child->bindings != NULL)
        read_bindings (reader, child->bindings, member);
      if (child->children != NULL && JSON_NODE_HOLDS_OBJECT (member))
        read_members (reader, child, json_node_get_object (member));
    }
}

static void
read_fields (DeskRecord *self,
             JsonObject *object)
{
  Reader reader = { self, ensure_key_tree (self), { 0 } };

  memset (reader.rank, G_MAXUINT8, sizeof reader.rank);
  if (reader.tree->root.children != NULL)
    read_members (&reader, &reader.tree->root, object);

  /* Integers none of whose keys were readable take the table's fallback. */
  for (guint i = 0; i < reader.tree->n_fields; i++)
    {
      const DeskField *field = reader.tree->fields[i];

      if (reader.rank[i] == G_MAXUINT8 && field->kind == DESK_FIELD_INT)
        *(gint64 *) field_ptr (self, field) = field->fallback;
    }
}

static void
clear_field (DeskRecord      *self,
             const DeskField *field,
             gpointer         data)
{
  gpointer ptr = field_ptr (self, field);

  if (field->kind == DESK_FIELD_STRING)
    g_clear_pointer ((char **) ptr, g_free);
  else if (field->kind == DESK_FIELD_RECORD || field->kind == DESK_FIELD_LIST)
    g_clear_object ((GObject **) ptr);
}

static void
desk_record_finalize (GObject *object)
{
  DeskRecord *self = DESK_RECORD (object);
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);

  foreach_field (self, clear_field, NULL);
  g_clear_pointer (&priv->currency, g_free);

  G_OBJECT_CLASS (desk_record_parent_class)->finalize (object);
}

/* GObject calls the get_property/set_property of the class that installed a property;
 * desk_record_class_install() points every record class at these two, and the table
 * says where the value lives. */
static void
desk_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DeskRecord *self = DESK_RECORD (object);
  const DeskField *field;
  gpointer ptr;

  if (pspec->owner_type == DESK_TYPE_RECORD)
    {
      g_value_set_string (value, desk_record_get_currency (self));
      return;
    }

  field = field_for_pspec (pspec);
  ptr = field_ptr (self, field);
  if (field->kind == DESK_FIELD_STRING)
    g_value_set_string (value, *(char **) ptr);
  else if (field->kind == DESK_FIELD_BOOL)
    g_value_set_boolean (value, *(gboolean *) ptr);
  else if (field->kind == DESK_FIELD_LIST)
    g_value_set_object (value, ensure_list (self, field));
  else if (field->kind == DESK_FIELD_RECORD)
    g_value_set_object (value, *(GObject **) ptr);
  else
    g_value_set_int64 (value, *(gint64 *) ptr);
}

static void
desk_record_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DeskRecord *self = DESK_RECORD (object);
  const DeskField *field = field_for_pspec (pspec);

  if (field->kind == DESK_FIELD_STRING)
    desk_record_set_string (self, pspec, g_value_get_string (value));
  else if (field->kind == DESK_FIELD_BOOL)
    desk_record_set_boolean (self, pspec, g_value_get_boolean (value));
  else if (is_int64_kind (field->kind))
    desk_record_set_int64 (self, pspec, g_value_get_int64 (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
desk_record_class_init (DeskRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_record_finalize;
  object_class->get_property = desk_record_get_property;
  object_class->set_property = desk_record_set_property;

  class_info_quark = g_quark_from_static_string ("desk-record-class-info");
  key_tree_quark = g_quark_from_static_string ("desk-record-key-tree");

  /**
   * DeskRecord:currency:
   *
   * The currency text of the record's amounts ("$", "USD"), if the server gave one.
   */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_record_init (DeskRecord *self)
{
}

/* Writing bodies. */

static void
write_scalar (JsonBuilder     *builder,
              const DeskField *field,
              gconstpointer    ptr)
{
  gint64 value = is_int64_kind (field->kind) ? *(const gint64 *) ptr : 0;
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
  gpointer ptr = field_ptr (self, field);

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

  return field_for_pspec (pspec);
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

static const DeskWrite *
find_writes (DeskRecord *self)
{
  for (GType type = G_OBJECT_TYPE (self); type != DESK_TYPE_RECORD; type = g_type_parent (type))
    {
      ClassInfo *info = class_info (type);

      if (info != NULL && info->writes != NULL)
        return info->writes;
    }

  return NULL;
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
  const DeskWrite *writes = find_writes (self);
  g_autofree char *group = NULL;

  g_return_if_fail (writes != NULL);

  json_builder_begin_object (builder);
  for (const DeskWrite *w = writes; w->key != NULL; w++)
    {
      const DeskField *field = field_by_name (self, w->field);
      const char *member = enter_group (builder, w->key, &group);

      if (w->omit_if_none && is_none (field, field_ptr (self, field)))
        continue;
      /* A text the server never sent and no one set is left out, so that an update
       * made from a partial record (a customer nested in a ticket) blanks nothing. */
      if (field->kind == DESK_FIELD_STRING && *(char **) field_ptr (self, field) == NULL)
        continue;

      json_builder_set_member_name (builder, member);
      write_value (self, field, builder);
    }
  if (group != NULL)
    json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* Setters that notify only on change. */

static gpointer
settable_field (DeskRecord       *self,
                GParamSpec       *pspec,
                const DeskField **field)
{
  *field = NULL;
  g_return_val_if_fail (DESK_IS_RECORD (self), NULL);
  g_return_val_if_fail (pspec != NULL && g_type_is_a (G_OBJECT_TYPE (self), pspec->owner_type),
                        NULL);

  *field = field_for_pspec (pspec);
  return field_ptr (self, *field);
}

/**
 * desk_record_set_string: (skip)
 * @self: a #DeskRecord
 * @pspec: a string property of @self
 * @value: (nullable): the new text
 */
void
desk_record_set_string (DeskRecord *self,
                        GParamSpec *pspec,
                        const char *value)
{
  const DeskField *field;
  char **slot = settable_field (self, pspec, &field);

  g_return_if_fail (slot != NULL && field->kind == DESK_FIELD_STRING);

  if (g_strcmp0 (*slot, value) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/**
 * desk_record_set_int64: (skip)
 * @self: a #DeskRecord
 * @pspec: an id, integer, money, percent or time property of @self
 * @value: the new value
 */
void
desk_record_set_int64 (DeskRecord *self,
                       GParamSpec *pspec,
                       gint64      value)
{
  const DeskField *field;
  gint64 *slot = settable_field (self, pspec, &field);

  g_return_if_fail (slot != NULL && is_int64_kind (field->kind));

  if (field->kind == DESK_FIELD_ID && value < 0)
    value = 0;
  if (*slot == value)
    return;

  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/**
 * desk_record_set_boolean: (skip)
 * @self: a #DeskRecord
 * @pspec: a boolean property of @self
 * @value: the new value
 */
void
desk_record_set_boolean (DeskRecord *self,
                         GParamSpec *pspec,
                         gboolean    value)
{
  const DeskField *field;
  gboolean *slot = settable_field (self, pspec, &field);

  g_return_if_fail (slot != NULL && field->kind == DESK_FIELD_BOOL);

  value = !!value;
  if (*slot == value)
    return;

  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/**
 * desk_record_set_record: (skip)
 * @self: a #DeskRecord
 * @pspec: a record property of @self
 * @value: (nullable): the new record
 */
void
desk_record_set_record (DeskRecord *self,
                        GParamSpec *pspec,
                        DeskRecord *value)
{
  const DeskField *field;
  DeskRecord **slot = settable_field (self, pspec, &field);

  g_return_if_fail (slot != NULL && field->kind == DESK_FIELD_RECORD);

  if (g_set_object (slot, value))
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/**
 * desk_record_get_list: (skip)
 * @self: a #DeskRecord
 * @pspec: a list property of @self
 *
 * Returns: (transfer none): the list, created empty if the record had none
 */
GListModel *
desk_record_get_list (DeskRecord *self,
                      GParamSpec *pspec)
{
  const DeskField *field;

  if (settable_field (self, pspec, &field) == NULL)
    return NULL;
  g_return_val_if_fail (field->kind == DESK_FIELD_LIST, NULL);

  return G_LIST_MODEL (ensure_list (self, field));
}

/**
 * desk_record_append: (skip)
 * @self: a #DeskRecord
 * @pspec: a list property of @self
 * @item: the record to add at the end
 */
void
desk_record_append (DeskRecord *self,
                    GParamSpec *pspec,
                    gpointer    item)
{
  const DeskField *field;

  if (settable_field (self, pspec, &field) == NULL)
    return;
  g_return_if_fail (field->kind == DESK_FIELD_LIST);

  desk_record_list_append (ensure_list (self, field), item);
}

/**
 * desk_record_remove: (skip)
 * @self: a #DeskRecord
 * @pspec: a list property of @self
 * @position: the position of the item to remove
 */
void
desk_record_remove (DeskRecord *self,
                    GParamSpec *pspec,
                    guint       position)
{
  const DeskField *field;

  if (settable_field (self, pspec, &field) == NULL)
    return;
  g_return_if_fail (field->kind == DESK_FIELD_LIST);

  desk_record_list_remove (ensure_list (self, field), position);
}

/**
 * desk_record_class_install: (skip)
 * @klass: the class being initialized
 * @fields: its field table, indexed by property id, row 0 unused
 * @n_fields: the number of rows, row 0 included
 * @pspecs: (out caller-allocates): where the property specs go, @n_fields long
 */
void
desk_record_class_install (GObjectClass     *klass,
                           const DeskField  *fields,
                           guint             n_fields,
                           GParamSpec      **pspecs)
{
  ClassInfo *info = ensure_class_info (G_TYPE_FROM_CLASS (klass));

  klass->get_property = desk_record_get_property;
  klass->set_property = desk_record_set_property;

  info->fields = fields;
  info->n_fields = n_fields;

  pspecs[0] = NULL;
  for (guint i = 1; i < n_fields; i++)
    pspecs[i] = make_pspec (&fields[i]);

  g_object_class_install_properties (klass, n_fields, pspecs);
}

/**
 * desk_record_class_set_writes: (skip)
 * @klass: the class being initialized
 * @writes: its create/update body, ended by a row with a %NULL key
 */
void
desk_record_class_set_writes (GObjectClass    *klass,
                              const DeskWrite *writes)
{
  ensure_class_info (G_TYPE_FROM_CLASS (klass))->writes = writes;
}

/* Public API. */

/**
 * desk_record_new_from_json:
 * @type: a #DeskRecord subtype
 * @node: the JSON object of one record
 * @error: return location for a #GError
 *
 * Maps one record. Missing members and members of an unexpected type leave their field
 * unset; only a record that is not an object at all is refused. May be called from a
 * worker thread: the new record is the caller's alone until it hands it over.
 *
 * Returns: (transfer full) (type DeskRecord): the new record, or %NULL with
 *   %DESK_API_ERROR_PROTOCOL
 */
gpointer
desk_record_new_from_json (GType      type,
                           JsonNode  *node,
                           GError   **error)
{
  g_autoptr(DeskRecord) self = NULL;
  DeskRecordClass *klass;
  JsonObject *object;

  g_return_val_if_fail (g_type_is_a (type, DESK_TYPE_RECORD), NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *detail = g_strdup_printf ("a %s record is %s, not an object",
                                                 g_type_name (type),
                                                 node != NULL ? json_node_type_name (node)
                                                              : "missing");
      g_propagate_error (error, desk_api_error_new (DESK_API_ERROR_PROTOCOL, detail));
      return NULL;
    }

  object = json_node_get_object (node);
  self = g_object_new (type, NULL);
  read_fields (self, object);

  klass = DESK_RECORD_GET_CLASS (self);
  if (klass->loaded != NULL)
    klass->loaded (self, object);

  return g_steal_pointer (&self);
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

/**
 * desk_record_get_currency:
 * @self: a #DeskRecord
 *
 * Returns: (nullable): the currency text the server gave with the record's amounts
 */
const char *
desk_record_get_currency (DeskRecord *self)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_RECORD (self), NULL);

  return priv->currency;
}
