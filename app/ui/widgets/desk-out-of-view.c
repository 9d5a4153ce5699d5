/* desk-out-of-view.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-out-of-view.h"

/* What a screen holds out of view is a hidden widget until it comes into view. GTK 4.8
 * works out the style of every visible widget of a window, and measures it, whether a
 * stack or a revealer shows it or not: a page of a stack that is not the one in view, or
 * what a concealed revealer holds, cost as much in the window's first frame as what it
 * draws. */

/**
 * desk_stack_show_child:
 * @stack: a #GtkStack whose pages may be hidden widgets until first shown
 * @name: the name of one of its pages
 *
 * Shows the page @name of @stack, making it a visible widget first.
 */
void
desk_stack_show_child (GtkStack   *stack,
                       const char *name)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_STACK (stack));

  child = gtk_stack_get_child_by_name (stack, name);
  g_return_if_fail (child != NULL);

  gtk_widget_set_visible (child, TRUE);
  gtk_stack_set_visible_child (stack, child);
}

static void
update_revealer_child (GtkRevealer *revealer)
{
  GtkWidget *child = gtk_revealer_get_child (revealer);

  if (child != NULL)
    gtk_widget_set_visible (child, gtk_revealer_get_reveal_child (revealer) ||
                                   gtk_revealer_get_child_revealed (revealer));
}

/**
 * desk_revealer_hide_concealed:
 * @revealer: a #GtkRevealer
 *
 * From now on, what @revealer holds is a hidden widget whenever it is concealed: it is
 * made visible as the revealer starts to reveal it, and hidden once the revealer has
 * concealed it again. The child of @revealer must not change afterwards.
 */
void
desk_revealer_hide_concealed (GtkRevealer *revealer)
{
  g_return_if_fail (GTK_IS_REVEALER (revealer));

  g_signal_connect (revealer, "notify::reveal-child", G_CALLBACK (update_revealer_child), NULL);
  g_signal_connect (revealer, "notify::child-revealed", G_CALLBACK (update_revealer_child), NULL);
  update_revealer_child (revealer);
}
