/* desk-paged-list.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-paged-list"

#include "config.h"

#include "desk-api-lists-private.h"
#include "desk-paged-list.h"

/* The tickets, invoices or customers of one query, as a GListModel that grows a page at a
 * time. Pages are fetched only by desk_paged_list_load_more(), never from get_item():
 * GTK's list view asks for up to 200 rows at once, which would pull many pages before
 * anyone scrolls. Each page lands in one splice. A new query cancels what the old one
 * still had on its way.
 *
 * Page numbers follow the server: the reference says the first page is 0, some servers
 * call it 1. The first request names no page, and each next one asks for the page after
 * the number the server gave. A record already shown is not added twice, and a page
 * that brings nothing new ends the list, so a server that ignores the page parameter
 * cannot make the list loop. */

/* Each kind is a row of the client's one table of lists (desk-api-lists.c). */
static const DeskApiList kinds[] = {
  [DESK_PAGED_LIST_TICKETS] = DESK_API_LIST_TICKETS,
  [DESK_PAGED_LIST_INVOICES] = DESK_API_LIST_INVOICES,
  [DESK_PAGED_LIST_CUSTOMERS] = DESK_API_LIST_CUSTOMERS,
};

struct _DeskPagedList
{
  GObject            parent_instance;

  /* owned */
  DeskApiClient     *client;
  GListStore        *store;
  DeskListQuery     *query;
  GCancellable      *cancellable;  /* of the current query */
  GHashTable        *requested;    /* page numbers asked for, gint64* */
  GHashTable        *seen_ids;     /* record ids shown, gint64* */
  GError            *error;

  /* state */
  DeskPagedListKind  kind;
  gint64             next_page;    /* -1: the server's first page */
  guint              n_pages;
  gint64             n_total;
  gboolean           loading;
  gboolean           has_more;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_KIND,
  PROP_LOADING,
  PROP_HAS_MORE,
  PROP_N_TOTAL,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskPagedList, desk_paged_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
desk_paged_list_get_item_type (GListModel *model)
{
  return desk_api_list_get_info (kinds[DESK_PAGED_LIST (model)->kind])->item_type ();
}

static guint
desk_paged_list_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (DESK_PAGED_LIST (model)->store));
}

static gpointer
desk_paged_list_get_item (GListModel *model,
                          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (DESK_PAGED_LIST (model)->store), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = desk_paged_list_get_item_type;
  iface->get_n_items = desk_paged_list_get_n_items;
  iface->get_item = desk_paged_list_get_item;
}

static void
set_loading (DeskPagedList *self,
             gboolean       loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  desk_api_client_add_loading_page (self->client, loading ? +1 : -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_has_more (DeskPagedList *self,
              gboolean       has_more)
{
  if (self->has_more == has_more)
    return;

  self->has_more = has_more;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_MORE]);
}

static void
set_n_total (DeskPagedList *self,
             gint64         n_total)
{
  if (self->n_total == n_total)
    return;

  self->n_total = n_total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
}

static void
set_error (DeskPagedList *self,
           GError        *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static gboolean
add_seen (DeskPagedList *self,
          GObject       *record)
{
  gint64 id = 0;

  g_object_get (record, "id", &id, NULL);

  /* A record without an id cannot be matched; it is shown. */
  if (id <= 0)
    return TRUE;

  if (g_hash_table_contains (self->seen_ids, &id))
    return FALSE;

  g_hash_table_add (self->seen_ids, g_memdup2 (&id, sizeof id));

  return TRUE;
}

static guint
append_page (DeskPagedList *self,
             GPtrArray     *records)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();

  for (guint i = 0; i < records->len; i++)
    {
      GObject *record = g_ptr_array_index (records, i);

      if (add_seen (self, record))
        g_ptr_array_add (fresh, record);
    }

  if (fresh->len > 0)
    g_list_store_splice (self->store, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                         0, fresh->pdata, fresh->len);

  return fresh->len;
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(DeskPagedList) self = user_data;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  DeskPageInfo info = { 0 };
  guint n_items;
  guint n_new;

  records = desk_api_client_fetch_records_finish (DESK_API_CLIENT (object), result,
                                                 desk_api_client_list_page_async, &info, NULL,
                                                 &error);

  /* A replaced query already reset everything; its late pages are dropped. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  set_loading (self, FALSE);

  if (records == NULL)
    {
      g_hash_table_remove (self->requested, &self->next_page);
      set_error (self, g_steal_pointer (&error));
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  set_error (self, NULL);
  n_new = append_page (self, records);
  self->n_pages++;
  self->next_page = info.page >= 0 ? info.page + 1 : (gint64) self->n_pages;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  set_n_total (self, info.paged && info.total_records > 0 ? info.total_records : (gint64) n_items);
  set_has_more (self, info.has_next && n_new > 0 && n_items < self->n_total &&
                      !g_hash_table_contains (self->requested, &self->next_page));

  g_object_thaw_notify (G_OBJECT (self));
}

static void
reset (DeskPagedList *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_hash_table_remove_all (self->requested);
  g_hash_table_remove_all (self->seen_ids);
  self->next_page = -1;
  self->n_pages = 0;

  g_object_freeze_notify (G_OBJECT (self));
  set_loading (self, FALSE);
  set_has_more (self, TRUE);
  set_n_total (self, 0);
  set_error (self, NULL);
  if (n_items > 0)
    g_list_store_splice (self->store, 0, n_items, NULL, 0);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
store_items_changed_cb (DeskPagedList *self,
                        guint          position,
                        guint          removed,
                        guint          added,
                        GListModel    *store)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
desk_paged_list_constructed (GObject *object)
{
  DeskPagedList *self = DESK_PAGED_LIST (object);

  G_OBJECT_CLASS (desk_paged_list_parent_class)->constructed (object);

  self->store = g_list_store_new (desk_api_list_get_info (kinds[self->kind])->item_type ());
  g_signal_connect_object (self->store, "items-changed",
                           G_CALLBACK (store_items_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
desk_paged_list_dispose (GObject *object)
{
  DeskPagedList *self = DESK_PAGED_LIST (object);

  g_cancellable_cancel (self->cancellable);
  /* A page on its way is not coming any more. */
  if (self->loading && self->client != NULL)
    desk_api_client_add_loading_page (self->client, -1);
  self->loading = FALSE;

  G_OBJECT_CLASS (desk_paged_list_parent_class)->dispose (object);
}

static void
desk_paged_list_finalize (GObject *object)
{
  DeskPagedList *self = DESK_PAGED_LIST (object);

  g_clear_object (&self->client);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->query, desk_list_query_free);
  g_clear_pointer (&self->requested, g_hash_table_unref);
  g_clear_pointer (&self->seen_ids, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (desk_paged_list_parent_class)->finalize (object);
}

static void
desk_paged_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DeskPagedList *self = DESK_PAGED_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_HAS_MORE:
      g_value_set_boolean (value, self->has_more);
      break;
    case PROP_N_TOTAL:
      g_value_set_int64 (value, self->n_total);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_paged_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DeskPagedList *self = DESK_PAGED_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_paged_list_class_init (DeskPagedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = desk_paged_list_constructed;
  object_class->dispose = desk_paged_list_dispose;
  object_class->finalize = desk_paged_list_finalize;
  object_class->get_property = desk_paged_list_get_property;
  object_class->set_property = desk_paged_list_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         DESK_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      DESK_PAGED_LIST_TICKETS, DESK_PAGED_LIST_CUSTOMERS, DESK_PAGED_LIST_TICKETS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskPagedList:has-more:
   *
   * Whether desk_paged_list_load_more() may bring more records.
   */
  properties[PROP_HAS_MORE] =
    g_param_spec_boolean ("has-more", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskPagedList:n-total:
   *
   * How many records the query matches on the server, as far as it said; otherwise
   * how many are loaded.
   */
  properties[PROP_N_TOTAL] =
    g_param_spec_int64 ("n-total", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskPagedList:error:
   *
   * Why the last page failed, a %DESK_API_ERROR; %NULL after a success. Another
   * desk_paged_list_load_more() tries the same page again.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_paged_list_init (DeskPagedList *self)
{
  self->requested = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->seen_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->next_page = -1;
  self->has_more = TRUE;
}

/**
 * desk_paged_list_new:
 * @client: the client to fetch with
 * @kind: what the list holds
 *
 * Returns: (transfer full): an empty list; set a query to fill it
 */
DeskPagedList *
desk_paged_list_new (DeskApiClient     *client,
                     DeskPagedListKind  kind)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (client), NULL);

  return g_object_new (DESK_TYPE_PAGED_LIST, "client", client, "kind", kind, NULL);
}

DeskApiClient *
desk_paged_list_get_client (DeskPagedList *self)
{
  g_return_val_if_fail (DESK_IS_PAGED_LIST (self), NULL);

  return self->client;
}

DeskPagedListKind
desk_paged_list_get_kind (DeskPagedList *self)
{
  g_return_val_if_fail (DESK_IS_PAGED_LIST (self), 0);

  return self->kind;
}

/**
 * desk_paged_list_get_query:
 * @self: a #DeskPagedList
 *
 * Returns: (nullable) (transfer none): the query shown
 */
const DeskListQuery *
desk_paged_list_get_query (DeskPagedList *self)
{
  g_return_val_if_fail (DESK_IS_PAGED_LIST (self), NULL);

  return self->query;
}

/**
 * desk_paged_list_set_query:
 * @self: a #DeskPagedList
 * @query: what to list
 *
 * Empties the list, cancels what the previous query still had on its way, and fetches
 * the first page. Setting the same query again does nothing; use
 * desk_paged_list_reload() for that.
 */
void
desk_paged_list_set_query (DeskPagedList       *self,
                           const DeskListQuery *query)
{
  g_return_if_fail (DESK_IS_PAGED_LIST (self));
  g_return_if_fail (query != NULL);

  if (self->query != NULL && desk_list_query_equal (self->query, query))
    return;

  g_clear_pointer (&self->query, desk_list_query_free);
  self->query = desk_list_query_copy (query);
  desk_paged_list_reload (self);
}

/**
 * desk_paged_list_reload:
 * @self: a #DeskPagedList
 *
 * Empties the list and fetches the first page of the same query again.
 */
void
desk_paged_list_reload (DeskPagedList *self)
{
  g_return_if_fail (DESK_IS_PAGED_LIST (self));

  reset (self);
  desk_paged_list_load_more (self);
}

/**
 * desk_paged_list_load_more:
 * @self: a #DeskPagedList
 *
 * Fetches the next page, unless one is on its way or the list is complete. Call it when
 * the view nears its end, and again while the rows do not fill the view.
 *
 * Returns: whether a page was asked for
 */
gboolean
desk_paged_list_load_more (DeskPagedList *self)
{
  gint64 *page;

  g_return_val_if_fail (DESK_IS_PAGED_LIST (self), FALSE);

  if (self->query == NULL || self->loading || !self->has_more)
    return FALSE;

  if (g_hash_table_contains (self->requested, &self->next_page))
    return FALSE;

  page = g_memdup2 (&self->next_page, sizeof self->next_page);
  g_hash_table_add (self->requested, page);
  set_loading (self, TRUE);

  desk_api_client_list_page_async (self->client, kinds[self->kind], self->query, self->next_page,
                                   desk_api_client_list_page_async, self->cancellable,
                                   page_cb, g_object_ref (self));

  return TRUE;
}

gboolean
desk_paged_list_get_loading (DeskPagedList *self)
{
  g_return_val_if_fail (DESK_IS_PAGED_LIST (self), FALSE);

  return self->loading;
}

gboolean
desk_paged_list_get_has_more (DeskPagedList *self)
{
  g_return_val_if_fail (DESK_IS_PAGED_LIST (self), FALSE);

  return self->has_more;
}

gint64
desk_paged_list_get_n_total (DeskPagedList *self)
{
  g_return_val_if_fail (DESK_IS_PAGED_LIST (self), 0);

  return self->n_total;
}

/**
 * desk_paged_list_get_error:
 * @self: a #DeskPagedList
 *
 * Returns: (nullable) (transfer none): why the last page failed
 */
const GError *
desk_paged_list_get_error (DeskPagedList *self)
{
  g_return_val_if_fail (DESK_IS_PAGED_LIST (self), NULL);

  return self->error;
}

/**
 * desk_paged_list_get_n_pages:
 * @self: a #DeskPagedList
 *
 * Returns: how many pages of the current query were received
 */
guint
desk_paged_list_get_n_pages (DeskPagedList *self)
{
  g_return_val_if_fail (DESK_IS_PAGED_LIST (self), 0);

  return self->n_pages;
}
