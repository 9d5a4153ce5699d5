/* desk-page.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-page"

#include "config.h"

#include "desk-page.h"

/* What every screen of the window is made with: the client it asks, the catalog of
 * reference lists, and the settings where it remembers its filters. Each screen can so be
 * made, and tested, on its own. */

typedef struct
{
  /* owned */
  DeskApiClient *client;
  DeskCatalog   *catalog;
  GSettings     *settings;
} DeskPagePrivate;

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_CATALOG,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DeskPage, desk_page, GTK_TYPE_WIDGET)

static void
desk_page_dispose (GObject *object)
{
  DeskPagePrivate *priv = desk_page_get_instance_private (DESK_PAGE (object));

  g_clear_object (&priv->client);
  g_clear_object (&priv->catalog);
  g_clear_object (&priv->settings);

  G_OBJECT_CLASS (desk_page_parent_class)->dispose (object);
}

static void
desk_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DeskPagePrivate *priv = desk_page_get_instance_private (DESK_PAGE (object));

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, priv->client);
      break;
    case PROP_CATALOG:
      g_value_set_object (value, priv->catalog);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, priv->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_page_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DeskPagePrivate *priv = desk_page_get_instance_private (DESK_PAGE (object));

  switch (prop_id)
    {
    case PROP_CLIENT:
      priv->client = g_value_dup_object (value);
      break;
    case PROP_CATALOG:
      priv->catalog = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      priv->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_page_class_init (DeskPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = desk_page_dispose;
  object_class->get_property = desk_page_get_property;
  object_class->set_property = desk_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, DESK_TYPE_API_CLIENT, construct);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, DESK_TYPE_CATALOG, construct);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS, construct);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_page_init (DeskPage *self)
{
}

/* Returns: (transfer none) (nullable): the client the screen asks */
DeskApiClient *
desk_page_get_client (DeskPage *self)
{
  DeskPagePrivate *priv = desk_page_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_PAGE (self), NULL);

  return priv->client;
}

/* Returns: (transfer none) (nullable): the reference lists of the store */
DeskCatalog *
desk_page_get_catalog (DeskPage *self)
{
  DeskPagePrivate *priv = desk_page_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_PAGE (self), NULL);

  return priv->catalog;
}

/* Returns: (transfer none) (nullable): where the screen remembers its filters */
GSettings *
desk_page_get_settings (DeskPage *self)
{
  DeskPagePrivate *priv = desk_page_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_PAGE (self), NULL);

  return priv->settings;
}

/* Returns: (transfer none): one reference list of the store, for a filter or a dropdown */
GListModel *
desk_page_get_list (DeskPage        *self,
                    DeskCatalogKind  kind)
{
  g_return_val_if_fail (DESK_IS_PAGE (self), NULL);

  return desk_catalog_get_model (desk_page_get_catalog (self), kind);
}
