/* desk-sandbox-routes.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-sandbox"

#include "config.h"

#include <string.h>

#include "desk-sandbox-private.h"

/* Every route of the reference. A path that matches no pattern for its verb is an
 * "Invalid Route", as on the real server: so is a non-numeric id ("customers/555-0100")
 * and a verb the resource does not take (a DELETE). */

static const DeskRoute routes[] = {
  { "GET", "customers", desk_route_customers_index },
  { "GET", "customers/#", desk_route_customers_show },
  { "POST", "customers", desk_route_customers_create },
  { "PUT", "customers/#", desk_route_customers_update },
  { "PATCH", "customers/#", desk_route_customers_update },

  { "GET", "tickets", desk_route_tickets_index },
  { "GET", "tickets/#", desk_route_tickets_show },
  { "POST", "tickets", desk_route_tickets_create },
  { "PUT", "tickets/#", desk_route_tickets_update },
  { "PATCH", "tickets/#", desk_route_tickets_update },
  { "GET", "tickets/#/converttoinvoice", desk_route_tickets_convert },

  { "GET", "devices", desk_route_devices },
  { "GET", "problems", desk_route_problems },
  { "GET", "problems/#", desk_route_device_problems },
  { "GET", "statuses", desk_route_statuses },
  { "GET", "employees", desk_route_employees },
  { "GET", "networks", desk_route_networks },
  { "GET", "parts", desk_route_parts },
  { "GET", "taxclasses", desk_route_taxclasses },
  { "GET", "devicelocations", desk_route_devicelocations },
  { "GET", "supplies", desk_route_supplies },
  { "GET", "tasktypes", desk_route_tasktypes },
  { "GET", "inventory", desk_route_inventory },

  { "GET", "invoices", desk_route_invoices_index },
  { "GET", "invoices/paymentmethods", desk_route_invoices_methods },
  { "GET", "invoices/#", desk_route_invoices_show },
  { "POST", "invoices", desk_route_invoices_create },
  { "POST", "invoices/#", desk_route_invoices_create },
  { "PUT", "invoices/#", desk_route_invoices_update },
  { "PATCH", "invoices/#", desk_route_invoices_update },
  { "GET", "invoices/#/dueamount", desk_route_invoices_due },
  { "POST", "invoices/#/payments", desk_route_invoices_pay },
};

static gboolean
parse_id (const char *segment,
          gint64     *id)
{
  guint64 value;

  if (*segment == '\0' || strlen (segment) > 18)
    return FALSE;
  for (const char *p = segment; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (segment, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;

  *id = (gint64) value;

  return TRUE;
}

static gboolean
match (const char * const *pattern,
       const char * const *segments,
       gint64              ids[2])
{
  guint n_ids = 0;

  for (; *pattern != NULL; pattern++, segments++)
    {
      if (*segments == NULL)
        return FALSE;
      if (g_str_equal (*pattern, "#"))
        {
          if (n_ids >= 2 || !parse_id (*segments, &ids[n_ids]))
            return FALSE;
          n_ids++;
        }
      else if (!g_str_equal (*pattern, *segments))
        return FALSE;
    }

  return *segments == NULL;
}

/* @path is relative to /api/web/v1/, without a leading slash. */
const DeskRoute *
desk_sandbox_find_route (const char *method,
                         const char *path,
                         gint64      ids[2])
{
  g_autofree char *trimmed = g_strdup (path);
  g_auto(GStrv) segments = NULL;
  gsize len = strlen (trimmed);

  /* One trailing slash is forgiven ("tickets/"). */
  if (len > 0 && trimmed[len - 1] == '/')
    trimmed[len - 1] = '\0';
  segments = g_strsplit (trimmed, "/", 8);

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      g_auto(GStrv) pattern = NULL;

      if (!g_str_equal (routes[i].method, method))
        continue;
      pattern = g_strsplit (routes[i].pattern, "/", -1);
      ids[0] = ids[1] = 0;
      if (match ((const char * const *) pattern, (const char * const *) segments, ids))
        return &routes[i];
    }

  return NULL;
}
