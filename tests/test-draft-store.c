/* test-draft-store.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "desk-draft-store.h"

/* Drafts of intakes kept on disk: every field and stroke as it was, several drafts at a
 * time, and a real process killed with SIGKILL while it types loses nothing it saved. */

#define KILL_AFTER 25

static const char customer[] = "Ada Quillfeather, +1 555-555-0142, ada.quill@example.com";

/* One async call at a time. */
typedef struct
{
  GAsyncResult *result;
} Waiter;

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *w = user_data;

  w->result = g_object_ref (result);
}

static GAsyncResult *
await (Waiter *w)
{
  while (w->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return w->result;
}

static void
save (DeskDraftStore  *store,
      DeskIntakeDraft *draft)
{
  g_autoptr(GError) error = NULL;
  Waiter w = { NULL };

  desk_draft_store_save_async (store, draft, NULL, wait_cb, &w);
  g_assert_true (desk_draft_store_save_finish (store, await (&w), &error));
  g_assert_no_error (error);
  g_clear_object (&w.result);
}

static DeskIntakeDraft *
load (DeskDraftStore  *store,
      const char      *id,
      GError         **error)
{
  Waiter w = { NULL };
  DeskIntakeDraft *draft;

  desk_draft_store_load_async (store, id, NULL, wait_cb, &w);
  draft = desk_draft_store_load_finish (store, await (&w), error);
  g_clear_object (&w.result);

  return draft;
}

static GPtrArray *
list (DeskDraftStore *store)
{
  g_autoptr(GError) error = NULL;
  Waiter w = { NULL };
  GPtrArray *drafts;

  desk_draft_store_list_async (store, NULL, wait_cb, &w);
  drafts = desk_draft_store_list_finish (store, await (&w), &error);
  g_assert_no_error (error);
  g_clear_object (&w.result);

  return drafts;
}

static void
delete (DeskDraftStore *store,
        const char     *id)
{
  g_autoptr(GError) error = NULL;
  Waiter w = { NULL };

  desk_draft_store_delete_async (store, id, NULL, wait_cb, &w);
  g_assert_true (desk_draft_store_delete_finish (store, await (&w), &error));
  g_assert_no_error (error);
  g_clear_object (&w.result);
}

static char *
store_path (const char *name)
{
  return g_build_filename (g_get_user_cache_dir (), name, "drafts.sqlite", NULL);
}

/* The intake after @step keystrokes: the customer typed letter by letter, and every
 * fourth keystroke a point of the signature with a pressure that reads back only if every
 * bit of the double is kept. */
static void
type_steps (DeskIntakeDraft *draft,
            DeskSignature   *signature,
            guint            step)
{
  g_autofree char *typed = g_strndup (customer, MIN (step, sizeof customer - 1));
  g_autofree char *count = g_strdup_printf ("%u", step);

  desk_intake_draft_set_field (draft, "customer", typed);
  desk_intake_draft_set_field (draft, "step", count);
  desk_intake_draft_set_field (draft, "device-0-imei", "356938035643809");
  desk_intake_draft_set_terms (draft, "Data may be lost during repair. Ünïcödé ✓");

  desk_signature_clear (signature);
  for (guint i = 1; i <= step / 4; i++)
    {
      double x = 10 + i * 7.25, y = 40 + 30 * sin (i / 3.0);

      if (i % 10 == 1)
        desk_signature_begin_stroke (signature, x, y, 1.0 / (i + 2), 1000 + i * 16);
      else
        desk_signature_add_point (signature, x, y, 1.0 / (i + 2), 1000 + i * 16);
      if (i % 10 == 0)
        desk_signature_end_stroke (signature);
    }
  desk_intake_draft_set_strokes (draft, signature);
}

static void
assert_same_intake (DeskIntakeDraft *a,
                    DeskIntakeDraft *b)
{
  g_auto(GStrv) keys_a = desk_intake_draft_dup_keys (a);
  g_auto(GStrv) keys_b = desk_intake_draft_dup_keys (b);
  g_autoptr(DeskSignature) sa = desk_signature_new ();
  g_autoptr(DeskSignature) sb = desk_signature_new ();

  g_assert_cmpstrv (keys_a, keys_b);
  for (guint i = 0; keys_a[i] != NULL; i++)
    g_assert_cmpstr (desk_intake_draft_get_field (a, keys_a[i]), ==,
                     desk_intake_draft_get_field (b, keys_a[i]));
  g_assert_cmpstr (desk_intake_draft_get_terms (a), ==, desk_intake_draft_get_terms (b));

  desk_intake_draft_restore_strokes (a, sa);
  desk_intake_draft_restore_strokes (b, sb);
  g_assert_cmpuint (desk_signature_get_n_strokes (sa), ==, desk_signature_get_n_strokes (sb));
  for (guint i = 0; i < desk_signature_get_n_strokes (sa); i++)
    {
      guint na = 0, nb = 0;
      const DeskSignaturePoint *pa = desk_signature_get_stroke (sa, i, &na);
      const DeskSignaturePoint *pb = desk_signature_get_stroke (sb, i, &nb);

      g_assert_cmpmem (pa, na * sizeof *pa, pb, nb * sizeof *pb);
    }
}

static void
test_draft_round_trip (void)
{
  g_autofree char *path = store_path ("round-trip");
  g_autoptr(DeskDraftStore) store = desk_draft_store_new (path);
  g_autoptr(DeskIntakeDraft) draft = desk_intake_draft_new ();
  g_autoptr(DeskSignature) signature = desk_signature_new ();
  g_autoptr(DeskIntakeDraft) loaded = NULL;
  g_autoptr(DeskIntakeDraft) missing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (desk_draft_store_get_path (store), ==, path);
  type_steps (draft, signature, 200);
  g_assert_cmpuint (desk_intake_draft_get_n_strokes (draft), ==, 5);
  save (store, draft);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  loaded = load (store, desk_intake_draft_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_true (desk_intake_draft_equal (draft, loaded));
  assert_same_intake (draft, loaded);
  g_assert_cmpstr (desk_intake_draft_get_field (loaded, "customer"), ==, customer);

  missing = load (store, "no-such-draft", &error);
  g_assert_null (missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A customer steps away: their intake waits while the next one is taken. */
static void
test_draft_several (void)
{
  g_autofree char *path = store_path ("several");
  g_autoptr(DeskDraftStore) store = desk_draft_store_new (path);
  g_autoptr(DeskIntakeDraft) first = desk_intake_draft_new ();
  g_autoptr(DeskIntakeDraft) second = desk_intake_draft_new ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIntakeDraft) gone = NULL;

  desk_intake_draft_set_field (first, "customer", "Walk-in");
  save (store, first);
  desk_intake_draft_set_field (second, "customer", "Ada");
  save (store, second);
  /* Back to the first: now it is the newest. */
  desk_intake_draft_set_field (first, "device-0-model", "Pixel 7");
  save (store, first);

  drafts = list (store);
  g_assert_cmpuint (drafts->len, ==, 2);
  g_assert_true (desk_intake_draft_equal (g_ptr_array_index (drafts, 0), first));
  g_assert_true (desk_intake_draft_equal (g_ptr_array_index (drafts, 1), second));

  delete (store, desk_intake_draft_get_id (first));
  delete (store, "never-there");
  after = list (store);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (desk_intake_draft_get_id (g_ptr_array_index (after, 0)), ==,
                   desk_intake_draft_get_id (second));
  gone = load (store, desk_intake_draft_get_id (first), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Saves asked for one after the other, without waiting, land in that order; each took
 * the draft as it was when asked, and none ran on the caller's stack. */
static void
test_draft_order (void)
{
  g_autofree char *path = store_path ("order");
  g_autoptr(DeskDraftStore) store = desk_draft_store_new (path);
  g_autoptr(DeskIntakeDraft) draft = desk_intake_draft_new ();
  g_autoptr(DeskIntakeDraft) loaded = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiters[40] = { { NULL } };

  for (guint i = 0; i < G_N_ELEMENTS (waiters); i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);

      desk_intake_draft_set_field (draft, "step", text);
      desk_draft_store_save_async (store, draft, NULL, wait_cb, &waiters[i]);
      g_assert_null (waiters[i].result);
    }
  /* Changed after the last save was asked for: not saved. */
  desk_intake_draft_set_field (draft, "step", "unsaved");

  for (guint i = 0; i < G_N_ELEMENTS (waiters); i++)
    {
      g_assert_true (desk_draft_store_save_finish (store, await (&waiters[i]), &error));
      g_assert_no_error (error);
      g_clear_object (&waiters[i].result);
    }

  loaded = load (store, desk_intake_draft_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_intake_draft_get_field (loaded, "step"), ==, "39");
}

static void
test_draft_default_path (void)
{
  g_autoptr(DeskDraftStore) store = desk_draft_store_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "frontdesk",
                                                "drafts.sqlite", NULL);
  g_autoptr(DeskIntakeDraft) draft = desk_intake_draft_new ();

  g_assert_cmpstr (desk_draft_store_get_path (store), ==, expected);
  save (store, draft);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

/* A damaged row does not hide the others; opened on its own, it says so in plain words. */
static void
test_draft_damaged (void)
{
  g_autofree char *path = store_path ("damaged");
  g_autoptr(DeskDraftStore) store = desk_draft_store_new (path);
  g_autoptr(DeskIntakeDraft) good = desk_intake_draft_new ();
  g_autoptr(DeskIntakeDraft) bad = desk_intake_draft_new ();
  g_autoptr(DeskIntakeDraft) loaded = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  save (store, good);
  save (store, bad);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE drafts SET strokes = '[[[1, \"x\"]]]' WHERE id = '%s'",
                         desk_intake_draft_get_id (bad));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  drafts = list (store);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_true (desk_intake_draft_equal (g_ptr_array_index (drafts, 0), good));

  loaded = load (store, desk_intake_draft_get_id (bad), &error);
  g_assert_null (loaded);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "damaged"));
}

/* A file where the folder should be: the save fails, saying what it means for the shop. */
static void
test_draft_unwritable (void)
{
  g_autofree char *blocker = g_build_filename (g_get_user_cache_dir (), "blocker", NULL);
  g_autofree char *path = g_build_filename (blocker, "drafts.sqlite", NULL);
  g_autoptr(DeskDraftStore) store = NULL;
  g_autoptr(DeskIntakeDraft) draft = desk_intake_draft_new ();
  g_autoptr(GError) error = NULL;
  Waiter w = { NULL };

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  store = desk_draft_store_new (path);

  desk_draft_store_save_async (store, draft, NULL, wait_cb, &w);
  g_assert_false (desk_draft_store_save_finish (store, await (&w), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "disk"));
  g_clear_object (&w.result);
}

static void
drop_store_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_draft_store_save_finish (DESK_DRAFT_STORE (object), result, &error));
  g_assert_no_error (error);
  /* The caller's last reference goes here, while the worker may still be winding up. */
  g_object_unref (object);
}

/* A form closed while its last save is on its way lets go of the store in the callback:
 * the store then goes, on the main thread, without waiting for itself. */
static void
test_draft_dropped (void)
{
  g_autofree char *path = store_path ("dropped");

  for (guint i = 0; i < 20; i++)
    {
      DeskDraftStore *store = desk_draft_store_new (path);
      g_autoptr(DeskIntakeDraft) draft = desk_intake_draft_new ();
      gpointer alive = store;

      g_object_add_weak_pointer (G_OBJECT (store), &alive);
      desk_draft_store_save_async (store, draft, NULL, drop_store_cb, NULL);
      while (alive != NULL)
        g_main_context_iteration (NULL, TRUE);
    }
}

/* --- Killed while typing ------------------------------------------------------------------- */

/* The child: types forever, saving after each keystroke and saying so once it is on
 * disk, until it is killed. */
static int
run_writer (const char *path)
{
  g_autoptr(DeskDraftStore) store = desk_draft_store_new (path);
  g_autoptr(DeskSignature) signature = desk_signature_new ();
  g_autoptr(DeskIntakeDraft) draft = NULL;

  /* The id is the one thing the parent cannot work out: it is reported with each save. */
  draft = desk_intake_draft_new ();
  for (guint step = 1; ; step++)
    {
      type_steps (draft, signature, step);
      save (store, draft);
      printf ("saved %u %s\n", step, desk_intake_draft_get_id (draft));
      fflush (stdout);
    }

  return 0;
}

static void
test_draft_killed (void)
{
  g_autofree char *path = store_path ("killed");
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDraftStore) store = NULL;
  g_autoptr(DeskIntakeDraft) loaded = NULL;
  g_autoptr(DeskIntakeDraft) expected = NULL;
  g_autoptr(DeskSignature) signature = desk_signature_new ();
  g_autofree char *id = NULL;
  guint last_saved = 0;
  guint64 step = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_nonnull (self);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self, "--draft-writer", path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

  while (last_saved < KILL_AFTER)
    {
      g_autofree char *line = g_data_input_stream_read_line (out, NULL, NULL, &error);
      g_auto(GStrv) words = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (line);
      words = g_strsplit (line, " ", 3);
      g_assert_cmpstr (words[0], ==, "saved");
      last_saved = (guint) g_ascii_strtoull (words[1], NULL, 10);
      g_free (id);
      id = g_strdup (words[2]);
    }

  /* Mid-typing: the child is saving the next keystrokes as fast as it can. */
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* The file is sound... */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* ...and the draft is a whole state of the form, at least the last one reported. */
  store = desk_draft_store_new (path);
  loaded = load (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_ascii_string_to_unsigned (desk_intake_draft_get_field (loaded, "step"), 10,
                                             1, G_MAXUINT, &step, NULL));
  g_assert_cmpuint (step, >=, last_saved);
  g_test_message ("last reported %u, found %" G_GUINT64_FORMAT, last_saved, step);

  expected = desk_intake_draft_new ();
  type_steps (expected, signature, (guint) step);
  g_assert_cmpuint (desk_intake_draft_get_n_strokes (loaded), ==,
                    desk_intake_draft_get_n_strokes (expected));
  assert_same_intake (loaded, expected);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--draft-writer"))
    return run_writer (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/draft-store/round-trip", test_draft_round_trip);
  g_test_add_func ("/draft-store/several", test_draft_several);
  g_test_add_func ("/draft-store/order", test_draft_order);
  g_test_add_func ("/draft-store/default-path", test_draft_default_path);
  g_test_add_func ("/draft-store/damaged", test_draft_damaged);
  g_test_add_func ("/draft-store/unwritable", test_draft_unwritable);
  g_test_add_func ("/draft-store/dropped", test_draft_dropped);
  g_test_add_func ("/draft-store/killed", test_draft_killed);

  return g_test_run ();
}
