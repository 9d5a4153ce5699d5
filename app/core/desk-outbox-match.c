/* desk-outbox-match.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-outbox"

#include "config.h"

#include <string.h>

#include "desk-outbox.h"
#include "desk-record.h"
#include "desk-ticket-device.h"

/* Whether a record found on the server is what a change whose answer was lost made: the
 * look-up that comes before anything is sent again, by the outbox and by the intake. */

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static gboolean
same_device (DeskTicketDevice *found,
             DeskTicketDevice *sent)
{
  g_autofree char *found_imei = NULL, *found_serial = NULL, *sent_imei = NULL, *sent_serial = NULL;
  gint64 found_model, sent_model;

  g_object_get (found, "imei", &found_imei, "serial", &found_serial, "device-id", &found_model, NULL);
  g_object_get (sent, "imei", &sent_imei, "serial", &sent_serial, "device-id", &sent_model, NULL);

  return found_model == sent_model &&
         same_text (found_imei, sent_imei) &&
         same_text (found_serial, sent_serial);
}

/**
 * desk_outbox_ticket_matches:
 * @found: a ticket on the server
 * @sent: the ticket a create sent
 * @since: unix seconds: a ticket created before cannot be the one sent
 *
 * Returns: whether @found is @sent: the same customer, the same devices (model, IMEI,
 *   serial, in order), created since @since
 */
gboolean
desk_outbox_ticket_matches (DeskTicket *found,
                            DeskTicket *sent,
                            gint64      since)
{
  GListModel *found_devices;
  GListModel *sent_devices;
  guint n;

  g_return_val_if_fail (DESK_IS_TICKET (found), FALSE);
  g_return_val_if_fail (DESK_IS_TICKET (sent), FALSE);

  found_devices = desk_ticket_get_devices (found);
  sent_devices = desk_ticket_get_devices (sent);
  n = g_list_model_get_n_items (sent_devices);

  if (desk_ticket_get_customer_id (found) != desk_ticket_get_customer_id (sent) ||
      desk_ticket_get_created (found) < since ||
      g_list_model_get_n_items (found_devices) != n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskTicketDevice) a = g_list_model_get_item (found_devices, i);
      g_autoptr(DeskTicketDevice) b = g_list_model_get_item (sent_devices, i);

      if (!same_device (a, b))
        return FALSE;
    }

  return TRUE;
}

static char *
digits (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static gboolean
same_number (const char *a,
             const char *b)
{
  g_autofree char *da = digits (a);
  g_autofree char *db = digits (b);

  return *da != '\0' && g_str_equal (da, db);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a != NULL ? a : "", -1);
  g_autofree char *fb = g_utf8_casefold (b != NULL ? b : "", -1);

  return g_str_equal (g_strstrip (fa), g_strstrip (fb));
}

/**
 * desk_outbox_customer_matches:
 * @found: a customer on the server
 * @sent: the customer a create sent
 *
 * Returns: whether @found is @sent: the same name, and the same mobile, phone or email
 *   when @sent has one
 */
gboolean
desk_outbox_customer_matches (DeskCustomer *found,
                              DeskCustomer *sent)
{
  const char *email;

  g_return_val_if_fail (DESK_IS_CUSTOMER (found), FALSE);
  g_return_val_if_fail (DESK_IS_CUSTOMER (sent), FALSE);

  if (!same_name (desk_customer_get_first_name (found), desk_customer_get_first_name (sent)) ||
      !same_name (desk_customer_get_last_name (found), desk_customer_get_last_name (sent)))
    return FALSE;

  email = desk_customer_get_email (sent);
  if (!is_empty (email) && same_name (desk_customer_get_email (found), email))
    return TRUE;
  if (same_number (desk_customer_get_mobile (found), desk_customer_get_mobile (sent)) ||
      same_number (desk_customer_get_phone (found), desk_customer_get_phone (sent)))
    return TRUE;

  /* Nothing but a name to go by. */
  return is_empty (email) && is_empty (desk_customer_get_mobile (sent)) &&
         is_empty (desk_customer_get_phone (sent));
}

static char *
scalar_text (JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%.17g", json_node_get_double (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "1" : "0");
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    default:
      return g_strdup ("");
    }
}

/* Whether everything @sent says, @found says too: members @found adds do not count, and
 * an id sent as 0 (a new row) takes the one the server gave. */
static gboolean
holds (JsonNode   *found,
       JsonNode   *sent,
       const char *name)
{
  if (JSON_NODE_HOLDS_NULL (sent))
    return TRUE;

  if (JSON_NODE_HOLDS_OBJECT (sent))
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *child;

      if (!JSON_NODE_HOLDS_OBJECT (found))
        return FALSE;
      json_object_iter_init (&iter, json_node_get_object (sent));
      while (json_object_iter_next (&iter, &member, &child))
        {
          JsonNode *other = json_object_get_member (json_node_get_object (found), member);

          if (other == NULL || !holds (other, child, member))
            return FALSE;
        }
      return TRUE;
    }

  if (JSON_NODE_HOLDS_ARRAY (sent))
    {
      JsonArray *a = json_node_get_array (sent);

      if (!JSON_NODE_HOLDS_ARRAY (found) ||
          json_array_get_length (json_node_get_array (found)) != json_array_get_length (a))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (a); i++)
        if (!holds (json_array_get_element (json_node_get_array (found), i),
                    json_array_get_element (a, i), NULL))
          return FALSE;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (found))
    return FALSE;

  {
    g_autofree char *a = scalar_text (found);
    g_autofree char *b = scalar_text (sent);

    if (name != NULL && g_str_equal (name, "id") && (g_str_equal (b, "0") || *b == '\0'))
      return TRUE;

    return g_str_equal (a, b);
  }
}

/**
 * desk_outbox_record_holds:
 * @found: a #DeskRecord read back from the server
 * @sent: the record an update sent, of the same type
 *
 * Returns: whether @found holds what @sent asked for: the update was applied
 */
gboolean
desk_outbox_record_holds (gpointer found,
                          gpointer sent)
{
  g_autoptr(JsonNode) found_node = NULL;
  g_autoptr(JsonNode) sent_node = NULL;

  g_return_val_if_fail (DESK_IS_RECORD (found), FALSE);
  g_return_val_if_fail (DESK_IS_RECORD (sent), FALSE);

  found_node = desk_record_to_json (found);
  sent_node = desk_record_to_json (sent);

  return holds (found_node, sent_node, NULL);
}
