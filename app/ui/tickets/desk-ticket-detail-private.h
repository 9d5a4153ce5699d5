/* desk-ticket-detail-private.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-ticket-detail.h"
#include "desk-spinner.h"
#include "desk-status-icon.h"

G_BEGIN_DECLS

/* A value typed or chosen for one editable field of one device, not yet saved. */
typedef struct
{
  guint   position;
  gint64  device_id;
  char   *property;
  GValue  value;
} DeskDetailEdit;

struct _DeskTicketDetail
{
  GtkWidget       parent_instance;

  /* Template children */
  GtkWidget      *root_box;
  GtkWidget      *toolbar;
  GtkWidget      *toolbar_separator;
  GtkWidget      *back_button;
  AdwWindowTitle *title;
  DeskSpinner    *busy_spinner;
  GtkWidget      *convert_button;
  GtkRevealer    *unsaved_revealer;
  GtkLabel       *unsaved_label;
  GtkStack       *stack;
  AdwStatusPage  *none_page;
  AdwStatusPage  *error_page;
  GtkBox         *content;

  /* owned */
  DeskApiClient  *client;
  DeskCatalog    *catalog;
  DeskWriter     *writer;
  DeskTicket     *ticket;
  GCancellable   *cancellable;
  GCancellable   *write_cancellable;
  GHashTable     *rows;           /* "position:property" -> its row, borrowed */
  GPtrArray      *edits;          /* DeskDetailEdit: typed, not yet saved */
  GPtrArray      *sending;        /* DeskDetailEdit: in the change on its way */
  GHashTable     *stashed;        /* ticket id -> what was not saved on it */
  char           *unsaved_reason;
  char           *focus_property;

  /* state */
  gint64          writing_id;     /* the ticket the change or conversion on its way is for */
  guint           focus_position;
  gboolean        busy;
  gboolean        filling;
  gboolean        loaded;         /* the ticket is the server's whole record */
  gboolean        converted;
};

/* desk-ticket-detail.c */
void       desk_ticket_detail_say             (DeskTicketDetail *self,
                                               const char       *text);
void       desk_ticket_detail_set_busy        (DeskTicketDetail *self,
                                               gboolean          busy);
void       desk_ticket_detail_fill            (DeskTicketDetail *self);
void       desk_ticket_detail_take_ticket     (DeskTicketDetail *self,
                                               DeskTicket       *ticket);
gboolean   desk_ticket_detail_shows_ticket    (DeskTicketDetail *self,
                                               gint64            id);
void       desk_ticket_detail_update_actions  (DeskTicketDetail *self);

/* desk-ticket-detail-edits.c */
void       desk_ticket_detail_edits_class_init (GtkWidgetClass  *widget_class);
GtkWidget *desk_ticket_detail_device_group    (DeskTicketDetail *self,
                                               DeskTicketDevice *device,
                                               guint             position);
void       desk_ticket_detail_restore_edits   (DeskTicketDetail *self);
void       desk_ticket_detail_remember_focus  (DeskTicketDetail *self);
void       desk_ticket_detail_restore_focus   (DeskTicketDetail *self);
void       desk_ticket_detail_drop_edits      (DeskTicketDetail *self);
void       desk_ticket_detail_switch_edits    (DeskTicketDetail *self,
                                               gint64            from_id,
                                               gint64            to_id);
void       desk_ticket_detail_edit_free       (DeskDetailEdit   *edit);

G_END_DECLS
