/* desk-context.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-context"

#include "config.h"

#include <string.h>

#include "desk-context-private.h"

/* The demo store is in desk-context-demo.c, the account's key in desk-context-account.c.
 *
 * The services every screen shares: settings, the API client, the catalog of reference
 * lists, the account, and the demo store when that is what Front Desk works on. Handed
 * down as one property (as GNOME Calendar's GcalContext), so that a screen reaches every
 * service through it and tests build screens around a context of their own. The next
 * services (the outbox, the drafts store, the search index) join here. */
G_DEFINE_FINAL_TYPE (DeskContext, desk_context, G_TYPE_OBJECT)

GParamSpec *_desk_context_properties[N_PROPS];
guint _desk_context_signals[N_SIGNALS];

/* Another store (the demo store, another server) has other reference lists: the catalog
 * is made anew when it is next asked for. */
void
_desk_context_drop_catalog (DeskContext *self)
{
  /* Intakes not yet sent, and changes waiting, belong to the store they were meant for. */
  g_clear_object (&self->drafts);
  if (self->outbox != NULL)
    {
      g_clear_object (&self->outbox);
      if (self->writer != NULL)
        desk_writer_set_outbox (self->writer, desk_context_get_outbox (self));
    }

  if (self->catalog == NULL)
    return;

  g_clear_object (&self->catalog);
  g_object_notify_by_pspec (G_OBJECT (self), _desk_context_properties[PROP_CATALOG]);
}

/* Keys do not linger in freed memory. */
static void
wipe_api_key (DeskContext *self)
{
  if (self->api_key != NULL)
    memset (self->api_key, 0, strlen (self->api_key));
  g_clear_pointer (&self->api_key, g_free);
}

void
_desk_context_set_api_key (DeskContext *self,
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
    g_object_notify_by_pspec (G_OBJECT (self), _desk_context_properties[PROP_HAS_API_KEY]);
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
  _desk_context_set_api_key (self, NULL, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), _desk_context_properties[PROP_SERVER_URL]);
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
  g_clear_object (&self->writer);
  g_clear_object (&self->outbox);
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
    case PROP_DEMO_OFFLINE:
      g_value_set_boolean (value, self->demo_offline);
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

  _desk_context_properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  _desk_context_properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, DESK_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The reference lists of the store in use; notified when another store drops them. */
  _desk_context_properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, DESK_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* TRUE from the moment the demo store is asked for; #DeskContext:sandbox is set once it
   * serves. */
  _desk_context_properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  _desk_context_properties[PROP_SANDBOX] =
    g_param_spec_object ("sandbox", NULL, NULL, DESK_TYPE_SANDBOX,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  _desk_context_properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  _desk_context_properties[PROP_HAS_API_KEY] =
    g_param_spec_boolean ("has-api-key", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* The demo store stopped answering on purpose, as a shop's internet drops. */
  _desk_context_properties[PROP_DEMO_OFFLINE] =
    g_param_spec_boolean ("demo-offline", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, _desk_context_properties);

  /* Every change to the demo store was just thrown away: screens reload what they show. */
  _desk_context_signals[DEMO_RESET] = g_signal_new ("demo-reset", G_TYPE_FROM_CLASS (klass),
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

/* Returns: (transfer none): the one path every change of every screen takes to the
 * server, so that what is on its way is known in one place */
DeskWriter *
desk_context_get_writer (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), NULL);

  if (self->writer == NULL)
    {
      self->writer = desk_writer_new (self->client);
      desk_writer_set_outbox (self->writer, desk_context_get_outbox (self));
    }

  return self->writer;
}

/* Returns: (transfer none): the changes waiting for the store in use to answer, kept on
 * disk beside the drafts, apart from the demo store's */
DeskOutbox *
desk_context_get_outbox (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), NULL);

  if (self->outbox == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "frontdesk",
                                                self->demo ? "outbox-demo.sqlite" : "outbox.sqlite",
                                                NULL);

      self->outbox = desk_outbox_new (self->client, path);
    }

  return self->outbox;
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
