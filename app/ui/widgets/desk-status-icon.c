/* desk-status-icon.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-status-icon"

#include "config.h"

#include "desk-status-icon.h"

/* A status page's large icon exists in the Adwaita theme only as SVG. GTK looks an image's
 * icon up, and starts loading it, as soon as the image is measured, and a stack measures
 * its hidden pages too: every empty, waiting and error state of every screen would load
 * its SVG, and the SVG renderer with it (several MiB), before any of them is shown. The
 * icon is given to the page when it is first shown instead; it is laid out and drawn in
 * that same frame. */

#define DEFERRED_ICON "desk-deferred-icon"

static void
map_cb (AdwStatusPage *page)
{
  g_autofree char *icon_name = g_object_steal_data (G_OBJECT (page), DEFERRED_ICON);

  g_signal_handlers_disconnect_by_func (page, map_cb, NULL);
  if (icon_name != NULL && adw_status_page_get_icon_name (page) == NULL &&
      adw_status_page_get_paintable (page) == NULL)
    adw_status_page_set_icon_name (page, icon_name);
}

/**
 * desk_status_icon_defer:
 * @page: a status page not yet shown, with its icon set (in its .ui file)
 *
 * Takes the icon away from @page until @page is first mapped. An icon or paintable set
 * in the meantime wins.
 */
void
desk_status_icon_defer (AdwStatusPage *page)
{
  const char *icon_name;

  g_return_if_fail (ADW_IS_STATUS_PAGE (page));

  icon_name = adw_status_page_get_icon_name (page);
  if (icon_name == NULL || gtk_widget_get_mapped (GTK_WIDGET (page)))
    return;

  g_object_set_data_full (G_OBJECT (page), DEFERRED_ICON, g_strdup (icon_name), g_free);
  adw_status_page_set_icon_name (page, NULL);
  g_signal_connect (page, "map", G_CALLBACK (map_cb), NULL);
}
