/* desk-catalog.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-catalog"

#include "config.h"

#include "desk-api-client-private.h"
#include "desk-api-lists-private.h"
#include "desk-catalog.h"
#include "desk-device-location.h"
#include "desk-device.h"
#include "desk-employee.h"
#include "desk-inventory-item.h"
#include "desk-network.h"
#include "desk-part.h"
#include "desk-payment-method.h"
#include "desk-problem.h"
#include "desk-status.h"
#include "desk-supply.h"
#include "desk-task-type.h"
#include "desk-tax-class.h"

/* The reference lists behind the dropdowns and searches of the intake and invoice
 * screens: statuses, employees, devices, problems, ... They change rarely and some are
 * thousands long, while every request counts against 50 a minute. Each list is loaded
 * once, when first asked for, from a file in the user's cache folder if there is one
 * (so that a restart costs no request) and else from the server; it is refreshed on
 * demand, and in the background when the file is more than a day old.
 *
 * The cache folder is per account (a digest of address and key, never the key itself).
 * Employees' access PINs are secrets: the objects drop them, and the cache file never
 * has them either. */

#define MAX_CACHE_AGE_SECONDS (24 * 60 * 60)

/* Each kind is a row of the client's one table of lists (desk-api-lists.c). */
static const DeskApiList kinds[DESK_CATALOG_N_KINDS] = {
  [DESK_CATALOG_STATUSES] = DESK_API_LIST_STATUSES,
  [DESK_CATALOG_EMPLOYEES] = DESK_API_LIST_EMPLOYEES,
  [DESK_CATALOG_DEVICES] = DESK_API_LIST_DEVICES,
  [DESK_CATALOG_PROBLEMS] = DESK_API_LIST_PROBLEMS,
  [DESK_CATALOG_NETWORKS] = DESK_API_LIST_NETWORKS,
  [DESK_CATALOG_PARTS] = DESK_API_LIST_PARTS,
  [DESK_CATALOG_TAX_CLASSES] = DESK_API_LIST_TAX_CLASSES,
  [DESK_CATALOG_DEVICE_LOCATIONS] = DESK_API_LIST_DEVICE_LOCATIONS,
  [DESK_CATALOG_SUPPLIES] = DESK_API_LIST_SUPPLIES,
  [DESK_CATALOG_TASK_TYPES] = DESK_API_LIST_TASK_TYPES,
  [DESK_CATALOG_PAYMENT_METHODS] = DESK_API_LIST_PAYMENT_METHODS,
  [DESK_CATALOG_INVENTORY] = DESK_API_LIST_INVENTORY,
};

typedef enum
{
  ENTRY_EMPTY,
  ENTRY_LOADING,
  ENTRY_LOADED,
} EntryState;

/* One list: what it is, where it comes from, and who waits for it. */
typedef struct
{
  char                *path;        /* "statuses", "problems/12" */
  DeskRecordParseFunc  parse;
  GListStore          *store;       /* owned */
  GPtrArray           *waiters;     /* owned, GTask* waiting for the first load */
  EntryState           state;
} Entry;

struct _DeskCatalog
{
  GObject        parent_instance;

  /* owned */
  DeskApiClient *client;
  GHashTable    *entries;       /* path -> Entry* */
  GCancellable  *cancellable;

  /* state */
  guint          n_busy;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskCatalog, desk_catalog, G_TYPE_OBJECT)

static void fetch (DeskCatalog *self,
                   Entry       *entry,
                   int          priority,
                   GTask       *refresh);

static void
entry_free (Entry *entry)
{
  g_free (entry->path);
  g_clear_object (&entry->store);
  g_clear_pointer (&entry->waiters, g_ptr_array_unref);
  g_free (entry);
}

static Entry *
get_entry (DeskCatalog         *self,
           const char          *path,
           GType                item_type,
           DeskRecordParseFunc  parse)
{
  Entry *entry = g_hash_table_lookup (self->entries, path);

  if (entry != NULL)
    return entry;

  entry = g_new0 (Entry, 1);
  entry->path = g_strdup (path);
  entry->parse = parse;
  entry->store = g_list_store_new (item_type);
  entry->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_insert (self->entries, entry->path, entry);

  return entry;
}

static Entry *
get_kind_entry (DeskCatalog     *self,
                DeskCatalogKind  kind)
{
  const DeskApiListInfo *info = desk_api_list_get_info (kinds[kind]);

  return get_entry (self, info->path, info->item_type (), info->parse);
}

static Entry *
get_device_problems_entry (DeskCatalog *self,
                           gint64       device_id)
{
  const DeskApiListInfo *info = desk_api_list_get_info (DESK_API_LIST_PROBLEMS);
  g_autofree char *path = desk_api_list_dup_device_path (device_id);

  return get_entry (self, path, info->item_type (), info->parse);
}

static void
busy_changed (DeskCatalog *self,
              int          delta)
{
  gboolean was_loading = self->n_busy > 0;

  self->n_busy += delta;
  if (was_loading != (self->n_busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static GFile *
cache_file (DeskCatalog *self,
            Entry       *entry)
{
  g_autofree char *account = desk_api_client_dup_account_id (self->client);
  g_autofree char *name = NULL;

  if (account == NULL)
    return NULL;

  name = g_strdelimit (g_strconcat (entry->path, ".json", NULL), "/", '-');

  return g_file_new_build_filename (g_get_user_cache_dir (), "frontdesk", "catalog",
                                    account, name, NULL);
}

/* The whole list changes in one splice, so a dropdown redraws once. */
static void
fill (Entry     *entry,
      GPtrArray *records)
{
  g_list_store_splice (entry->store, 0, g_list_model_get_n_items (G_LIST_MODEL (entry->store)),
                       records->pdata, records->len);
}

static void
finish_waiters (Entry        *entry,
                const GError *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&entry->waiters);

  entry->waiters = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

/* --- Writing the cache ----------------------------------------------------------------- */

/* The records as they are written: each through the allow-list of its type. */
typedef struct
{
  JsonArray *raw;   /* owned */
  GType      type;
} CacheWrite;

static void
cache_write_free (CacheWrite *write)
{
  json_array_unref (write->raw);
  g_free (write);
}

static void
serialize_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  CacheWrite *write = task_data;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GFile) parent = g_file_get_parent (G_FILE (g_task_get_source_object (task)));
  g_autoptr(GError) error = NULL;
  JsonObject *object = json_object_new ();
  JsonArray *records = json_array_new ();
  gsize length = 0;
  char *text;

  /* Only the members Front Desk reads, never the raw reply: staff PINs come under many
   * names and places. */
  for (guint i = 0; i < json_array_get_length (write->raw); i++)
    {
      JsonNode *kept = desk_record_filter_json (write->type, json_array_get_element (write->raw, i));

      if (kept != NULL)
        json_array_add_element (records, kept);
    }

  json_object_set_int_member (object, "saved", g_get_real_time () / G_USEC_PER_SEC);
  json_object_set_boolean_member (object, "allow_listed", TRUE);
  json_object_set_array_member (object, "records", records);
  json_node_take_object (root, object);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  /* Off the main thread, so the one synchronous call here blocks nobody. */
  if (!g_file_make_directory_with_parents (parent, cancellable, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_free (text);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_bytes_new_take (text, length), (GDestroyNotify) g_bytes_unref);
}

static void
cache_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A cache not written costs a request at the next start, nothing more: worth a note in
   * the log, not a warning (a full disk, or a home folder going away under a test). */
  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not write the catalog cache: %s", error->message);
}

static void
serialized_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not prepare the catalog cache: %s", error->message);
      return;
    }

  g_file_replace_contents_bytes_async (G_FILE (object), bytes, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, cache_written_cb, NULL);
}

static void
write_cache (DeskCatalog *self,
             Entry       *entry,
             JsonArray   *raw)
{
  g_autoptr(GFile) file = cache_file (self, entry);
  g_autoptr(GTask) task = NULL;
  CacheWrite *write;

  if (file == NULL)
    return;

  task = g_task_new (file, self->cancellable, serialized_cb, g_object_ref (self->cancellable));
  write = g_new0 (CacheWrite, 1);
  write->raw = json_array_ref (raw);
  write->type = g_list_model_get_item_type (G_LIST_MODEL (entry->store));
  g_task_set_task_data (task, write, (GDestroyNotify) cache_write_free);
  g_task_run_in_thread (task, serialize_thread);
}

/* --- Reading the cache ----------------------------------------------------------------- */

typedef struct
{
  GBytes              *bytes;
  DeskRecordParseFunc  parse;
  GPtrArray           *records;
  gint64               saved;
} CacheRead;

static void
cache_read_free (CacheRead *read)
{
  g_clear_pointer (&read->bytes, g_bytes_unref);
  g_clear_pointer (&read->records, g_ptr_array_unref);
  g_free (read);
}

static void
parse_cache_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  CacheRead *read = task_data;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  GError *error = NULL;
  JsonObject *object;
  JsonNode *root;
  JsonNode *records;
  JsonNode *saved;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (read->bytes, NULL),
                                   g_bytes_get_size (read->bytes), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* An empty file (Front Desk ended while writing a new one) parses, with no root. */
  root = json_parser_get_root (parser);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  records = object != NULL ? json_object_get_member (object, "records") : NULL;
  saved = object != NULL ? json_object_get_member (object, "saved") : NULL;

  /* A file written before the allow-list may hold staff PINs: it is not used, and the
   * list from the server replaces it. */
  if (records == NULL || !JSON_NODE_HOLDS_ARRAY (records) ||
      saved == NULL || json_node_get_value_type (saved) != G_TYPE_INT64 ||
      !json_object_get_boolean_member_with_default (object, "allow_listed", FALSE))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Unreadable cache");
      return;
    }

  read->saved = json_node_get_int (saved);
  read->records = g_ptr_array_new_with_free_func (g_object_unref);

  if (!desk_api_client_map_records (json_node_get_array (records), read->parse,
                                    read->records, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
cache_parsed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DeskCatalog *self = DESK_CATALOG (object);
  Entry *entry = user_data;
  CacheRead *read = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean parsed = g_task_propagate_boolean (G_TASK (result), &error);

  /* A refresh may have brought the list from the server meanwhile. */
  if (entry->state != ENTRY_LOADING || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (!parsed)
    {
      g_debug ("%s: cache not usable (%s), asking the server", entry->path, error->message);
      fetch (self, entry, DESK_API_PRIORITY_INTERACTIVE, NULL);
      return;
    }

  fill (entry, read->records);
  entry->state = ENTRY_LOADED;
  busy_changed (self, -1);
  finish_waiters (entry, NULL);

  if (g_get_real_time () / G_USEC_PER_SEC - read->saved > MAX_CACHE_AGE_SECONDS)
    fetch (self, entry, DESK_API_PRIORITY_BACKGROUND, NULL);
}

static void
cache_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DeskCatalog) self = user_data;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry = g_object_get_data (object, "desk-catalog-entry");
  CacheRead *read;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || entry->state != ENTRY_LOADING)
        return;

      fetch (self, entry, DESK_API_PRIORITY_INTERACTIVE, NULL);
      return;
    }

  read = g_new0 (CacheRead, 1);
  read->bytes = g_bytes_new_take (contents, length);
  read->parse = entry->parse;

  task = g_task_new (self, self->cancellable, cache_parsed_cb, entry);
  g_task_set_task_data (task, read, (GDestroyNotify) cache_read_free);
  g_task_run_in_thread (task, parse_cache_thread);
}

static void
start_loading (DeskCatalog *self,
               Entry       *entry)
{
  g_autoptr(GFile) file = cache_file (self, entry);

  entry->state = ENTRY_LOADING;
  busy_changed (self, +1);

  if (file == NULL)
    {
      fetch (self, entry, DESK_API_PRIORITY_INTERACTIVE, NULL);
      return;
    }

  g_object_set_data (G_OBJECT (file), "desk-catalog-entry", entry);
  g_file_load_contents_async (file, self->cancellable, cache_loaded_cb, g_object_ref (self));
}

/* --- Asking the server ------------------------------------------------------------------ */

typedef struct
{
  DeskCatalog *self;     /* owned */
  Entry       *entry;
  GTask       *refresh;  /* owned, nullable */
} Fetch;

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *fetch_data = user_data;
  DeskCatalog *self = fetch_data->self;
  Entry *entry = fetch_data->entry;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(JsonArray) raw = NULL;
  g_autoptr(GError) error = NULL;
  gboolean first = entry->state == ENTRY_LOADING;

  records = desk_api_client_fetch_records_finish (DESK_API_CLIENT (object), result, fetch,
                                                  NULL, &raw, &error);

  if (records != NULL)
    {
      fill (entry, records);
      entry->state = ENTRY_LOADED;
      write_cache (self, entry, raw);
    }
  else if (first)
    {
      /* The next request for the list tries again. */
      entry->state = ENTRY_EMPTY;
    }

  if (first)
    {
      busy_changed (self, -1);
      finish_waiters (entry, error);
    }

  if (fetch_data->refresh != NULL && error != NULL)
    g_task_return_error (fetch_data->refresh, g_steal_pointer (&error));
  else if (fetch_data->refresh != NULL)
    g_task_return_boolean (fetch_data->refresh, TRUE);
  else if (error != NULL && !first)
    g_debug ("%s: background refresh failed: %s", entry->path, error->message);

  g_clear_object (&fetch_data->refresh);
  g_object_unref (fetch_data->self);
  g_free (fetch_data);
}

static void
fetch (DeskCatalog *self,
       Entry       *entry,
       int          priority,
       GTask       *refresh)
{
  Fetch *fetch_data = g_new0 (Fetch, 1);

  fetch_data->self = g_object_ref (self);
  fetch_data->entry = entry;
  fetch_data->refresh = refresh != NULL ? g_object_ref (refresh) : NULL;

  desk_api_client_fetch_records_async (self->client, entry->path, NULL, entry->parse, TRUE,
                                       priority, fetch, self->cancellable, fetched_cb,
                                       fetch_data);
}

static void
load (DeskCatalog *self,
      Entry       *entry,
      GTask       *task)
{
  if (entry->state == ENTRY_LOADED)
    {
      if (task != NULL)
        g_task_return_boolean (task, TRUE);
      return;
    }

  if (task != NULL)
    g_ptr_array_add (entry->waiters, g_object_ref (task));

  if (entry->state == ENTRY_EMPTY)
    start_loading (self, entry);
}

/* --- GObject ---------------------------------------------------------------------------- */

static void
desk_catalog_dispose (GObject *object)
{
  DeskCatalog *self = DESK_CATALOG (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (desk_catalog_parent_class)->dispose (object);
}

static void
desk_catalog_finalize (GObject *object)
{
  DeskCatalog *self = DESK_CATALOG (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (desk_catalog_parent_class)->finalize (object);
}

static void
desk_catalog_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DeskCatalog *self = DESK_CATALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->n_busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_catalog_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DeskCatalog *self = DESK_CATALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_catalog_class_init (DeskCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_catalog_dispose;
  object_class->finalize = desk_catalog_finalize;
  object_class->get_property = desk_catalog_get_property;
  object_class->set_property = desk_catalog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         DESK_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskCatalog:loading:
   *
   * Whether a list is being loaded for the first time.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_catalog_init (DeskCatalog *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) entry_free);
  self->cancellable = g_cancellable_new ();
}

/* --- Public API -------------------------------------------------------------------------- */

/**
 * desk_catalog_new:
 * @client: the client to fetch with
 *
 * Returns: (transfer full): an empty catalog; lists load when first asked for
 */
DeskCatalog *
desk_catalog_new (DeskApiClient *client)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (client), NULL);

  return g_object_new (DESK_TYPE_CATALOG, "client", client, NULL);
}

DeskApiClient *
desk_catalog_get_client (DeskCatalog *self)
{
  g_return_val_if_fail (DESK_IS_CATALOG (self), NULL);

  return self->client;
}

gboolean
desk_catalog_get_loading (DeskCatalog *self)
{
  g_return_val_if_fail (DESK_IS_CATALOG (self), FALSE);

  return self->n_busy > 0;
}

/**
 * desk_catalog_get_model:
 * @self: a #DeskCatalog
 * @kind: which list
 *
 * The list for a dropdown or a search. It starts loading (from the cache or the server)
 * the first time it is asked for, and stays the same object when refreshed.
 *
 * Returns: (transfer none): the list, empty until loaded
 */
GListModel *
desk_catalog_get_model (DeskCatalog     *self,
                        DeskCatalogKind  kind)
{
  Entry *entry;

  g_return_val_if_fail (DESK_IS_CATALOG (self), NULL);
  g_return_val_if_fail (kind < DESK_CATALOG_N_KINDS, NULL);

  entry = get_kind_entry (self, kind);
  load (self, entry, NULL);

  return G_LIST_MODEL (entry->store);
}

/**
 * desk_catalog_get_device_problems:
 * @self: a #DeskCatalog
 * @device_id: a device
 *
 * Returns: (transfer none): the problems of one device, loading like desk_catalog_get_model()
 */
GListModel *
desk_catalog_get_device_problems (DeskCatalog *self,
                                  gint64       device_id)
{
  Entry *entry;

  g_return_val_if_fail (DESK_IS_CATALOG (self), NULL);

  entry = get_device_problems_entry (self, device_id);
  load (self, entry, NULL);

  return G_LIST_MODEL (entry->store);
}

gboolean
desk_catalog_is_loaded (DeskCatalog     *self,
                        DeskCatalogKind  kind)
{
  g_return_val_if_fail (DESK_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (kind < DESK_CATALOG_N_KINDS, FALSE);

  return get_kind_entry (self, kind)->state == ENTRY_LOADED;
}

/**
 * desk_catalog_load_async:
 * @self: a #DeskCatalog
 * @kind: which list
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the list is loaded
 * @user_data: data for @callback
 *
 * Loads a list if it is not yet, from the cache or the server.
 */
void
desk_catalog_load_async (DeskCatalog         *self,
                         DeskCatalogKind      kind,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DESK_IS_CATALOG (self));
  g_return_if_fail (kind < DESK_CATALOG_N_KINDS);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_catalog_load_async);
  load (self, get_kind_entry (self, kind), task);
}

void
desk_catalog_load_device_problems_async (DeskCatalog         *self,
                                         gint64               device_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DESK_IS_CATALOG (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_catalog_load_async);
  load (self, get_device_problems_entry (self, device_id), task);
}

/**
 * desk_catalog_load_finish:
 * @self: a #DeskCatalog
 * @result: the #GAsyncResult
 * @error: return location for a %DESK_API_ERROR
 *
 * Finishes desk_catalog_load_async() and desk_catalog_load_device_problems_async().
 *
 * Returns: whether the list is loaded
 */
gboolean
desk_catalog_load_finish (DeskCatalog   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (DESK_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_catalog_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * desk_catalog_refresh_async:
 * @self: a #DeskCatalog
 * @kind: which list
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the list is fresh
 * @user_data: data for @callback
 *
 * Fetches a list from the server again, replaces its contents and its cache. The list
 * keeps its old contents if that fails.
 */
void
desk_catalog_refresh_async (DeskCatalog         *self,
                            DeskCatalogKind      kind,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Entry *entry;

  g_return_if_fail (DESK_IS_CATALOG (self));
  g_return_if_fail (kind < DESK_CATALOG_N_KINDS);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_catalog_refresh_async);

  entry = get_kind_entry (self, kind);
  if (entry->state == ENTRY_EMPTY)
    {
      entry->state = ENTRY_LOADING;
      busy_changed (self, +1);
    }

  fetch (self, entry, DESK_API_PRIORITY_DEFAULT, task);
}

gboolean
desk_catalog_refresh_finish (DeskCatalog   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (DESK_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_catalog_refresh_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
