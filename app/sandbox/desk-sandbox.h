/* desk-sandbox.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The fixed key of the demo store. It is no secret: the README gives it. */
#define DESK_SANDBOX_DEMO_API_KEY "frontdesk-demo"

#define DESK_TYPE_SANDBOX (desk_sandbox_get_type ())

G_DECLARE_FINAL_TYPE (DeskSandbox, desk_sandbox, DESK, SANDBOX, GObject)

typedef enum
{
  DESK_SANDBOX_FAULT_NONE,
  DESK_SANDBOX_FAULT_HTTP_500,
  DESK_SANDBOX_FAULT_HTML_502,
  DESK_SANDBOX_FAULT_DROP_MID_BODY,
  DESK_SANDBOX_FAULT_TRUNCATED_JSON,
  DESK_SANDBOX_FAULT_WRONG_TYPES,
  DESK_SANDBOX_FAULT_HUGE_LIST,
  DESK_SANDBOX_FAULT_EMPTY_BODY,
  DESK_SANDBOX_FAULT_NEVER_ANSWER,
  DESK_SANDBOX_FAULT_RATE_LIMIT_BODY,
  DESK_SANDBOX_FAULT_RATE_LIMIT_HTTP,
  DESK_SANDBOX_N_FAULTS
} DeskSandboxFault;

DeskSandbox *desk_sandbox_new               (void);
gboolean     desk_sandbox_start             (DeskSandbox      *self,
                                             guint16           port,
                                             GError          **error);
const char  *desk_sandbox_get_url           (DeskSandbox      *self);
void         desk_sandbox_stop              (DeskSandbox      *self);
gboolean     desk_sandbox_reset             (DeskSandbox      *self,
                                             GError          **error);
void         desk_sandbox_set_fault         (DeskSandbox      *self,
                                             DeskSandboxFault  fault,
                                             double            share);
void         desk_sandbox_set_fault_times   (DeskSandbox      *self,
                                             DeskSandboxFault  fault,
                                             guint             times);
void         desk_sandbox_set_route_latency (DeskSandbox      *self,
                                             const char       *route_prefix,
                                             guint             ms);
guint        desk_sandbox_get_request_count (DeskSandbox      *self);

DeskSandboxFault desk_sandbox_fault_from_string (const char *name);

G_END_DECLS
