/* desk-history-text.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-history-text"

#include "config.h"

#include <string.h>

#include "desk-history-text.h"

/* RepairDesk writes ticket history as HTML of its own: "<b>Ann</b> changed  <b>Status</b>",
 * with "&" sometimes bare and sometimes "&amp;", tags left open, and whatever a clerk typed
 * inside. This turns any such text into plain text and the stretches to show in bold. It
 * cannot fail: what is not a tag or an entity is text, every tag (closed or not) is dropped
 * (bold ones become ranges), and the result is valid UTF-8 with runs of white space made one. */

typedef struct
{
  GString *out;
  GArray  *bold;
  int      depth;        /* open bold tags */
  gsize    bold_start;
  gboolean space;        /* a space is owed before the next text */
} Parser;

static void
put_text (Parser     *p,
          const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isspace (text[i]))
        {
          p->space = p->out->len > 0;
          continue;
        }
      if (p->space)
        {
          g_string_append_c (p->out, ' ');
          p->space = FALSE;
          /* A space where bold begins stays outside it. */
          if (p->depth > 0 && p->bold_start == p->out->len - 1)
            p->bold_start = p->out->len;
        }
      g_string_append_c (p->out, text[i]);
    }
}

static void
close_bold (Parser *p)
{
  DeskTextRange range = { p->bold_start, p->out->len };

  if (range.end > range.start)
    g_array_append_val (p->bold, range);
}

static gboolean
is_bold_tag (const char *name,
             gsize       len)
{
  return (len == 1 && g_ascii_strncasecmp (name, "b", 1) == 0) ||
         (len == 6 && g_ascii_strncasecmp (name, "strong", 6) == 0);
}

static void
handle_tag (Parser     *p,
            const char *tag,
            gsize       len)
{
  gboolean closing = len > 0 && tag[0] == '/';
  const char *name = closing ? tag + 1 : tag;
  gsize name_len = 0;

  while (name + name_len < tag + len && g_ascii_isalnum (name[name_len]))
    name_len++;

  if ((name_len == 2 && g_ascii_strncasecmp (name, "br", 2) == 0) ||
      (name_len == 1 && g_ascii_strncasecmp (name, "p", 1) == 0))
    {
      p->space = p->out->len > 0;
      return;
    }
  if (!is_bold_tag (name, name_len))
    return;

  if (!closing && p->depth++ == 0)
    p->bold_start = p->out->len;
  else if (closing && p->depth > 0 && --p->depth == 0)
    close_bold (p);
}

/* The length of a tag starting at @s ('<'), or 0 when it is no tag but a "<" of text. A
 * "<" before a letter, "/" or "!" always starts a tag; one left open ends where the next
 * "<" begins, so that no piece of it is shown. */
static gsize
tag_length (const char *s,
            gboolean   *complete)
{
  const char *end;

  if (!g_ascii_isalpha (s[1]) && s[1] != '/' && s[1] != '!')
    return 0;

  end = strpbrk (s + 1, "<>");
  *complete = end != NULL && *end == '>';
  if (end == NULL)
    return strlen (s);

  return (gsize) (end - s) + (*complete ? 1 : 0);
}

static gunichar
named_entity (const char *name,
              gsize       len)
{
  static const struct { const char *name; gunichar c; } entities[] = {
    { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
    { "nbsp", ' ' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strlen (entities[i].name) == len && strncmp (entities[i].name, name, len) == 0)
      return entities[i].c;

  return 0;
}

static gunichar
numeric_entity (const char *digits,
                gsize       len)
{
  gboolean hex = len > 0 && (digits[0] == 'x' || digits[0] == 'X');
  g_autofree char *text = g_strndup (hex ? digits + 1 : digits, hex ? len - 1 : len);
  guint64 value = 0;

  if (*text == '\0' || !g_ascii_string_to_unsigned (text, hex ? 16 : 10, 1, 0x10FFFF,
                                                    &value, NULL))
    return 0;

  return g_unichar_validate (value) ? (gunichar) value : 0;
}

/* Decodes the entity at @s ('&') into *@c; returns its length, or 0 when it is a bare "&". */
static gsize
entity_length (const char *s,
               gunichar   *c)
{
  gsize len = 1;

  while (len < 12 && (g_ascii_isalnum (s[len]) || (len == 1 && s[len] == '#')))
    len++;
  if (s[len] != ';' || len < 2)
    return 0;

  *c = s[1] == '#' ? numeric_entity (s + 2, len - 2) : named_entity (s + 1, len - 1);
  return *c != 0 ? len + 1 : 0;
}

/**
 * desk_history_text_parse:
 * @markup: (nullable): a history entry as RepairDesk gives it
 * @bold: (out) (optional) (transfer full): the #DeskTextRange stretches in bold, in order
 *
 * Returns: (transfer full): the text to show, valid UTF-8, never %NULL
 */
char *
desk_history_text_parse (const char  *markup,
                         GArray     **bold)
{
  g_autofree char *valid = g_utf8_make_valid (markup != NULL ? markup : "", -1);
  Parser p = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (DeskTextRange)), 0, 0,
               FALSE };
  const char *s = valid;

  while (*s != '\0')
    {
      const char *stop = strpbrk (s, "<&");
      gunichar c = 0;
      gboolean complete = FALSE;
      gsize len;

      if (stop == NULL)
        stop = s + strlen (s);
      put_text (&p, s, stop - s);
      s = stop;
      if (*s == '<' && (len = tag_length (s, &complete)) > 0)
        {
          if (complete)
            handle_tag (&p, s + 1, len - 2);
        }
      else if (*s == '&' && (len = entity_length (s, &c)) > 0)
        {
          char utf8[6];

          put_text (&p, utf8, g_unichar_to_utf8 (c, utf8));
        }
      else if (*s == '<' && (s[1] == '<' || s[1] == '&'))
        len = 1;   /* a stray "<" that a tag or an entity would turn into one */
      else if (*s != '\0')
        put_text (&p, s, len = 1);
      else
        len = 0;
      s += len;
    }

  if (p.depth > 0)
    close_bold (&p);

  if (bold != NULL)
    *bold = g_steal_pointer (&p.bold);
  else
    g_array_unref (p.bold);

  return g_string_free (p.out, FALSE);
}
