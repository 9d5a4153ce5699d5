/* desk-api-client-records.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-api-client"

#include "config.h"

#include "desk-api-client-private.h"
#include "desk-api-error.h"
#include "desk-json.h"

/* The typed layer under every endpoint: fetch a list and map its records, fetch one
 * record, write one and read it back. The endpoints themselves are one-liners over these
 * (desk-api-client-endpoints.c). */

/* Mapping thousands of records takes a while; it runs in a worker thread. */
typedef struct
{
  DeskRecordParseFunc  parse;
  char                *path;
  GStrv                params;
  JsonNode            *data;       /* owned, the last page's data */
  DeskJsonMapped      *mapped;     /* owned, nullable: its records mapped while parsing */
  GPtrArray           *records;    /* owned, over all pages so far */
  JsonArray           *raw;        /* owned, the records' JSON over all pages */
  DeskPageInfo         info;
  int                  priority;
  gboolean             all_pages;
  guint                n_pages;
} ListData;

typedef struct
{
  GPtrArray    *records;
  JsonArray    *raw;
  DeskPageInfo  info;
} ListResult;

/* More pages than any reference list has: a server that always says "next" stops here. */
#define MAX_PAGES 200

static void fetch_page (GTask *task);

static void
list_data_free (ListData *data)
{
  g_free (data->path);
  g_strfreev (data->params);
  g_clear_pointer (&data->data, json_node_unref);
  g_clear_pointer (&data->mapped, desk_json_mapped_free);
  g_clear_pointer (&data->records, g_ptr_array_unref);
  g_clear_pointer (&data->raw, json_array_unref);
  g_free (data);
}

static void
list_result_free (ListResult *result)
{
  g_ptr_array_unref (result->records);
  json_array_unref (result->raw);
  g_free (result);
}

/**
 * desk_api_client_map_records:
 * @records: the records' JSON
 * @parse: maps one record
 * @out: (element-type GObject): where to add the records
 * @error: return location for a %DESK_API_ERROR_PROTOCOL error
 *
 * Maps each record, skipping those that cannot be read: one broken record does not hide
 * the others. Safe to call from a worker thread.
 *
 * Returns: %FALSE if there were records and none could be read
 */
gboolean
desk_api_client_map_records (JsonArray            *records,
                             DeskRecordParseFunc   parse,
                             GPtrArray            *out,
                             GError              **error)
{
  return desk_api_client_take_records (records, NULL, parse, out, error);
}

/**
 * desk_api_client_take_records:
 * @records: the records' JSON
 * @mapped: (nullable): the records mapped while parsing, from
 *   desk_api_client_request_mapped_finish()
 * @parse: maps one record, the function @mapped was made with
 * @out: (element-type GObject): where to add the records
 * @error: return location for a %DESK_API_ERROR_PROTOCOL error
 *
 * As desk_api_client_map_records(), taking each record mapped while parsing from
 * @mapped and mapping the others. Safe to call from a worker thread.
 *
 * Returns: %FALSE if there were records and none could be read
 */
gboolean
desk_api_client_take_records (JsonArray            *records,
                              DeskJsonMapped       *mapped,
                              DeskRecordParseFunc   parse,
                              GPtrArray            *out,
                              GError              **error)
{
  guint n_records = json_array_get_length (records);
  guint n_broken = 0;

  for (guint i = 0; i < n_records; i++)
    {
      JsonNode *node = json_array_get_element (records, i);
      gpointer record = mapped != NULL ? desk_json_mapped_take (mapped, node, NULL)
                                       : parse (node, NULL);

      if (record == NULL)
        n_broken++;
      else
        g_ptr_array_add (out, record);
    }

  if (n_broken > 0)
    g_debug ("%u of %u records could not be read", n_broken, n_records);

  if (n_broken > 0 && n_broken == n_records)
    {
      g_propagate_error (error, desk_api_error_new (DESK_API_ERROR_PROTOCOL,
                                                    "No record of the list could be read"));
      return FALSE;
    }

  return TRUE;
}

static void
map_page_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ListData *data = task_data;
  g_autoptr(DeskListPage) page = NULL;
  /* What was not taken (objects of the reply that are not its records) goes with it. */
  g_autoptr(DeskJsonMapped) mapped = g_steal_pointer (&data->mapped);
  GError *error = NULL;

  page = desk_list_page_new_from_data (data->data, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < desk_list_page_get_n_records (page); i++)
    json_array_add_element (data->raw, json_node_ref (json_array_get_element (page->records, i)));

  if (!desk_api_client_take_records (page->records, mapped, data->parse,
                                     data->records, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The old TotalRecords shape gives a count but no page number. */
  data->info.paged = page->paged;
  data->info.page = page->paged && (page->per_page > 0 || page->total_pages > 0) ? page->page : -1;
  data->info.total_records = page->paged ? page->total_records : (gint64) data->records->len;
  data->info.total_pages = page->total_pages;
  data->info.has_next = desk_list_page_has_more (page, data->records->len);
  g_task_return_boolean (task, TRUE);
}

static void
page_mapped_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListData *data = g_task_get_task_data (task);
  ListResult *list;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->all_pages && data->info.has_next && data->n_pages < MAX_PAGES)
    {
      fetch_page (g_steal_pointer (&task));
      return;
    }

  list = g_new0 (ListResult, 1);
  list->records = g_steal_pointer (&data->records);
  list->raw = g_steal_pointer (&data->raw);
  list->info = data->info;
  if (data->all_pages)
    list->info.total_records = list->records->len;
  g_task_return_pointer (task, list, (GDestroyNotify) list_result_free);
}

static void
page_fetched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListData *data = g_task_get_task_data (task);
  g_autoptr(GTask) map = NULL;
  GError *error = NULL;

  g_clear_pointer (&data->data, json_node_unref);
  g_clear_pointer (&data->mapped, desk_json_mapped_free);
  data->data = desk_api_client_request_mapped_finish (DESK_API_CLIENT (object), result,
                                                      &data->mapped, &error);
  if (data->data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  map = g_task_new (object, g_task_get_cancellable (task), page_mapped_cb, g_object_ref (task));
  g_task_set_task_data (map, data, NULL);
  g_task_run_in_thread (map, map_page_thread);
}

static void
fetch_page (GTask *task)
{
  ListData *data = g_task_get_task_data (task);
  g_auto(GStrv) params = g_strdupv (data->params);

  /* A later page asks for the one after what the server called the last. */
  if (data->n_pages > 0)
    {
      g_auto(GStrv) next = desk_list_query_to_params (NULL, data->info.page + 1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_addv (builder, (const char **) data->params);
      g_strv_builder_addv (builder, (const char **) next);
      g_strfreev (params);
      params = g_strv_builder_end (builder);
    }

  data->n_pages++;
  desk_api_client_request_mapped_async (g_task_get_source_object (task), data->path,
                                        (const char * const *) params, DESK_API_REQUEST_LIST,
                                        data->parse, data->priority,
                                        g_task_get_cancellable (task), page_fetched_cb, task);
}

/**
 * desk_api_client_fetch_records_async:
 * @self: a #DeskApiClient
 * @path: the list's path
 * @params: (nullable): name, value, ..., %NULL
 * @parse: maps one record
 * @all_pages: whether to follow a paged reply to its end
 * @priority: a #DeskApiPriority
 * @source_tag: the public function, for the task
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the records
 * @user_data: data for @callback
 *
 * Fetches a list and maps each record with @parse, away from the main thread.
 */
void
desk_api_client_fetch_records_async (DeskApiClient        *self,
                                     const char           *path,
                                     const char * const   *params,
                                     DeskRecordParseFunc   parse,
                                     gboolean              all_pages,
                                     int                   priority,
                                     gpointer              source_tag,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  GTask *task;
  ListData *data;

  g_return_if_fail (DESK_IS_API_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  data = g_new0 (ListData, 1);
  data->parse = parse;
  data->path = g_strdup (path);
  data->params = params != NULL ? g_strdupv ((GStrv) params) : g_new0 (char *, 1);
  data->records = g_ptr_array_new_with_free_func (g_object_unref);
  data->raw = json_array_new ();
  data->priority = priority;
  data->all_pages = all_pages;
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);

  fetch_page (task);
}

/**
 * desk_api_client_fetch_records_finish:
 * @self: a #DeskApiClient
 * @result: the #GAsyncResult
 * @source_tag: the tag given to desk_api_client_fetch_records_async()
 * @info: (out) (optional): where the page stands in the whole list
 * @raw: (out) (optional) (transfer full): the records' JSON, for a cache
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type GObject): the records
 */
GPtrArray *
desk_api_client_fetch_records_finish (DeskApiClient  *self,
                                      GAsyncResult   *result,
                                      gpointer        source_tag,
                                      DeskPageInfo   *info,
                                      JsonArray     **raw,
                                      GError        **error)
{
  ListResult *list;
  GPtrArray *records;

  g_return_val_if_fail (DESK_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  list = g_task_propagate_pointer (G_TASK (result), error);
  if (list == NULL)
    return NULL;

  if (info != NULL)
    *info = list->info;

  if (raw != NULL)
    *raw = json_array_ref (list->raw);

  records = g_ptr_array_ref (list->records);
  list_result_free (list);

  return records;
}

/* --- One record ------------------------------------------------------------------- */

typedef struct
{
  DeskRecordParseFunc  parse;
  char                *read_path;    /* where to read the record back, NULL = known id */
  const char          *id_member;    /* where a write's reply gives the record's id */
  GObject             *sent;         /* owned, nullable: the fallback after a write */
  gint64               id;           /* the record's id, when known before writing */
  gint64               written_id;   /* the record's id after the write */
  JsonNode            *write_reply;  /* owned, nullable */
} RecordData;

static void
record_data_free (RecordData *data)
{
  g_free (data->read_path);
  g_clear_object (&data->sent);
  g_clear_pointer (&data->write_reply, json_node_unref);
  g_free (data);
}

static void
return_parsed (GTask    *task,
               JsonNode *node)
{
  RecordData *data = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer record = data->parse (node, &error);

  if (record != NULL)
    g_task_return_pointer (task, record, g_object_unref);
  else
    g_task_return_error (task, error);
}

/* A record that knows nothing but its id, for the screen to read again later. */
static gpointer
parse_id_only (DeskRecordParseFunc parse,
               gint64              id)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", id);
  json_node_take_object (node, object);

  return parse (node, NULL);
}

static gint64
record_id (gpointer record)
{
  gint64 id = 0;

  if (record != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (record), "id") != NULL)
    g_object_get (record, "id", &id, NULL);

  return id;
}

/* The record in a write's reply, if the reply is one and names it. */
static gpointer
parse_reply_record (RecordData *data)
{
  gpointer record;

  if (data->id_member == NULL || data->write_reply == NULL ||
      !JSON_NODE_HOLDS_OBJECT (data->write_reply))
    return NULL;

  record = data->parse (data->write_reply, NULL);
  if (record != NULL && record_id (record) <= 0)
    g_clear_object (&record);

  return record;
}

/* The server took the write but its reply does not show what became of it: calling that a
 * failure would invite sending it twice. */
static GError *
outcome_unknown (const char *detail)
{
  return desk_api_error_new (DESK_API_ERROR_OUTCOME_UNKNOWN, detail);
}

static void
record_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RecordData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  gpointer record = NULL;

  node = desk_api_client_request_finish (DESK_API_CLIENT (object), result, &error);
  if (node != NULL)
    record = data->parse (node, &error);

  if (record != NULL)
    {
      g_task_return_pointer (task, record, g_object_unref);
      return;
    }

  if (data->write_reply == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The write went through; only reading it back failed. An error now would invite a
   * second submission, so the caller gets the best copy at hand instead: the record in
   * the reply, the record sent (an update), or one that knows only its id. */
  g_debug ("Reading back after a write failed: %s", error->message);
  record = parse_reply_record (data);
  if (record == NULL && data->sent != NULL && data->id > 0)
    record = g_object_ref (data->sent);
  if (record == NULL)
    record = parse_id_only (data->parse, data->written_id);

  if (record != NULL)
    g_task_return_pointer (task, record, g_object_unref);
  else
    g_task_return_error (task, outcome_unknown ("The change was confirmed but cannot be read back"));
}

static void
read_back (GTask  *task,
           gint64  id)
{
  RecordData *data = g_task_get_task_data (task);
  g_autofree char *path = g_strdup_printf ("%s/%" G_GINT64_FORMAT, data->read_path, id);

  /* Never join a GET that left before the write. */
  desk_api_client_request_async (g_task_get_source_object (task), "GET", path, NULL, NULL,
                                 DESK_API_REQUEST_NO_JOIN, DESK_API_PRIORITY_INTERACTIVE,
                                 g_task_get_cancellable (task), record_read_cb, task);
}

/* Replies name a new record's id in several ways. */
static gint64
reply_id (JsonObject *reply,
          const char *id_member)
{
  const char *members[] = { id_member, "id", "cid", "summary/id" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      gint64 id = members[i] != NULL ? desk_json_get_id (reply, members[i]) : 0;

      if (id > 0)
        return id;
    }

  return 0;
}

static void
record_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RecordData *data = g_task_get_task_data (task);
  GError *error = NULL;
  gint64 id;

  data->write_reply = desk_api_client_request_finish (DESK_API_CLIENT (object), result, &error);
  if (data->write_reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  id = data->id;
  if (id <= 0 && JSON_NODE_HOLDS_OBJECT (data->write_reply))
    id = reply_id (json_node_get_object (data->write_reply), data->id_member);

  if (id <= 0)
    {
      /* Nothing to read back with: what the server said is all there is. */
      gpointer record = parse_reply_record (data);

      if (record != NULL)
        g_task_return_pointer (task, record, g_object_unref);
      else
        g_task_return_error (task, outcome_unknown ("The change was confirmed but the reply names no record"));
      return;
    }

  data->written_id = id;
  read_back (g_steal_pointer (&task), id);
}

static GTask *
record_task_new (DeskApiClient        *self,
                 DeskRecordParseFunc   parse,
                 const char           *read_path,
                 gpointer              source_tag,
                 GCancellable         *cancellable,
                 GAsyncReadyCallback   callback,
                 gpointer              user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  RecordData *data = g_new0 (RecordData, 1);

  g_task_set_source_tag (task, source_tag);
  data->parse = parse;
  data->read_path = g_strdup (read_path);
  data->id_member = "id";
  g_task_set_task_data (task, data, (GDestroyNotify) record_data_free);

  return task;
}

static void
record_fetched_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = desk_api_client_request_finish (DESK_API_CLIENT (object), result, &error);
  if (node == NULL)
    g_task_return_error (task, error);
  else
    return_parsed (task, node);
}

/**
 * desk_api_client_fetch_record_async:
 * @self: a #DeskApiClient
 * @path: the record's path, such as "tickets/12"
 * @parse: maps the record
 * @source_tag: the public function
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the record
 * @user_data: data for @callback
 */
void
desk_api_client_fetch_record_async (DeskApiClient        *self,
                                    const char           *path,
                                    DeskRecordParseFunc   parse,
                                    gpointer              source_tag,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  GTask *task = record_task_new (self, parse, NULL, source_tag, cancellable, callback, user_data);

  desk_api_client_request_async (self, "GET", path, NULL, NULL, DESK_API_REQUEST_NONE,
                                 DESK_API_PRIORITY_INTERACTIVE, cancellable,
                                 record_fetched_cb, task);
}

static GBytes *
node_to_bytes (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *text;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

/**
 * desk_api_client_write_record_async:
 * @self: a #DeskApiClient
 * @method: "POST" or "PUT"
 * @path: where to send it
 * @body: (nullable): the JSON body
 * @id: the record's id when known (an update), else 0: the reply gives it
 * @id_member: (nullable): the member of the reply's data that holds the id, or %NULL when
 *   the reply is not the record itself (a payment's reply is not its invoice)
 * @read_path: the collection to read the record back from, such as "tickets"
 * @parse: maps the record read back
 * @sent: (nullable): the object that was sent, handed back if nothing better is to be had
 * @source_tag: the public function
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the record as the server now holds it
 * @user_data: data for @callback
 *
 * Sends a write, then reads the record back: the server has been seen to answer success
 * to an update it did not apply, so what it holds is what the screen shows.
 */
void
desk_api_client_write_record_async (DeskApiClient        *self,
                                    const char           *method,
                                    const char           *path,
                                    JsonNode             *body,
                                    gint64                id,
                                    const char           *id_member,
                                    const char           *read_path,
                                    DeskRecordParseFunc   parse,
                                    GObject              *sent,
                                    gpointer              source_tag,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  GTask *task = record_task_new (self, parse, read_path, source_tag, cancellable, callback, user_data);
  RecordData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = body != NULL ? node_to_bytes (body) : NULL;

  data->id_member = id_member;
  data->sent = sent != NULL ? g_object_ref (sent) : NULL;
  data->id = id;

  desk_api_client_request_async (self, method, path, NULL, bytes, DESK_API_REQUEST_WRITE,
                                 DESK_API_PRIORITY_INTERACTIVE, cancellable,
                                 record_written_cb, task);
}

/**
 * desk_api_client_record_finish:
 * @self: a #DeskApiClient
 * @result: the #GAsyncResult
 * @source_tag: the tag given when starting
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (type GObject): the record
 */
gpointer
desk_api_client_record_finish (DeskApiClient  *self,
                               GAsyncResult   *result,
                               gpointer        source_tag,
                               GError        **error)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
