/* desk-device-id.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-device-id"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-device-id.h"

/* What identifies the device a customer leaves: its IMEI (phones; *#06# shows it, and the
 * box prints it in groups like "35 693803 564380 9") or, for devices without one, its
 * serial number. The IMEI's last digit is a Luhn check digit, which catches a mistyped
 * digit and most swapped neighbours before the ticket is sent. */

#define SERIAL_MAX_LENGTH 40

G_DEFINE_QUARK (desk-device-id-error-quark, desk_device_id_error)

/* Spaces, dashes and slashes group the digits on boxes and labels; they are not part of
 * the number. */
static gboolean
is_grouping (char c)
{
  return c == ' ' || c == '-' || c == '/' || c == '\t';
}

static gboolean
luhn_valid (const char *digits,
            gsize       len)
{
  guint sum = 0;

  /* From the right, every second digit is doubled, and a two-digit result counts as the
   * sum of its digits. */
  for (gsize i = 0; i < len; i++)
    {
      guint d = (guint) (digits[len - 1 - i] - '0');

      if (i % 2 == 1)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }

  return sum % 10 == 0;
}

/**
 * desk_imei_check:
 * @text: an IMEI as typed or scanned
 * @imei: (out) (optional) (transfer full): the 15 digits alone, when valid
 * @error: return location for a #GError
 *
 * Checks an IMEI: 15 digits once spaces and dashes are left out, the last one the Luhn
 * check digit of the others.
 *
 * Returns: %TRUE if @text is a valid IMEI; otherwise %FALSE with a #DESK_DEVICE_ID_ERROR
 *   whose message says what is wrong, in words for the counter
 */
gboolean
desk_imei_check (const char  *text,
                 char       **imei,
                 GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (is_grouping (*p))
        continue;
      if (!g_ascii_isdigit (*p))
        {
          g_set_error_literal (error, DESK_DEVICE_ID_ERROR, DESK_DEVICE_ID_ERROR_NOT_DIGITS,
                               _("An IMEI has digits only. For a number with letters, use "
                                 "the serial number field."));
          return FALSE;
        }
      g_string_append_c (digits, *p);
    }

  if (digits->len == 0)
    {
      g_set_error_literal (error, DESK_DEVICE_ID_ERROR, DESK_DEVICE_ID_ERROR_MISSING,
                           _("Enter the IMEI: dial *#06# on the phone to see it."));
      return FALSE;
    }
  if (digits->len < DESK_IMEI_LENGTH)
    {
      g_set_error (error, DESK_DEVICE_ID_ERROR, DESK_DEVICE_ID_ERROR_TOO_SHORT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The IMEI is too short: it has %u digit, an IMEI has 15.",
                                "The IMEI is too short: it has %u digits, an IMEI has 15.",
                                (gulong) digits->len),
                   (guint) digits->len);
      return FALSE;
    }
  if (digits->len > DESK_IMEI_LENGTH)
    {
      g_set_error (error, DESK_DEVICE_ID_ERROR, DESK_DEVICE_ID_ERROR_TOO_LONG,
                   _("The IMEI is too long: it has %u digits, an IMEI has 15. The 16-digit "
                     "IMEISV is not the IMEI."),
                   (guint) digits->len);
      return FALSE;
    }
  if (!luhn_valid (digits->str, digits->len))
    {
      g_set_error_literal (error, DESK_DEVICE_ID_ERROR, DESK_DEVICE_ID_ERROR_CHECK_DIGIT,
                           _("This IMEI has a typing mistake: its last digit does not match "
                             "the others. Check each digit against the phone."));
      return FALSE;
    }

  if (imei != NULL)
    *imei = g_string_free (g_steal_pointer (&digits), FALSE);

  return TRUE;
}

/**
 * desk_serial_check:
 * @text: a serial number as typed or scanned
 * @serial: (out) (optional) (transfer full): the serial number without the blanks around
 *   it, when valid
 * @error: return location for a #GError
 *
 * Serial numbers have no common check; this accepts letters, digits, and the dashes,
 * dots and slashes some makers print, up to 40 characters.
 *
 * Returns: %TRUE if @text can be a serial number; otherwise %FALSE with a
 *   #DESK_DEVICE_ID_ERROR
 */
gboolean
desk_serial_check (const char  *text,
                   char       **serial,
                   GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, DESK_DEVICE_ID_ERROR, DESK_DEVICE_ID_ERROR_MISSING,
                           _("Enter the serial number from the device's label or settings."));
      return FALSE;
    }

  for (const char *p = trimmed; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-./", *p) == NULL)
      {
        g_set_error_literal (error, DESK_DEVICE_ID_ERROR, DESK_DEVICE_ID_ERROR_SERIAL,
                             _("A serial number has letters and digits only, sometimes with "
                               "dashes, dots or slashes."));
        return FALSE;
      }

  if (strlen (trimmed) > SERIAL_MAX_LENGTH)
    {
      g_set_error (error, DESK_DEVICE_ID_ERROR, DESK_DEVICE_ID_ERROR_SERIAL,
                   _("The serial number is too long: it has %u characters, at most %d fit."),
                   (guint) strlen (trimmed), SERIAL_MAX_LENGTH);
      return FALSE;
    }

  if (serial != NULL)
    *serial = g_steal_pointer (&trimmed);

  return TRUE;
}

/**
 * desk_device_id_check:
 * @imei: (nullable): the IMEI field, or %NULL
 * @serial: (nullable): the serial number field, or %NULL
 * @error: return location for a #GError
 *
 * Checks what identifies a device on the intake form: an IMEI, or a serial number for
 * devices without one. An IMEI given is always checked, even beside a serial number.
 *
 * Returns: %TRUE if the device is identified; otherwise %FALSE with a #DESK_DEVICE_ID_ERROR
 */
gboolean
desk_device_id_check (const char  *imei,
                      const char  *serial,
                      GError     **error)
{
  gboolean has_imei = imei != NULL && strspn (imei, " \t") != strlen (imei);
  gboolean has_serial = serial != NULL && strspn (serial, " \t") != strlen (serial);

  if (has_imei)
    return desk_imei_check (imei, NULL, error);
  if (has_serial)
    return desk_serial_check (serial, NULL, error);

  g_set_error_literal (error, DESK_DEVICE_ID_ERROR, DESK_DEVICE_ID_ERROR_MISSING,
                       _("Enter the IMEI or, for a device without one, its serial number."));
  return FALSE;
}
