/* desk-start-report.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-start-report"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "desk-start-report.h"
#include "tickets/desk-tickets-page.h"

/* How fast Front Desk starts, and how much memory it holds, for the benchmarks
 * (tests/bench-start.c). With FRONTDESK_REPORT_FIRST_ROWS=1 in the environment, the first
 * frame that draws ticket rows prints one line to standard output and Front Desk quits:
 *
 *   first-rows monotonic-us=<g_get_monotonic_time ()> since-start-ms=<from /proc> rss-kib=<VmRSS>
 *
 * With FRONTDESK_REPORT_SCROLLED=<n> as well, the list then shows every date and is
 * scrolled a screen at a time, as a user flicking down does, until it holds n tickets (or
 * all there are); a second line follows after the frame that draws them:
 *
 *   scrolled rows=<n> rss-kib=<VmRSS>
 *
 * Without these variables nothing here runs. */

typedef struct
{
  DeskWindow *window;   /* weak */
  guint       scrolled; /* rows wanted, 0 for none */
  gboolean    first_rows_seen;
  gulong      handler;
  GdkFrameClock *clock;
} Report;

static gint64
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

/* Milliseconds since the process started, to the kernel's clock tick. */
static double
since_start_ms (void)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;
  struct timespec now;
  double start_s;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (after_name = strrchr (stat, ')')) == NULL)
    return -1;

  /* Field 22, starttime, is the 20th after the name and the state. */
  fields = g_strsplit (after_name + 2, " ", 0);
  if (g_strv_length (fields) < 20)
    return -1;

  start_s = g_ascii_strtod (fields[19], NULL) / sysconf (_SC_CLK_TCK);
  clock_gettime (CLOCK_BOOTTIME, &now);

  return (now.tv_sec + now.tv_nsec / 1e9 - start_s) * 1000.0;
}

static DeskTicketsPage *
tickets_page (Report *report)
{
  DeskPage *page;

  if (report->window == NULL)
    return NULL;

  page = desk_window_get_page (report->window, "tickets");
  return DESK_IS_TICKETS_PAGE (page) ? DESK_TICKETS_PAGE (page) : NULL;
}

static void
finish (Report *report)
{
  GApplication *app = g_application_get_default ();

  fflush (stdout);
  g_signal_handler_disconnect (report->clock, report->handler);
  g_clear_weak_pointer (&report->window);
  g_free (report);
  if (app != NULL)
    g_application_quit (app);
}

static void
scroll_on (DeskTicketsPage *page)
{
  GtkWidget *child = desk_results_view_get_child (desk_tickets_page_get_results (page));
  GtkWidget *scrolled = gtk_widget_get_ancestor (child, GTK_TYPE_SCROLLED_WINDOW);
  gboolean handled = FALSE;

  if (scrolled != NULL)
    g_signal_emit_by_name (scrolled, "scroll-child", GTK_SCROLL_PAGE_FORWARD, FALSE, &handled);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Report        *report)
{
  static const DeskTicketFilters all_dates = { .range = DESK_TICKET_RANGE_ALL };
  DeskTicketsPage *page = tickets_page (report);
  DeskPagedList *list;
  guint n_rows;

  /* Rows drawn: the Tickets screen is in view and its list had rows when this frame was
   * laid out. */
  if (page == NULL || !gtk_widget_get_mapped (GTK_WIDGET (page)))
    return;

  n_rows = g_list_model_get_n_items (desk_tickets_page_get_rows (page));
  if (n_rows == 0)
    return;

  if (!report->first_rows_seen)
    {
      report->first_rows_seen = TRUE;
      g_print ("first-rows monotonic-us=%" G_GINT64_FORMAT " since-start-ms=%.0f rss-kib=%"
               G_GINT64_FORMAT "\n", g_get_monotonic_time (), since_start_ms (),
               status_kib ("VmRSS:"));
      if (report->scrolled == 0)
        {
          finish (report);
          return;
        }

      /* Every date, so there are enough tickets to scroll through. */
      desk_tickets_page_set_filters (page, &all_dates);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      return;
    }

  list = desk_tickets_page_get_list (page);
  if (desk_paged_list_get_loading (list) || desk_paged_list_get_n_pages (list) == 0)
    {
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      return;
    }

  if (n_rows >= report->scrolled || !desk_paged_list_get_has_more (list))
    {
      g_print ("scrolled rows=%u rss-kib=%" G_GINT64_FORMAT "\n", n_rows, status_kib ("VmRSS:"));
      finish (report);
      return;
    }

  scroll_on (page);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
realize_cb (GtkWidget *widget,
            Report    *report)
{
  report->clock = gtk_widget_get_frame_clock (widget);
  report->handler = g_signal_connect (report->clock, "after-paint", G_CALLBACK (after_paint_cb),
                                      report);
}

/**
 * desk_start_report_watch:
 * @window: the main window, not yet shown
 *
 * Reports the first frame with ticket rows, and the memory after scrolling, when the
 * environment asks for it (see above).
 */
void
desk_start_report_watch (DeskWindow *window)
{
  const char *scrolled = g_getenv ("FRONTDESK_REPORT_SCROLLED");
  Report *report;

  if (g_strcmp0 (g_getenv ("FRONTDESK_REPORT_FIRST_ROWS"), "1") != 0)
    return;

  report = g_new0 (Report, 1);
  g_set_weak_pointer (&report->window, window);
  report->scrolled = scrolled != NULL ? (guint) g_ascii_strtoull (scrolled, NULL, 10) : 0;
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), report);
}
