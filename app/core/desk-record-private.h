/* desk-record-private.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-record.h"

G_BEGIN_DECLS

/* How a field is stored in the instance and read from JSON. */
typedef enum
{
  DESK_FIELD_STRING,   /* char *, trimmed */
  DESK_FIELD_ID,       /* gint64, 0 for none */
  DESK_FIELD_INT,      /* gint64 */
  DESK_FIELD_MONEY,    /* gint64 minor units */
  DESK_FIELD_PERCENT,  /* gint64 thousandths of a percent */
  DESK_FIELD_TIME,     /* gint64 unix seconds, 0 for not set */
  DESK_FIELD_BOOL,     /* gboolean */
  DESK_FIELD_RECORD,   /* DeskRecord * of item_type, NULL if absent */
  DESK_FIELD_LIST,     /* DeskRecordList * of item_type, NULL until it has items or is asked for */
} DeskFieldKind;

/**
 * DeskField:
 * @name: the property name
 * @kind: the storage and reading rule
 * @offset: where the value lives in the instance struct
 * @keys: JSON members in order of preference (paths with '/'); the first readable one wins
 * @item_type: the record type of a %DESK_FIELD_RECORD or %DESK_FIELD_LIST
 * @fallback: the value of a %DESK_FIELD_INT that none of @keys gave
 *
 * One row of a class's field table. Tables are indexed by property id; row 0 is unused.
 */
typedef struct
{
  const char    *name;
  DeskFieldKind  kind;
  gssize         offset;
  const char    *keys[4];
  GType        (*item_type) (void);
  gint64         fallback;
} DeskField;

/**
 * DeskWrite:
 * @key: the member written; "group/member" puts consecutive members in a "group" object
 * @field: the property whose value is written
 * @omit_if_none: leave the member out when the value is none (0 or %NULL)
 *
 * One member of a create/update body. Scalars are written as strings, as the API
 * expects; lists as arrays of their items' bodies. A text field that is %NULL (never
 * received, never set) is left out; set it to "" to send it empty.
 */
typedef struct
{
  const char *key;
  const char *field;
  gboolean    omit_if_none;
} DeskWrite;

#define DESK_FIELD(Type, prop, pname, fkind, member, ...) \
  [prop] = { .name = pname, .kind = fkind, .offset = G_STRUCT_OFFSET (Type, member), \
             .keys = { __VA_ARGS__ } }

#define DESK_FIELD_OF(Type, prop, pname, fkind, member, type_func, ...) \
  [prop] = { .name = pname, .kind = fkind, .offset = G_STRUCT_OFFSET (Type, member), \
             .keys = { __VA_ARGS__ }, .item_type = type_func }

void      desk_record_class_install   (GObjectClass     *klass,
                                       const DeskField  *fields,
                                       guint             n_fields,
                                       GParamSpec      **pspecs);
void      desk_record_class_set_writes (GObjectClass    *klass,
                                       const DeskWrite  *writes);

void      desk_record_set_string      (DeskRecord       *self,
                                       GParamSpec       *pspec,
                                       const char       *value);
void      desk_record_set_int64       (DeskRecord       *self,
                                       GParamSpec       *pspec,
                                       gint64            value);
void      desk_record_set_boolean     (DeskRecord       *self,
                                       GParamSpec       *pspec,
                                       gboolean          value);
void      desk_record_set_record      (DeskRecord       *self,
                                       GParamSpec       *pspec,
                                       DeskRecord       *value);

GListModel *desk_record_get_list     (DeskRecord       *self,
                                       GParamSpec       *pspec);
void      desk_record_append          (DeskRecord       *self,
                                       GParamSpec       *pspec,
                                       gpointer          item);
void      desk_record_remove          (DeskRecord       *self,
                                       GParamSpec       *pspec,
                                       guint             position);

void      desk_record_write_object    (DeskRecord       *self,
                                       JsonBuilder      *builder);

/* Shared by desk-record.c, desk-record-read.c and desk-record-write.c. */

typedef void (*DeskFieldFunc) (DeskRecord      *self,
                               const DeskField *field,
                               gpointer         data);

static inline gpointer
desk_record_field_ptr (DeskRecord      *self,
                       const DeskField *field)
{
  return G_STRUCT_MEMBER_P (self, field->offset);
}

gboolean         desk_field_kind_is_int64    (DeskFieldKind    kind);
const DeskField *desk_record_field_for_pspec (GParamSpec      *pspec);
void             desk_record_foreach_field   (DeskRecord      *self,
                                              DeskFieldFunc    func,
                                              gpointer         data);
const DeskWrite *desk_record_find_writes     (DeskRecord      *self);
gboolean         desk_record_has_currency    (DeskRecord      *self);
void             desk_record_take_currency   (DeskRecord      *self,
                                              char            *currency);
gboolean         desk_record_read_fields     (DeskRecord      *self,
                                              JsonObject      *object);
gpointer         desk_record_new_if_known    (GType            type,
                                              JsonObject      *object);

G_END_DECLS
