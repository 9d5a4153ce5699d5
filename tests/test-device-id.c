/* test-device-id.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-device-id.h"

static void
assert_imei_refused (const char        *text,
                     DeskDeviceIdError  code,
                     const char        *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *imei = NULL;

  g_assert_false (desk_imei_check (text, &imei, &error));
  g_assert_error (error, DESK_DEVICE_ID_ERROR, code);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_null (imei);
}

static void
test_imei_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *imei = NULL;
  g_autofree char *grouped = NULL;

  g_assert_true (desk_imei_check ("356938035643809", &imei, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (imei, ==, "356938035643809");

  /* As printed on a box, with groups. */
  g_assert_true (desk_imei_check (" 49-015420-323751-8 ", &grouped, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (grouped, ==, "490154203237518");
  g_assert_true (desk_imei_check ("35 693803 564380 9", NULL, NULL));
}

static void
test_imei_refused (void)
{
  assert_imei_refused ("35693803564380", DESK_DEVICE_ID_ERROR_TOO_SHORT, "14 digits");
  assert_imei_refused ("3", DESK_DEVICE_ID_ERROR_TOO_SHORT, "1 digit,");
  assert_imei_refused ("3569380356438090", DESK_DEVICE_ID_ERROR_TOO_LONG, "16 digits");
  assert_imei_refused ("35693803564380A", DESK_DEVICE_ID_ERROR_NOT_DIGITS, "digits only");
  assert_imei_refused ("３56938035643809", DESK_DEVICE_ID_ERROR_NOT_DIGITS, "digits only");
  assert_imei_refused ("356938035643808", DESK_DEVICE_ID_ERROR_CHECK_DIGIT, "typing mistake");
  assert_imei_refused ("  ", DESK_DEVICE_ID_ERROR_MISSING, "*#06#");
}

/* The check digit catches every single mistyped digit, and swapped neighbours unless they
 * are 0 and 9. */
static void
test_imei_typos (void)
{
  const char *valid = "490154203237518";

  for (guint i = 0; i < 15; i++)
    for (char d = '0'; d <= '9'; d++)
      {
        g_autofree char *typo = g_strdup (valid);
        g_autoptr(GError) error = NULL;

        if (typo[i] == d)
          continue;
        typo[i] = d;
        g_assert_false (desk_imei_check (typo, NULL, &error));
        g_assert_error (error, DESK_DEVICE_ID_ERROR, DESK_DEVICE_ID_ERROR_CHECK_DIGIT);
      }

  for (guint i = 0; i + 1 < 15; i++)
    {
      g_autofree char *swapped = g_strdup (valid);
      char c = swapped[i];

      if (swapped[i] == swapped[i + 1] ||
          (MIN (swapped[i], swapped[i + 1]) == '0' && MAX (swapped[i], swapped[i + 1]) == '9'))
        continue;
      swapped[i] = swapped[i + 1];
      swapped[i + 1] = c;
      g_assert_false (desk_imei_check (swapped, NULL, NULL));
    }
}

static void
test_serial (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *long_serial = g_strnfill (41, 'A');

  g_assert_true (desk_serial_check ("  C02XK1JHJG5H ", &serial, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (serial, ==, "C02XK1JHJG5H");
  g_assert_true (desk_serial_check ("R58M-12.AB/7", NULL, NULL));

  g_assert_false (desk_serial_check ("SN 1234", NULL, &error));
  g_assert_error (error, DESK_DEVICE_ID_ERROR, DESK_DEVICE_ID_ERROR_SERIAL);
  g_clear_error (&error);
  g_assert_false (desk_serial_check (long_serial, NULL, &error));
  g_assert_error (error, DESK_DEVICE_ID_ERROR, DESK_DEVICE_ID_ERROR_SERIAL);
  g_assert_nonnull (strstr (error->message, "41 characters"));
  g_clear_error (&error);
  g_assert_false (desk_serial_check ("", NULL, &error));
  g_assert_error (error, DESK_DEVICE_ID_ERROR, DESK_DEVICE_ID_ERROR_MISSING);
}

/* The form's rule: an IMEI, or a serial for a device without one; an IMEI typed is
 * checked even when a serial is there too. */
static void
test_device_id (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_device_id_check ("356938035643809", NULL, NULL));
  g_assert_true (desk_device_id_check ("", "C02XK1JHJG5H", NULL));
  g_assert_true (desk_device_id_check (NULL, "C02XK1JHJG5H", NULL));
  g_assert_true (desk_device_id_check ("356938035643809", "C02XK1JHJG5H", NULL));

  g_assert_false (desk_device_id_check ("356938035643808", "C02XK1JHJG5H", &error));
  g_assert_error (error, DESK_DEVICE_ID_ERROR, DESK_DEVICE_ID_ERROR_CHECK_DIGIT);
  g_clear_error (&error);

  g_assert_false (desk_device_id_check (" ", "", &error));
  g_assert_error (error, DESK_DEVICE_ID_ERROR, DESK_DEVICE_ID_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "IMEI or"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/device-id/imei-valid", test_imei_valid);
  g_test_add_func ("/device-id/imei-refused", test_imei_refused);
  g_test_add_func ("/device-id/imei-typos", test_imei_typos);
  g_test_add_func ("/device-id/serial", test_serial);
  g_test_add_func ("/device-id/either", test_device_id);

  return g_test_run ();
}
