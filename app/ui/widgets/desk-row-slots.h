/* desk-row-slots.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DESK_TYPE_ROW_SLOT (desk_row_slot_get_type ())
G_DECLARE_FINAL_TYPE (DeskRowSlot, desk_row_slot, DESK, ROW_SLOT, GObject)

gpointer      desk_row_slot_get_item (DeskRowSlot *self);
gpointer      desk_row_slots_item_of (GtkListItem *item);

#define DESK_TYPE_ROW_SLOTS (desk_row_slots_get_type ())
G_DECLARE_FINAL_TYPE (DeskRowSlots, desk_row_slots, DESK, ROW_SLOTS, GObject)

DeskRowSlots *desk_row_slots_new           (GListModel   *model);
void          desk_row_slots_fit           (DeskRowSlots *self,
                                            GtkWidget    *view);
void          desk_row_slots_show_position (DeskRowSlots *self,
                                            guint         position);

void          desk_row_slots_free_row_after_frame (GtkListItem *item);

G_END_DECLS
