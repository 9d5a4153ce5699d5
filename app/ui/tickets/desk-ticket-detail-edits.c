/* desk-ticket-detail-edits.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-accessible.h"
#include "desk-properties.h"
#include "desk-ticket-detail-private.h"
#include "desk-ticket-match.h"
#include "desk-ticket-sections.h"

/* The editable half of the ticket detail: each device's status, technician, IMEI, serial,
 * location and staff comments. A change is sent as a whole ticket through the DeskWriter,
 * which reads it back; what is shown afterwards is what the server holds. A change that
 * fails keeps what was typed or chosen in its field, marked unsaved, with the reason in
 * full above the ticket and a Retry; nothing typed is put back to the old value until the
 * user discards it. */

typedef enum
{
  FIELD_COMBO,
  FIELD_ENTRY,
} FieldKind;

typedef struct
{
  const char      *property;   /* the DeskTicketDevice property changed */
  const char      *shown;      /* the property holding what a combo shows */
  const char      *title;
  FieldKind        kind;
  DeskCatalogKind  catalog;
} Field;

static const Field fields[] = {
  { "status", "status", N_("Status"), FIELD_COMBO, DESK_CATALOG_STATUSES },
  { "assigned-to-id", "assigned-to-name", N_("Technician"), FIELD_COMBO, DESK_CATALOG_EMPLOYEES },
  { "imei", "imei", N_("IMEI"), FIELD_ENTRY, 0 },
  { "serial", "serial", N_("Serial Number"), FIELD_ENTRY, 0 },
  { "location", "location", N_("Location"), FIELD_ENTRY, 0 },
  { "staff-comments", "staff-comments", N_("Staff Comments"), FIELD_ENTRY, 0 },
};

static void send_edits (DeskTicketDetail *self);

static const Field *
field_of (const char *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].property, property))
      return &fields[i];

  return NULL;
}

void
desk_ticket_detail_edit_free (DeskDetailEdit *edit)
{
  g_free (edit->property);
  g_value_unset (&edit->value);
  g_free (edit);
}

static DeskDetailEdit *
edit_new (guint         position,
          gint64        device_id,
          const char   *property,
          const GValue *value)
{
  DeskDetailEdit *edit = g_new0 (DeskDetailEdit, 1);

  edit->position = position;
  edit->device_id = device_id;
  edit->property = g_strdup (property);
  g_value_init (&edit->value, G_VALUE_TYPE (value));
  g_value_copy (value, &edit->value);

  return edit;
}

static gboolean
same_field (DeskDetailEdit *edit,
            guint           position,
            const char     *property)
{
  return edit->position == position && g_str_equal (edit->property, property);
}

static DeskDetailEdit *
find_edit (GPtrArray  *edits,
           guint       position,
           const char *property)
{
  for (guint i = 0; i < edits->len; i++)
    if (same_field (g_ptr_array_index (edits, i), position, property))
      return g_ptr_array_index (edits, i);

  return NULL;
}

/* Keeps @edit, replacing an older one of the same field. */
static void
put_edit (GPtrArray      *edits,
          DeskDetailEdit *edit)
{
  for (guint i = 0; i < edits->len; i++)
    if (same_field (g_ptr_array_index (edits, i), edit->position, edit->property))
      {
        g_ptr_array_remove_index (edits, i);
        break;
      }

  g_ptr_array_add (edits, edit);
}

/* --- The unsaved note --------------------------------------------------------------------- */

static void
show_unsaved (DeskTicketDetail *self,
              const char       *reason)
{
  g_free (self->unsaved_reason);
  self->unsaved_reason = g_strdup (reason);
  gtk_label_set_label (self->unsaved_label, reason != NULL ? reason : "");
  gtk_revealer_set_reveal_child (self->unsaved_revealer, reason != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.retry",
                                 reason != NULL && self->edits->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.discard", self->edits->len > 0);
}

/* The whole reason, in the clerk's words first, then RepairDesk's own. */
static char *
unsaved_reason (GPtrArray    *edits,
                DeskFate      fate,
                const GError *error)
{
  DeskDetailEdit *edit = g_ptr_array_index (edits, 0);
  const char *title = _(field_of (edit->property)->title);
  const char *detail = desk_api_error_get_detail (error);
  GString *text = g_string_new (NULL);

  if (edits->len > 1)
    g_string_append (text, fate == DESK_FATE_UNKNOWN ? _("The changes may not have been saved.")
                                                     : _("The changes were not saved."));
  else if (fate == DESK_FATE_UNKNOWN)
    /* Translators: %s names a field, e.g. "Staff Comments" */
    g_string_append_printf (text, _("The change to %s may not have been saved."), title);
  else
    /* Translators: %s names a field, e.g. "Staff Comments" */
    g_string_append_printf (text, _("The change to %s was not saved."), title);

  g_string_append_printf (text, " %s", error->message);
  /* The server's own words, when it gave a reason. */
  if (fate == DESK_FATE_REFUSED && detail != NULL)
    g_string_append_printf (text, " (%s)", detail);
  g_string_append_c (text, '\n');
  g_string_append (text, _("What was typed is kept. Retry to send it again, or Discard."));

  return g_string_free (text, FALSE);
}

/* --- Rows ----------------------------------------------------------------------------------- */

static char *
row_key (guint       position,
         const char *property)
{
  return g_strdup_printf ("%u:%s", position, property);
}

static GtkWidget *
find_row (DeskTicketDetail *self,
          guint             position,
          const char       *property)
{
  g_autofree char *key = row_key (position, property);

  return g_hash_table_lookup (self->rows, key);
}

static void
mark_unsaved (GtkWidget *row,
              gboolean   unsaved)
{
  if (unsaved)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static guint
position_of_name (GListModel *model,
                  const char *name)
{
  for (guint i = 0; name != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeskNamedItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (desk_named_item_get_name (item), name) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static guint
position_of_id (GListModel *model,
                gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeskNamedItem) item = g_list_model_get_item (model, i);

      if (desk_named_item_get_id (item) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Puts an edit's value into its row, without sending it again. */
static void
show_edit (DeskTicketDetail *self,
           DeskDetailEdit   *edit)
{
  GtkWidget *row = find_row (self, edit->position, edit->property);
  gboolean filling = self->filling;

  if (row == NULL)
    return;

  self->filling = TRUE;
  if (ADW_IS_COMBO_ROW (row))
    {
      GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

      adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                  G_VALUE_HOLDS_STRING (&edit->value)
                                    ? position_of_name (model, g_value_get_string (&edit->value))
                                    : position_of_id (model, g_value_get_int64 (&edit->value)));
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (row), g_value_get_string (&edit->value));
    }
  self->filling = filling;
  mark_unsaved (row, TRUE);
}

static void
combo_selected_cb (AdwComboRow      *row,
                   GParamSpec       *pspec,
                   DeskTicketDetail *self)
{
  DeskNamedItem *item = adw_combo_row_get_selected_item (row);
  const char *property = g_object_get_data (G_OBJECT (row), "property");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "position"));
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->filling || item == NULL)
    return;

  if (g_str_equal (property, "status"))
    {
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, desk_named_item_get_name (item));
    }
  else
    {
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, desk_named_item_get_id (item));
    }

  desk_ticket_detail_change_device (self, position, property, &value);
}

/* A combo row opens on Enter and Space, as a button does, wherever the focus came from. */
static gboolean
open_row_cb (GtkWidget *row,
             GVariant  *args,
             gpointer   user_data)
{
  if (!gtk_widget_is_sensitive (row))
    return FALSE;

  adw_action_row_activate (ADW_ACTION_ROW (row));
  return TRUE;
}

static void
add_open_keys (GtkWidget *row)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutAction *action = gtk_callback_action_new (open_row_cb, NULL, NULL);
  GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string ("Return|KP_Enter|space");

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger, action));
  gtk_widget_add_controller (row, controller);
}

static void
keep_row (DeskTicketDetail *self,
          GtkWidget        *row,
          guint             position,
          const char       *property)
{
  g_object_set_data_full (G_OBJECT (row), "property", g_strdup (property), g_free);
  g_object_set_data (G_OBJECT (row), "position", GUINT_TO_POINTER (position));
  g_hash_table_replace (self->rows, row_key (position, property), row);
}

/* A list that changes under a row (the catalog arriving after the ticket, or refreshed)
 * makes the row pick an item by itself. That is not the assistant's choice: while the list
 * changes the row's picks are not sent, and afterwards the row shows the ticket's value
 * again. The first handler runs before the row's own, the second after it. */
static void
list_changing_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GtkWidget  *row)
{
  DeskTicketDetail *self = g_object_get_data (G_OBJECT (row), "detail");

  g_object_set_data (G_OBJECT (row), "was-filling", GINT_TO_POINTER (self->filling));
  self->filling = TRUE;
}

static void
list_changed_cb (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 GtkWidget  *row)
{
  DeskTicketDetail *self = g_object_get_data (G_OBJECT (row), "detail");
  const char *current = g_object_get_data (G_OBJECT (row), "current");

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position_of_name (model, current));
  self->filling = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "was-filling"));
}

static GtkWidget *
combo_row (DeskTicketDetail *self,
           DeskTicketDevice *device,
           guint             position,
           const Field      *field)
{
  GListModel *model = desk_catalog_get_model (self->catalog, field->catalog);
  GtkWidget *row = adw_combo_row_new ();
  g_autofree char *current = NULL;

  g_object_get (device, field->shown, &current, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->title));
  adw_combo_row_set_expression (ADW_COMBO_ROW (row),
                                gtk_property_expression_new (DESK_TYPE_NAMED_ITEM, NULL, "name"));
  g_object_set_data (G_OBJECT (row), "detail", self);
  g_object_set_data_full (G_OBJECT (row), "current", g_strdup (current), g_free);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (list_changing_cb), row, 0);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (list_changed_cb), row,
                           G_CONNECT_AFTER);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position_of_name (model, current));
  if (current != NULL && adw_combo_row_get_selected (ADW_COMBO_ROW (row)) == GTK_INVALID_LIST_POSITION)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), current);

  keep_row (self, row, position, field->property);
  add_open_keys (row);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  desk_accessible_follow_combo_row (ADW_COMBO_ROW (row));

  return row;
}

static void
entry_apply_cb (AdwEntryRow      *row,
                DeskTicketDetail *self)
{
  const char *property = g_object_get_data (G_OBJECT (row), "property");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "position"));
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (GTK_EDITABLE (row)));
  desk_ticket_detail_change_device (self, position, property, &value);
}

static GtkWidget *
entry_row (DeskTicketDetail *self,
           DeskTicketDevice *device,
           guint             position,
           const Field      *field)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  g_autofree char *current = NULL;

  g_object_get (device, field->property, &current, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->title));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  /* RepairDesk takes so much and no more; bytes are checked again before sending. */
  if (GTK_IS_TEXT (text))
    gtk_text_set_max_length (GTK_TEXT (text), DESK_TICKET_TEXT_MAX_BYTES);
  gtk_editable_set_text (GTK_EDITABLE (row), current != NULL ? current : "");
  keep_row (self, row, position, field->property);
  g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), self);

  return row;
}

GtkWidget *
desk_ticket_detail_device_group (DeskTicketDetail *self,
                                 DeskTicketDevice *device,
                                 guint             position)
{
  GtkWidget *group = adw_preferences_group_new ();
  AdwPreferencesGroup *g = ADW_PREFERENCES_GROUP (group);
  const char *name = desk_ticket_device_get_device_name (device);

  adw_preferences_group_set_title (g, name != NULL && *name != '\0' ? name : _("Device"));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    adw_preferences_group_add (g, fields[i].kind == FIELD_COMBO
                                    ? combo_row (self, device, position, &fields[i])
                                    : entry_row (self, device, position, &fields[i]));
  desk_ticket_add_device_rows (g, device, desk_record_get_currency (DESK_RECORD (self->ticket)));

  return group;
}

/* Called after the rows were built again: what is unsaved goes back into its field. */
void
desk_ticket_detail_restore_edits (DeskTicketDetail *self)
{
  for (guint i = 0; i < self->edits->len; i++)
    show_edit (self, g_ptr_array_index (self->edits, i));
}

void
desk_ticket_detail_drop_edits (DeskTicketDetail *self)
{
  g_ptr_array_set_size (self->edits, 0);
  show_unsaved (self, NULL);
}

/* What was not saved on a ticket waits for it while another one is open. */
typedef struct
{
  GPtrArray *edits;
  char      *reason;
} Stash;

static void
stash_free (Stash *stash)
{
  g_ptr_array_unref (stash->edits);
  g_free (stash->reason);
  g_free (stash);
}

static void
stash (DeskTicketDetail *self,
       gint64            ticket_id,
       GPtrArray        *edits,
       const char       *reason)
{
  Stash *kept;

  if (edits->len == 0)
    return;

  if (self->stashed == NULL)
    self->stashed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) stash_free);

  kept = g_new0 (Stash, 1);
  kept->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_ticket_detail_edit_free);
  for (guint i = 0; i < edits->len; i++)
    {
      DeskDetailEdit *edit = g_ptr_array_index (edits, i);

      g_ptr_array_add (kept->edits, edit_new (edit->position, edit->device_id, edit->property,
                                              &edit->value));
    }
  kept->reason = g_strdup (reason);
  g_hash_table_replace (self->stashed, g_memdup2 (&ticket_id, sizeof ticket_id), kept);
}

/* Called when the detail moves from one ticket to another. */
void
desk_ticket_detail_switch_edits (DeskTicketDetail *self,
                                 gint64            from_id,
                                 gint64            to_id)
{
  Stash *kept;

  if (from_id == to_id)
    return;

  if (from_id > 0)
    stash (self, from_id, self->edits, self->unsaved_reason);
  desk_ticket_detail_drop_edits (self);

  kept = self->stashed != NULL ? g_hash_table_lookup (self->stashed, &to_id) : NULL;
  if (kept == NULL)
    return;

  g_ptr_array_extend_and_steal (self->edits, g_steal_pointer (&kept->edits));
  kept->edits = g_ptr_array_new ();
  show_unsaved (self, kept->reason);
  g_hash_table_remove (self->stashed, &to_id);
}

/* --- Focus ------------------------------------------------------------------------------------ */

/* The rows are built again after each change: the focus goes back to the field it was on,
 * so that the keyboard does not lose its place. */
void
desk_ticket_detail_remember_focus (DeskTicketDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL && focus != GTK_WIDGET (self->content); focus = gtk_widget_get_parent (focus))
    if (g_object_get_data (G_OBJECT (focus), "property") != NULL)
      {
        g_free (self->focus_property);
        self->focus_property = g_strdup (g_object_get_data (G_OBJECT (focus), "property"));
        self->focus_position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (focus), "position"));
        /* Let go of the row before it is made insensitive or taken away. */
        gtk_root_set_focus (root, NULL);
        return;
      }
}

void
desk_ticket_detail_restore_focus (DeskTicketDetail *self)
{
  GtkWidget *row;

  if (self->focus_property == NULL || self->busy)
    return;

  row = find_row (self, self->focus_position, self->focus_property);
  g_clear_pointer (&self->focus_property, g_free);
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

/* --- Sending ---------------------------------------------------------------------------------- */

/* A copy of the ticket for the PUT, with the edits in it: the ticket on screen keeps what
 * the server last said until the server says otherwise. Each device goes through its own
 * body and back, which the mapping reads like a reply. */
static DeskTicket *
ticket_with_edits (DeskTicket *ticket,
                   GPtrArray  *edits)
{
  GListModel *devices = desk_ticket_get_devices (ticket);
  DeskTicket *update = g_object_new (DESK_TYPE_TICKET,
                                     "id", desk_ticket_get_id (ticket),
                                     "customer-id", desk_ticket_get_customer_id (ticket),
                                     NULL);

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(DeskTicketDevice) device = g_list_model_get_item (devices, i);
      g_autoptr(JsonNode) body = desk_ticket_device_to_json (device);
      g_autoptr(DeskTicketDevice) copy = desk_ticket_device_new_from_json (body, NULL);

      if (copy == NULL)
        continue;
      for (guint e = 0; e < edits->len; e++)
        {
          DeskDetailEdit *edit = g_ptr_array_index (edits, e);

          if (edit->device_id == desk_ticket_device_get_id (device))
            g_object_set_property (G_OBJECT (copy), edit->property, &edit->value);
        }
      desk_ticket_add_device (update, copy);
    }

  return update;
}

static DeskTicketDevice *
find_device (DeskTicket *ticket,
             gint64      id)
{
  GListModel *devices = desk_ticket_get_devices (ticket);

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(DeskTicketDevice) device = g_list_model_get_item (devices, i);

      if (desk_ticket_device_get_id (device) == id)
        return device;
    }

  return NULL;
}

/* Texts are read back trimmed: spaces typed around an IMEI are no difference. */
static gboolean
same_value (GParamSpec   *pspec,
            const GValue *held,
            const GValue *sent)
{
  g_autofree char *held_text = NULL;
  g_autofree char *sent_text = NULL;

  if (!G_VALUE_HOLDS_STRING (held))
    return g_param_values_cmp (pspec, held, sent) == 0;

  held_text = g_strstrip (g_strdup (g_value_get_string (held) ? g_value_get_string (held) : ""));
  sent_text = g_strstrip (g_strdup (g_value_get_string (sent) ? g_value_get_string (sent) : ""));

  return g_str_equal (held_text, sent_text);
}

/* Says so when the server holds something else than what was sent. */
static void
check_applied (DeskTicketDetail *self,
               DeskTicket       *held,
               GPtrArray        *sent)
{
  for (guint i = 0; i < sent->len; i++)
    {
      DeskDetailEdit *edit = g_ptr_array_index (sent, i);
      DeskTicketDevice *device = find_device (held, edit->device_id);
      GParamSpec *pspec;
      g_auto(GValue) now = G_VALUE_INIT;

      if (device == NULL)
        {
          desk_ticket_detail_say (self, _("RepairDesk no longer lists this device on the ticket."));
          return;
        }

      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (device), edit->property);
      g_value_init (&now, pspec->value_type);
      g_object_get_property (G_OBJECT (device), edit->property, &now);
      if (!same_value (pspec, &now, &edit->value))
        {
          desk_ticket_detail_say (self, _("RepairDesk answered that the change was saved, but it "
                                          "holds something else. The ticket shows what "
                                          "RepairDesk holds."));
          return;
        }
    }

  desk_ticket_detail_say (self, _("Saved"));
}

/* The edits of a failed change go back to waiting, unless typed again meanwhile. */
static void
keep_unsaved (DeskTicketDetail *self,
              GPtrArray        *sent)
{
  for (guint i = 0; i < sent->len; i++)
    {
      DeskDetailEdit *edit = g_ptr_array_index (sent, i);

      if (find_edit (self->edits, edit->position, edit->property) == NULL)
        g_ptr_array_add (self->edits, edit_new (edit->position, edit->device_id, edit->property,
                                                &edit->value));
    }
}

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DeskTicketDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) held = NULL;
  g_autoptr(GPtrArray) sent = g_steal_pointer (&self->sending);
  DeskFate fate;

  self->sending = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_ticket_detail_edit_free);
  fate = desk_writer_submit_finish (DESK_WRITER (object), result, (gpointer *) &held, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* RepairDesk can't be reached: the change waits in the outbox, and the ticket shows it. */
  if (fate == DESK_FATE_QUEUED)
    {
      desk_ticket_detail_say (self, error->message);
      if (desk_ticket_detail_shows_ticket (self, self->writing_id))
        {
          g_autoptr(DeskTicket) kept = ticket_with_edits (self->ticket, sent);

          desk_ticket_detail_set_busy (self, FALSE);
          desk_ticket_detail_take_ticket (self, kept);
        }
      return;
    }

  if (fate != DESK_FATE_SAVED)
    {
      g_autofree char *reason = unsaved_reason (sent, fate, error);

      /* The ticket was left meanwhile: what was typed waits for it there. */
      if (!desk_ticket_detail_shows_ticket (self, self->writing_id))
        {
          stash (self, self->writing_id, sent, reason);
          desk_ticket_detail_say (self, reason);
          return;
        }
      keep_unsaved (self, sent);
      desk_ticket_detail_set_busy (self, FALSE);
      desk_ticket_detail_restore_edits (self);
      show_unsaved (self, reason);
      desk_ticket_detail_restore_focus (self);
      return;
    }

  g_signal_emit_by_name (self, "saved", held);
  if (!desk_ticket_detail_shows_ticket (self, self->writing_id))
    {
      g_autofree char *text = g_strdup_printf (_("%s saved"), desk_ticket_get_order_id (held));

      desk_ticket_detail_say (self, text);
      return;
    }

  desk_ticket_detail_set_busy (self, FALSE);
  check_applied (self, held, sent);
  if (self->edits->len == 0)
    show_unsaved (self, NULL);
  desk_ticket_detail_take_ticket (self, held);
}

static gboolean
edits_fit (DeskTicketDetail *self)
{
  for (guint i = 0; i < self->edits->len; i++)
    {
      DeskDetailEdit *edit = g_ptr_array_index (self->edits, i);

      if (G_VALUE_HOLDS_STRING (&edit->value) &&
          !desk_ticket_device_text_fits (g_value_get_string (&edit->value)))
        {
          g_autofree char *text =
            g_strdup_printf (_("%s is too long: RepairDesk takes at most %d characters "
                               "(fewer with accents or symbols). Shorten it, then save again."),
                             _(field_of (edit->property)->title), DESK_TICKET_TEXT_MAX_BYTES);

          desk_ticket_detail_restore_edits (self);
          show_unsaved (self, text);
          return FALSE;
        }
    }

  return TRUE;
}

static void
send_edits (DeskTicketDetail *self)
{
  g_autoptr(DeskTicket) update = NULL;
  g_autoptr(DeskChange) change = NULL;

  if (self->edits->len == 0 || self->busy || !edits_fit (self))
    return;

  update = ticket_with_edits (self->ticket, self->edits);
  change = desk_change_new_update_ticket (update);
  g_ptr_array_extend_and_steal (self->sending, g_steal_pointer (&self->edits));
  self->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_ticket_detail_edit_free);

  desk_ticket_detail_remember_focus (self);
  desk_ticket_detail_set_busy (self, TRUE);
  self->writing_id = desk_ticket_get_id (self->ticket);
  desk_writer_submit_async (self->writer, change, self->write_cancellable, updated_cb,
                            g_object_ref (self));
}

static void
add_and_send (DeskTicketDetail *self,
              guint             position,
              const char       *property,
              const GValue     *value)
{
  g_autoptr(DeskTicketDevice) device = g_list_model_get_item (desk_ticket_get_devices (self->ticket),
                                                              position);

  put_edit (self->edits, edit_new (position, desk_ticket_device_get_id (device), property, value));
  send_edits (self);
}

/* --- Asking before a status that texts the customer ------------------------------------------ */

typedef struct
{
  DeskTicketDetail *self;      /* owned */
  char             *property;
  GValue            value;
  guint             position;
} PendingChange;

static void
pending_change_free (PendingChange *change)
{
  g_object_unref (change->self);
  g_free (change->property);
  g_value_unset (&change->value);
  g_free (change);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PendingChange    *change)
{
  if (g_str_equal (response, "change") && change->self->ticket != NULL)
    add_and_send (change->self, change->position, change->property, &change->value);
  else if (change->self->ticket != NULL)
    desk_ticket_detail_fill (change->self);

  /* One answer only; dropping the handler frees the change. */
  g_signal_handlers_disconnect_by_func (dialog, confirm_response_cb, change);
}

static void
confirm_change (DeskTicketDetail *self,
                guint             position,
                const char       *property,
                const GValue     *value)
{
  PendingChange *change = g_new0 (PendingChange, 1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  g_autofree char *heading = g_strdup_printf (_("Set the Status to “%s”?"),
                                              g_value_get_string (value));

  change->self = g_object_ref (self);
  change->property = g_strdup (property);
  change->position = position;
  g_value_init (&change->value, G_VALUE_TYPE (value));
  g_value_copy (value, &change->value);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("This may send the customer a text message."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", _("_Change Status"),
                                    NULL);
  desk_accessible_tidy_mnemonics (dialog);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb), change,
                         (GClosureNotify) pending_change_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Actions ----------------------------------------------------------------------------------- */

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DeskTicketDetail *self = DESK_TICKET_DETAIL (widget);

  if (self->ticket != NULL)
    send_edits (self);
}

/* The fields go back to what RepairDesk holds. */
static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskTicketDetail *self = DESK_TICKET_DETAIL (widget);

  desk_ticket_detail_drop_edits (self);
  if (self->ticket != NULL && !self->busy)
    desk_ticket_detail_fill (self);
}

void
desk_ticket_detail_edits_class_init (GtkWidgetClass *widget_class)
{
  const char *names[G_N_ELEMENTS (fields) * 2];

  /* Every field names a real, editable property of a device. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      names[2 * i] = fields[i].property;
      names[2 * i + 1] = fields[i].shown;
      if (!desk_ticket_device_is_editable (fields[i].property))
        g_error ("The ticket detail edits “%s”, which may not be changed", fields[i].property);
    }
  desk_properties_check (DESK_TYPE_TICKET_DEVICE, names, G_N_ELEMENTS (names));

  gtk_widget_class_install_action (widget_class, "detail.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "detail.discard", NULL, discard_action);
}

/* --- Public API -------------------------------------------------------------------------------- */

/**
 * desk_ticket_detail_change_device:
 * @self: a #DeskTicketDetail
 * @position: the device's position on the ticket
 * @property: the #DeskTicketDevice property to change
 * @value: its new value
 *
 * Sends the change, after asking when a status may text the customer.
 */
void
desk_ticket_detail_change_device (DeskTicketDetail *self,
                                  guint             position,
                                  const char       *property,
                                  const GValue     *value)
{
  g_return_if_fail (DESK_IS_TICKET_DETAIL (self));
  g_return_if_fail (self->ticket != NULL);
  g_return_if_fail (position < g_list_model_get_n_items (desk_ticket_get_devices (self->ticket)));
  g_return_if_fail (desk_ticket_device_is_editable (property));

  if (!desk_ticket_can_edit (self->ticket, self->loaded))
    return;

  if (g_str_equal (property, "status") && desk_ticket_status_notifies (g_value_get_string (value)))
    confirm_change (self, position, property, value);
  else
    add_and_send (self, position, property, value);
}

/* Why the last change was not saved, or %NULL when everything shown is saved. */
const char *
desk_ticket_detail_get_unsaved (DeskTicketDetail *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DETAIL (self), NULL);

  return self->unsaved_reason;
}

/* The row editing @property of the device at @position, or %NULL. */
GtkWidget *
desk_ticket_detail_get_row (DeskTicketDetail *self,
                            guint             position,
                            const char       *property)
{
  g_return_val_if_fail (DESK_IS_TICKET_DETAIL (self), NULL);

  return find_row (self, position, property);
}
