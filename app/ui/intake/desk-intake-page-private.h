/* desk-intake-page-private.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-customer-picker.h"
#include "desk-intake-device.h"
#include "desk-intake-page.h"
#include "desk-spinner.h"
#include "signature/desk-signature-pad.h"

G_BEGIN_DECLS

struct _DeskIntakePage
{
  DeskPage            parent_instance;

  /* Template children */
  AdwToastOverlay    *toast_overlay;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  DeskCustomerPicker *customer_picker;
  GtkListBox         *chosen_list;
  AdwActionRow       *chosen_row;
  GtkBox             *devices_box;
  AdwComboRow        *status_row;
  AdwComboRow        *task_type_row;
  AdwComboRow        *technician_row;
  GtkMenuButton      *due_button;
  GtkCalendar        *due_calendar;
  GtkSpinButton      *due_hour;
  AdwEntryRow        *staff_comments_row;
  AdwEntryRow        *public_comments_row;
  GtkLabel           *subtotal_label;
  GtkLabel           *discount_label;
  GtkLabel           *tax_label;
  GtkLabel           *total_label;
  GtkLabel           *blocker_label;
  DeskSpinner        *busy_spinner;
  AdwPreferencesGroup *signature_group;
  AdwPreferencesGroup *waiting_group;
  GtkWidget          *send_again_button;
  GtkWidget          *check_again_button;
  DeskSignaturePad   *signature_pad;

  /* owned */
  DeskCustomer       *customer;
  DeskCustomer       *queued_customer;   /* a new customer waiting in the outbox... */
  char               *queued_customer_change;   /* ...under this change */
  DeskTicket         *created;
  DeskSignature      *signature;
  GListStore         *devices;        /* DeskIntakeDevice */
  GCancellable       *cancellable;
  char               *blocker;
  char               *error;
  char               *totals_problem;
  DeskIntakeDraft    *draft;
  GCancellable       *drafts_cancellable;
  GPtrArray          *waiting_rows;

  /* state */
  DeskTotals          totals;
  gboolean            walk_in;
  gboolean            busy;
  gboolean            updating;
  gboolean            restoring;
  gboolean            unknown;        /* a create whose fate is not known yet */
  gint64              sent_at;
  gboolean            draft_saved;
  guint               save_source;
};

void              desk_intake_page_update            (DeskIntakePage  *self);
void              desk_intake_page_show_chosen       (DeskIntakePage  *self);
void              desk_intake_page_class_add_customer (GtkWidgetClass *widget_class);
void              desk_intake_page_set_up_customer   (DeskIntakePage  *self);
void              desk_intake_page_class_add_create  (GtkWidgetClass *widget_class);
void              desk_intake_page_show_error        (DeskIntakePage  *self,
                                                      const char      *text);
void              desk_intake_page_set_busy          (DeskIntakePage  *self,
                                                      gboolean         busy);
const char       *desk_intake_page_find_blocker      (DeskIntakePage  *self);
void              desk_intake_page_start_over        (DeskIntakePage  *self);
DeskIntakeDevice *desk_intake_page_add_device        (DeskIntakePage  *self);
void              desk_intake_page_clear             (DeskIntakePage  *self);
GDateTime        *desk_intake_page_get_due           (DeskIntakePage  *self);
void              desk_intake_page_set_due           (DeskIntakePage  *self,
                                                      GDateTime       *due);

void              desk_intake_page_save_draft        (DeskIntakePage  *self);
void              desk_intake_page_save_draft_soon   (DeskIntakePage  *self);
void              desk_intake_page_new_draft         (DeskIntakePage  *self);
void              desk_intake_page_delete_draft      (DeskIntakePage  *self);
void              desk_intake_page_discard_draft     (DeskIntakePage  *self,
                                                      DeskIntakeDraft *draft);
void              desk_intake_page_refresh_waiting   (DeskIntakePage  *self);

G_END_DECLS
