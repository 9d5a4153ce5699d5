/* test-history-text.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-core.h"

/* RepairDesk's history markup into text and bold ranges: known entries by hand, then
 * thousands of random ones made of the pieces that trouble a markup parser. */

static char *
bold_parts (const char *markup)
{
  g_autoptr(GArray) bold = NULL;
  g_autofree char *text = desk_history_text_parse (markup, &bold);
  GString *out = g_string_new (text);

  g_string_append (out, " |");
  for (guint i = 0; i < bold->len; i++)
    {
      DeskTextRange *r = &g_array_index (bold, DeskTextRange, i);

      g_string_append_printf (out, " [%.*s]", (int) (r->end - r->start), text + r->start);
    }

  return g_string_free (out, FALSE);
}

static void
test_known (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "<b>Ann</b> changed  <b>Status</b> from <b>Pending</b> - <b>Repaired & Collected</b>",
      "Ann changed Status from Pending - Repaired & Collected | [Ann] [Status] [Pending] [Repaired & Collected]" },
    { "<b>Ann</b> created ticket # <b> T-1042</b>", "Ann created ticket # T-1042 | [Ann] [T-1042]" },
    { "Tom &amp; Jerry &lt;b&gt; &#38; &#x26; &nbsp;x", "Tom & Jerry <b> & & x |" },
    { "<b>open to the end", "open to the end | [open to the end]" },
    { "a < b and c > d", "a < b and c > d |" },
    { "</b>stray close<b></b>", "stray close |" },
    { "<B>Caps</B><strong>Strong</strong>", "CapsStrong | [Caps] [Strong]" },
    { "line<br>break<br/>again", "line break again |" },
    { "<a href=\"x\">link</a> <i>it</i>", "link it |" },
    { "&bogus; &#0; &#xD800; &#99999999; &", "&bogus; &#0; &#xD800; &#99999999; & |" },
    { "", " |" },
    { "<b", " |" },
    { "x</<br>b>", "x b> |" },
    { "3 <5 and <<b>Ann</b>>", "3 <5 and Ann> | [Ann]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = bold_parts (cases[i].in);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

static void
test_null_and_invalid (void)
{
  g_autofree char *none = desk_history_text_parse (NULL, NULL);
  g_autofree char *bad = desk_history_text_parse ("caf\xc3 <b>\xff</b>", NULL);

  g_assert_cmpstr (none, ==, "");
  g_assert_true (g_utf8_validate (bad, -1, NULL));
}

/* Whether a tag of the input made its way into the text. */
static gboolean
has_tag (const char *text)
{
  static const char * const tags[] = { "<b>", "</b>", "<strong>", "</strong>", "<br>", "<br/>",
                                       "<i>", "</i>", "<a ", "</a>", "<!--", "<b", "</" };
  g_autofree char *lower = g_ascii_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (strstr (lower, tags[i]) != NULL)
      return TRUE;

  return FALSE;
}

static void
test_fuzz (void)
{
  /* No entity that decodes to "<" or ">" here: those are text, and may spell a tag. */
  static const char * const pieces[] = {
    "<b>", "</b>", "<B>", "</B>", "<strong>", "</strong>", "<br>", "<br/>", "<i>", "</i>",
    "<a href=\"x\">", "</a>", "<!-- c -->", "<b", "</", "<", ">", "<<", ">>", "&", "&amp;",
    "&#38;", "&#x26;", "&quot;", "&nbsp;", "&bogus;", "&#;", "&#x;", "&#99999999;",
    "&#xD800;", "&amp", "Ann", "Repaired", " ", "  ", "\t", "\n", "é", "💥", "\"", "'",
    "\xff", "\xc3", "\xe2\x82", "-", "#", ";", "b>", "/b>",
  };
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint n = 0; n < 20000; n++)
    {
      g_autoptr(GString) in = g_string_new (NULL);
      g_autoptr(GArray) bold = NULL;
      g_autofree char *text = NULL;
      guint len = g_rand_int_range (rand, 0, 24);
      gsize text_len;
      guint last_end = 0;

      for (guint i = 0; i < len; i++)
        g_string_append (in, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      text = desk_history_text_parse (in->str, &bold);
      text_len = strlen (text);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      if (has_tag (text))
        g_error ("A tag leaked from “%s” into “%s”", in->str, text);
      g_assert_false (g_str_has_prefix (text, " "));
      g_assert_false (g_str_has_suffix (text, " "));
      g_assert_null (strstr (text, "  "));

      for (guint i = 0; i < bold->len; i++)
        {
          DeskTextRange *r = &g_array_index (bold, DeskTextRange, i);

          g_assert_cmpuint (r->start, <, r->end);
          g_assert_cmpuint (r->start, >=, last_end);
          g_assert_cmpuint (r->end, <=, text_len);
          g_assert_true (g_utf8_validate (text + r->start, r->end - r->start, NULL));
          last_end = r->end;
        }
    }

  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/history-text/known", test_known);
  g_test_add_func ("/history-text/null-and-invalid", test_null_and_invalid);
  g_test_add_func ("/history-text/fuzz", test_fuzz);

  return g_test_run ();
}
