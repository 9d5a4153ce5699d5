/* desk-test-leaks.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* In the AddressSanitizer build (.ci/run's build-asan), asks LeakSanitizer whether memory
 * has become unreachable so far. The tests that use it run with detect_leaks=1 and
 * G_SLICE=always-malloc (tests/meson.build), so that a JSON node or object that nobody
 * holds any more is seen; without the sanitizer there is nothing to ask. */

#if defined(__SANITIZE_ADDRESS__)
# define DESK_TEST_HAVE_LSAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define DESK_TEST_HAVE_LSAN 1
# endif
#endif

#ifdef DESK_TEST_HAVE_LSAN
int __lsan_do_recoverable_leak_check (void);
#endif

static inline void
desk_test_assert_no_leaks (void)
{
#ifdef DESK_TEST_HAVE_LSAN
  g_assert_cmpint (__lsan_do_recoverable_leak_check (), ==, 0);
#endif
}
