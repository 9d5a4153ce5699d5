/* desk-allocator.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-allocator.h"

/* After a C library header, so that __GLIBC__ is known. */
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* glibc's allocator, set for how Front Desk uses memory:
 *
 * - One arena for every thread. By default each thread that allocates gets an arena of its
 *   own (up to eight a core): the demo store's server thread, the threads that read replies
 *   and GTK's icon loaders each keep pages that only that thread reuses. Front Desk's worker
 *   threads allocate little and briefly, so sharing the main arena costs little time and
 *   keeps their freed pages usable by everyone.
 * - A fixed threshold for mapping large blocks. GTK's cairo renderer allocates a buffer of
 *   up to the window's size for each frame (1 to 3 MiB), and frees it after drawing. By
 *   default the first such free raises the threshold, after which these buffers come from
 *   the heap, where rows and records allocated while they were held pin them: after
 *   scrolling a long list the heap held 8 to 10 MiB of free space it could not return. At a
 *   fixed threshold they are mapped and unmapped each frame (some tenths of a millisecond
 *   of the kernel's time per frame).
 *
 * Measured with tests/bench-start.c: after scrolling through 2,000 tickets the resident
 * set is about 11 MiB smaller. The benchmarks that build Front Desk's screens in their
 * own programs call this too, so that their frames pay what the app's do. */
void
desk_tune_allocator (void)
{
#ifdef __GLIBC__
  mallopt (M_ARENA_MAX, 1);
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);
#endif
}
