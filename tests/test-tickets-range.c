/* test-tickets-range.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "desk-choice-button.h"
#include "desk-sandbox.h"
#include "desk-test-screen.h"
#include "desk-test-utils.h"
#include "tickets/desk-tickets-page.h"

/* The Tickets screen's custom date range: its calendars are built the first time the
 * range is chosen, not with the screen, and then list the days chosen, whole, in either
 * order. */

#define TEST_NOW G_GINT64_CONSTANT (1768478400)
#define WAIT_MS 15000

typedef struct
{
  DeskTestScreen   screen;
  DeskTicketsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  desk_test_screen_start (&fixture->screen, "seed", 5, "n-customers", 60, "n-tickets", 400,
                          "n-invoices", 20, "rate-limit", 0, "today", TEST_NOW, NULL);
  g_settings_reset (fixture->screen.settings, "ticket-filters");
  fixture->page = DESK_TICKETS_PAGE (desk_tickets_page_new (fixture->screen.context));
  desk_test_screen_show (&fixture->screen, GTK_WIDGET (fixture->page), 1400, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  desk_test_screen_stop (&fixture->screen);
}

static gboolean
list_settled (gpointer data)
{
  Fixture *fixture = data;
  DeskPagedList *list = desk_tickets_page_get_list (fixture->page);

  return desk_paged_list_get_n_pages (list) > 0 && !desk_paged_list_get_loading (list) &&
         desk_api_client_get_n_active (fixture->screen.client) == 0;
}

static void
test_custom_range (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) calendars = g_ptr_array_new ();
  g_autoptr(GDateTime) first = g_date_time_new_local (2026, 1, 10, 9, 0, 0);
  g_autoptr(GDateTime) last = g_date_time_new_local (2026, 1, 14, 9, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 1, 10, 0, 0, 0);
  g_autoptr(GDateTime) after = g_date_time_new_local (2026, 1, 15, 0, 0, 0);
  GtkMenuButton *custom = NULL;
  const DeskTicketFilters *filters;

  g_assert_true (desk_test_wait_for (list_settled, fixture, WAIT_MS));
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->screen.window), 2, WAIT_MS));

  desk_test_find_all (GTK_WIDGET (fixture->page), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)),
                   "Choose the Dates") == 0)
      custom = g_ptr_array_index (buttons, i);
  g_assert_nonnull (custom);
  /* Shown and drawn, and still no calendars. */
  g_assert_null (gtk_menu_button_get_popover (custom));
  desk_test_find_all (GTK_WIDGET (fixture->screen.window), GTK_TYPE_CALENDAR, calendars);
  g_assert_cmpuint (calendars->len, ==, 0);

  /* The first drop-down is the date range; choosing Custom asks for the days. */
  desk_test_find_all (GTK_WIDGET (fixture->page), DESK_TYPE_CHOICE_BUTTON, dropdowns);
  desk_choice_button_set_selected (g_ptr_array_index (dropdowns, 0), DESK_TICKET_RANGE_CUSTOM);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (custom))));
  g_assert_nonnull (gtk_menu_button_get_popover (custom));
  desk_test_find_all (GTK_WIDGET (gtk_menu_button_get_popover (custom)), GTK_TYPE_CALENDAR,
                      calendars);
  g_assert_cmpuint (calendars->len, ==, 2);

  gtk_calendar_select_day (g_ptr_array_index (calendars, 0), first);
  gtk_calendar_select_day (g_ptr_array_index (calendars, 1), last);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "tickets.apply-custom-range", NULL));
  g_assert_true (desk_test_wait_for (list_settled, fixture, WAIT_MS));

  filters = desk_tickets_page_get_filters (fixture->page);
  g_assert_cmpint (filters->range, ==, DESK_TICKET_RANGE_CUSTOM);
  g_assert_cmpint (filters->from_date, ==, g_date_time_to_unix (start));
  g_assert_cmpint (filters->to_date, ==, g_date_time_to_unix (after) - 1);
  g_assert_nonnull (strstr (gtk_menu_button_get_label (custom), "–"));

  /* Asked for again, the same calendars. */
  gtk_menu_button_popup (custom);
  g_assert_true (gtk_widget_is_ancestor (g_ptr_array_index (calendars, 0),
                                         GTK_WIDGET (gtk_menu_button_get_popover (custom))));

  /* The later day in From: the same whole days, both ends included. */
  gtk_calendar_select_day (g_ptr_array_index (calendars, 0), last);
  gtk_calendar_select_day (g_ptr_array_index (calendars, 1), first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "tickets.apply-custom-range", NULL));
  g_assert_true (desk_test_wait_for (list_settled, fixture, WAIT_MS));
  filters = desk_tickets_page_get_filters (fixture->page);
  g_assert_cmpint (filters->from_date, ==, g_date_time_to_unix (start));
  g_assert_cmpint (filters->to_date, ==, g_date_time_to_unix (after) - 1);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add ("/tickets-range/custom-range", Fixture, NULL, fixture_set_up, test_custom_range,
              fixture_tear_down);

  return g_test_run ();
}
