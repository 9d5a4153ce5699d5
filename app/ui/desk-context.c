/* desk-context.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-context"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "desk-context.h"
#include "desk-keyring.h"

/* The services every screen shares: settings, the API client, the catalog of reference
 * lists, the account, and the demo store when that is what Front Desk works on. Handed
 * down as one property (as GNOME Calendar's GcalContext), so that a screen reaches every
 * service through it and tests build screens around a context of their own. The next
 * services (the outbox, the drafts store, the search index) join here. */
struct _DeskContext
{
  GObject        parent_instance;

  /* owned */
  GSettings     *settings;
  DeskApiClient *client;
  DeskCatalog   *catalog;
  DeskDraftStore *drafts;
  DeskSandbox   *sandbox;
  char          *server_url;
  char          *api_key;

  /* state */
  gboolean       api_key_session_only;
  gboolean       demo;
};

G_DEFINE_FINAL_TYPE (DeskContext, desk_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CLIENT,
  PROP_CATALOG,
  PROP_DEMO,
  PROP_SANDBOX,
  PROP_SERVER_URL,
  PROP_HAS_API_KEY,
  N_PROPS
};

enum {
  DEMO_RESET,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Another store (the demo store, another server) has other reference lists: the catalog
 * is made anew when it is next asked for. */
static void
drop_catalog (DeskContext *self)
{
  /* Intakes not yet sent belong to the store they were meant for. */
  g_clear_object (&self->drafts);

  if (self->catalog == NULL)
    return;

  g_clear_object (&self->catalog);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

/* Keys do not linger in freed memory. */
static void
wipe_api_key (DeskContext *self)
{
  if (self->api_key != NULL)
    memset (self->api_key, 0, strlen (self->api_key));
  g_clear_pointer (&self->api_key, g_free);
}

static void
set_api_key (DeskContext *self,
             const char  *api_key,
             gboolean     session_only)
{
  gboolean had_key = self->api_key != NULL;

  wipe_api_key (self);
  self->api_key = g_strdup (api_key);
  self->api_key_session_only = api_key != NULL && session_only;

  /* On the demo store the client keeps the sandbox's key. */
  if (!self->demo)
    desk_api_client_set_api_key (self->client, self->api_key);

  if (had_key != (self->api_key != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_API_KEY]);
}

/* A key belongs to the server it was saved for: when the URL changes, the key is dropped
 * rather than sent to another server, and the new server's key is looked up. */
static void
server_url_changed_cb (DeskContext *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "server-url");

  if (g_strcmp0 (url, self->server_url) == 0)
    return;

  g_free (self->server_url);
  self->server_url = g_steal_pointer (&url);
  if (!self->demo)
    desk_api_client_set_base_url (self->client, self->server_url);
  set_api_key (self, NULL, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
}

static void
desk_context_constructed (GObject *object)
{
  DeskContext *self = DESK_CONTEXT (object);

  G_OBJECT_CLASS (desk_context_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  self->server_url = g_settings_get_string (self->settings, "server-url");
  /* A test hands in a client of its own, on a sandbox of its own. */
  if (self->client == NULL)
    self->client = desk_api_client_new (self->server_url, NULL);
  g_signal_connect_object (self->settings, "changed::server-url",
                           G_CALLBACK (server_url_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
desk_context_finalize (GObject *object)
{
  DeskContext *self = DESK_CONTEXT (object);

  wipe_api_key (self);
  g_clear_pointer (&self->server_url, g_free);
  g_clear_object (&self->catalog);
  g_clear_object (&self->drafts);
  g_clear_object (&self->client);
  /* The last reference stops the sandbox's server thread. */
  g_clear_object (&self->sandbox);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (desk_context_parent_class)->finalize (object);
}

static void
desk_context_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DeskContext *self = DESK_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_CATALOG:
      g_value_set_object (value, desk_context_get_catalog (self));
      break;
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;
    case PROP_SANDBOX:
      g_value_set_object (value, self->sandbox);
      break;
    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;
    case PROP_HAS_API_KEY:
      g_value_set_boolean (value, self->api_key != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_context_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DeskContext *self = DESK_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_context_class_init (DeskContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = desk_context_constructed;
  object_class->finalize = desk_context_finalize;
  object_class->get_property = desk_context_get_property;
  object_class->set_property = desk_context_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, DESK_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The reference lists of the store in use; notified when another store drops them. */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, DESK_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* TRUE from the moment the demo store is asked for; #DeskContext:sandbox is set once it
   * serves. */
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SANDBOX] =
    g_param_spec_object ("sandbox", NULL, NULL, DESK_TYPE_SANDBOX,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_API_KEY] =
    g_param_spec_boolean ("has-api-key", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Every change to the demo store was just thrown away: screens reload what they show. */
  signals[DEMO_RESET] = g_signal_new ("demo-reset", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 0);
}

static void
desk_context_init (DeskContext *self)
{
}

DeskContext *
desk_context_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (DESK_TYPE_CONTEXT,
                       "settings", settings,
                       NULL);
}

/**
 * desk_context_new_for_client:
 * @settings: where Front Desk keeps its settings
 * @client: the client to talk through
 * @catalog: (nullable): the reference lists, or %NULL to make them from @client
 *
 * A context around a client of the caller's, for a screen tested on its own.
 */
DeskContext *
desk_context_new_for_client (GSettings     *settings,
                             DeskApiClient *client,
                             DeskCatalog   *catalog)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (DESK_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (catalog == NULL || DESK_IS_CATALOG (catalog), NULL);

  return g_object_new (DESK_TYPE_CONTEXT,
                       "settings", settings,
                       "client", client,
                       "catalog", catalog,
                       NULL);
}

GSettings *
desk_context_get_settings (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), NULL);

  return self->settings;
}

/* The client every screen talks through: to the RepairDesk server, or to the demo store. */
DeskApiClient *
desk_context_get_client (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), NULL);

  return self->client;
}

/* Returns: (transfer none): the reference lists (statuses, employees, ...) of the store in
 * use, made when first asked for */
DeskCatalog *
desk_context_get_catalog (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), NULL);

  if (self->catalog == NULL)
    self->catalog = desk_catalog_new (self->client);

  return self->catalog;
}

/* Returns: (transfer none): the intakes not yet sent to the store in use, kept on disk
 * apart from the demo store's */
DeskDraftStore *
desk_context_get_drafts (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), NULL);

  if (self->drafts == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "frontdesk",
                                                self->demo ? "drafts-demo.sqlite" : "drafts.sqlite",
                                                NULL);

      self->drafts = desk_draft_store_new (path);
    }

  return self->drafts;
}

gboolean
desk_context_get_demo (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), FALSE);

  return self->demo;
}

DeskSandbox *
desk_context_get_sandbox (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), NULL);

  return self->sandbox;
}

/* Opening the store may seed it first, which takes a second or more: never on the main
 * thread. */
static void
start_sandbox_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  DeskSandbox *sandbox = task_data;
  g_autofree char *db_path = NULL;
  g_autofree char *dir = NULL;
  GError *error = NULL;

  g_object_get (sandbox, "db-path", &db_path, NULL);
  dir = g_path_get_dirname (db_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("The folder %s could not be created: %s"),
                               dir, g_strerror (saved_errno));
      return;
    }

  if (!desk_sandbox_start (sandbox, 0, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
reset_sandbox_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;

  if (!desk_sandbox_reset (task_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Runs @func on @sandbox in a worker thread; @done then finishes @task on the main
 * thread, where the context's state may change. */
static void
run_sandbox_job (DeskContext         *self,
                 DeskSandbox         *sandbox,
                 GTaskThreadFunc      func,
                 GAsyncReadyCallback  done,
                 GTask               *task)
{
  g_autoptr(GTask) job = g_task_new (self, NULL, done, task);

  g_task_set_task_data (job, g_object_ref (sandbox), g_object_unref);
  g_task_run_in_thread (job, func);
}

static void
sandbox_started_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeskContext *self = DESK_CONTEXT (object);
  DeskSandbox *sandbox = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      self->demo = FALSE;
      drop_catalog (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
      g_task_return_error (task, error);
      return;
    }

  self->sandbox = g_object_ref (sandbox);
  desk_api_client_set_base_url (self->client, desk_sandbox_get_url (sandbox));
  desk_api_client_set_api_key (self->client, DESK_SANDBOX_DEMO_API_KEY);
  /* The next start opens the demo store again, until the user leaves it. */
  g_settings_set_boolean (self->settings, "demo-mode", TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SANDBOX]);
  g_task_return_boolean (task, TRUE);
}

/**
 * desk_context_leave_demo:
 * @self: a #DeskContext
 *
 * Stops the demo store and points the client back at the account's server, with the
 * account's key if one is loaded. The demo store's data stays for the next visit.
 */
void
desk_context_leave_demo (DeskContext *self)
{
  g_return_if_fail (DESK_IS_CONTEXT (self));

  if (self->sandbox == NULL)
    return;

  desk_sandbox_stop (self->sandbox);
  g_clear_object (&self->sandbox);
  self->demo = FALSE;
  desk_api_client_set_base_url (self->client, self->server_url);
  desk_api_client_set_api_key (self->client, self->api_key);
  g_settings_set_boolean (self->settings, "demo-mode", FALSE);

  drop_catalog (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SANDBOX]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
}

/**
 * desk_context_start_demo_async:
 *
 * Turns the context into the demo store: starts the built-in sandbox on its store in
 * `$XDG_DATA_HOME/frontdesk/demo-store.sqlite` and points the client at it, until
 * desk_context_leave_demo ().
 */
void
desk_context_start_demo_async (DeskContext         *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(DeskSandbox) sandbox = NULL;
  g_autofree char *db_path = NULL;

  g_return_if_fail (DESK_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_context_start_demo_async);

  if (self->sandbox != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->demo)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The demo store is already starting."));
      return;
    }

  self->demo = TRUE;
  drop_catalog (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);

  db_path = g_build_filename (g_get_user_data_dir (), "frontdesk", "demo-store.sqlite", NULL);
  sandbox = g_object_new (DESK_TYPE_SANDBOX,
                          "db-path", db_path,
                          NULL);
  run_sandbox_job (self, sandbox, start_sandbox_thread, sandbox_started_cb,
                   g_steal_pointer (&task));
}

gboolean
desk_context_start_demo_finish (DeskContext   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
sandbox_reset_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_signal_emit (object, signals[DEMO_RESET], 0);
  g_task_return_boolean (task, TRUE);
}

/* Throws away every change made to the demo store, then emits #DeskContext::demo-reset. */
void
desk_context_reset_demo_async (DeskContext         *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DESK_IS_CONTEXT (self));
  g_return_if_fail (self->sandbox != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_context_reset_demo_async);
  run_sandbox_job (self, self->sandbox, reset_sandbox_thread, sandbox_reset_cb,
                   g_steal_pointer (&task));
}

gboolean
desk_context_reset_demo_finish (DeskContext   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
desk_context_get_server_url (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), NULL);

  return self->server_url;
}

gboolean
desk_context_get_has_api_key (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), FALSE);

  return self->api_key != NULL;
}

const char *
desk_context_get_api_key (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), NULL);

  return self->api_key;
}

gboolean
desk_context_get_api_key_session_only (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), FALSE);

  return self->api_key_session_only;
}

/* For when no keyring is running: the key stays in memory until Front Desk quits and is
 * never written anywhere. */
void
desk_context_set_session_api_key (DeskContext *self,
                                  const char  *api_key)
{
  g_return_if_fail (DESK_IS_CONTEXT (self));
  g_return_if_fail (api_key != NULL && *api_key != '\0');

  set_api_key (self, api_key, TRUE);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *api_key = desk_keyring_lookup_finish (result, &error);
  DeskContext *self = g_task_get_source_object (task);
  const char *server_url = g_task_get_task_data (task);

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The URL may have changed while the keyring answered; that key is for another server. */
  if (api_key != NULL && g_strcmp0 (server_url, self->server_url) == 0)
    set_api_key (self, api_key, FALSE);

  if (api_key != NULL)
    memset (api_key, 0, strlen (api_key));

  g_task_return_boolean (task, TRUE);
}

/**
 * desk_context_load_api_key_async:
 *
 * Looks up the key saved for the current server in the keyring. Finding none is not an
 * error: #DeskContext:has-api-key stays %FALSE.
 */
void
desk_context_load_api_key_async (DeskContext         *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DESK_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_context_load_api_key_async);
  g_task_set_task_data (task, g_strdup (self->server_url), g_free);

  desk_keyring_lookup_async (self->server_url, cancellable, load_cb, g_steal_pointer (&task));
}

gboolean
desk_context_load_api_key_finish (DeskContext   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  char *server_url;
  char *api_key;
} SaveData;

static void
save_data_free (SaveData *data)
{
  memset (data->api_key, 0, strlen (data->api_key));
  g_free (data->api_key);
  g_free (data->server_url);
  g_free (data);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  DeskContext *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);

  if (!desk_keyring_store_finish (result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_strcmp0 (data->server_url, self->server_url) == 0)
    set_api_key (self, data->api_key, FALSE);

  g_task_return_boolean (task, TRUE);
}

/**
 * desk_context_save_api_key_async:
 *
 * Saves @api_key in the keyring for the current server, then uses it. Fails with
 * %DESK_KEYRING_ERROR_UNAVAILABLE when no keyring runs; the caller may then offer
 * desk_context_set_session_api_key().
 */
void
desk_context_save_api_key_async (DeskContext         *self,
                                 const char          *api_key,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (DESK_IS_CONTEXT (self));
  g_return_if_fail (api_key != NULL && *api_key != '\0');

  data = g_new0 (SaveData, 1);
  data->server_url = g_strdup (self->server_url);
  data->api_key = g_strdup (api_key);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_context_save_api_key_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  desk_keyring_store_async (data->server_url, data->api_key, cancellable, save_cb,
                            g_steal_pointer (&task));
}

gboolean
desk_context_save_api_key_finish (DeskContext   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
