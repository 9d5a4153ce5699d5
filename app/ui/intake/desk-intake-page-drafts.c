/* desk-intake-page-drafts.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-intake-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-intake-page-private.h"

/* Nothing typed or signed is lost: every change of the form is written to a draft on disk
 * a moment later (DeskDraftStore, on its own thread), so that closing the window, a crash
 * or a power cut leaves the intake to pick up again. Several intakes can wait (a customer
 * who steps away); the form lists them above the customer, to resume or discard.
 *
 * A draft holds text as typed and choices by id; it is read back once the catalog the ids
 * refer to is loaded. */

/* How long the form waits after a change before it writes the draft: a keystroke is on disk
 * within this, and a burst of typing is one write. */
#define SAVE_DELAY_MS 300

/* The reference lists a draft's ids refer to. */
static const DeskCatalogKind draft_kinds[] = {
  DESK_CATALOG_DEVICES, DESK_CATALOG_PROBLEMS, DESK_CATALOG_PARTS, DESK_CATALOG_TAX_CLASSES,
  DESK_CATALOG_STATUSES, DESK_CATALOG_TASK_TYPES, DESK_CATALOG_EMPLOYEES, DESK_CATALOG_SUPPLIES,
};

static DeskDraftStore *
store (DeskIntakePage *self)
{
  return desk_context_get_drafts (desk_page_get_context (DESK_PAGE (self)));
}

static void
set_int (DeskIntakeDraft *draft,
         const char      *key,
         gint64           value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  desk_intake_draft_set_field (draft, key, text);
}

static gint64
get_int (DeskIntakeDraft *draft,
         const char      *key)
{
  const char *text = desk_intake_draft_get_field (draft, key);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static const char *
get_text (DeskIntakeDraft *draft,
          const char      *key)
{
  const char *text = desk_intake_draft_get_field (draft, key);

  return text != NULL ? text : "";
}

static gint64
selected_id (AdwComboRow *row)
{
  DeskNamedItem *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? desk_named_item_get_id (item) : 0;
}

static void
select_id (AdwComboRow *row,
           gint64       id)
{
  GListModel *items = adw_combo_row_get_model (row);

  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(DeskNamedItem) item = g_list_model_get_item (items, i);

      if (desk_named_item_get_id (item) == id)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
}

/* --- Writing ------------------------------------------------------------------------------- */

static void
fill_customer (DeskIntakePage  *self,
               DeskIntakeDraft *draft)
{
  DeskCustomer *customer = self->customer;

  desk_intake_draft_set_field (draft, "walk-in", self->walk_in ? "1" : "0");
  set_int (draft, "customer-id", customer != NULL ? desk_customer_get_id (customer) : 0);
  desk_intake_draft_set_field (draft, "customer-name",
                               customer != NULL ? desk_customer_get_full_name (customer) : "");
  desk_intake_draft_set_field (draft, "customer-phone",
                               customer != NULL ? desk_customer_get_phone (customer) : "");
  desk_intake_draft_set_field (draft, "customer-email",
                               customer != NULL ? desk_customer_get_email (customer) : "");
}

static void
fill_draft (DeskIntakePage  *self,
            DeskIntakeDraft *draft)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->devices));
  g_autoptr(GDateTime) due = desk_intake_page_get_due (self);
  g_autofree char *terms = g_settings_get_string (desk_page_get_settings (DESK_PAGE (self)),
                                                  "intake-terms");

  fill_customer (self, draft);
  set_int (draft, "status", selected_id (self->status_row));
  set_int (draft, "task-type", selected_id (self->task_type_row));
  set_int (draft, "technician", selected_id (self->technician_row));
  set_int (draft, "due", g_date_time_to_unix (due));
  desk_intake_draft_set_field (draft, "staff-comments",
                               gtk_editable_get_text (GTK_EDITABLE (self->staff_comments_row)));
  desk_intake_draft_set_field (draft, "public-comments",
                               gtk_editable_get_text (GTK_EDITABLE (self->public_comments_row)));
  set_int (draft, "devices", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskIntakeDevice) device = g_list_model_get_item (G_LIST_MODEL (self->devices), i);
      g_autofree char *prefix = g_strdup_printf ("device.%u.", i);

      desk_intake_device_save (device, draft, prefix);
    }

  desk_intake_draft_set_strokes (draft, self->signature);
  desk_intake_draft_set_terms (draft, terms);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A draft that cannot be written is said, but the form keeps everything and the next
   * change tries again. */
  if (!desk_draft_store_save_finish (DESK_DRAFT_STORE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The intake could not be kept on disk: %s", error->message);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  DeskIntakePage *self = user_data;

  self->save_source = 0;
  desk_intake_page_save_draft (self);

  return G_SOURCE_REMOVE;
}

/* Whether the form holds anything worth keeping. */
static gboolean
form_is_empty (DeskIntakePage *self)
{
  g_autoptr(DeskIntakeDevice) first = g_list_model_get_item (G_LIST_MODEL (self->devices), 0);

  return self->customer == NULL && !self->walk_in &&
         g_list_model_get_n_items (G_LIST_MODEL (self->devices)) <= 1 &&
         (first == NULL || desk_intake_device_get_empty (first)) &&
         desk_signature_is_empty (self->signature);
}

/* Writes the draft now, as it is; nothing when the form was never filled in. */
void
desk_intake_page_save_draft (DeskIntakePage *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->restoring || self->draft == NULL || (!self->draft_saved && form_is_empty (self)))
    return;

  fill_draft (self, self->draft);
  self->draft_saved = TRUE;
  /* Not cancellable: a write asked for is a write done, even as the window closes. */
  desk_draft_store_save_async (store (self), self->draft, NULL, saved_cb, NULL);
}

/* Asks for the draft to be written shortly: after every change of the form. */
void
desk_intake_page_save_draft_soon (DeskIntakePage *self)
{
  if (self->restoring || self->draft == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* The form starts a new intake: the one it held is done (sent) or set aside. */
void
desk_intake_page_new_draft (DeskIntakePage *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_set_object (&self->draft, desk_intake_draft_new ());
  g_object_unref (self->draft);
  self->draft_saved = FALSE;
}

/* The intake was sent: its draft goes. */
void
desk_intake_page_delete_draft (DeskIntakePage *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->draft != NULL && self->draft_saved)
    desk_draft_store_delete_async (store (self), desk_intake_draft_get_id (self->draft), NULL,
                                   NULL, NULL);
  desk_intake_page_new_draft (self);
}

/* --- Reading ------------------------------------------------------------------------------- */

static DeskCustomer *
restore_customer (DeskIntakeDraft *draft)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  if (get_int (draft, "customer-id") <= 0)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cid");
  json_builder_add_int_value (builder, get_int (draft, "customer-id"));
  json_builder_set_member_name (builder, "fullName");
  json_builder_add_string_value (builder, get_text (draft, "customer-name"));
  json_builder_set_member_name (builder, "phone");
  json_builder_add_string_value (builder, get_text (draft, "customer-phone"));
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, get_text (draft, "customer-email"));
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  return desk_customer_new_from_json (node, NULL);
}

static void
restore_draft (DeskIntakePage  *self,
               DeskIntakeDraft *draft)
{
  g_autoptr(DeskCustomer) customer = restore_customer (draft);
  g_autoptr(GDateTime) due = NULL;
  guint n = CLAMP (get_int (draft, "devices"), 1, 100);

  self->restoring = TRUE;
  desk_intake_page_clear (self);
  g_set_object (&self->draft, draft);
  self->draft_saved = TRUE;

  g_set_object (&self->customer, customer);
  self->walk_in = g_strcmp0 (get_text (draft, "walk-in"), "1") == 0;
  select_id (self->status_row, get_int (draft, "status"));
  select_id (self->task_type_row, get_int (draft, "task-type"));
  select_id (self->technician_row, get_int (draft, "technician"));
  if (get_int (draft, "due") > 0)
    {
      due = g_date_time_new_from_unix_local (get_int (draft, "due"));
      desk_intake_page_set_due (self, due);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->staff_comments_row), get_text (draft, "staff-comments"));
  gtk_editable_set_text (GTK_EDITABLE (self->public_comments_row),
                         get_text (draft, "public-comments"));

  for (guint i = 0; i < n; i++)
    {
      DeskIntakeDevice *device = desk_intake_page_add_device (self);
      g_autofree char *prefix = g_strdup_printf ("device.%u.", i);

      desk_intake_device_restore (device, draft, prefix);
    }
  desk_intake_draft_restore_strokes (draft, self->signature);

  self->restoring = FALSE;
  desk_intake_page_show_chosen (self);
  desk_intake_page_update (self);
  desk_intake_page_refresh_waiting (self);
}

typedef struct
{
  DeskIntakePage  *self;        /* owned */
  DeskIntakeDraft *draft;       /* owned */
  guint            pending;
  gboolean         cancelled;
} Restore;

static void
catalog_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Restore *restore = user_data;
  g_autoptr(GError) error = NULL;

  /* A list that could not be loaded leaves its choices empty; the text still comes back. */
  if (!desk_catalog_load_finish (DESK_CATALOG (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    restore->cancelled = TRUE;

  if (--restore->pending > 0)
    return;

  /* The screen may have been closed meanwhile: its devices are gone then. */
  if (!restore->cancelled && restore->self->devices != NULL)
    restore_draft (restore->self, restore->draft);
  g_object_unref (restore->draft);
  g_object_unref (restore->self);
  g_free (restore);
}

/* Fills the form from @draft once the lists its ids refer to are loaded. */
void
desk_intake_page_resume (DeskIntakePage  *self,
                         DeskIntakeDraft *draft)
{
  DeskCatalog *catalog = desk_page_get_catalog (DESK_PAGE (self));
  Restore *restore = g_new0 (Restore, 1);

  desk_intake_page_save_draft (self);

  restore->self = g_object_ref (self);
  restore->draft = g_object_ref (draft);
  restore->pending = G_N_ELEMENTS (draft_kinds);
  for (guint i = 0; i < G_N_ELEMENTS (draft_kinds); i++)
    desk_catalog_load_async (catalog, draft_kinds[i], self->drafts_cancellable,
                             catalog_loaded_cb, restore);
}

/* --- The waiting intakes ------------------------------------------------------------------- */

static char *
draft_title (DeskIntakeDraft *draft)
{
  const char *name = get_text (draft, "customer-name");

  if (*name != '\0')
    return g_strdup (name);
  if (g_strcmp0 (get_text (draft, "walk-in"), "1") == 0)
    return g_strdup (_("Walk-in Customer"));

  return g_strdup (_("No customer chosen yet"));
}

static char *
draft_subtitle (DeskIntakeDraft *draft)
{
  g_autoptr(GDateTime) updated = g_date_time_new_from_unix_local (desk_intake_draft_get_updated (draft) / G_USEC_PER_SEC);
  g_autofree char *when = g_date_time_format (updated, "%x %X");
  const char *imei = get_text (draft, "device.0.imei");

  /* Translators: when an unfinished intake was last changed, and the first device's IMEI. */
  return *imei != '\0' ? g_strdup_printf (_("Last changed %s · IMEI %s"), when, imei)
                       : g_strdup_printf (_("Last changed %s"), when);
}

static void
resume_clicked_cb (GtkButton      *button,
                   DeskIntakePage *self)
{
  DeskIntakeDraft *draft = g_object_get_data (G_OBJECT (button), "draft");

  desk_intake_page_resume (self, draft);
}

static void
undo_discard_cb (AdwToast       *toast,
                 DeskIntakePage *self)
{
  DeskIntakeDraft *draft = g_object_get_data (G_OBJECT (toast), "draft");

  desk_draft_store_save_async (store (self), draft, NULL, saved_cb, NULL);
  desk_intake_page_refresh_waiting (self);
}

/* Sets an intake aside for good, with a moment to take it back. */
void
desk_intake_page_discard_draft (DeskIntakePage  *self,
                                DeskIntakeDraft *draft)
{
  AdwToast *toast = adw_toast_new (_("Intake discarded"));

  desk_draft_store_delete_async (store (self), desk_intake_draft_get_id (draft), NULL, NULL, NULL);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "draft", g_object_ref (draft), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_discard_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  desk_intake_page_refresh_waiting (self);
}

static void
discard_clicked_cb (GtkButton      *button,
                    DeskIntakePage *self)
{
  desk_intake_page_discard_draft (self, g_object_get_data (G_OBJECT (button), "draft"));
}

static GtkWidget *
row_button (DeskIntakePage  *self,
            DeskIntakeDraft *draft,
            const char      *label,
            GCallback        callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "touch-target");
  g_object_set_data_full (G_OBJECT (button), "draft", g_object_ref (draft), g_object_unref);
  g_signal_connect_object (button, "clicked", callback, self, 0);

  return button;
}

static void
show_waiting (DeskIntakePage *self,
              GPtrArray      *drafts)
{
  guint shown = 0;

  for (guint i = 0; i < self->waiting_rows->len; i++)
    adw_preferences_group_remove (self->waiting_group, g_ptr_array_index (self->waiting_rows, i));
  g_ptr_array_set_size (self->waiting_rows, 0);

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    {
      DeskIntakeDraft *draft = g_ptr_array_index (drafts, i);
      g_autofree char *title = NULL, *subtitle = NULL;
      GtkWidget *row;

      if (self->draft != NULL &&
          g_strcmp0 (desk_intake_draft_get_id (draft), desk_intake_draft_get_id (self->draft)) == 0)
        continue;

      title = draft_title (draft);
      subtitle = draft_subtitle (draft);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, draft, _("_Resume"), G_CALLBACK (resume_clicked_cb)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, draft, _("_Discard"), G_CALLBACK (discard_clicked_cb)));
      g_ptr_array_add (self->waiting_rows, row);
      adw_preferences_group_add (self->waiting_group, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->waiting_group), shown > 0);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  DeskIntakePage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = desk_draft_store_list_finish (DESK_DRAFT_STORE (object), result,
                                                              &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_warning ("The waiting intakes could not be read: %s", error->message);

  show_waiting (self, drafts);
}

/* Lists the intakes set aside, after every change of which one the form holds. */
void
desk_intake_page_refresh_waiting (DeskIntakePage *self)
{
  desk_draft_store_list_async (store (self), self->drafts_cancellable, listed_cb, self);
}
