/* test-json-numbers.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-core.h"

/* Integers sent as text: the short plain ones are read without the C library, and must
 * read exactly as the general way reads them. */

typedef struct
{
  const char *text;
  gboolean    ok;
  gint64      value;
} IntCase;

static const IntCase int_cases[] = {
  { "0", TRUE, 0 },
  { "-0", TRUE, 0 },
  { "+5", TRUE, 5 },
  { "007", TRUE, 7 },
  { "1755", TRUE, 1755 },
  { "-62169955200", TRUE, G_GINT64_CONSTANT (-62169955200) },
  { " 42 ", TRUE, 42 },
  { "123456789012345678", TRUE, G_GINT64_CONSTANT (123456789012345678) },
  { "-123456789012345678", TRUE, G_GINT64_CONSTANT (-123456789012345678) },
  { "1234567890123456789", TRUE, G_GINT64_CONSTANT (1234567890123456789) },
  { "9223372036854775807", TRUE, G_MAXINT64 },
  { "2.00", TRUE, 2 },
  { "2.50", FALSE, 0 },
  { "-", FALSE, 0 },
  { "+", FALSE, 0 },
  { "", FALSE, 0 },
  { "12a", FALSE, 0 },
  { "a12", FALSE, 0 },
  { "1 2", FALSE, 0 },
  { "--1", FALSE, 0 },
  { "+-1", FALSE, 0 },
};

static void
test_integer_texts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (int_cases); i++)
    {
      const IntCase *c = &int_cases[i];
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), c->text);
      gint64 value = -1;
      gboolean ok = desk_json_node_get_int (node, &value);

      g_test_message ("\"%s\"", c->text);
      g_assert_cmpint (ok, ==, c->ok);
      if (c->ok)
        g_assert_cmpint (value, ==, c->value);
    }
}

/* Every text of four characters over the bytes that matter agrees with
 * g_ascii_strtoll's reading of it. */
static void
test_integer_texts_agree (void)
{
  static const char alphabet[] = "0123456789+-. x";
  char text[8];
  guint n = sizeof alphabet - 1;
  guint total = n * n * n * n;

  for (guint code = 0; code < total; code++)
    {
      g_autoptr(JsonNode) node = NULL;
      guint c = code;
      gint64 value = 0, expected = 0;
      gboolean ok, expected_ok;
      char *end = NULL;
      const char *start, *stop;
      char trimmed[8];

      for (guint k = 0; k < 4; k++, c /= n)
        text[k] = alphabet[c % n];
      text[4] = '\0';

      node = json_node_init_string (json_node_alloc (), text);
      ok = desk_json_node_get_int (node, &value);

      /* The general way, as desk-json reads a trimmed text. */
      start = text;
      while (*start == ' ')
        start++;
      stop = text + 4;
      while (stop > start && stop[-1] == ' ')
        stop--;
      memcpy (trimmed, start, stop - start);
      trimmed[stop - start] = '\0';
      expected = g_ascii_strtoll (trimmed, &end, 10);
      expected_ok = stop > start && end != trimmed;
      if (expected_ok && *end == '.')
        while (*++end == '0')
          ;
      expected_ok = expected_ok && *end == '\0';

      g_test_message ("\"%s\"", text);
      g_assert_cmpint (ok, ==, expected_ok);
      if (ok)
        g_assert_cmpint (value, ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/numbers/integer-texts", test_integer_texts);
  g_test_add_func ("/json/numbers/integer-texts-agree", test_integer_texts_agree);

  return g_test_run ();
}
