/* desk-json.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Readers for one member of a JSON object. Each one checks the node type before use and
 * reads every form the server has been seen to send; an absent or unreadable member gives
 * the "none" value (0, %NULL, %FALSE), never a warning. A @member may be a path
 * ("summary/customer/cid") that walks into nested objects. */

JsonNode   *desk_json_lookup         (JsonObject   *object,
                                      const char   *member);
gint64      desk_json_get_id         (JsonObject   *object,
                                      const char   *member);
gint64      desk_json_get_int        (JsonObject   *object,
                                      const char   *member,
                                      gint64        default_value);
gboolean    desk_json_get_money      (JsonObject   *object,
                                      const char   *member,
                                      gint64       *cents,
                                      char        **currency);
gboolean    desk_json_get_percent    (JsonObject   *object,
                                      const char   *member,
                                      gint64       *millipercent);
gint64      desk_json_get_time       (JsonObject   *object,
                                      const char   *member);
gboolean    desk_json_get_bool       (JsonObject   *object,
                                      const char   *member);
char       *desk_json_get_string     (JsonObject   *object,
                                      const char   *member);
JsonObject *desk_json_get_object     (JsonObject   *object,
                                      const char   *member);
JsonArray  *desk_json_get_array      (JsonObject   *object,
                                      const char   *member);

/* The same rules for a node already in hand (an array element, a lookup result). */

gint64      desk_json_node_get_id    (JsonNode     *node);
gboolean    desk_json_node_get_int   (JsonNode     *node,
                                      gint64       *value);
gboolean    desk_json_node_get_money (JsonNode     *node,
                                      gint64       *cents,
                                      char        **currency);
gboolean    desk_json_node_get_percent (JsonNode   *node,
                                      gint64       *millipercent);
gint64      desk_json_node_get_time  (JsonNode     *node);
gboolean    desk_json_node_get_bool  (JsonNode     *node,
                                      gboolean     *value);
char       *desk_json_node_dup_string (JsonNode    *node);
JsonObject *desk_json_node_get_object (JsonNode    *node);

JsonNode   *desk_json_parse          (GBytes       *bytes,
                                      GError      **error);
JsonNode   *desk_json_parse_with     (JsonParser   *parser,
                                      GBytes       *bytes,
                                      GError      **error);

/**
 * DeskListPage:
 * @records: (element-type JsonNode): the records of the reply, one JSON node each
 * @paged: %TRUE if the reply carried paging information
 * @page: the page number as the server gave it (the first page is 0 or 1), 0 if unknown
 * @per_page: records a page, 0 if unknown
 * @total_records: records over all pages; for an unpaged list the number of @records
 * @total_pages: pages over all, 0 if unknown
 * @has_next: %TRUE if the server said a next page exists
 *
 * The records and paging of one list reply, whatever its shape: a named array
 * (`ticketData`, `invoiceData`, `customerData`, `inventoryListData`) beside a
 * `pagination` object or the old `TotalRecords` string, or a plain array.
 */
typedef struct
{
  JsonArray *records;
  gboolean   paged;
  gint64     page;
  gint64     per_page;
  gint64     total_records;
  gint64     total_pages;
  gboolean   has_next;
} DeskListPage;

#define DESK_TYPE_LIST_PAGE (desk_list_page_get_type ())

GType         desk_list_page_get_type       (void) G_GNUC_CONST;
DeskListPage *desk_list_page_new_from_data  (JsonNode            *data,
                                             GError             **error);
DeskListPage *desk_list_page_copy           (const DeskListPage  *page);
void          desk_list_page_free           (DeskListPage        *page);
guint         desk_list_page_get_n_records  (const DeskListPage  *page);
gboolean      desk_list_page_has_more       (const DeskListPage  *page,
                                             guint64              n_seen);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskListPage, desk_list_page_free)

G_END_DECLS
