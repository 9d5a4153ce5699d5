/* test-ticket-rules.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "desk-core.h"

/* What may be done to a ticket, and the one date format. */

static DeskTicket *
ticket_with (const char * const *statuses,
             gboolean            invoiced)
{
  DeskTicket *ticket = g_object_new (DESK_TYPE_TICKET, "id", (gint64) 12, NULL);

  for (guint i = 0; statuses[i] != NULL; i++)
    {
      g_autoptr(DeskTicketDevice) device = desk_ticket_device_new ();

      g_object_set (device, "status", statuses[i], NULL);
      desk_ticket_add_device (ticket, device);
    }
  if (invoiced)
    g_object_set (ticket, "invoice-id", (gint64) 99, NULL);

  return ticket;
}

static void
test_convert (void)
{
  const char * const open[] = { "In Progress", NULL };
  const char * const cancelled[] = { "Cancelled", NULL };
  const char * const mixed[] = { "Cancelled", "Repaired", NULL };
  const char * const closed[] = { "Closed", "Canceled", NULL };
  const char * const none[] = { NULL };
  g_autoptr(DeskTicket) t_open = ticket_with (open, FALSE);
  g_autoptr(DeskTicket) t_cancelled = ticket_with (cancelled, FALSE);
  g_autoptr(DeskTicket) t_mixed = ticket_with (mixed, FALSE);
  g_autoptr(DeskTicket) t_closed = ticket_with (closed, FALSE);
  g_autoptr(DeskTicket) t_none = ticket_with (none, FALSE);
  g_autoptr(DeskTicket) t_invoiced = ticket_with (open, TRUE);

  g_assert_true (desk_ticket_can_convert (t_open, TRUE));
  g_assert_false (desk_ticket_can_convert (t_open, FALSE));
  g_assert_false (desk_ticket_can_convert (NULL, TRUE));
  g_assert_false (desk_ticket_can_convert (t_cancelled, TRUE));
  g_assert_true (desk_ticket_can_convert (t_mixed, TRUE));
  g_assert_false (desk_ticket_can_convert (t_closed, TRUE));
  g_assert_false (desk_ticket_can_convert (t_none, TRUE));
  g_assert_false (desk_ticket_can_convert (t_invoiced, TRUE));
  g_assert_true (desk_ticket_is_ended (t_cancelled));
  g_assert_false (desk_ticket_is_ended (t_mixed));
}

static void
test_editable (void)
{
  const char * const open[] = { "In Progress", NULL };
  g_autoptr(DeskTicket) ticket = ticket_with (open, FALSE);
  g_autoptr(DeskTicketDevice) device = desk_ticket_device_new ();
  g_autofree char *long_text = g_strnfill (DESK_TICKET_TEXT_MAX_BYTES + 1, 'x');

  for (const char * const *p = desk_ticket_device_editable (); *p != NULL; p++)
    g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (device), *p));

  g_assert_true (desk_ticket_device_is_editable ("staff-comments"));
  g_assert_false (desk_ticket_device_is_editable ("price"));
  g_assert_true (desk_ticket_can_edit (ticket, TRUE));
  g_assert_false (desk_ticket_can_edit (ticket, FALSE));
  g_assert_false (desk_ticket_device_text_fits (long_text));
  long_text[DESK_TICKET_TEXT_MAX_BYTES] = '\0';
  g_assert_true (desk_ticket_device_text_fits (long_text));
}

/* One format, the locale's, with no padding: day 5 is not " 5". */
static void
test_dates (void)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (2026, 3, 5, 10, 0, 0);
  g_autofree char *text = desk_format_date (g_date_time_to_unix (local));
  g_autofree char *expected = g_date_time_format (local, "%x");
  g_autofree char *none = desk_format_date (0);

  g_assert_cmpstr (text, ==, g_strstrip (expected));
  g_assert_false (g_ascii_isspace (text[0]));
  g_assert_cmpstr (none, ==, "—");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ticket-rules/convert", test_convert);
  g_test_add_func ("/ticket-rules/editable", test_editable);
  g_test_add_func ("/ticket-rules/dates", test_dates);

  return g_test_run ();
}
