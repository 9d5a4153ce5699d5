/* desk-page.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-page"

#include "config.h"

#include "desk-page.h"

/* What every screen of the window is made with: the context, through which it reaches
 * the client it asks, the catalog of reference lists and the settings where it remembers
 * its filters; and the few things the window asks of any screen (as GNOME Software's
 * GsPage). Each screen can so be made, and tested, on its own. */

typedef struct
{
  /* owned */
  DeskContext *context;
} DeskPagePrivate;

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DeskPage, desk_page, GTK_TYPE_WIDGET)

static void
desk_page_real_reload (DeskPage *self)
{
}

static gboolean
desk_page_real_show_record (DeskPage   *self,
                            DeskRecord *record)
{
  return FALSE;
}

static void
desk_page_real_focus_search (DeskPage *self)
{
}

static void
desk_page_dispose (GObject *object)
{
  DeskPagePrivate *priv = desk_page_get_instance_private (DESK_PAGE (object));

  g_clear_object (&priv->context);

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
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
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
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_page_class_init (DeskPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_page_dispose;
  object_class->get_property = desk_page_get_property;
  object_class->set_property = desk_page_set_property;

  klass->reload = desk_page_real_reload;
  klass->show_record = desk_page_real_show_record;
  klass->focus_search = desk_page_real_focus_search;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DESK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_page_init (DeskPage *self)
{
}

/* Returns: (transfer none) (nullable): the services the screen works with; %NULL only
 * for a page built bare (gtk4-builder-tool checking its template) */
DeskContext *
desk_page_get_context (DeskPage *self)
{
  DeskPagePrivate *priv = desk_page_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_PAGE (self), NULL);

  return priv->context;
}

/* Returns: (transfer none) (nullable): the client the screen asks */
DeskApiClient *
desk_page_get_client (DeskPage *self)
{
  DeskContext *context = desk_page_get_context (self);

  return context != NULL ? desk_context_get_client (context) : NULL;
}

/* Returns: (transfer none) (nullable): the reference lists of the store */
DeskCatalog *
desk_page_get_catalog (DeskPage *self)
{
  DeskContext *context = desk_page_get_context (self);

  return context != NULL ? desk_context_get_catalog (context) : NULL;
}

/* Returns: (transfer none) (nullable): where the screen remembers its filters */
GSettings *
desk_page_get_settings (DeskPage *self)
{
  DeskContext *context = desk_page_get_context (self);

  return context != NULL ? desk_context_get_settings (context) : NULL;
}

/* Returns: (transfer none): one reference list of the store, for a filter or a dropdown */
GListModel *
desk_page_get_list (DeskPage        *self,
                    DeskCatalogKind  kind)
{
  g_return_val_if_fail (DESK_IS_PAGE (self), NULL);

  return desk_catalog_get_model (desk_page_get_catalog (self), kind);
}

/* Reads what the screen shows afresh, after the store changed behind it. */
void
desk_page_reload (DeskPage *self)
{
  g_return_if_fail (DESK_IS_PAGE (self));

  DESK_PAGE_GET_CLASS (self)->reload (self);
}

/* Opens @record on the screen; FALSE when the screen does not show records of its kind. */
gboolean
desk_page_show_record (DeskPage   *self,
                       DeskRecord *record)
{
  g_return_val_if_fail (DESK_IS_PAGE (self), FALSE);
  g_return_val_if_fail (DESK_IS_RECORD (record), FALSE);

  return DESK_PAGE_GET_CLASS (self)->show_record (self, record);
}

void
desk_page_focus_search (DeskPage *self)
{
  g_return_if_fail (DESK_IS_PAGE (self));

  DESK_PAGE_GET_CLASS (self)->focus_search (self);
}
