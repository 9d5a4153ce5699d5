/* desk-intake-device-private.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-intake-device.h"

G_BEGIN_DECLS

/* What a pre-condition was found to be; "not tested" is not sent. */
enum {
  CONDITION_NOT_TESTED = -1,
  CONDITION_BROKEN = 0,
  CONDITION_WORKS = 1,
};

struct _DeskIntakeDevice
{
  AdwBin              parent_instance;

  /* Template children */
  AdwPreferencesGroup *device_group;
  GtkButton           *remove_button;
  GtkDropDown         *model_dropdown;
  AdwEntryRow         *imei_row;
  AdwActionRow        *imei_problem_row;
  AdwEntryRow         *serial_row;
  AdwEntryRow         *network_row;
  AdwEntryRow         *security_row;
  AdwActionRow        *pattern_row;
  DeskPatternGrid     *pattern_grid;
  AdwActionRow        *code_problem_row;
  AdwEntryRow         *location_row;
  AdwPreferencesGroup *problems_group;
  AdwActionRow        *no_lines_row;
  GtkPopover          *problem_popover;
  GtkSearchEntry      *problem_search;
  GtkListView         *problem_view;
  GtkPopover          *part_popover;
  GtkSearchEntry      *part_search;
  GtkListView         *part_view;
  AdwEntryRow         *price_row;
  AdwEntryRow         *discount_row;
  AdwActionRow        *money_problem_row;
  AdwComboRow         *tax_row;
  AdwPreferencesGroup *conditions_group;
  AdwPreferencesGroup *supplied_group;

  /* owned */
  DeskCatalog         *catalog;
  GSettings           *settings;
  GListModel          *device_problems;
  GtkFilterListModel  *problem_choices;
  GtkFilterListModel  *part_choices;
  GListStore          *problems;       /* DeskProblem, as chosen */
  GListStore          *parts;          /* DeskPartLine, as chosen */
  GHashTable          *conditions;     /* name -> CONDITION_* */
  GHashTable          *supplied;       /* name -> TRUE when handed over */
  GPtrArray           *line_rows;
  GPtrArray           *supplied_rows;
  GPtrArray           *condition_buttons;
  GStrv                condition_names; /* the shop's pre-conditions, in order */
  GdkFrameClock       *paint_clock;    /* while the rows wait for the first frame */
  GArray              *line_parts;     /* DeskIntakePart, for desk_intake_device_get_line() */
  GArray              *problem_prices; /* gint64, likewise */

  /* state */
  gint64               price;
  gint64               discount;
  gboolean             price_typed;
  gboolean             updating;
  gboolean             rows_built;
};

void        desk_intake_device_emit_changed       (DeskIntakeDevice *self);
DeskDevice *desk_intake_device_get_model          (DeskIntakeDevice *self);
void        desk_intake_device_add_part_quantity  (DeskIntakeDevice *self,
                                                   DeskPart         *part,
                                                   gint64            quantity);
void        desk_intake_device_set_up_conditions  (DeskIntakeDevice *self);
void        desk_intake_device_add_conditions_to  (DeskIntakeDevice *self,
                                                   DeskTicketDevice *device);
void        desk_intake_device_build_condition_rows (DeskIntakeDevice *self);
void        desk_intake_device_clear_conditions   (DeskIntakeDevice *self);

G_END_DECLS
