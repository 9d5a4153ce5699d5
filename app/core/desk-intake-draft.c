/* desk-intake-draft.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-intake-draft"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "desk-intake-draft-private.h"

/* An intake not yet sent: every field of the form as text under a key the form chooses
 * ("customer-id", "device-0-imei", ...), the customer's strokes with their time and
 * pressure, and the terms the customer was shown. DeskDraftStore keeps it on disk; the
 * store works on a copy, so the form may go on changing this one. */

struct _DeskIntakeDraft
{
  GObject parent_instance;

  char       *id;
  gint64      created;      /* µs since the epoch */
  gint64      updated;
  GHashTable *fields;       /* owned, char * -> char * */
  GPtrArray  *strokes;      /* owned, of GArray of DeskSignaturePoint */
  char       *terms;
};

G_DEFINE_FINAL_TYPE (DeskIntakeDraft, desk_intake_draft, G_TYPE_OBJECT)

static GArray *
copy_stroke (const DeskSignaturePoint *points,
             guint                     n_points)
{
  GArray *stroke = g_array_sized_new (FALSE, FALSE, sizeof (DeskSignaturePoint), n_points);

  g_array_append_vals (stroke, points, n_points);

  return stroke;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
touch (DeskIntakeDraft *self)
{
  /* Strictly later than before, even within one clock tick, so "newest first" holds. */
  self->updated = MAX (g_get_real_time (), self->updated + 1);
}

static void
desk_intake_draft_finalize (GObject *object)
{
  DeskIntakeDraft *self = DESK_INTAKE_DRAFT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->strokes, g_ptr_array_unref);
  g_clear_pointer (&self->terms, g_free);

  G_OBJECT_CLASS (desk_intake_draft_parent_class)->finalize (object);
}

static void
desk_intake_draft_class_init (DeskIntakeDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_intake_draft_finalize;
}

static void
desk_intake_draft_init (DeskIntakeDraft *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->terms = g_strdup ("");
}

/**
 * desk_intake_draft_new:
 *
 * Returns: (transfer full): an empty draft with a new id, created now
 */
DeskIntakeDraft *
desk_intake_draft_new (void)
{
  DeskIntakeDraft *self = g_object_new (DESK_TYPE_INTAKE_DRAFT, NULL);

  self->id = g_uuid_string_random ();
  self->created = self->updated = g_get_real_time ();

  return self;
}

/**
 * desk_intake_draft_copy:
 * @self: a #DeskIntakeDraft
 *
 * Returns: (transfer full): a copy sharing nothing with @self
 */
DeskIntakeDraft *
desk_intake_draft_copy (DeskIntakeDraft *self)
{
  DeskIntakeDraft *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (DESK_IS_INTAKE_DRAFT (self), NULL);

  copy = g_object_new (DESK_TYPE_INTAKE_DRAFT, NULL);
  copy->id = g_strdup (self->id);
  copy->created = self->created;
  copy->updated = self->updated;
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->fields, g_strdup (key), g_strdup (value));
  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);

      g_ptr_array_add (copy->strokes,
                       copy_stroke ((const DeskSignaturePoint *) (gpointer) stroke->data,
                                    stroke->len));
    }
  g_free (copy->terms);
  copy->terms = g_strdup (self->terms);

  return copy;
}

/**
 * desk_intake_draft_get_id:
 * @self: a #DeskIntakeDraft
 *
 * Returns: the draft's id, unique on this computer
 */
const char *
desk_intake_draft_get_id (DeskIntakeDraft *self)
{
  g_return_val_if_fail (DESK_IS_INTAKE_DRAFT (self), NULL);

  return self->id;
}

/**
 * desk_intake_draft_get_created:
 * @self: a #DeskIntakeDraft
 *
 * Returns: when the intake began, in microseconds since the epoch
 */
gint64
desk_intake_draft_get_created (DeskIntakeDraft *self)
{
  g_return_val_if_fail (DESK_IS_INTAKE_DRAFT (self), 0);

  return self->created;
}

/**
 * desk_intake_draft_get_updated:
 * @self: a #DeskIntakeDraft
 *
 * Returns: when a field or a stroke last changed, in microseconds since the epoch
 */
gint64
desk_intake_draft_get_updated (DeskIntakeDraft *self)
{
  g_return_val_if_fail (DESK_IS_INTAKE_DRAFT (self), 0);

  return self->updated;
}

/**
 * desk_intake_draft_get_field:
 * @self: a #DeskIntakeDraft
 * @key: the field's key
 *
 * Returns: (nullable): the field's text, or %NULL if it was never set
 */
const char *
desk_intake_draft_get_field (DeskIntakeDraft *self,
                             const char      *key)
{
  g_return_val_if_fail (DESK_IS_INTAKE_DRAFT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->fields, key);
}

/**
 * desk_intake_draft_set_field:
 * @self: a #DeskIntakeDraft
 * @key: the field's key
 * @value: (nullable): its text, or %NULL to remove it
 */
void
desk_intake_draft_set_field (DeskIntakeDraft *self,
                             const char      *key,
                             const char      *value)
{
  g_return_if_fail (DESK_IS_INTAKE_DRAFT (self));
  g_return_if_fail (key != NULL);

  if (g_strcmp0 (g_hash_table_lookup (self->fields, key), value) == 0)
    return;

  if (value == NULL)
    g_hash_table_remove (self->fields, key);
  else
    g_hash_table_insert (self->fields, g_strdup (key), g_strdup (value));
  touch (self);
}

/**
 * desk_intake_draft_dup_keys:
 * @self: a #DeskIntakeDraft
 *
 * Returns: (transfer full): the keys of the fields set, sorted
 */
GStrv
desk_intake_draft_dup_keys (DeskIntakeDraft *self)
{
  g_autofree const char **keys = NULL;
  GStrv copy;
  guint n = 0;

  g_return_val_if_fail (DESK_IS_INTAKE_DRAFT (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->fields, &n);
  g_qsort_with_data (keys, n, sizeof (char *), compare_strings, NULL);
  copy = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (keys[i]);

  return copy;
}

/**
 * desk_intake_draft_get_terms:
 * @self: a #DeskIntakeDraft
 *
 * Returns: the terms the customer was shown, "" before they were
 */
const char *
desk_intake_draft_get_terms (DeskIntakeDraft *self)
{
  g_return_val_if_fail (DESK_IS_INTAKE_DRAFT (self), NULL);

  return self->terms;
}

/**
 * desk_intake_draft_set_terms:
 * @self: a #DeskIntakeDraft
 * @terms: (nullable): the terms shown with the signature pad
 */
void
desk_intake_draft_set_terms (DeskIntakeDraft *self,
                             const char      *terms)
{
  g_return_if_fail (DESK_IS_INTAKE_DRAFT (self));

  if (terms == NULL)
    terms = "";
  if (g_str_equal (self->terms, terms))
    return;

  g_free (self->terms);
  self->terms = g_strdup (terms);
  touch (self);
}

/**
 * desk_intake_draft_set_strokes:
 * @self: a #DeskIntakeDraft
 * @signature: the signature as it is now
 *
 * Keeps a copy of every stroke of @signature, replacing those kept before.
 */
void
desk_intake_draft_set_strokes (DeskIntakeDraft *self,
                               DeskSignature   *signature)
{
  g_return_if_fail (DESK_IS_INTAKE_DRAFT (self));
  g_return_if_fail (DESK_IS_SIGNATURE (signature));

  g_ptr_array_set_size (self->strokes, 0);
  for (guint i = 0; i < desk_signature_get_n_strokes (signature); i++)
    {
      guint n = 0;
      const DeskSignaturePoint *points = desk_signature_get_stroke (signature, i, &n);

      g_ptr_array_add (self->strokes, copy_stroke (points, n));
    }
  touch (self);
}

/**
 * desk_intake_draft_restore_strokes:
 * @self: a #DeskIntakeDraft
 * @signature: the signature to draw the kept strokes into
 *
 * Clears @signature and replays the strokes kept, points, pressures and times as they were.
 */
void
desk_intake_draft_restore_strokes (DeskIntakeDraft *self,
                                   DeskSignature   *signature)
{
  g_return_if_fail (DESK_IS_INTAKE_DRAFT (self));
  g_return_if_fail (DESK_IS_SIGNATURE (signature));

  desk_signature_clear (signature);
  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);

      for (guint j = 0; j < stroke->len; j++)
        {
          const DeskSignaturePoint *p = &g_array_index (stroke, DeskSignaturePoint, j);

          if (j == 0)
            desk_signature_begin_stroke (signature, p->x, p->y, p->pressure, p->time);
          else
            desk_signature_add_point (signature, p->x, p->y, p->pressure, p->time);
        }
      desk_signature_end_stroke (signature);
    }
}

/**
 * desk_intake_draft_get_n_strokes:
 * @self: a #DeskIntakeDraft
 *
 * Returns: how many strokes are kept
 */
guint
desk_intake_draft_get_n_strokes (DeskIntakeDraft *self)
{
  g_return_val_if_fail (DESK_IS_INTAKE_DRAFT (self), 0);

  return self->strokes->len;
}

static gboolean
strokes_equal (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      GArray *sa = g_ptr_array_index (a, i);
      GArray *sb = g_ptr_array_index (b, i);

      if (sa->len != sb->len)
        return FALSE;
      for (guint j = 0; j < sa->len; j++)
        {
          const DeskSignaturePoint *pa = &g_array_index (sa, DeskSignaturePoint, j);
          const DeskSignaturePoint *pb = &g_array_index (sb, DeskSignaturePoint, j);

          if (pa->x != pb->x || pa->y != pb->y || pa->pressure != pb->pressure ||
              pa->time != pb->time)
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * desk_intake_draft_equal:
 * @a: a #DeskIntakeDraft
 * @b: another
 *
 * Returns: %TRUE if both hold the same intake: id, times, fields, strokes and terms
 */
gboolean
desk_intake_draft_equal (DeskIntakeDraft *a,
                         DeskIntakeDraft *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (DESK_IS_INTAKE_DRAFT (a), FALSE);
  g_return_val_if_fail (DESK_IS_INTAKE_DRAFT (b), FALSE);

  if (g_strcmp0 (a->id, b->id) != 0 || a->created != b->created || a->updated != b->updated ||
      g_hash_table_size (a->fields) != g_hash_table_size (b->fields) ||
      !g_str_equal (a->terms, b->terms) || !strokes_equal (a->strokes, b->strokes))
    return FALSE;

  g_hash_table_iter_init (&iter, a->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b->fields, key)) != 0)
      return FALSE;

  return TRUE;
}

/* --- The store's side --------------------------------------------------------------------- */

static char *
node_to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, NULL);
}

char *
desk_intake_draft_fields_to_json (DeskIntakeDraft *self)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = json_object_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    json_object_set_string_member (object, key, value);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  return node_to_text (node);
}

/* [[[x, y, pressure, time], ...], ...]: doubles are written so that they read back the
 * same bits. */
char *
desk_intake_draft_strokes_to_json (DeskIntakeDraft *self)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *strokes = json_array_sized_new (self->strokes->len);

  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);
      JsonArray *points = json_array_sized_new (stroke->len);

      for (guint j = 0; j < stroke->len; j++)
        {
          const DeskSignaturePoint *p = &g_array_index (stroke, DeskSignaturePoint, j);
          JsonArray *point = json_array_sized_new (4);

          json_array_add_double_element (point, p->x);
          json_array_add_double_element (point, p->y);
          json_array_add_double_element (point, p->pressure);
          json_array_add_int_element (point, p->time);
          json_array_add_array_element (points, point);
        }
      json_array_add_array_element (strokes, points);
    }
  node = json_node_init_array (json_node_alloc (), strokes);
  json_array_unref (strokes);

  return node_to_text (node);
}

static gboolean
bad_row (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("A saved intake on this computer is damaged and cannot be opened."));
  return FALSE;
}

static JsonNode *
parse (const char  *text,
       JsonNodeType type,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || JSON_NODE_TYPE (root) != type)
    {
      bad_row (error);
      return NULL;
    }

  return json_node_ref (root);
}

static gboolean
read_fields (DeskIntakeDraft  *self,
             const char       *text,
             GError          **error)
{
  g_autoptr(JsonNode) root = parse (text, JSON_NODE_OBJECT, error);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (root == NULL)
    return FALSE;

  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &key, &value))
    {
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        return bad_row (error);
      g_hash_table_insert (self->fields, g_strdup (key), g_strdup (json_node_get_string (value)));
    }

  return TRUE;
}

static gboolean
read_number (JsonArray *point,
             guint      index,
             double    *out)
{
  JsonNode *node = json_array_get_element (point, index);
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else
    return FALSE;

  return TRUE;
}

static gboolean
read_point (JsonNode           *node,
            DeskSignaturePoint *p)
{
  JsonArray *point;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  point = json_node_get_array (node);

  if (json_array_get_length (point) != 4 || !read_number (point, 0, &p->x) ||
      !read_number (point, 1, &p->y) || !read_number (point, 2, &p->pressure) ||
      !JSON_NODE_HOLDS_VALUE (json_array_get_element (point, 3)) ||
      json_node_get_value_type (json_array_get_element (point, 3)) != G_TYPE_INT64)
    return FALSE;

  p->time = json_array_get_int_element (point, 3);
  return TRUE;
}

static gboolean
read_strokes (DeskIntakeDraft  *self,
              const char       *text,
              GError          **error)
{
  g_autoptr(JsonNode) root = parse (text, JSON_NODE_ARRAY, error);
  JsonArray *strokes;

  if (root == NULL)
    return FALSE;

  strokes = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (strokes); i++)
    {
      JsonNode *node = json_array_get_element (strokes, i);
      JsonArray *points;
      GArray *stroke;

      if (!JSON_NODE_HOLDS_ARRAY (node) ||
          json_array_get_length (points = json_node_get_array (node)) == 0)
        return bad_row (error);

      stroke = g_array_sized_new (FALSE, FALSE, sizeof (DeskSignaturePoint),
                                  json_array_get_length (points));
      g_ptr_array_add (self->strokes, stroke);
      for (guint j = 0; j < json_array_get_length (points); j++)
        {
          DeskSignaturePoint p;

          if (!read_point (json_array_get_element (points, j), &p))
            return bad_row (error);
          g_array_append_val (stroke, p);
        }
    }

  return TRUE;
}

DeskIntakeDraft *
desk_intake_draft_new_from_row (const char  *id,
                                gint64       created,
                                gint64       updated,
                                const char  *fields,
                                const char  *strokes,
                                const char  *terms,
                                GError     **error)
{
  g_autoptr(DeskIntakeDraft) self = g_object_new (DESK_TYPE_INTAKE_DRAFT, NULL);

  if (id == NULL || fields == NULL || strokes == NULL || terms == NULL)
    {
      bad_row (error);
      return NULL;
    }

  self->id = g_strdup (id);
  self->created = created;
  self->updated = updated;
  g_free (self->terms);
  self->terms = g_strdup (terms);
  if (!read_fields (self, fields, error) || !read_strokes (self, strokes, error))
    return NULL;

  return g_steal_pointer (&self);
}
