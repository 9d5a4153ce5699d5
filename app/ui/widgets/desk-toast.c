/* desk-toast.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-toast"

#include "config.h"

#include "desk-toast.h"

/* libadwaita 1.2 cuts a toast's title off at one line, mid-word, which loses the reason
 * of an error. A Front Desk toast wraps instead: a short text reads as before, a long one
 * takes the lines it needs, and it stays up long enough to be read. */

#define SHORT_TEXT 40          /* characters that fit on one line of a toast */
#define SECONDS_PER_WORDS 4    /* of reading time, per 12 words */

/**
 * desk_toast_new:
 * @text: what to say, in full
 *
 * Returns: (transfer full): a toast whose text is never cut off
 */
AdwToast *
desk_toast_new (const char *text)
{
  AdwToast *toast = adw_toast_new (text);
  GtkWidget *label;
  guint words = 1;

  g_return_val_if_fail (text != NULL, NULL);

  if (g_utf8_strlen (text, -1) <= SHORT_TEXT)
    return toast;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == ' ')
      words++;

  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A toast gives its title the width it asks for, not less: asking for no more than a
   * 360 px window has keeps the text inside the toast there too. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, MAX (5, SECONDS_PER_WORDS * (words / 12 + 1)));

  return toast;
}
