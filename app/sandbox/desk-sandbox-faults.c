/* desk-sandbox-faults.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-sandbox"

#include "config.h"

#include <string.h>

#include "desk-sandbox-private.h"

/* Faults that rewrite a good reply, and the PNG check of signatures. */

/* The type changes the live server has been seen to make, applied to every value at once:
 * numbers in strings become numbers, numbers become strings, "" becomes false and
 * booleans become 0/1. */
static JsonNode *
mangled_value (JsonNode *node)
{
  GType type = json_node_get_value_type (node);
  gint64 number;

  if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (*text == '\0')
        return json_node_init_boolean (json_node_alloc (), FALSE);
      if (g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &number, NULL))
        return json_node_init_int (json_node_alloc (), number);
      return NULL;
    }
  if (type == G_TYPE_INT64)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

      return json_node_init_string (json_node_alloc (), text);
    }
  if (type == G_TYPE_BOOLEAN)
    return json_node_init_int (json_node_alloc (), json_node_get_boolean (node) ? 1 : 0);

  return NULL;
}

static void mangle_node (JsonNode *node);

static void
mangle_object (JsonObject *o)
{
  g_autoptr(GList) members = json_object_get_members (o);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *child = json_object_get_member (o, l->data);

      if (JSON_NODE_HOLDS_VALUE (child))
        {
          JsonNode *replacement = mangled_value (child);

          if (replacement != NULL)
            json_object_set_member (o, l->data, replacement);
        }
      else if (JSON_NODE_HOLDS_OBJECT (child) && json_object_get_size (json_node_get_object (child)) == 0)
        {
          /* An empty object turns into an empty array, as PHP writes it. */
          json_object_set_array_member (o, l->data, json_array_new ());
        }
      else
        mangle_node (child);
    }
}

static void
mangle_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    mangle_object (json_node_get_object (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        mangle_node (json_array_get_element (a, i));
    }
}

/* Rewrites the types inside "data" of an envelope; the envelope itself stays intact so that
 * the client meets the fault where it parses records. */
void
desk_sandbox_mangle_types (JsonNode *reply)
{
  JsonNode *data = json_object_get_member (json_node_get_object (reply), "data");

  if (data != NULL)
    mangle_node (data);
}

static JsonArray *
first_record_array (JsonNode *data)
{
  if (JSON_NODE_HOLDS_ARRAY (data))
    return json_node_get_array (data);

  if (JSON_NODE_HOLDS_OBJECT (data))
    {
      JsonObject *o = json_node_get_object (data);
      static const char * const names[] = { "ticketData", "invoiceData", "customerData",
                                            "inventoryListData" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (json_object_has_member (o, names[i]) &&
            JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, names[i])))
          return json_object_get_array_member (o, names[i]);
    }

  return NULL;
}

/* Repeats the records of a list reply until it holds @length of them. */
void
desk_sandbox_grow_lists (JsonNode *reply,
                         guint     length)
{
  JsonNode *data = json_object_get_member (json_node_get_object (reply), "data");
  JsonArray *records = data != NULL ? first_record_array (data) : NULL;
  guint n;

  if (records == NULL || (n = json_array_get_length (records)) == 0)
    return;

  for (guint i = n; i < length; i++)
    json_array_add_element (records, json_node_copy (json_array_get_element (records, i % n)));
}

/* --- PNG --------------------------------------------------------------------------------- */

static guint32
crc32_png (const guchar *data,
           gsize         len)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }

  return crc ^ 0xffffffff;
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
is_base64 (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=' && !g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static gboolean
not_png (GError    **error,
         const char *why)
{
  g_set_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_INVALID,
               "signature must be a base64-encoded PNG image (%s).", why);
  return FALSE;
}

/* The signature must decode to a real PNG: the signature bytes, an IHDR with a sane size
 * and a valid CRC, and an IEND at the end. */
gboolean
desk_sandbox_check_png (const char  *base64,
                        GError     **error)
{
  static const guchar magic[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guchar iend[12] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82 };
  g_autofree guchar *png = NULL;
  gsize len = 0;
  guint32 width, height;

  if (g_str_has_prefix (base64, "data:image/png;base64,"))
    base64 += strlen ("data:image/png;base64,");

  if (!is_base64 (base64))
    return not_png (error, "not base64");

  png = g_base64_decode (base64, &len);
  if (len < 8 + 25 + 12 || memcmp (png, magic, 8) != 0)
    return not_png (error, "no PNG signature");

  if (read_be32 (png + 8) != 13 || memcmp (png + 12, "IHDR", 4) != 0 ||
      read_be32 (png + 29) != crc32_png (png + 12, 17))
    return not_png (error, "bad header");

  width = read_be32 (png + 16);
  height = read_be32 (png + 20);
  if (width == 0 || height == 0 || width > 10000 || height > 10000)
    return not_png (error, "bad size");

  if (memcmp (png + len - 12, iend, 12) != 0)
    return not_png (error, "truncated");

  return TRUE;
}
