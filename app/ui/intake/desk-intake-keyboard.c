/* desk-intake-keyboard.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-intake"

#include "config.h"

#include "desk-intake-private.h"

/* Enter in a one-line field of the intake moves on to the next field, as the eye moves down
 * a paper form; Ctrl+Enter creates the ticket. The next field is the one Tab reaches, past
 * the field's own buttons (the passcode's reveal button). */

#define MAX_STEPS 8

void
desk_intake_move_on (GtkWidget *field)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (field));

  root = gtk_widget_get_root (field);
  if (root == NULL)
    return;

  for (guint i = 0; i < MAX_STEPS; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD))
        return;

      focus = gtk_root_get_focus (root);
      if (focus == NULL || (focus != field && !gtk_widget_is_ancestor (focus, field)))
        return;
    }
}
