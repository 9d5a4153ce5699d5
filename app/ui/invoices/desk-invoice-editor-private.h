/* desk-invoice-editor-private.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-customer-picker.h"
#include "desk-invoice-editor.h"
#include "desk-spinner.h"

G_BEGIN_DECLS

/* How many inventory matches the item search shows. */
#define DESK_INVOICE_EDITOR_MAX_RESULTS 8

struct _DeskInvoiceEditor
{
  AdwWindow            parent_instance;

  /* Template children */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  DeskSpinner         *spinner;
  GtkRevealer         *message_revealer;
  GtkWidget           *message_box;
  GtkLabel            *message_label;
  GtkButton           *send_again_button;
  GtkWidget           *form_box;
  DeskCustomerPicker  *customer_picker;
  GtkListBox          *chosen_list;
  AdwActionRow        *chosen_row;
  GtkSearchEntry      *item_search;
  GtkLabel            *item_hint;
  GtkListBox          *item_results;
  GtkListBox          *lines_list;
  GtkMenuButton       *due_button;
  GtkCalendar         *due_calendar;
  GtkLabel            *subtotal_label;
  GtkLabel            *discount_label;
  GtkLabel            *tax_label;
  GtkLabel            *total_label;
  GtkLabel            *bar_lines_label;
  GtkLabel            *bar_total_label;

  /* owned */
  DeskContext         *context;
  GCancellable        *cancellable;
  DeskCustomer        *customer;
  DeskChange          *change;
  DeskInvoice         *loaded;          /* the invoice being changed, as last read */
  DeskInvoice         *saved;
  DeskInventoryIndex  *index;
  GPtrArray           *lines;           /* DeskInvoiceEditorLine */
  GtkStringList       *tax_names;       /* "No Tax", then the shop's tax classes */
  GArray              *tax_ids;         /* gint64, beside tax_names */
  GArray              *tax_rates;       /* gint64 thousandths of a percent */
  GtkWidget           *result_rows[DESK_INVOICE_EDITOR_MAX_RESULTS];
  char                *message;
  GtkWidget           *focus_before;    /* weak: where the focus was before sending */

  /* state */
  gint64               invoice_id;
  gint64               due_on;
  gint64               pressed_at;
  DeskTotals           totals;
  gboolean             walk_in;
  gboolean             ready;
  gboolean             busy;
  gboolean             dirty;
  gboolean             lines_valid;
  gboolean             offer_send_again;
  gboolean             check_failed;     /* an unknown fate could not be checked */
  gboolean             filling;
  gboolean             showing_due;
  gboolean             disposing;
};

void     desk_invoice_editor_show_message    (DeskInvoiceEditor *self,
                                              const char        *message,
                                              const char        *style,
                                              gboolean           offer_send_again);
void     desk_invoice_editor_update_actions  (DeskInvoiceEditor *self);
void     desk_invoice_editor_show_due        (DeskInvoiceEditor *self);
gboolean desk_invoice_editor_is_new          (DeskInvoiceEditor *self);
void     desk_invoice_editor_set_busy        (DeskInvoiceEditor *self,
                                              gboolean           busy);
void     desk_invoice_editor_close           (DeskInvoiceEditor *self);
void     desk_invoice_editor_emit_saved      (DeskInvoiceEditor *self,
                                              DeskInvoice       *invoice);

/* desk-invoice-editor-save.c */
void     desk_invoice_editor_class_add_saving (GtkWidgetClass   *widget_class);

/* desk-invoice-editor-lines.c */
void     desk_invoice_editor_class_add_lines (GtkWidgetClass    *widget_class);
void     desk_invoice_editor_init_lines      (DeskInvoiceEditor *self);
void     desk_invoice_editor_search_items    (DeskInvoiceEditor *self);
void     desk_invoice_editor_update_totals   (DeskInvoiceEditor *self);
void     desk_invoice_editor_add_tax_classes (DeskInvoiceEditor *self,
                                              GListModel        *classes);
void     desk_invoice_editor_add_items_to    (DeskInvoiceEditor *self,
                                              DeskInvoice       *invoice);
void     desk_invoice_editor_fill            (DeskInvoiceEditor *self,
                                              DeskInvoice       *invoice);
char    *desk_invoice_editor_compare         (DeskInvoiceEditor *self,
                                              DeskInvoice       *invoice);
gboolean desk_invoice_editor_same_names      (DeskInvoiceEditor *self,
                                              GListModel        *items);

G_END_DECLS
