/* desk-ticket-match.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-match"

#include "config.h"

#include <string.h>

#include "desk-ticket-match.h"

/* What the ticket list matches locally while the server search is still on its way, and
 * what counts as the one ticket a scanned order id, IMEI or phone number means. The
 * local match covers what the server's `keyword` covers: order id, customer name and
 * numbers, IMEI, serial and device name. */

char *
desk_ticket_match_fold (const char *text)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return g_strdup ("");

  stripped = g_strstrip (g_strdup (text));
  return g_utf8_casefold (stripped, -1);
}

/* Fewer digits than this are not looked for in phone numbers. */
#define PHONE_MIN_DIGITS 3

/* Phone numbers are written with all kinds of punctuation; only the digits count. */
static char *
digits_of (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  return g_string_free (digits, FALSE);
}

/* Whether ASCII @haystack holds @needle, an ASCII text folded (lower case): 1 if it does,
 * 0 if not, -1 when @haystack is not ASCII after all. Folding ASCII is lowering its case,
 * so most fields (order ids, numbers, e-mail addresses, most names) need no folded copy
 * for each ticket at each keystroke. */
static int
ascii_contains (const char *haystack,
                const char *needle)
{
  for (const char *h = haystack; *h != '\0'; h++)
    {
      gsize j = 0;

      if ((guchar) *h >= 0x80)
        return -1;
      while (needle[j] != '\0' && h[j] != '\0' && (guchar) h[j] < 0x80 &&
             g_ascii_tolower (h[j]) == needle[j])
        j++;
      if (needle[j] == '\0')
        return 1;
    }

  return 0;
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  return TRUE;
}

static gboolean
contains (const char *haystack,
          const char *folded_needle)
{
  g_autofree char *folded = NULL;
  int found;

  if (haystack == NULL || *haystack == '\0')
    return FALSE;

  if (is_ascii (folded_needle) && (found = ascii_contains (haystack, folded_needle)) >= 0)
    return found == 1;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, folded_needle) != NULL;
}

static gboolean
phone_contains (const char *phone,
                const char *needle_digits)
{
  char digits[64];
  gsize n = 0;

  if (phone == NULL || strlen (needle_digits) < PHONE_MIN_DIGITS)
    return FALSE;

  /* Phone numbers are short: their digits fit on the stack. */
  if (strlen (phone) >= sizeof digits)
    {
      g_autofree char *long_digits = digits_of (phone);

      return strstr (long_digits, needle_digits) != NULL;
    }

  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      digits[n++] = *p;
  digits[n] = '\0';

  return strstr (digits, needle_digits) != NULL;
}

static gboolean
customer_matches (DeskCustomer *customer,
                  const char   *folded_needle,
                  const char   *needle_digits)
{
  if (customer == NULL)
    return FALSE;

  return contains (desk_customer_get_full_name (customer), folded_needle) ||
         contains (desk_customer_get_email (customer), folded_needle) ||
         phone_contains (desk_customer_get_phone (customer), needle_digits) ||
         phone_contains (desk_customer_get_mobile (customer), needle_digits);
}

static gboolean
device_matches (DeskTicketDevice *device,
                const char       *folded_needle)
{
  g_autofree char *imei = NULL;
  g_autofree char *serial = NULL;

  g_object_get (device, "imei", &imei, "serial", &serial, NULL);

  return contains (desk_ticket_device_get_device_name (device), folded_needle) ||
         contains (imei, folded_needle) ||
         contains (serial, folded_needle);
}

/**
 * desk_ticket_matches:
 * @ticket: a ticket of the list
 * @folded_needle: the search text through desk_ticket_match_fold()
 *
 * Returns: whether the ticket shows what was typed; an empty text matches everything
 */
gboolean
desk_ticket_matches (DeskTicket *ticket,
                     const char *folded_needle)
{
  g_autofree char *needle_digits = NULL;
  GListModel *devices;
  guint n;

  if (folded_needle == NULL || *folded_needle == '\0')
    return TRUE;

  if (contains (desk_ticket_get_order_id (ticket), folded_needle))
    return TRUE;

  needle_digits = digits_of (folded_needle);
  if (customer_matches (desk_ticket_get_customer (ticket), folded_needle, needle_digits))
    return TRUE;

  devices = desk_ticket_get_devices (ticket);
  n = g_list_model_get_n_items (devices);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskTicketDevice) device = g_list_model_get_item (devices, i);

      if (device_matches (device, folded_needle))
        return TRUE;
    }

  return FALSE;
}

/**
 * desk_ticket_match_narrows:
 * @old_folded: the text matched before, through desk_ticket_match_fold()
 * @new_folded: the text matched now, the same way
 *
 * Whether every ticket that matches @new_folded also matches @old_folded, so that only
 * the rows shown need to be looked at again: the new text holds the old one, and a phone
 * number is looked for in both or in neither.
 *
 * Returns: whether @new_folded can only narrow what @old_folded matched
 */
gboolean
desk_ticket_match_narrows (const char *old_folded,
                           const char *new_folded)
{
  g_autofree char *old_digits = NULL;
  g_autofree char *new_digits = NULL;

  if (old_folded == NULL || *old_folded == '\0')
    return TRUE;

  if (new_folded == NULL || strstr (new_folded, old_folded) == NULL)
    return FALSE;

  old_digits = digits_of (old_folded);
  new_digits = digits_of (new_folded);

  return strlen (old_digits) >= PHONE_MIN_DIGITS || strlen (new_digits) < PHONE_MIN_DIGITS;
}

static gboolean
same_digits (const char *a,
             const char *b_digits)
{
  g_autofree char *digits = NULL;

  if (a == NULL || *b_digits == '\0')
    return FALSE;

  digits = digits_of (a);
  return g_str_equal (digits, b_digits);
}

static gboolean
device_is (DeskTicketDevice *device,
           const char       *needle)
{
  g_autofree char *imei = NULL;
  g_autofree char *serial = NULL;

  g_object_get (device, "imei", &imei, "serial", &serial, NULL);

  return (imei != NULL && *imei != '\0' && g_ascii_strcasecmp (imei, needle) == 0) ||
         (serial != NULL && *serial != '\0' && g_ascii_strcasecmp (serial, needle) == 0);
}

/**
 * desk_ticket_matches_exactly:
 * @ticket: a ticket
 * @needle: what was typed or scanned
 *
 * A scanned barcode carries a whole order id, IMEI or serial; a typed phone number may
 * carry other punctuation than the stored one.
 *
 * Returns: whether @needle is this ticket's order id, an IMEI or serial of one of its
 *   devices, or its customer's phone or mobile number
 */
gboolean
desk_ticket_matches_exactly (DeskTicket *ticket,
                             const char *needle)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (needle != NULL ? needle : ""));
  g_autofree char *needle_digits = NULL;
  DeskCustomer *customer = desk_ticket_get_customer (ticket);
  GListModel *devices = desk_ticket_get_devices (ticket);
  const char *order_id = desk_ticket_get_order_id (ticket);

  if (*trimmed == '\0')
    return FALSE;

  if (order_id != NULL && g_ascii_strcasecmp (order_id, trimmed) == 0)
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(DeskTicketDevice) device = g_list_model_get_item (devices, i);

      if (device_is (device, trimmed))
        return TRUE;
    }

  /* A phone number has at least a few digits and nothing but phone punctuation. */
  needle_digits = digits_of (trimmed);
  if (customer == NULL || strlen (needle_digits) < 5 ||
      strspn (trimmed, "0123456789+-() .") != strlen (trimmed))
    return FALSE;

  return same_digits (desk_customer_get_phone (customer), needle_digits) ||
         same_digits (desk_customer_get_mobile (customer), needle_digits);
}

/**
 * desk_ticket_status_notifies:
 * @status: (nullable): a status name
 *
 * RepairDesk can text the customer when a repair reaches one of these statuses, depending
 * on the shop's settings, which the API does not give. The statuses that end a repair are
 * the ones shops set up to notify, so the user is asked first for these.
 *
 * Returns: whether setting @status may send the customer a text message
 */
gboolean
desk_ticket_status_notifies (const char *status)
{
  static const char * const words[] = { "repaired", "ready", "unrepairable", "pickup",
                                        "collected" };
  g_autofree char *folded = desk_ticket_match_fold (status);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* Returns: (transfer full): the device names of a ticket, joined by commas */
char *
desk_ticket_device_names (DeskTicket *ticket)
{
  GListModel *devices = desk_ticket_get_devices (ticket);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(DeskTicketDevice) device = g_list_model_get_item (devices, i);
      const char *name = desk_ticket_device_get_device_name (device);

      if (name == NULL || *name == '\0')
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }

  return g_string_free (names, FALSE);
}

static DeskTicketDevice *
first_device (DeskTicket *ticket)
{
  GListModel *devices = desk_ticket_get_devices (ticket);
  g_autoptr(DeskTicketDevice) device = NULL;

  if (g_list_model_get_n_items (devices) == 0)
    return NULL;

  /* The ticket keeps its devices alive; the list row only borrows. */
  device = g_list_model_get_item (devices, 0);
  return device;
}

/* Returns: (nullable): the status of the ticket's first device */
const char *
desk_ticket_first_status (DeskTicket *ticket)
{
  DeskTicketDevice *device = first_device (ticket);

  return device != NULL ? desk_ticket_device_get_status (device) : NULL;
}

/* Returns: (transfer full) (nullable): the technician of the ticket's first device */
char *
desk_ticket_technician (DeskTicket *ticket)
{
  DeskTicketDevice *device = first_device (ticket);
  char *name = NULL;

  if (device != NULL)
    g_object_get (device, "assigned-to-name", &name, NULL);

  return name;
}

/* Returns: the earliest due date of the ticket's devices, 0 if none has one */
gint64
desk_ticket_earliest_due (DeskTicket *ticket)
{
  GListModel *devices = desk_ticket_get_devices (ticket);
  gint64 due = 0;

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(DeskTicketDevice) device = g_list_model_get_item (devices, i);
      gint64 device_due = 0;

      g_object_get (device, "due-on", &device_due, NULL);
      if (device_due > 0 && (due == 0 || device_due < due))
        due = device_due;
    }

  return due;
}
