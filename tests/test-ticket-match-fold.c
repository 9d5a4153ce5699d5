/* test-ticket-match-fold.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core.h"
#include "desk-ticket-match.h"

/* The local ticket match folds case as g_utf8_casefold() does, whether a field is plain
 * ASCII (matched without a folded copy) or not, and finds phone numbers by their digits,
 * however long. */

static DeskTicket *
make_ticket (const char *order_id,
             const char *name,
             const char *email,
             const char *phone,
             const char *device_name,
             const char *serial)
{
  DeskTicket *ticket = desk_ticket_new ();
  g_autoptr(DeskCustomer) customer = desk_customer_new ();
  g_autoptr(DeskTicketDevice) device = desk_ticket_device_new ();

  g_object_set (ticket, "order-id", order_id, NULL);
  g_object_set (customer, "full-name", name, "email", email, "phone", phone, NULL);
  g_object_set (device, "device-name", device_name, "serial", serial, NULL);
  desk_ticket_set_customer (ticket, customer);
  desk_ticket_add_device (ticket, device);

  return ticket;
}

static gboolean
matches (DeskTicket *ticket,
         const char *text)
{
  g_autofree char *folded = desk_ticket_match_fold (text);

  return desk_ticket_matches (ticket, folded);
}

/* What g_utf8_casefold() makes of the field and the text decides, for every field. */
static void
test_fold_like_casefold (void)
{
  g_autoptr(DeskTicket) ticket = make_ticket ("T-1042", "Zoë MÜLLER", "Zoe.Mueller@Example.COM",
                                              "+49 (30) 1234-5678", "iPhone 13 Pro",
                                              "DNPXK2ABC");

  /* ASCII fields, any case. */
  g_assert_true (matches (ticket, "t-104"));
  g_assert_true (matches (ticket, "T-1042"));
  g_assert_true (matches (ticket, "example.com"));
  g_assert_true (matches (ticket, "MUELLER@"));
  g_assert_true (matches (ticket, "iphone 13"));
  g_assert_true (matches (ticket, "pxk2"));
  g_assert_false (matches (ticket, "t-1043"));
  g_assert_false (matches (ticket, "iphone 14"));
  /* The end of a field is not the start of the next. */
  g_assert_false (matches (ticket, "1042z"));

  /* Fields and texts beyond ASCII. */
  g_assert_true (matches (ticket, "zoë"));
  g_assert_true (matches (ticket, "ZOË"));
  g_assert_true (matches (ticket, "müller"));
  g_assert_true (matches (ticket, "ë m"));
  g_assert_false (matches (ticket, "zoe m"));
  g_assert_false (matches (ticket, "müllerz"));

  /* Numbers by their digits. */
  g_assert_true (matches (ticket, "1234 5678"));
  g_assert_true (matches (ticket, "(30) 12"));
  g_assert_false (matches (ticket, "5679"));
}

/* A phone field longer than any real number still matches by its digits. */
static void
test_long_phone (void)
{
  g_autoptr(GString) phone = g_string_new ("Shop line: ");
  g_autoptr(DeskTicket) ticket = NULL;

  for (int i = 0; i < 20; i++)
    g_string_append (phone, "12-");
  g_string_append (phone, "987");
  ticket = make_ticket ("T-7", "Ann Lee", NULL, phone->str, "Pixel 7", NULL);

  g_assert_true (matches (ticket, "212987"));
  g_assert_false (matches (ticket, "9870"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ticket-match/fold-like-casefold", test_fold_like_casefold);
  g_test_add_func ("/ticket-match/long-phone", test_long_phone);

  return g_test_run ();
}
