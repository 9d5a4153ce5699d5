/* desk-choice-button.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DESK_TYPE_CHOICE_BUTTON (desk_choice_button_get_type ())

G_DECLARE_FINAL_TYPE (DeskChoiceButton, desk_choice_button, DESK, CHOICE_BUTTON, GtkWidget)

GtkWidget  *desk_choice_button_new          (void);
GListModel *desk_choice_button_get_model    (DeskChoiceButton *self);
void        desk_choice_button_set_model    (DeskChoiceButton *self,
                                             GListModel       *model);
guint       desk_choice_button_get_selected (DeskChoiceButton *self);
void        desk_choice_button_set_selected (DeskChoiceButton *self,
                                             guint             position);

G_END_DECLS
