/* fuzz-common.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>

/* What every target shares. A critical or a warning is a programming error reached from
 * outside input, so it stops the run like a crash does; debug output stays quiet. */

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* GLib stops on a fatal message with SIGTRAP, which libFuzzer does not catch: turned into
 * an abort, the input is saved as a finding. */
G_NORETURN static void
fuzz_trap_cb (int signum)
{
  abort ();
}

static inline void
fuzz_common_init (void)
{
  signal (SIGTRAP, fuzz_trap_cb);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
}

/* The input as a C string, cut at its first NUL as a C caller would see it. */
static inline char *
fuzz_dup_string (const uint8_t *data,
                 size_t         size)
{
  return g_strndup ((const char *) data, size);
}
