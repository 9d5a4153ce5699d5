/* desk-intake-device.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-core.h"
#include "desk-device-id.h"
#include "desk-intake-draft.h"
#include "desk-intake-totals.h"
#include "desk-pattern-grid.h"

G_BEGIN_DECLS

#define DESK_TYPE_INTAKE_DEVICE (desk_intake_device_get_type ())

G_DECLARE_FINAL_TYPE (DeskIntakeDevice, desk_intake_device, DESK, INTAKE_DEVICE, AdwBin)

GtkWidget        *desk_intake_device_new          (DeskCatalog       *catalog,
                                                   GSettings         *settings);
void              desk_intake_device_set_number   (DeskIntakeDevice  *self,
                                                   guint              number,
                                                   gboolean           removable);
DeskTicketDevice *desk_intake_device_get_device   (DeskIntakeDevice  *self);
const char       *desk_intake_device_get_problem  (DeskIntakeDevice  *self);
void              desk_intake_device_select_model (DeskIntakeDevice  *self,
                                                   gint64             device_id);
void              desk_intake_device_add_problem  (DeskIntakeDevice  *self,
                                                   DeskProblem       *problem);
void              desk_intake_device_add_part     (DeskIntakeDevice  *self,
                                                   DeskPart          *part);
void              desk_intake_device_set_condition (DeskIntakeDevice *self,
                                                   const char        *name,
                                                   int                state);
void              desk_intake_device_set_supplied (DeskIntakeDevice  *self,
                                                   const char        *name,
                                                   gboolean           supplied);
gboolean          desk_intake_device_get_conditions_complete (DeskIntakeDevice *self);
gboolean          desk_intake_device_get_empty    (DeskIntakeDevice  *self);
void              desk_intake_device_get_line     (DeskIntakeDevice  *self,
                                                   DeskIntakeLine    *line);
DeskPatternGrid  *desk_intake_device_get_pattern_grid (DeskIntakeDevice *self);
void              desk_intake_device_save         (DeskIntakeDevice  *self,
                                                   DeskIntakeDraft   *draft,
                                                   const char        *prefix);
void              desk_intake_device_restore      (DeskIntakeDevice  *self,
                                                   DeskIntakeDraft   *draft,
                                                   const char        *prefix);
GtkEditable      *desk_intake_device_get_field    (DeskIntakeDevice  *self,
                                                   const char        *property);

G_END_DECLS
