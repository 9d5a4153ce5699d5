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
  reply = desk_api_reply_evaluate (status, "Reason", body, flags, &error);
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
