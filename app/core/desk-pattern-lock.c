/* desk-pattern-lock.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-pattern-lock"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "desk-pattern-lock.h"

/* The grid, as the phone shows it:
 *
 *   1 2 3
 *   4 5 6
 *   7 8 9
 *
 * A line between two dots that passes over a third (1 to 3 over 2, 1 to 9 over 5, ...)
 * visits that third dot on the way unless it was visited before, so "1-3" can never be
 * drawn: the phone records "1-2-3". Drawing applies the rule; parsing refuses a pattern
 * that breaks it, so that what is stored is what unlocks the phone. */

/* The dot between @a and @b when they are two steps apart in a row, column or diagonal;
 * 0 otherwise. */
static guint
middle_dot (guint a,
            guint b)
{
  int ax = (a - 1) % 3, ay = (a - 1) / 3;
  int bx = (b - 1) % 3, by = (b - 1) / 3;

  if ((ax + bx) % 2 != 0 || (ay + by) % 2 != 0)
    return 0;

  return (guint) ((ay + by) / 2 * 3 + (ax + bx) / 2 + 1);
}

static gboolean
has_dot (const DeskPatternLock *self,
         guint                  dot)
{
  for (guint i = 0; i < self->n_dots; i++)
    if (self->dots[i] == dot)
      return TRUE;

  return FALSE;
}

/**
 * desk_pattern_lock_init:
 * @self: a pattern to clear
 */
void
desk_pattern_lock_init (DeskPatternLock *self)
{
  g_return_if_fail (self != NULL);

  *self = (DeskPatternLock) { { 0, }, 0 };
}

/**
 * desk_pattern_lock_add_dot:
 * @self: a pattern being drawn
 * @dot: the dot the finger reached, 1 to 9
 *
 * Adds @dot as the phone does: an unvisited dot the line passes over on its way is added
 * first.
 *
 * Returns: %FALSE, leaving @self as it was, if @dot is not on the grid or already visited
 */
gboolean
desk_pattern_lock_add_dot (DeskPatternLock *self,
                           guint            dot)
{
  guint middle;

  g_return_val_if_fail (self != NULL, FALSE);

  if (dot < 1 || dot > 9 || has_dot (self, dot))
    return FALSE;

  if (self->n_dots > 0)
    {
      middle = middle_dot (self->dots[self->n_dots - 1], dot);
      if (middle != 0 && !has_dot (self, middle))
        self->dots[self->n_dots++] = (guint8) middle;
    }

  self->dots[self->n_dots++] = (guint8) dot;

  return TRUE;
}

/**
 * desk_pattern_lock_validate:
 * @self: a pattern
 * @error: return location for a #GError
 *
 * Checks that @self is a pattern a phone accepts: dots 1 to 9, none twice, at least
 * %DESK_PATTERN_LOCK_MIN_DOTS, and no unvisited dot jumped over.
 *
 * Returns: %TRUE if it is; otherwise %FALSE with %G_IO_ERROR_INVALID_DATA and the reason
 */
gboolean
desk_pattern_lock_validate (const DeskPatternLock  *self,
                            GError                **error)
{
  DeskPatternLock replay;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->n_dots > 9)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A pattern has at most 9 dots."));
      return FALSE;
    }

  desk_pattern_lock_init (&replay);
  for (guint i = 0; i < self->n_dots; i++)
    {
      guint dot = self->dots[i];

      if (dot < 1 || dot > 9)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The dots of a pattern are numbered 1 to 9; there is no dot %u."), dot);
          return FALSE;
        }
      if (has_dot (&replay, dot))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Dot %u is in the pattern twice; a pattern visits each dot once."),
                       dot);
          return FALSE;
        }

      desk_pattern_lock_add_dot (&replay, dot);
      if (replay.n_dots != i + 1)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The line from dot %u to dot %u passes over dot %u, so the phone "
                         "takes dot %u too: write it in between."),
                       (guint) self->dots[i - 1], dot, (guint) replay.dots[i],
                       (guint) replay.dots[i]);
          return FALSE;
        }
    }

  if (self->n_dots < DESK_PATTERN_LOCK_MIN_DOTS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A pattern joins at least %d dots."), DESK_PATTERN_LOCK_MIN_DOTS);
      return FALSE;
    }

  return TRUE;
}

/**
 * desk_pattern_lock_format:
 * @self: a pattern
 *
 * Returns: (transfer full): the dots joined by dashes, "1-5-9-6"; "" for no dots
 */
char *
desk_pattern_lock_format (const DeskPatternLock *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_sized_new (2 * 9);
  for (guint i = 0; i < self->n_dots && i < 9; i++)
    g_string_append_printf (text, i == 0 ? "%u" : "-%u", (guint) self->dots[i]);

  return g_string_free (text, FALSE);
}

/**
 * desk_pattern_lock_parse:
 * @text: a pattern as the shop writes it, "1-5-9-6" (spaces around the dashes allowed)
 * @self: (out): the pattern
 * @error: return location for a #GError
 *
 * Reads and validates a pattern written by desk_pattern_lock_format() or by hand.
 *
 * Returns: %TRUE if @text is a valid pattern; otherwise %FALSE with
 *   %G_IO_ERROR_INVALID_DATA and the reason in words for the counter
 */
gboolean
desk_pattern_lock_parse (const char       *text,
                         DeskPatternLock  *self,
                         GError          **error)
{
  g_auto(GStrv) parts = NULL;
  DeskPatternLock parsed;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  desk_pattern_lock_init (&parsed);
  parts = g_strsplit (text, "-", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);

      if (parsed.n_dots == 9)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("A pattern has at most 9 dots."));
          return FALSE;
        }
      if (part[0] < '0' || part[0] > '9' || part[1] != '\0')
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Write a pattern as dot numbers 1 to 9 joined by dashes, "
                                 "for example 1-5-9-6."));
          return FALSE;
        }
      parsed.dots[parsed.n_dots++] = (guint8) (part[0] - '0');
    }

  if (!desk_pattern_lock_validate (&parsed, error))
    return FALSE;

  *self = parsed;
  return TRUE;
}
