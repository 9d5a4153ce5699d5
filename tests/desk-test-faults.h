/* desk-test-faults.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-core.h"
#include "desk-page.h"
#include "desk-sandbox.h"
#include "widgets/desk-activity-indicator.h"

G_BEGIN_DECLS

/* The fault matrix: every screen of a table against every fault of the sandbox. A screen
 * is a row of hooks; desk_fault_matrix_add() makes one test case per screen and fault. */

typedef struct _DeskFaultBench  DeskFaultBench;
typedef struct _DeskFaultScreen DeskFaultScreen;

struct _DeskFaultBench
{
  DeskSandbox           *sandbox;
  DeskClock             *clock;      /* manual: retries and waits move only when asked */
  DeskApiClient         *client;
  DeskCatalog           *catalog;
  GSettings             *settings;
  DeskContext           *context;
  GtkWindow             *window;     /* a header bar with the activity indicator, the page */
  DeskActivityIndicator *indicator;
  DeskPage              *page;

  const DeskFaultScreen *screen;
  DeskSandboxFault       fault;
  const char            *fault_name;

  /* For the screen's hooks. */
  GtkWindow             *dialog;     /* a window of the screen's own (a form), if any */
  DeskRecord            *record;     /* the record the screen works on, if any */
  char                  *typed;      /* what the assistant typed */
  guint                  count;      /* a count taken before the fault */
  gint64                 wire_since; /* clock time a never-answered request was first seen */
  guint                  wire_count; /* the sandbox's request count before it */
  gboolean               shot_waiting; /* the header bar's refusal notice was saved */
  guint                  n_cancelled;  /* waits ended with the header bar's Cancel */
};

struct _DeskFaultScreen
{
  const char *name;
  /* The page, made around the bench's context. */
  DeskPage  *(*new_page)   (DeskFaultBench *bench);
  /* Brings the screen to where the request goes out: loaded, text typed. */
  void       (*prepare)    (DeskFaultBench *bench);
  /* Starts the request that meets the fault. */
  void       (*act)        (DeskFaultBench *bench);
  /* The screen has given up and is not busy any more. */
  gboolean   (*settled)    (DeskFaultBench *bench);
  /* The words the screen shows about it (transfer full), NULL when it shows none. */
  char      *(*message)    (DeskFaultBench *bench);
  /* What the assistant typed is still there. */
  void       (*check_kept) (DeskFaultBench *bench);
  /* Retry, or the screen's own way to try again. */
  void       (*retry)      (DeskFaultBench *bench);
  /* The rows or the record are on screen, the write is done. */
  gboolean   (*recovered)  (DeskFaultBench *bench);
  /* For writes: the change is on the server, once. May be NULL. */
  void       (*check_once) (DeskFaultBench *bench);
  /* Whether the screen may take a reply of mangled types as good (it then shows the
   * records without a message). */
  gboolean   tolerates_types;
};

#define DESK_FAULT_WAIT_MS 20000

void        desk_fault_matrix_add       (const DeskFaultScreen *screens,
                                         guint                  n_screens,
                                         const char            *only);
int         desk_fault_matrix_main      (int                    argc,
                                         char                 **argv,
                                         const DeskFaultScreen *screens,
                                         guint                  n_screens);

gboolean    desk_fault_bench_wait_for   (DeskFaultBench        *bench,
                                         gboolean             (*condition) (DeskFaultBench *bench));
void        desk_fault_bench_screenshot (DeskFaultBench        *bench,
                                         GtkWidget             *widget,
                                         const char            *state);
GtkWidget  *desk_fault_find             (GtkWidget             *root,
                                         GType                  type,
                                         const char            *name);
GtkWidget  *desk_fault_find_action      (GtkWidget             *root,
                                         const char            *action_name);
char       *desk_fault_visible_text     (GtkWidget             *root);
DeskCustomer *desk_fault_bench_read_customer (DeskFaultBench *bench,
                                             gint64          id);
guint       desk_fault_bench_count_tickets (DeskFaultBench     *bench,
                                            const char         *keyword);
guint       desk_fault_bench_count_customers (DeskFaultBench   *bench,
                                              const char       *keyword);
void        desk_fault_assert_words     (const char            *message);

G_END_DECLS
