/* builder-tool-types.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Preloaded into gtk4-builder-tool so that it knows the parent types of Front Desk's
 * templates. Types used as children are found by the builder itself through their
 * *_get_type () symbols, which this module exports. */

#include "config.h"

#include <adwaita.h>

#include "intake/desk-intake-device.h"
#include "intake/desk-intake-page.h"
#include "invoices/desk-invoices-page.h"
#include "preferences/desk-intake-preferences.h"
#include "preferences/desk-preferences-window.h"
#include "signature/desk-signature-canvas.h"
#include "signature/desk-signature-pad.h"
#include "tickets/desk-tickets-page.h"
#include "welcome/desk-welcome-page.h"
#include "widgets/desk-activity-indicator.h"
#include "widgets/desk-customer-picker.h"
#include "widgets/desk-outbox-banner.h"
#include "widgets/desk-page.h"
#include "widgets/desk-results-view.h"
#include "widgets/desk-spinner.h"

__attribute__((constructor)) static void
register_types (void)
{
  g_type_ensure (ADW_TYPE_APPLICATION_WINDOW);
  g_type_ensure (ADW_TYPE_WINDOW);
  g_type_ensure (ADW_TYPE_BIN);
  g_type_ensure (ADW_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (ADW_TYPE_PREFERENCES_PAGE);
  g_type_ensure (ADW_TYPE_PREFERENCES_GROUP);
  g_type_ensure (ADW_TYPE_ACTION_ROW);
  g_type_ensure (ADW_TYPE_MESSAGE_DIALOG);
  g_type_ensure (ADW_TYPE_ENTRY_ROW);
  g_type_ensure (ADW_TYPE_PASSWORD_ENTRY_ROW);
  g_type_ensure (ADW_TYPE_LEAFLET);
  g_type_ensure (DESK_TYPE_WELCOME_PAGE);
  g_type_ensure (DESK_TYPE_TICKETS_PAGE);
  g_type_ensure (DESK_TYPE_INTAKE_PAGE);
  g_type_ensure (DESK_TYPE_INTAKE_DEVICE);
  g_type_ensure (DESK_TYPE_INVOICES_PAGE);
  g_type_ensure (DESK_TYPE_INTAKE_PREFERENCES);
  g_type_ensure (DESK_TYPE_PATTERN_GRID);
  g_type_ensure (ADW_TYPE_COMBO_ROW);
  g_type_ensure (ADW_TYPE_CLAMP);
  g_type_ensure (ADW_TYPE_TOAST_OVERLAY);
  g_type_ensure (DESK_TYPE_TICKET_DETAIL);
  g_type_ensure (DESK_TYPE_PAGE);
  g_type_ensure (DESK_TYPE_RESULTS_VIEW);
  g_type_ensure (DESK_TYPE_SPINNER);
  g_type_ensure (DESK_TYPE_ACTIVITY_INDICATOR);
  g_type_ensure (DESK_TYPE_CUSTOMER_PICKER);
  g_type_ensure (DESK_TYPE_OUTBOX_BANNER);
  g_type_ensure (DESK_TYPE_SIGNATURE_CANVAS);
  g_type_ensure (DESK_TYPE_SIGNATURE_PAD);
}

/* The templates' signal handlers are static functions of their classes, out of the
 * builder tool's reach; it looks them up by name in the program, so each is stood in for
 * here. A handler missing from this list fails validation, as a typo in a .ui would. */
#define TEMPLATE_HANDLER(name) void name (void); void name (void) { }

TEMPLATE_HANDLER (add_accessory_cb)
TEMPLATE_HANDLER (add_condition_cb)
TEMPLATE_HANDLER (back_button_clicked_cb)
TEMPLATE_HANDLER (changed_cb)
TEMPLATE_HANDLER (code_changed_cb)
TEMPLATE_HANDLER (content_stack_visible_child_cb)
TEMPLATE_HANDLER (customer_chosen_cb)
TEMPLATE_HANDLER (customer_stop_search_cb)
TEMPLATE_HANDLER (detail_message_cb)
TEMPLATE_HANDLER (detail_saved_cb)
TEMPLATE_HANDLER (dismiss_error_cb)
TEMPLATE_HANDLER (due_changed_cb)
TEMPLATE_HANDLER (due_day_selected_cb)
TEMPLATE_HANDLER (edge_reached_cb)
TEMPLATE_HANDLER (filter_changed_cb)
TEMPLATE_HANDLER (folded_changed_cb)
TEMPLATE_HANDLER (imei_changed_cb)
TEMPLATE_HANDLER (item_row_activated_cb)
TEMPLATE_HANDLER (item_search_activate_cb)
TEMPLATE_HANDLER (item_search_changed_cb)
TEMPLATE_HANDLER (key_row_apply_cb)
TEMPLATE_HANDLER (model_selected_cb)
TEMPLATE_HANDLER (money_changed_cb)
TEMPLATE_HANDLER (part_activated_cb)
TEMPLATE_HANDLER (part_search_activate_cb)
TEMPLATE_HANDLER (part_search_cb)
TEMPLATE_HANDLER (pattern_changed_cb)
TEMPLATE_HANDLER (pattern_clear_cb)
TEMPLATE_HANDLER (picker_shown_cb)
TEMPLATE_HANDLER (picker_stop_cb)
TEMPLATE_HANDLER (problem_activated_cb)
TEMPLATE_HANDLER (problem_search_activate_cb)
TEMPLATE_HANDLER (problem_search_cb)
TEMPLATE_HANDLER (referral_selected_cb)
TEMPLATE_HANDLER (related_more_clicked_cb)
TEMPLATE_HANDLER (related_row_activated_cb)
TEMPLATE_HANDLER (remove_clicked_cb)
TEMPLATE_HANDLER (search_activate_cb)
TEMPLATE_HANDLER (search_changed_cb)
TEMPLATE_HANDLER (search_stop_cb)
TEMPLATE_HANDLER (sidebar_row_activated_cb)
TEMPLATE_HANDLER (sidebar_row_selected_cb)
TEMPLATE_HANDLER (tax_selected_cb)
TEMPLATE_HANDLER (test_button_clicked_cb)
TEMPLATE_HANDLER (text_changed_cb)
TEMPLATE_HANDLER (url_row_apply_cb)
TEMPLATE_HANDLER (url_row_changed_cb)
