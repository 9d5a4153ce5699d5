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

const DeskField *
desk_record_field_for_pspec (GParamSpec *pspec)
{
  ClassInfo *info = class_info (pspec->owner_type);

  g_assert (info != NULL && pspec->param_id < info->n_fields);

  return &info->fields[pspec->param_id];
}

gboolean
desk_field_kind_is_int64 (DeskFieldKind kind)
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
void
desk_record_foreach_field (DeskRecord     *self,
                           DeskFieldFunc   func,
                           gpointer        data)
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

gboolean
desk_record_has_currency (DeskRecord *self)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);

  return priv->currency != NULL;
}

/* Keeps the first currency text of a record; takes @currency. */
void
desk_record_take_currency (DeskRecord *self,
                           char       *currency)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);

  if (currency == NULL || priv->currency != NULL)
    g_free (currency);
  else
    priv->currency = currency;
}

static DeskRecordList *
ensure_list (DeskRecord      *self,
             const DeskField *field)
{
  DeskRecordList **slot = desk_record_field_ptr (self, field);

  if (*slot == NULL)
    *slot = desk_record_list_new (field->item_type (), NULL);

  return *slot;
}

static void
clear_field (DeskRecord      *self,
             const DeskField *field,
             gpointer         data)
{
  gpointer ptr = desk_record_field_ptr (self, field);

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

  desk_record_foreach_field (self, clear_field, NULL);
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

  field = desk_record_field_for_pspec (pspec);
  ptr = desk_record_field_ptr (self, field);
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
  const DeskField *field = desk_record_field_for_pspec (pspec);

  if (field->kind == DESK_FIELD_STRING)
    desk_record_set_string (self, pspec, g_value_get_string (value));
  else if (field->kind == DESK_FIELD_BOOL)
    desk_record_set_boolean (self, pspec, g_value_get_boolean (value));
  else if (desk_field_kind_is_int64 (field->kind))
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

const DeskWrite *
desk_record_find_writes (DeskRecord *self)
{
  for (GType type = G_OBJECT_TYPE (self); type != DESK_TYPE_RECORD; type = g_type_parent (type))
    {
      ClassInfo *info = class_info (type);

      if (info != NULL && info->writes != NULL)
        return info->writes;
    }

  return NULL;
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

  *field = desk_record_field_for_pspec (pspec);
  return desk_record_field_ptr (self, *field);
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

  g_return_if_fail (slot != NULL && desk_field_kind_is_int64 (field->kind));

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
  desk_record_read_fields (self, object);

  klass = DESK_RECORD_GET_CLASS (self);
  if (klass->loaded != NULL)
    klass->loaded (self, object);

  return g_steal_pointer (&self);
}

/**
 * desk_record_new_if_known: (skip)
 * @type: a #DeskRecord type
 * @object: a nested record's JSON object
 *
 * Maps a record nested in another. One with no member Front Desk reads is no record,
 * as an empty object is: else the catalog's filtered copy, which keeps only the members
 * read, would read differently from the server's JSON.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL
 */
gpointer
desk_record_new_if_known (GType       type,
                          JsonObject *object)
{
  g_autoptr(DeskRecord) self = g_object_new (type, NULL);
  DeskRecordClass *klass;

  if (!desk_record_read_fields (self, object))
    return NULL;

  klass = DESK_RECORD_GET_CLASS (self);
  if (klass->loaded != NULL)
    klass->loaded (self, object);

  return g_steal_pointer (&self);
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
