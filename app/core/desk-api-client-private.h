/* desk-api-client-private.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "desk-api-client.h"
#include "desk-json-mapped.h"

G_BEGIN_DECLS

struct _DeskApiClient
{
  GObject           parent_instance;

  /* owned */
  SoupSession      *session;
  SoupSession      *write_session;  /* writes only, one request a connection */
  DeskRateGovernor *governor;
  DeskClock        *clock;
  char             *base_url;
  char             *api_key;
  GHashTable       *in_flight;      /* coalescing key -> DeskApiCall*, GETs only */

  GPtrArray        *calls;          /* DeskApiCall*, borrowed: those not yet answered */
  GSource          *wake_source;    /* owned, nullable: the next look at the calls */

  /* state */
  guint             max_retries;
  guint             n_active;       /* requests on the wire */
  guint             n_loading_pages; /* lists fetching a page, until its records are in */
  gboolean          governor_by_key;
  gulong            clock_changed_id;
  gint64            slow_after;     /* microseconds */
  gint64            deadline;       /* microseconds */
  DeskApiWait       waiting;
  gboolean          updating;
  gboolean          update_again;
};


/**
 * DeskReplyFlags:
 * @DESK_REPLY_LIST: "No Result Found" on this request means an empty list
 * @DESK_REPLY_WRITE: the request changes data: a reply that cannot be read leaves its
 *   outcome unknown instead of being a plain failure
 */
typedef enum
{
  DESK_REPLY_NONE = 0,
  DESK_REPLY_LIST = 1 << 0,
  DESK_REPLY_WRITE = 1 << 1,
} DeskReplyFlags;

JsonNode *desk_api_reply_evaluate            (guint           http_status,
                                              const char     *reason,
                                              GBytes         *body,
                                              DeskReplyFlags  flags,
                                              GError        **error);
JsonNode *desk_api_reply_evaluate_mapped     (guint            http_status,
                                              const char      *reason,
                                              GBytes          *body,
                                              DeskReplyFlags   flags,
                                              DeskJsonMapFunc  map,
                                              DeskJsonMapped **mapped,
                                              GError         **error);
GError   *desk_api_reply_map_transport_error (const GError   *error,
                                              DeskReplyFlags  flags);
gboolean  desk_api_reply_is_unsent           (const GError   *error);
gboolean  desk_api_reply_is_transient        (const GError   *error);

char     *desk_api_client_dup_account_id     (DeskApiClient  *self);
void      desk_api_client_add_active         (DeskApiClient  *self,
                                              int             delta);
void      desk_api_client_add_loading_page   (DeskApiClient  *self,
                                              int             delta);

GStrv     desk_list_query_to_params          (const DeskListQuery *query,
                                              gint64               page);

/* One request on its way and the callers waiting for it (desk-api-client-call.c). */
typedef struct _DeskApiCall DeskApiCall;

DeskApiCall *desk_api_call_new        (DeskApiClient       *client,
                                       const char          *method,
                                       const char          *url,
                                       GBytes              *body,
                                       DeskApiRequestFlags  flags,
                                       int                  priority);
void         desk_api_call_set_map    (DeskApiCall         *call,
                                       DeskJsonMapFunc      map);
void         desk_api_call_unref      (DeskApiCall         *call);
gboolean     desk_api_call_can_join   (DeskApiCall         *call,
                                       DeskApiRequestFlags  flags);
void         desk_api_call_add_waiter (DeskApiCall         *call,
                                       GTask               *task);
void         desk_api_call_start      (DeskApiCall         *call);

/* What the client's waiting state needs to know of a call, and how to end one. */
typedef struct
{
  gint64   started;        /* clock time when the request was made */
  gint64   first_sent;     /* clock time when it first left, if sent */
  gboolean sent;
  gboolean write;
  gboolean on_wire;
  gboolean paced;          /* not sent yet: waits for Front Desk's own pace */
  gboolean retrying;       /* waits to be tried again after a failure */
  gboolean rate_limited;   /* waits after the server refused it for coming too fast */
} DeskApiCallState;

void         desk_api_call_get_state  (DeskApiCall         *call,
                                       DeskApiCallState    *state);
void         desk_api_call_abandon    (DeskApiCall         *call,
                                       GError              *error);
void         desk_api_client_update_waiting (DeskApiClient *self);
void         desk_api_client_set_waiting    (DeskApiClient *self,
                                             DeskApiWait    waiting);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskApiCall, desk_api_call_unref)

/* Maps the JSON of one record: a desk_foo_new_from_json() function. */
typedef gpointer (*DeskRecordParseFunc) (JsonNode  *node,
                                         GError   **error);

void       desk_api_client_fetch_records_async  (DeskApiClient        *self,
                                                 const char           *path,
                                                 const char * const   *params,
                                                 DeskRecordParseFunc   parse,
                                                 gboolean              all_pages,
                                                 int                   priority,
                                                 gpointer              source_tag,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GPtrArray *desk_api_client_fetch_records_finish (DeskApiClient        *self,
                                                 GAsyncResult         *result,
                                                 gpointer              source_tag,
                                                 DeskPageInfo         *info,
                                                 JsonArray           **raw,
                                                 GError              **error);
gboolean   desk_api_client_map_records          (JsonArray            *records,
                                                 DeskRecordParseFunc   parse,
                                                 GPtrArray            *out,
                                                 GError              **error);
gboolean   desk_api_client_take_records         (JsonArray            *records,
                                                 DeskJsonMapped       *mapped,
                                                 DeskRecordParseFunc   parse,
                                                 GPtrArray            *out,
                                                 GError              **error);
void       desk_api_client_request_mapped_async (DeskApiClient        *self,
                                                 const char           *path,
                                                 const char * const   *query,
                                                 DeskApiRequestFlags   flags,
                                                 DeskRecordParseFunc   map,
                                                 int                   priority,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
JsonNode  *desk_api_client_request_mapped_finish (DeskApiClient       *self,
                                                  GAsyncResult        *result,
                                                  DeskJsonMapped     **mapped,
                                                  GError             **error);
void       desk_api_client_fetch_record_async   (DeskApiClient        *self,
                                                 const char           *path,
                                                 DeskRecordParseFunc   parse,
                                                 gpointer              source_tag,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
void       desk_api_client_write_record_async   (DeskApiClient        *self,
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
                                                 gpointer              user_data);
gpointer   desk_api_client_record_finish        (DeskApiClient        *self,
                                                 GAsyncResult         *result,
                                                 gpointer              source_tag,
                                                 GError              **error);

G_END_DECLS
