/* fuzz-reply.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The client's reading of a reply, without the network: the HTTP status and body through
 * the envelope (desk_api_reply_evaluate), the list shapes (desk_list_page_new_from_data)
 * and the mapping of each record, as desk_api_client_fetch_records_async() does it.
 *
 * The body is also parsed with its records mapped on the way (desk_json_parse_mapped),
 * which must agree with the parse and the mapping after it, and judged that way as the
 * client judges a big list reply (desk_api_reply_evaluate_mapped and
 * desk_api_client_take_records), which must come to the same outcome.
 *
 * When the first byte is not ASCII it chooses the HTTP status, the reply flags and the
 * record type; otherwise the whole input is a 200 reply to a list request (as the
 * fixtures are) and its length picks the record type. */

#include "config.h"

#include "desk-core.h"
#include "desk-api-client-private.h"

#include "fuzz-common.h"

static const guint statuses[] = { 200, 201, 204, 400, 401, 404, 429, 502 };

static const struct
{
  GType (*get_type) (void);
  DeskRecordParseFunc parse;
} kinds[] = {
  { desk_ticket_get_type, (DeskRecordParseFunc) desk_ticket_new_from_json },
  { desk_invoice_get_type, (DeskRecordParseFunc) desk_invoice_new_from_json },
  { desk_customer_get_type, (DeskRecordParseFunc) desk_customer_new_from_json },
  { desk_inventory_item_get_type, (DeskRecordParseFunc) desk_inventory_item_new_from_json },
  { desk_part_get_type, (DeskRecordParseFunc) desk_part_new_from_json },
  { desk_employee_get_type, (DeskRecordParseFunc) desk_employee_new_from_json },
  { desk_status_get_type, (DeskRecordParseFunc) desk_status_new_from_json },
  { desk_problem_get_type, (DeskRecordParseFunc) desk_problem_new_from_json },
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_common_init ();

  /* Types and the error quark live for the process: not a leak of one input. */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_type_class_unref (g_type_class_ref (kinds[i].get_type ()));
  g_type_ensure (DESK_TYPE_LIST_PAGE);
  g_assert_nonnull (g_quark_to_string (DESK_API_ERROR));

  return 0;
}

/* Parsing with the records mapped on the way agrees with parsing, then mapping. */
static void
check_mapped (GBytes *body,
              guint   kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskJsonMapped) mapped = NULL;
  g_autoptr(JsonNode) plain = desk_json_parse (body, NULL);
  g_autoptr(JsonNode) root = desk_json_parse_mapped (body, (DeskJsonMapFunc) kinds[kind].parse,
                                                     &mapped, &error);
  g_autoptr(DeskListPage) page = NULL;
  g_autoptr(DeskListPage) plain_page = NULL;
  JsonNode *data = root;
  JsonNode *plain_data = plain;

  g_assert_true ((root == NULL) == (plain == NULL));
  if (root == NULL)
    {
      g_assert_null (mapped);
      g_assert_true (error != NULL && error->domain == DESK_API_ERROR);
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (mapped);

  if (JSON_NODE_HOLDS_OBJECT (root) && desk_json_lookup (json_node_get_object (root), "data"))
    {
      data = desk_json_lookup (json_node_get_object (root), "data");
      plain_data = desk_json_lookup (json_node_get_object (plain), "data");
    }

  page = desk_list_page_new_from_data (data, NULL);
  plain_page = desk_list_page_new_from_data (plain_data, NULL);
  g_assert_true ((page == NULL) == (plain_page == NULL));
  if (page == NULL)
    return;

  g_assert_cmpuint (desk_list_page_get_n_records (page), ==,
                    desk_list_page_get_n_records (plain_page));
  for (guint i = 0; i < desk_list_page_get_n_records (page); i++)
    {
      g_autoptr(GError) take_error = NULL;
      g_autoptr(GObject) record = desk_json_mapped_take (mapped,
                                                         json_array_get_element (page->records, i),
                                                         &take_error);
      g_autoptr(GObject) plain_record = kinds[kind].parse (json_array_get_element (plain_page->records,
                                                                                   i), NULL);

      g_assert_true ((record == NULL) == (plain_record == NULL));
      g_assert_true ((record == NULL) == (take_error != NULL));
      if (record != NULL)
        g_assert_true (G_OBJECT_TYPE (record) == G_OBJECT_TYPE (plain_record));
    }
}

/* The client's reading of a big list reply comes to what the plain reading does. */
static void
check_evaluate_mapped (guint           status,
                       GBytes         *body,
                       DeskReplyFlags  flags,
                       guint           kind,
                       JsonNode       *reply,
                       const GError   *reply_error)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskJsonMapped) mapped = NULL;
  g_autoptr(JsonNode) data = desk_api_reply_evaluate_mapped (status, "Reason", body, flags,
                                                             (DeskJsonMapFunc) kinds[kind].parse,
                                                             &mapped, &error);
  g_autoptr(DeskListPage) page = NULL;
  g_autoptr(DeskListPage) plain_page = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) plain_records = NULL;
  gboolean ok, plain_ok;

  g_assert_true ((data == NULL) == (reply == NULL));
  if (data == NULL)
    {
      g_assert_null (mapped);
      g_assert_nonnull (error);
      g_assert_true (error->domain == DESK_API_ERROR);
      g_assert_cmpint (error->code, ==, reply_error->code);
      return;
    }
  g_assert_no_error (error);

  page = desk_list_page_new_from_data (data, NULL);
  plain_page = desk_list_page_new_from_data (reply, NULL);
  g_assert_true ((page == NULL) == (plain_page == NULL));
  if (page == NULL)
    return;

  records = g_ptr_array_new_with_free_func (g_object_unref);
  plain_records = g_ptr_array_new_with_free_func (g_object_unref);
  ok = desk_api_client_take_records (page->records, mapped, kinds[kind].parse, records, NULL);
  plain_ok = desk_api_client_map_records (plain_page->records, kinds[kind].parse,
                                          plain_records, NULL);
  g_assert_true (ok == plain_ok);
  g_assert_cmpuint (records->len, ==, plain_records->len);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  guint status = 200;
  DeskReplyFlags flags = DESK_REPLY_LIST;
  guint kind;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(DeskListPage) page = NULL;
  g_autoptr(DeskListPage) copy = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  if (size > 0 && data[0] >= 0x80)
    {
      status = statuses[data[0] & 0x07];
      flags = (data[0] >> 3) & (DESK_REPLY_LIST | DESK_REPLY_WRITE);
      kind = (data[0] >> 5) & 0x03;
      data++;
      size--;
    }
  else
    {
      kind = size % G_N_ELEMENTS (kinds);
    }

  body = g_bytes_new (data, size);
  check_mapped (body, kind);
  reply = desk_api_reply_evaluate (status, "Reason", body, flags, &error);
  check_evaluate_mapped (status, body, flags, kind, reply, error);
  if (reply == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == DESK_API_ERROR);
      g_assert_nonnull (error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  page = desk_list_page_new_from_data (reply, &error);
  if (page == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  copy = desk_list_page_copy (page);
  g_assert_cmpuint (desk_list_page_get_n_records (copy), ==, desk_list_page_get_n_records (page));

  records = g_ptr_array_new_with_free_func (g_object_unref);
  if (desk_api_client_map_records (page->records, kinds[kind].parse, records, &error))
    g_assert_cmpuint (records->len, <=, desk_list_page_get_n_records (page));
  else
    g_assert_cmpuint (records->len, ==, 0);

  desk_list_page_has_more (page, records->len);
  desk_list_page_has_more (page, G_MAXUINT64);
  desk_list_page_has_more (page, 0);

  return 0;
}
