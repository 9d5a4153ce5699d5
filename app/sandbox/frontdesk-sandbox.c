/* frontdesk-sandbox.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "frontdesk-sandbox"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <locale.h>

#include "desk-sandbox.h"

/* frontdesk-sandbox: the RepairDesk-compatible local server on its own, for trying the
 * client by hand or pointing another tool at it. */

typedef struct
{
  int       port;
  char     *db;
  int       seed;
  int       customers;
  int       tickets;
  int       invoices;
  int       extra_items;
  int       rate_limit;
  gboolean  strict_http;
  int       latency;
  char    **faults;
  char    **route_latency;
} Options;

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

/* "http-500=0.1" */
static gboolean
apply_fault (DeskSandbox  *sandbox,
             const char   *spec,
             GError      **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, "=", 2);
  DeskSandboxFault fault = desk_sandbox_fault_from_string (parts[0]);
  double share = parts[1] != NULL ? g_ascii_strtod (parts[1], NULL) : 1.0;

  if (fault == DESK_SANDBOX_N_FAULTS || share < 0 || share > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown fault “%s” (use NAME=SHARE, e.g. http-500=0.1)"), spec);
      return FALSE;
    }

  desk_sandbox_set_fault (sandbox, fault, share);

  return TRUE;
}

/* "tickets=800" */
static gboolean
apply_route_latency (DeskSandbox  *sandbox,
                     const char   *spec,
                     GError      **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, "=", 2);
  guint64 ms;

  if (parts[1] == NULL || !g_ascii_string_to_unsigned (parts[1], 10, 0, 600000, &ms, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Bad route latency “%s” (use ROUTE=MS, e.g. tickets=800)"), spec);
      return FALSE;
    }

  desk_sandbox_set_route_latency (sandbox, parts[0], (guint) ms);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  Options o = { .seed = 1, .customers = 2000, .tickets = 10000, .invoices = 6000,
                .rate_limit = 50 };
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &o.port, N_("Port on 127.0.0.1 (0 picks a free one)"), N_("PORT") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &o.db, N_("SQLite store (default: in memory)"), N_("FILE") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &o.seed, N_("Seed of the generated data"), N_("N") },
    { "customers", 0, 0, G_OPTION_ARG_INT, &o.customers, N_("Customers to generate"), N_("N") },
    { "tickets", 0, 0, G_OPTION_ARG_INT, &o.tickets, N_("Tickets to generate"), N_("N") },
    { "invoices", 0, 0, G_OPTION_ARG_INT, &o.invoices, N_("Invoices to generate"), N_("N") },
    { "extra-items", 0, 0, G_OPTION_ARG_INT, &o.extra_items, N_("Inventory items to add to the store's own"), N_("N") },
    { "rate-limit", 0, 0, G_OPTION_ARG_INT, &o.rate_limit, N_("Requests a minute per key (0: off)"), N_("N") },
    { "strict-http", 0, 0, G_OPTION_ARG_NONE, &o.strict_http, N_("Send real HTTP status codes with errors"), NULL },
    { "latency", 0, 0, G_OPTION_ARG_INT, &o.latency, N_("Delay every reply"), N_("MS") },
    { "route-latency", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.route_latency, N_("Delay the replies of one route"), N_("ROUTE=MS") },
    { "fault", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.faults,
      N_("Inject a fault in a share of requests: http-500, html-502, drop-mid-body, truncated-json, wrong-types, huge-list, empty-body, never-answer, rate-limit-body, rate-limit-http"),
      N_("NAME=SHARE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskSandbox) sandbox = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("— a RepairDesk-compatible local server"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    goto fail;
  if (o.port < 0 || o.port > 65535 || o.seed < 0 || o.customers < 0 || o.tickets < 0 ||
      o.invoices < 0 || o.extra_items < 0 || o.rate_limit < 0 || o.latency < 0)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Numbers must not be negative, the port at most 65535"));
      goto fail;
    }

  sandbox = g_object_new (DESK_TYPE_SANDBOX,
                          "db-path", o.db, "seed", (guint) o.seed,
                          "n-customers", (guint) o.customers, "n-tickets", (guint) o.tickets,
                          "n-invoices", (guint) o.invoices, "n-extra-items", (guint) o.extra_items,
                          "rate-limit", (guint) o.rate_limit,
                          "strict-http", o.strict_http, "latency", (guint) o.latency,
                          "log-requests", TRUE, NULL);

  for (guint i = 0; o.faults != NULL && o.faults[i] != NULL; i++)
    if (!apply_fault (sandbox, o.faults[i], &error))
      goto fail;
  for (guint i = 0; o.route_latency != NULL && o.route_latency[i] != NULL; i++)
    if (!apply_route_latency (sandbox, o.route_latency[i], &error))
      goto fail;

  start = g_get_monotonic_time ();
  if (!desk_sandbox_start (sandbox, (guint16) o.port, &error))
    goto fail;

  g_print (_("Ready in %.2f s at %s (API key: %s)\n"),
           (g_get_monotonic_time () - start) / 1e6, desk_sandbox_get_url (sandbox),
           DESK_SANDBOX_DEMO_API_KEY);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  desk_sandbox_stop (sandbox);
  g_print (_("Stopped.\n"));
  g_free (o.db);
  g_strfreev (o.faults);
  g_strfreev (o.route_latency);

  return 0;

fail:
  g_printerr ("%s\n", error->message);
  g_free (o.db);
  g_strfreev (o.faults);
  g_strfreev (o.route_latency);

  return 1;
}
