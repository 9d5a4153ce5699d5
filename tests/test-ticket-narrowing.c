/* test-ticket-narrowing.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core.h"
#include "desk-ticket-match.h"

/* When a keystroke only narrows the search, the Tickets screen tells its filter so, and
 * GTK looks again only at the rows shown. That is right only if every ticket matching the
 * new text matched the old one: checked here on tickets and texts that probe each field
 * the local match reads (order, name, e-mail, phone digits, device, IMEI, serial). */

static DeskTicket *
make_ticket (const char *order_id,
             const char *name,
             const char *phone,
             const char *device_name,
             const char *imei)
{
  DeskTicket *ticket = desk_ticket_new ();
  g_autoptr(DeskCustomer) customer = desk_customer_new ();
  g_autoptr(DeskTicketDevice) device = desk_ticket_device_new ();

  g_object_set (ticket, "order-id", order_id, NULL);
  g_object_set (customer, "full-name", name, "phone", phone, "email", "leila@example.com", NULL);
  g_object_set (device, "device-name", device_name, "imei", imei, "serial", "F2LXK1", NULL);
  desk_ticket_set_customer (ticket, customer);
  desk_ticket_add_device (ticket, device);

  return ticket;
}

static gboolean
matches (DeskTicket *ticket,
         const char *folded)
{
  return desk_ticket_matches (ticket, folded);
}

static void
test_narrowing_is_safe (void)
{
  const char *texts[] = { "", "1", "12", "123", "1234", "T", "T-", "T-1", "T-12", "T-123",
                          "5", "55", "555", "555 0", "(555) 01", "Le", "Lei", "Leila K",
                          "leila@", "iPh", "iPhone 1", "3569", "F2L", "F2LXK1", "x", "  Le  " };
  DeskTicket *tickets[] = {
    make_ticket ("T-123", "Leila King", "(555) 010-1234", "iPhone 12", "356938035643809"),
    make_ticket ("T-9", "Omar Khan", "555 1234", "Pixel 7", "490154203237518"),
    make_ticket ("T-4512", "Ana 123", "0171 555 0100", "Galaxy S21", "353918059876543"),
  };
  guint narrowing = 0;

  for (guint a = 0; a < G_N_ELEMENTS (texts); a++)
    for (guint b = 0; b < G_N_ELEMENTS (texts); b++)
      {
        g_autofree char *old = desk_ticket_match_fold (texts[a]);
        g_autofree char *new = desk_ticket_match_fold (texts[b]);

        if (!desk_ticket_match_narrows (old, new))
          continue;

        narrowing++;
        for (guint t = 0; t < G_N_ELEMENTS (tickets); t++)
          if (matches (tickets[t], new) && !matches (tickets[t], old))
            g_error ("“%s” after “%s” is not narrower: %s matches only the new text",
                     texts[b], texts[a], desk_ticket_get_order_id (tickets[t]));
      }

  /* Typing on is narrowing, in the common cases. */
  g_assert_true (desk_ticket_match_narrows ("", "t"));
  g_assert_true (desk_ticket_match_narrows ("t-1", "t-12"));
  g_assert_true (desk_ticket_match_narrows ("555", "5550"));
  g_assert_true (desk_ticket_match_narrows ("lei", "leila"));
  g_assert_cmpuint (narrowing, >, G_N_ELEMENTS (texts));

  /* Deleting, or a text that is not the old one with more, is not. */
  g_assert_false (desk_ticket_match_narrows ("t-12", "t-1"));
  g_assert_false (desk_ticket_match_narrows ("lei", "kin"));
  /* Two digits never match a phone number and three do: "123" finds more than "12". */
  g_assert_false (desk_ticket_match_narrows ("12", "123"));

  for (guint t = 0; t < G_N_ELEMENTS (tickets); t++)
    g_object_unref (tickets[t]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ticket-match/narrowing-is-safe", test_narrowing_is_safe);

  return g_test_run ();
}
