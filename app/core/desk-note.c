/* desk-note.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-note"

#include "config.h"

#include "desk-note.h"
#include "desk-record-private.h"

/* A note on a ticket. The server spells the title "tittle"; "type" 0 is an internal
 * note. */

struct _DeskNote
{
  DeskRecord parent_instance;

  char   *title;
  char   *user;
  char   *text;
  gint64  kind;
  gint64  created;
};

G_DEFINE_FINAL_TYPE (DeskNote, desk_note, DESK_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_USER,
  PROP_TEXT,
  PROP_KIND,
  PROP_CREATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const DeskField fields[N_PROPS] = {
  DESK_FIELD (DeskNote, PROP_TITLE, "title", DESK_FIELD_STRING, title, "tittle", "title"),
  DESK_FIELD (DeskNote, PROP_USER, "user", DESK_FIELD_STRING, user, "user"),
  DESK_FIELD (DeskNote, PROP_TEXT, "text", DESK_FIELD_STRING, text, "msg_text", "text"),
  DESK_FIELD (DeskNote, PROP_KIND, "kind", DESK_FIELD_INT, kind, "type"),
  DESK_FIELD (DeskNote, PROP_CREATED, "created", DESK_FIELD_TIME, created, "created_on"),
};

static void
desk_note_class_init (DeskNoteClass *klass)
{
  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
}

static void
desk_note_init (DeskNote *self)
{
}

/**
 * desk_note_new_from_json:
 * @node: one element of a ticket's `notes`
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the note, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskNote *
desk_note_new_from_json (JsonNode  *node,
                         GError   **error)
{
  return desk_record_new_from_json (DESK_TYPE_NOTE, node, error);
}

/**
 * desk_note_get_title:
 * @self: a #DeskNote
 *
 * Returns: (nullable): the title ("added an internal note")
 */
const char *
desk_note_get_title (DeskNote *self)
{
  g_return_val_if_fail (DESK_IS_NOTE (self), NULL);

  return self->title;
}

/**
 * desk_note_get_text:
 * @self: a #DeskNote
 *
 * Returns: (nullable): the text of the note
 */
const char *
desk_note_get_text (DeskNote *self)
{
  g_return_val_if_fail (DESK_IS_NOTE (self), NULL);

  return self->text;
}

/**
 * desk_note_get_created:
 * @self: a #DeskNote
 *
 * Returns: when it was written, in unix seconds, 0 if not known
 */
gint64
desk_note_get_created (DeskNote *self)
{
  g_return_val_if_fail (DESK_IS_NOTE (self), 0);

  return self->created;
}
