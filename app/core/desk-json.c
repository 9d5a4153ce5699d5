/* desk-json.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-json"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "desk-api-error.h"
#include "desk-json.h"
#include "desk-money.h"

/* The RepairDesk server changes the type of a field between list and detail replies and
 * between years, so nothing here trusts a node's type: each reader looks at what it got
 * and falls back to "none" rather than warn. */

G_DEFINE_BOXED_TYPE (DeskListPage, desk_list_page, desk_list_page_copy, desk_list_page_free)

/* The members that hold the records of a paged list, newest shapes last. */
static const char * const list_members[] = {
  "ticketData", "invoiceData", "customerData", "inventoryListData",
};

/* The GType of a value node's value; G_TYPE_INVALID for none. An object or array node
 * gives its boxed type, which no reader here takes for a value. One call into
 * json-glib, not two: this runs for every member a record reads. */
static inline GType
value_type (JsonNode *node)
{
  if (node == NULL)
    return G_TYPE_INVALID;

  return json_node_get_value_type (node);
}

/* Returns @s without its surrounding blanks; *len is the trimmed length. */
static inline const char *
trim_text (const char *s,
           gsize      *len)
{
  const char *end;

  while (g_ascii_isspace (*s))
    s++;
  end = s + strlen (s);
  while (end > s && g_ascii_isspace (end[-1]))
    end--;

  *len = end - s;
  return s;
}

/* Returns the string of a string node without its surrounding blanks, or NULL. The
 * returned pointer is into the node; *len is the trimmed length. */
static const char *
peek_trimmed (JsonNode *node,
              gsize    *len)
{
  if (value_type (node) != G_TYPE_STRING)
    {
      *len = 0;
      return NULL;
    }

  return trim_text (json_node_get_string (node), len);
}

static gboolean
parse_integer_text (const char *text,
                    gsize       len,
                    gint64     *value)
{
  char buf[32];
  char *end = NULL;
  gint64 number;

  if (len == 0 || len >= sizeof buf)
    return FALSE;

  /* Most ids and counts are a few plain digits: read them here. Eighteen digits cannot
   * overflow; anything else takes the general way below. */
  if (len <= 18)
    {
      gsize i = text[0] == '-' || text[0] == '+' ? 1 : 0;
      gint64 n = 0;

      if (i < len)
        {
          for (; i < len && g_ascii_isdigit (text[i]); i++)
            n = n * 10 + (text[i] - '0');
          if (i == len)
            {
              *value = text[0] == '-' ? -n : n;
              return TRUE;
            }
        }
    }

  memcpy (buf, text, len);
  buf[len] = '\0';
  number = g_ascii_strtoll (buf, &end, 10);
  if (end == buf)
    return FALSE;

  /* Quantities are sometimes written as amounts ("2.00"). */
  if (*end == '.')
    while (*++end == '0')
      ;

  if (*end != '\0')
    return FALSE;

  *value = number;
  return TRUE;
}

/**
 * desk_json_lookup:
 * @object: (nullable): a JSON object
 * @member: a member name, or a path of names separated by '/'
 *
 * Returns: (transfer none) (nullable): the node, or %NULL if any step is missing or not
 *   an object
 */
JsonNode *
desk_json_lookup (JsonObject *object,
                  const char *member)
{
  const char *slash;

  g_return_val_if_fail (member != NULL, NULL);

  while (object != NULL && (slash = strchr (member, '/')) != NULL)
    {
      char step[64];
      gsize len = slash - member;
      JsonNode *node;

      if (len >= sizeof step)
        return NULL;
      memcpy (step, member, len);
      step[len] = '\0';

      node = json_object_get_member (object, step);
      object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      member = slash + 1;
    }

  return object != NULL ? json_object_get_member (object, member) : NULL;
}

/**
 * desk_json_node_get_id:
 * @node: (nullable): a node
 *
 * Ids arrive as strings in lists and as integers in details; `""`, `"0"`, 0 and null all
 * mean "none".
 *
 * Returns: the id, or 0 for none
 */
gint64
desk_json_node_get_id (JsonNode *node)
{
  gint64 id = 0;

  if (!desk_json_node_get_int (node, &id))
    return 0;

  return id > 0 ? id : 0;
}

/**
 * desk_json_node_get_int:
 * @node: (nullable): a node
 * @value: (out): the integer
 *
 * Reads an integer sent as a number, a string of digits, or a boolean.
 *
 * Returns: %TRUE if @node held an integer
 */
gboolean
desk_json_node_get_int (JsonNode *node,
                        gint64   *value)
{
  const char *text;
  gsize len;

  switch (value_type (node))
    {
    case G_TYPE_INT64:
      *value = json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      *value = (gint64) llround (json_node_get_double (node));
      return TRUE;
    case G_TYPE_BOOLEAN:
      *value = json_node_get_boolean (node) ? 1 : 0;
      return TRUE;
    case G_TYPE_STRING:
      text = trim_text (json_node_get_string (node), &len);
      return parse_integer_text (text, len, value);
    default:
      return FALSE;
    }
}

/* A JSON number in whole units to minor units: refused, never wrapped, beyond @limit.
 * An integer is scaled exactly; a double is rounded once scaled. */
static gboolean
scale_checked (double  value,
               gint64  integer,
               gint64  factor,
               gint64  limit,
               gint64 *out)
{
  gint64 scaled;

  if (integer != 0 || value == 0)
    {
      if (__builtin_mul_overflow (integer, factor, &scaled) || scaled > limit || scaled < -limit)
        return FALSE;
      *out = scaled;
      return TRUE;
    }

  value *= (double) factor;
  if (!isfinite (value) || fabs (value) > (double) limit)
    return FALSE;

  *out = (gint64) llround (value);
  return TRUE;
}

/**
 * desk_json_node_get_money:
 * @node: (nullable): a node
 * @cents: (out): the amount in minor units, 0 if none
 * @currency: (out) (optional) (nullable) (transfer full): the currency text, if any
 *
 * Returns: %TRUE if @node held an amount
 */
gboolean
desk_json_node_get_money (JsonNode  *node,
                          gint64    *cents,
                          char     **currency)
{
  *cents = 0;
  if (currency != NULL)
    *currency = NULL;

  switch (value_type (node))
    {
    case G_TYPE_INT64:
      return scale_checked ((double) json_node_get_int (node), json_node_get_int (node), 100,
                            DESK_MONEY_MAX, cents);
    case G_TYPE_DOUBLE:
      return scale_checked (json_node_get_double (node), 0, 100, DESK_MONEY_MAX, cents);
    case G_TYPE_STRING:
      if (desk_money_parse (json_node_get_string (node), cents, currency))
        return TRUE;
      *cents = 0;
      return FALSE;
    default:
      return FALSE;
    }
}

/**
 * desk_json_node_get_percent:
 * @node: (nullable): a node
 * @millipercent: (out): thousandths of a percent, 0 if none
 *
 * Returns: %TRUE if @node held a percentage
 */
gboolean
desk_json_node_get_percent (JsonNode *node,
                            gint64   *millipercent)
{
  *millipercent = 0;

  switch (value_type (node))
    {
    case G_TYPE_INT64:
      return scale_checked ((double) json_node_get_int (node), json_node_get_int (node), 1000,
                            DESK_PERCENT_MAX, millipercent);
    case G_TYPE_DOUBLE:
      return scale_checked (json_node_get_double (node), 0, 1000, DESK_PERCENT_MAX, millipercent);
    case G_TYPE_STRING:
      if (desk_money_parse_percent (json_node_get_string (node), millipercent))
        return TRUE;
      *millipercent = 0;
      return FALSE;
    default:
      return FALSE;
    }
}

/* "2017-07-01 10:00:00" or "2017-07-01", read as UTC. The "0000-00-00 00:00:00"
 * placeholder fails the range check of GDateTime and so reads as none. */
static gint64
parse_date_text (const char *text,
                 gsize       len)
{
  g_autoptr(GDateTime) dt = NULL;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  double s = 0;
  char buf[32];
  int n;

  if (len >= sizeof buf)
    return 0;
  memcpy (buf, text, len);
  buf[len] = '\0';

  n = sscanf (buf, "%d-%d-%d%*[ T]%d:%d:%lf", &y, &mo, &d, &h, &mi, &s);
  if (n != 3 && n != 6)
    return 0;
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > 31)
    return 0;

  dt = g_date_time_new_utc (y, mo, d, h, mi, s);
  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

/**
 * desk_json_node_get_time:
 * @node: (nullable): a node
 *
 * Reads a timestamp: unix seconds as a number or a string, or a "YYYY-MM-DD hh:mm:ss"
 * text. `false`, `""`, negative "year 0000" values and "0000-00-00 00:00:00" are the
 * server's ways of saying "not set".
 *
 * Returns: unix seconds, or 0 if not set
 */
gint64
desk_json_node_get_time (JsonNode *node)
{
  const char *text;
  gint64 value = 0;
  gsize len;

  switch (value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return 0;
    case G_TYPE_STRING:
      text = trim_text (json_node_get_string (node), &len);
      if (parse_integer_text (text, len, &value))
        return value > 0 ? value : 0;
      return parse_date_text (text, len);
    default:
      if (desk_json_node_get_int (node, &value))
        return value > 0 ? value : 0;
      return 0;
    }
}

/**
 * desk_json_node_get_bool:
 * @node: (nullable): a node
 * @value: (out): the truth value
 *
 * Reads `true`/`false`, `0`/`1`, `"0"`/`"1"`, `"true"`/`"false"` and `"yes"`/`"no"`.
 *
 * Returns: %TRUE if @node held a truth value
 */
gboolean
desk_json_node_get_bool (JsonNode *node,
                         gboolean *value)
{
  const char *text;
  gint64 number;
  gsize len;

  if (value_type (node) == G_TYPE_BOOLEAN)
    {
      *value = json_node_get_boolean (node);
      return TRUE;
    }

  if (desk_json_node_get_int (node, &number))
    {
      *value = number != 0;
      return TRUE;
    }

  text = peek_trimmed (node, &len);
  if (text == NULL)
    return FALSE;

  if ((len == 4 && g_ascii_strncasecmp (text, "true", 4) == 0) ||
      (len == 3 && g_ascii_strncasecmp (text, "yes", 3) == 0))
    *value = TRUE;
  else if ((len == 5 && g_ascii_strncasecmp (text, "false", 5) == 0) ||
           (len == 2 && g_ascii_strncasecmp (text, "no", 2) == 0))
    *value = FALSE;
  else
    return FALSE;

  return TRUE;
}

/**
 * desk_json_node_dup_string:
 * @node: (nullable): a node
 *
 * Names in some lists carry leading or trailing blanks; they are trimmed. A number is
 * given as its decimal text, since the server sends some text fields ("order_id") as
 * numbers too.
 *
 * Returns: (transfer full) (nullable): the trimmed text, or %NULL if @node is not a string
 *   or a number
 */
char *
desk_json_node_dup_string (JsonNode *node)
{
  const char *text;
  gsize len;

  switch (value_type (node))
    {
    case G_TYPE_STRING:
      {
        char *copy;

        text = trim_text (json_node_get_string (node), &len);
        copy = g_malloc (len + 1);
        memcpy (copy, text, len);
        copy[len] = '\0';
        return copy;
      }
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    default:
      return NULL;
    }
}

/**
 * desk_json_node_get_object:
 * @node: (nullable): a node
 *
 * An optional object may be present, absent, `[]` or `{}`; the last three all mean
 * "not set".
 *
 * Returns: (transfer none) (nullable): the object, or %NULL if @node is not a non-empty
 *   object
 */
JsonObject *
desk_json_node_get_object (JsonNode *node)
{
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  return json_object_get_size (object) > 0 ? object : NULL;
}

/**
 * desk_json_get_id:
 * @object: (nullable): a JSON object
 * @member: a member name or path
 *
 * Returns: the id, or 0 for none; see desk_json_node_get_id()
 */
gint64
desk_json_get_id (JsonObject *object,
                  const char *member)
{
  return desk_json_node_get_id (desk_json_lookup (object, member));
}

/**
 * desk_json_get_int:
 * @object: (nullable): a JSON object
 * @member: a member name or path
 * @default_value: the value if the member is absent or not an integer
 *
 * Returns: the integer
 */
gint64
desk_json_get_int (JsonObject *object,
                   const char *member,
                   gint64      default_value)
{
  gint64 value;

  if (!desk_json_node_get_int (desk_json_lookup (object, member), &value))
    return default_value;

  return value;
}

/**
 * desk_json_get_money:
 * @object: (nullable): a JSON object
 * @member: a member name or path
 * @cents: (out): the amount in minor units, 0 if none
 * @currency: (out) (optional) (nullable) (transfer full): the currency text, if any
 *
 * Returns: %TRUE if the member held an amount
 */
gboolean
desk_json_get_money (JsonObject  *object,
                     const char  *member,
                     gint64      *cents,
                     char       **currency)
{
  return desk_json_node_get_money (desk_json_lookup (object, member), cents, currency);
}

/**
 * desk_json_get_percent:
 * @object: (nullable): a JSON object
 * @member: a member name or path
 * @millipercent: (out): thousandths of a percent, 0 if none
 *
 * Returns: %TRUE if the member held a percentage
 */
gboolean
desk_json_get_percent (JsonObject *object,
                       const char *member,
                       gint64     *millipercent)
{
  return desk_json_node_get_percent (desk_json_lookup (object, member), millipercent);
}

/**
 * desk_json_get_time:
 * @object: (nullable): a JSON object
 * @member: a member name or path
 *
 * Returns: unix seconds, or 0 if not set; see desk_json_node_get_time()
 */
gint64
desk_json_get_time (JsonObject *object,
                    const char *member)
{
  return desk_json_node_get_time (desk_json_lookup (object, member));
}

/**
 * desk_json_get_bool:
 * @object: (nullable): a JSON object
 * @member: a member name or path
 *
 * Returns: the truth value, %FALSE if absent or unreadable
 */
gboolean
desk_json_get_bool (JsonObject *object,
                    const char *member)
{
  gboolean value = FALSE;

  if (!desk_json_node_get_bool (desk_json_lookup (object, member), &value))
    return FALSE;

  return value;
}

/**
 * desk_json_get_string:
 * @object: (nullable): a JSON object
 * @member: a member name or path
 *
 * Returns: (transfer full) (nullable): the trimmed text; see desk_json_node_dup_string()
 */
char *
desk_json_get_string (JsonObject *object,
                      const char *member)
{
  return desk_json_node_dup_string (desk_json_lookup (object, member));
}

/**
 * desk_json_get_object:
 * @object: (nullable): a JSON object
 * @member: a member name or path
 *
 * Returns: (transfer none) (nullable): the member's object; %NULL if it is absent, `[]`,
 *   `{}` or not an object
 */
JsonObject *
desk_json_get_object (JsonObject *object,
                      const char *member)
{
  return desk_json_node_get_object (desk_json_lookup (object, member));
}

/**
 * desk_json_get_array:
 * @object: (nullable): a JSON object
 * @member: a member name or path
 *
 * Returns: (transfer none) (nullable): the member's array, or %NULL if it is not an array
 */
JsonArray *
desk_json_get_array (JsonObject *object,
                     const char *member)
{
  JsonNode *node = desk_json_lookup (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

/**
 * desk_json_parse_with: (skip)
 * @parser: an immutable parser, with any signal handlers connected
 * @bytes: a reply body
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the root node, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
JsonNode *
desk_json_parse_with (JsonParser  *parser,
                      GBytes      *bytes,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  JsonNode *root;

  if (len == 0 || !json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_propagate_error (error,
                         desk_api_error_new (DESK_API_ERROR_PROTOCOL,
                                             local_error != NULL ? local_error->message
                                                                 : "empty body"));
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    g_propagate_error (error, desk_api_error_new (DESK_API_ERROR_PROTOCOL, "empty body"));

  return root;
}

/**
 * desk_json_parse:
 * @bytes: a reply body
 * @error: return location for a #GError
 *
 * Parses a body into an immutable tree.
 *
 * Returns: (transfer full): the root node, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
JsonNode *
desk_json_parse (GBytes  *bytes,
                 GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  return desk_json_parse_with (parser, bytes, error);
}

/* The records of an object-shaped list: a known member first, then any array member
 * whose name ends in "Data" (the server names every paged list that way). */
static JsonArray *
find_records (JsonObject *data)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  for (guint i = 0; i < G_N_ELEMENTS (list_members); i++)
    {
      JsonArray *records = desk_json_get_array (data, list_members[i]);

      if (records != NULL)
        return records;
    }

  json_object_iter_init (&iter, data);
  while (json_object_iter_next (&iter, &name, &node))
    {
      if (JSON_NODE_HOLDS_ARRAY (node) && g_str_has_suffix (name, "Data"))
        return json_node_get_array (node);
    }

  return NULL;
}

static void
read_pagination (DeskListPage *self,
                 JsonObject   *data)
{
  JsonObject *pagination = desk_json_get_object (data, "pagination");
  guint n = json_array_get_length (self->records);

  if (pagination != NULL)
    {
      self->paged = TRUE;
      self->page = desk_json_get_int (pagination, "page", 0);
      self->per_page = desk_json_get_int (pagination, "per_page", 0);
      self->total_records = desk_json_get_int (pagination, "total_records", n);
      self->total_pages = desk_json_get_int (pagination, "total_pages", 0);
      self->has_next = desk_json_get_bool (pagination, "next_page_exist") ||
                       (self->total_pages > 0 && self->page < self->total_pages &&
                        desk_json_lookup (pagination, "next_page_exist") == NULL);
    }
  else if (desk_json_lookup (data, "TotalRecords") != NULL)
    {
      /* The old shape only says how many records match; the caller pages by count. */
      self->paged = TRUE;
      self->total_records = desk_json_get_int (data, "TotalRecords", n);
    }
  else
    {
      self->total_records = n;
      self->total_pages = 1;
    }
}

/**
 * desk_list_page_new_from_data:
 * @data: (nullable): the `data` node of a list reply
 * @error: return location for a #GError
 *
 * Finds the records and the paging of a list reply. A missing data node, `[]` and `{}`
 * are an empty list.
 *
 * Returns: (transfer full): the page, or %NULL with %DESK_API_ERROR_PROTOCOL if @data is
 *   not a list of any known shape
 */
DeskListPage *
desk_list_page_new_from_data (JsonNode  *data,
                              GError   **error)
{
  g_autoptr(DeskListPage) self = g_new0 (DeskListPage, 1);
  JsonObject *object = NULL;

  if (data != NULL && JSON_NODE_HOLDS_ARRAY (data))
    {
      self->records = json_array_ref (json_node_get_array (data));
    }
  else if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
    {
      JsonArray *records;

      object = json_node_get_object (data);
      records = find_records (object);
      if (records == NULL && json_object_get_size (object) > 0)
        {
          g_propagate_error (error, desk_api_error_new (DESK_API_ERROR_PROTOCOL,
                                                        "list reply without records"));
          return NULL;
        }
      self->records = records != NULL ? json_array_ref (records) : json_array_new ();
    }
  else if (data == NULL || JSON_NODE_HOLDS_NULL (data))
    {
      self->records = json_array_new ();
    }
  else
    {
      g_propagate_error (error, desk_api_error_new (DESK_API_ERROR_PROTOCOL,
                                                    "list reply data is a plain value"));
      return NULL;
    }

  read_pagination (self, object);

  return g_steal_pointer (&self);
}

/**
 * desk_list_page_copy:
 * @page: a #DeskListPage
 *
 * Returns: (transfer full): a copy sharing the (immutable) records
 */
DeskListPage *
desk_list_page_copy (const DeskListPage *page)
{
  DeskListPage *copy = g_memdup2 (page, sizeof *page);

  if (copy->records != NULL)
    json_array_ref (copy->records);

  return copy;
}

/**
 * desk_list_page_free:
 * @page: (nullable): a #DeskListPage
 */
void
desk_list_page_free (DeskListPage *page)
{
  if (page == NULL)
    return;

  g_clear_pointer (&page->records, json_array_unref);
  g_free (page);
}

/**
 * desk_list_page_get_n_records:
 * @page: a #DeskListPage
 *
 * Returns: the number of records on this page
 */
guint
desk_list_page_get_n_records (const DeskListPage *page)
{
  return page->records != NULL ? json_array_get_length (page->records) : 0;
}

/**
 * desk_list_page_has_more:
 * @page: the last page received
 * @n_seen: the records received so far over all pages, this one included
 *
 * Whether asking for the next page makes sense. The `pagination` shape says so itself;
 * the old `TotalRecords` shape only gives the count of matches; an unpaged list is
 * complete, as is a page without records.
 *
 * Returns: %TRUE if more records are to be had
 */
gboolean
desk_list_page_has_more (const DeskListPage *page,
                         guint64             n_seen)
{
  if (!page->paged || desk_list_page_get_n_records (page) == 0)
    return FALSE;

  if (page->per_page > 0 || page->total_pages > 0)
    return page->has_next;

  return page->total_records > 0 && n_seen < (guint64) page->total_records;
}
