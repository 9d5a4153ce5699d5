/* desk-message-dialog.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-message-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-accessible.h"
#include "desk-message-dialog.h"

/**
 * desk_message_dialog_ask:
 * @response_cb: called as `response_cb (object, response)`, for as long as @object lives
 *
 * Presents a question with Cancel and one action, @action_id. Enter picks the action,
 * unless it is destructive: then Cancel is the default, so that nothing is lost by a
 * stray keypress. Escape cancels.
 */
AdwMessageDialog *
desk_message_dialog_ask (GtkWindow             *parent,
                         const char            *heading,
                         const char            *body,
                         const char            *action_id,
                         const char            *action_label,
                         AdwResponseAppearance  appearance,
                         GCallback              response_cb,
                         gpointer               object)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    action_id, action_label,
                                    NULL);
  desk_accessible_tidy_mnemonics (GTK_WIDGET (dialog));
  adw_message_dialog_set_response_appearance (dialog, action_id, appearance);
  adw_message_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_DESTRUCTIVE
                                                   ? "cancel" : action_id);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", response_cb, object, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
