/* desk-customer-editor.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-customer-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-accessible.h"
#include "desk-customer-check.h"
#include "desk-customer-editor.h"
#include "desk-out-of-view.h"
#include "desk-properties.h"
#include "desk-spinner.h"

/* The New and Edit customer dialog: every writable field of a customer, grouped; problems
 * explained under their group as they are typed (and the missing ones once Save is
 * pressed), lengths as RepairDesk takes them; a warning when another customer already has
 * the phone number or e-mail address, and a question when Save is pressed anyway; the
 * customer saved through the DeskWriter, then read back. When saving fails the dialog
 * stays open with everything typed in it, and a field RepairDesk refused is named. */

typedef enum
{
  GROUP_NAME,
  GROUP_CONTACT,
  GROUP_ADDRESS,
  GROUP_BUSINESS,
  N_GROUPS
} Group;

typedef struct
{
  const char      *property;
  const char      *title;
  Group            group;
  GtkInputPurpose  purpose;
} Field;

static const Field fields[] = {
  { "first-name", N_("First Name"), GROUP_NAME, GTK_INPUT_PURPOSE_NAME },
  { "last-name", N_("Last Name"), GROUP_NAME, GTK_INPUT_PURPOSE_NAME },
  { "phone", N_("Phone"), GROUP_CONTACT, GTK_INPUT_PURPOSE_PHONE },
  { "mobile", N_("Mobile"), GROUP_CONTACT, GTK_INPUT_PURPOSE_PHONE },
  { "email", N_("E-mail"), GROUP_CONTACT, GTK_INPUT_PURPOSE_EMAIL },
  { "address1", N_("Address"), GROUP_ADDRESS, GTK_INPUT_PURPOSE_FREE_FORM },
  { "address2", N_("Address Line 2"), GROUP_ADDRESS, GTK_INPUT_PURPOSE_FREE_FORM },
  { "postcode", N_("Postcode"), GROUP_ADDRESS, GTK_INPUT_PURPOSE_FREE_FORM },
  { "city", N_("City"), GROUP_ADDRESS, GTK_INPUT_PURPOSE_FREE_FORM },
  { "state", N_("State or Region"), GROUP_ADDRESS, GTK_INPUT_PURPOSE_FREE_FORM },
  { "country", N_("Country"), GROUP_ADDRESS, GTK_INPUT_PURPOSE_FREE_FORM },
  { "organization", N_("Organization"), GROUP_BUSINESS, GTK_INPUT_PURPOSE_FREE_FORM },
  { "contact-person", N_("Contact Person"), GROUP_BUSINESS, GTK_INPUT_PURPOSE_NAME },
  { "tax-number", N_("Tax Number"), GROUP_BUSINESS, GTK_INPUT_PURPOSE_FREE_FORM },
  { "driving-licence", N_("Driving Licence"), GROUP_BUSINESS, GTK_INPUT_PURPOSE_FREE_FORM },
  { "network", N_("Network"), GROUP_BUSINESS, GTK_INPUT_PURPOSE_FREE_FORM },
};

#define N_FIELDS G_N_ELEMENTS (fields)
#define DUPLICATE_DELAY_MS 500

struct _DeskCustomerEditor
{
  AdwWindow             parent_instance;

  /* Template children */
  AdwWindowTitle       *window_title;
  GtkWidget            *save_button;
  DeskSpinner          *spinner;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkRevealer          *duplicate_revealer;
  GtkLabel             *duplicate_label;
  AdwPreferencesGroup  *groups[N_GROUPS];

  /* owned */
  DeskApiClient        *client;
  DeskWriter           *writer;
  DeskChange           *change;      /* the save on its way */
  DeskCustomer         *customer;
  DeskCustomer         *duplicate;
  GHashTable           *problems;   /* property or "name"/"contact" -> message */
  GCancellable         *save_cancellable;
  GCancellable         *duplicate_cancellable;
  GPtrArray            *duplicate_keywords;

  /* state */
  AdwEntryRow          *rows[N_FIELDS];
  GtkLabel             *problem_labels[N_GROUPS];
  guint                 duplicate_source;
  gboolean              save_pressed;
  gboolean              busy;
  guint                 focus_row;         /* 1 + the row focused before saving, or 0 */
  gboolean              checking;          /* a duplicate search is on its way */
  gboolean              maybe_created;     /* a create's fate is unknown: look before resending */
  gboolean              save_after_check;  /* Save was pressed while it was */
  gint64                accepted_duplicate; /* "Save Anyway" was chosen for this customer */
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_WRITER,
  PROP_CUSTOMER,
  PROP_BUSY,
  N_PROPS
};

enum {
  SAVED,
  OPEN_CUSTOMER,
  QUEUED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DeskCustomerEditor, desk_customer_editor, ADW_TYPE_WINDOW)

static int
field_index (const char *property)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (fields[i].property, property))
      return i;

  return -1;
}

/* The text of a field, without the spaces around it. */
static char *
field_text (DeskCustomerEditor *self,
            const char         *property)
{
  int i = field_index (property);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[i]))));
}

static gboolean
field_blank (DeskCustomerEditor *self,
             const char         *property)
{
  g_autofree char *text = field_text (self, property);

  return *text == '\0';
}

static void
add_problem (DeskCustomerEditor *self,
             const char         *key,
             const char         *message)
{
  g_hash_table_replace (self->problems, g_strdup (key), g_strdup (message));
}

static void
check_shape (DeskCustomerEditor *self,
             const char         *property,
             gboolean          (*check) (const char *text),
             const char         *message)
{
  g_autofree char *text = field_text (self, property);

  if (*text != '\0' && !check (text))
    add_problem (self, property, message);
}

/* RepairDesk takes so many bytes a field; letters with accents take two or more. */
static void
check_lengths (DeskCustomerEditor *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *text = field_text (self, fields[i].property);
      g_autofree char *message = NULL;

      if (desk_customer_field_fits (text))
        continue;
      /* Translators: %s is a field, e.g. "First Name"; %d a number of characters */
      message = g_strdup_printf (_("%s is too long: RepairDesk takes at most %d characters "
                                   "(fewer with accents or symbols)."),
                                 _(fields[i].title), DESK_CUSTOMER_FIELD_MAX_BYTES);
      add_problem (self, fields[i].property, message);
    }
}

static void
check_fields (DeskCustomerEditor *self)
{
  g_hash_table_remove_all (self->problems);

  /* Missing fields are only pointed out once Save is pressed: an empty form that scolds
   * before anything is typed explains nothing. */
  if (self->save_pressed && field_blank (self, "first-name") && field_blank (self, "last-name"))
    add_problem (self, "name", _("Enter at least a first or a last name."));
  if (self->save_pressed && field_blank (self, "phone") && field_blank (self, "mobile") &&
      field_blank (self, "email"))
    add_problem (self, "contact",
                 _("Enter a phone number, a mobile number or an e-mail address, so that the "
                   "shop can reach the customer."));

  check_shape (self, "phone", desk_customer_check_phone,
               _("The phone number should have 6 to 15 digits; spaces, dashes, brackets and a "
                 "leading + are fine."));
  check_shape (self, "mobile", desk_customer_check_phone,
               _("The mobile number should have 6 to 15 digits; spaces, dashes, brackets and a "
                 "leading + are fine."));
  check_shape (self, "email", desk_customer_check_email,
               _("The e-mail address should look like name@example.com."));
  check_lengths (self);
}

static Group
problem_group (const char *key)
{
  if (g_str_equal (key, "name"))
    return GROUP_NAME;
  if (g_str_equal (key, "contact"))
    return GROUP_CONTACT;

  return fields[field_index (key)].group;
}

static void
show_problems (DeskCustomerEditor *self)
{
  GString *texts[N_GROUPS];

  for (guint g = 0; g < N_GROUPS; g++)
    texts[g] = g_string_new (NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *message = g_hash_table_lookup (self->problems, fields[i].property);

      if (message != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->rows[i]), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->rows[i]), "error");
    }

  /* Whole-group messages first, then each field in the order of the form. */
  for (int i = -2; i < (int) N_FIELDS; i++)
    {
      const char *key = i == -2 ? "name" : i == -1 ? "contact" : fields[i].property;
      const char *message = g_hash_table_lookup (self->problems, key);
      GString *text = texts[problem_group (key)];

      if (message != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", message);
    }

  for (guint g = 0; g < N_GROUPS; g++)
    {
      gtk_label_set_label (self->problem_labels[g], texts[g]->str);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_labels[g]), texts[g]->len > 0);
      g_string_free (texts[g], TRUE);
    }
}

/* The fields are insensitive while the form saves: the focus leaves them cleanly, and
 * comes back to the same field afterwards. */
static void
keep_focus (DeskCustomerEditor *self,
            gboolean            busy)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (busy && focus != NULL)
    {
      for (guint i = 0; i < N_FIELDS; i++)
        if (focus == GTK_WIDGET (self->rows[i]) ||
            gtk_widget_is_ancestor (focus, GTK_WIDGET (self->rows[i])))
          {
            self->focus_row = i + 1;
            gtk_root_set_focus (GTK_ROOT (self), NULL);
          }
    }
  else if (!busy && self->focus_row > 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->rows[self->focus_row - 1]));
      self->focus_row = 0;
    }
}

static void
set_busy (DeskCustomerEditor *self,
          gboolean            busy)
{
  if (busy)
    keep_focus (self, TRUE);
  self->busy = busy;
  desk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !busy);
  /* Closing mid-save would leave nobody to say whether the customer was saved. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.close", !busy);
  for (guint g = 0; g < N_GROUPS; g++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->groups[g]), !busy);
  if (!busy)
    keep_focus (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (DeskCustomerEditor *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* --- Duplicates ------------------------------------------------------------------------ */

static gboolean
is_duplicate (DeskCustomerEditor *self,
              DeskCustomer       *other)
{
  g_autofree char *email = field_text (self, "email");
  g_autofree char *phone = field_text (self, "phone");
  g_autofree char *mobile = field_text (self, "mobile");
  const char *other_numbers[] = { desk_customer_get_phone (other),
                                  desk_customer_get_mobile (other) };

  if (self->customer != NULL && desk_customer_get_id (self->customer) == desk_customer_get_id (other))
    return FALSE;

  if (*email != '\0' && desk_customer_get_email (other) != NULL &&
      g_ascii_strcasecmp (email, desk_customer_get_email (other)) == 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (other_numbers); i++)
    if (desk_customer_same_phone (phone, other_numbers[i]) ||
        desk_customer_same_phone (mobile, other_numbers[i]))
      return TRUE;

  return FALSE;
}

static void
show_duplicate (DeskCustomerEditor *self,
                DeskCustomer       *other)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  g_set_object (&self->duplicate, other);
  if (other != NULL)
    {
      name = desk_customer_tidy_name (desk_customer_get_full_name (other));
      text = g_strdup_printf (_("%s already has this phone number or e-mail address."), name);
      gtk_label_set_label (self->duplicate_label, text);
    }
  gtk_revealer_set_reveal_child (self->duplicate_revealer, other != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-duplicate", other != NULL);
}

static gboolean search_next_keyword (DeskCustomerEditor *self);
static void save_checked (DeskCustomerEditor *self);

/* The duplicate search has its answer: a Save that waited for it goes on. */
static void
finish_check (DeskCustomerEditor *self)
{
  self->checking = FALSE;
  if (!self->save_after_check)
    return;

  self->save_after_check = FALSE;
  set_busy (self, FALSE);
  save_checked (self);
}

static void
duplicates_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  DeskCustomerEditor *self = user_data;

  found = desk_api_client_list_customers_finish (DESK_API_CLIENT (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A failed check says nothing either way; saving will tell if the server is away. But a
   * customer the last Save may have made is never sent again before it was looked for. */
  if (error != NULL)
    {
      g_debug ("Could not look for duplicates: %s", error->message);
      if (self->maybe_created && self->save_after_check)
        {
          g_autofree char *message = NULL;

          self->checking = FALSE;
          self->save_after_check = FALSE;
          set_busy (self, FALSE);
          message = g_strdup_printf (_("The customer may already have been saved, and it could "
                                       "not be checked. %s"), error->message);
          show_error (self, message);
          return;
        }
      finish_check (self);
      return;
    }

  for (guint i = 0; i < found->len; i++)
    if (is_duplicate (self, g_ptr_array_index (found, i)))
      {
        self->maybe_created = FALSE;
        show_duplicate (self, g_ptr_array_index (found, i));
        finish_check (self);
        return;
      }

  if (!search_next_keyword (self))
    {
      self->maybe_created = FALSE;
      finish_check (self);
    }
}

/* Returns: whether a search was sent */
static gboolean
search_next_keyword (DeskCustomerEditor *self)
{
  g_autoptr(DeskListQuery) query = NULL;

  if (self->duplicate_keywords->len == 0)
    return FALSE;

  query = desk_list_query_new ();
  query->keyword = g_ptr_array_steal_index (self->duplicate_keywords, 0);
  query->page_size = 10;
  self->checking = TRUE;
  desk_api_client_list_customers_async (self->client, query, -1, self->duplicate_cancellable,
                                        duplicates_listed_cb, self);
  return TRUE;
}

static void
queue_keyword (DeskCustomerEditor *self,
               const char         *property,
               gboolean          (*check) (const char *text))
{
  g_autofree char *text = field_text (self, property);

  if (check (text))
    g_ptr_array_add (self->duplicate_keywords, g_steal_pointer (&text));
}

static gboolean
check_duplicates_cb (gpointer user_data)
{
  DeskCustomerEditor *self = user_data;

  self->duplicate_source = 0;

  g_cancellable_cancel (self->duplicate_cancellable);
  g_clear_object (&self->duplicate_cancellable);
  self->duplicate_cancellable = g_cancellable_new ();
  g_ptr_array_set_size (self->duplicate_keywords, 0);

  /* One search a well-formed way of reaching the customer, the most telling first, until
   * one of them finds someone else. */
  queue_keyword (self, "email", desk_customer_check_email);
  queue_keyword (self, "mobile", desk_customer_check_phone);
  queue_keyword (self, "phone", desk_customer_check_phone);
  if (!search_next_keyword (self))
    finish_check (self);

  return G_SOURCE_REMOVE;
}

static void
contact_changed (DeskCustomerEditor *self)
{
  show_duplicate (self, NULL);
  self->checking = FALSE;
  g_clear_handle_id (&self->duplicate_source, g_source_remove);
  self->duplicate_source = g_timeout_add (DUPLICATE_DELAY_MS, check_duplicates_cb, self);
}

/* --- Saving ---------------------------------------------------------------------------- */

static DeskCustomer *
customer_from_form (DeskCustomerEditor *self)
{
  DeskCustomer *customer = desk_customer_new ();

  if (self->customer != NULL)
    g_object_set (customer, "id", desk_customer_get_id (self->customer), NULL);

  /* A cleared field is sent as "": the customer no longer has one. */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *text = field_text (self, fields[i].property);

      g_object_set (customer, fields[i].property, text, NULL);
    }

  return customer;
}

/* Returns: (transfer full): why the customer was not saved, naming the field RepairDesk
 * refused, which is marked in the form too */
static char *
refusal (DeskCustomerEditor *self,
         DeskFate            fate,
         const GError       *error)
{
  const char *detail = desk_api_error_get_detail (error);
  g_autofree char *key = desk_change_refused_field (self->change, detail);
  g_autofree char *property = key != NULL ? desk_customer_property_of_key (key) : NULL;
  int i = property != NULL ? field_index (property) : -1;
  g_autofree char *problem = NULL;

  if (fate == DESK_FATE_UNKNOWN)
    return g_strdup_printf (_("The customer may not have been saved. %s"), error->message);
  if (fate != DESK_FATE_REFUSED || i < 0)
    return g_strdup_printf (_("The customer was not saved. %s"), error->message);

  /* Translators: %s is a field, e.g. "First Name"; the server's words follow in brackets */
  problem = g_strdup_printf (_("RepairDesk did not accept the %s (%s)."), _(fields[i].title),
                             detail);
  add_problem (self, property, problem);
  show_problems (self);
  return g_strdup_printf (_("The customer was not saved. %s"), problem);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(DeskCustomerEditor) self = user_data;
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  DeskFate fate;

  fate = desk_writer_submit_finish (DESK_WRITER (object), result, (gpointer *) &customer, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  /* RepairDesk can't be reached: the customer waits in the outbox, under its change. */
  if (fate == DESK_FATE_QUEUED)
    {
      g_signal_emit (self, signals[QUEUED], 0, desk_change_get_record (self->change),
                     self->change, error->message);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (fate != DESK_FATE_SAVED)
    {
      /* The server may hold the new customer: the next Save looks for it first. */
      if (fate == DESK_FATE_UNKNOWN && self->customer == NULL)
        self->maybe_created = TRUE;
      message = refusal (self, fate, error);
      show_error (self, message);
      return;
    }

  g_set_object (&self->customer, customer);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
  g_signal_emit (self, signals[SAVED], 0, customer);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
send_save (DeskCustomerEditor *self)
{
  g_autoptr(DeskCustomer) customer = customer_from_form (self);

  show_error (self, NULL);
  set_busy (self, TRUE);
  g_clear_object (&self->change);
  self->change = self->customer != NULL ? desk_change_new_update_customer (customer)
                                        : desk_change_new_create_customer (customer);

  /* The dialog is held until the answer comes, so that the answer has a form to go to. */
  desk_writer_submit_async (self->writer, self->change, self->save_cancellable, saved_cb,
                            g_object_ref (self));
}

static gboolean
open_duplicate_idle_cb (gpointer user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (user_data), "editor.open-duplicate", NULL);

  return G_SOURCE_REMOVE;
}

static void
duplicate_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       DeskCustomerEditor *self)
{
  if (g_str_equal (response, "save") && self->duplicate != NULL)
    {
      self->accepted_duplicate = desk_customer_get_id (self->duplicate);
      send_save (self);
    }
  else if (g_str_equal (response, "open"))
    {
      /* The question is still closing: the form, its parent, goes once it has. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, open_duplicate_idle_cb, g_object_ref (self),
                       g_object_unref);
    }
}

/* The warning shown while typing is easy to miss: Save asks before making a second
 * customer with the same phone number or e-mail address. */
static void
ask_duplicate (DeskCustomerEditor *self)
{
  g_autofree char *name = desk_customer_tidy_name (desk_customer_get_full_name (self->duplicate));
  g_autofree char *body =
    g_strdup_printf (_("%s already has this phone number or e-mail address. Saving makes a "
                       "second customer with it."), name);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Save a Second Customer?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open That Customer"),
                                    "save", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (duplicate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_checked (DeskCustomerEditor *self)
{
  if (self->duplicate != NULL &&
      desk_customer_get_id (self->duplicate) != self->accepted_duplicate)
    ask_duplicate (self);
  else
    send_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskCustomerEditor *self = DESK_CUSTOMER_EDITOR (widget);

  self->save_pressed = TRUE;
  check_fields (self);
  show_problems (self);
  if (g_hash_table_size (self->problems) > 0 || self->busy)
    return;

  /* A duplicate search still to come or on its way is waited for; after a Save whose fate
   * is unknown, one is made now. */
  if (self->duplicate_source != 0 || self->checking || self->maybe_created)
    {
      self->save_after_check = TRUE;
      set_busy (self, TRUE);
      if (self->duplicate_source != 0 || (self->maybe_created && !self->checking))
        {
          g_clear_handle_id (&self->duplicate_source, g_source_remove);
          check_duplicates_cb (self);
        }
      return;
    }

  save_checked (self);
}

static void
open_duplicate_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DeskCustomerEditor *self = DESK_CUSTOMER_EDITOR (widget);
  g_autoptr(DeskCustomer) other = NULL;

  if (self->duplicate == NULL)
    return;

  other = g_object_ref (self->duplicate);
  g_signal_emit (self, signals[OPEN_CUSTOMER], 0, other);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
row_changed_cb (DeskCustomerEditor *self,
                GtkEditable        *row)
{
  int i = field_index (g_object_get_data (G_OBJECT (row), "property"));

  check_fields (self);
  show_problems (self);

  if (fields[i].group == GROUP_CONTACT)
    contact_changed (self);
}

/* --- Building the form ----------------------------------------------------------------- */

static void
add_rows (DeskCustomerEditor *self)
{
  for (guint g = 0; g < N_GROUPS; g++)
    {
      self->problem_labels[g] = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (self->problem_labels[g], TRUE);
      gtk_label_set_xalign (self->problem_labels[g], 0);
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_labels[g]), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_labels[g]), "customer-editor-problem");
      gtk_widget_set_visible (GTK_WIDGET (self->problem_labels[g]), FALSE);
    }

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

      /* As long as RepairDesk takes; bytes are checked again before saving. */
      if (GTK_IS_TEXT (text))
        gtk_text_set_max_length (GTK_TEXT (text), DESK_CUSTOMER_FIELD_MAX_BYTES);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), fields[i].purpose);
      g_object_set_data (G_OBJECT (row), "property", (gpointer) fields[i].property);
      adw_preferences_group_add (self->groups[fields[i].group], row);
      self->rows[i] = ADW_ENTRY_ROW (row);
    }

  /* Non-row children of a group go below its rows. */
  for (guint g = 0; g < N_GROUPS; g++)
    adw_preferences_group_add (self->groups[g], GTK_WIDGET (self->problem_labels[g]));
}

static void
fill_rows (DeskCustomerEditor *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *text = NULL;

      if (self->customer != NULL)
        g_object_get (self->customer, fields[i].property, &text, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), text != NULL ? text : "");
      g_signal_connect_object (self->rows[i], "changed", G_CALLBACK (row_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
desk_customer_editor_constructed (GObject *object)
{
  DeskCustomerEditor *self = DESK_CUSTOMER_EDITOR (object);

  G_OBJECT_CLASS (desk_customer_editor_parent_class)->constructed (object);

  g_assert (DESK_IS_API_CLIENT (self->client));
  if (self->writer == NULL)
    self->writer = desk_writer_new (self->client);

  adw_window_title_set_title (self->window_title, self->customer != NULL ? _("Edit Customer")
                                                                          : _("New Customer"));
  if (self->customer != NULL)
    {
      g_autofree char *name = desk_customer_tidy_name (desk_customer_get_full_name (self->customer));

      adw_window_title_set_subtitle (self->window_title, name);
    }
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  fill_rows (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->rows[0]));
}

static void
desk_customer_editor_dispose (GObject *object)
{
  DeskCustomerEditor *self = DESK_CUSTOMER_EDITOR (object);

  g_clear_handle_id (&self->duplicate_source, g_source_remove);
  g_cancellable_cancel (self->save_cancellable);
  g_cancellable_cancel (self->duplicate_cancellable);
  g_clear_object (&self->save_cancellable);
  g_clear_object (&self->duplicate_cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->writer);
  g_clear_object (&self->change);
  g_clear_object (&self->customer);
  g_clear_object (&self->duplicate);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_pointer (&self->duplicate_keywords, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_CUSTOMER_EDITOR);

  G_OBJECT_CLASS (desk_customer_editor_parent_class)->dispose (object);
}

static void
desk_customer_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DeskCustomerEditor *self = DESK_CUSTOMER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_WRITER:
      g_value_set_object (value, self->writer);
      break;
    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_customer_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DeskCustomerEditor *self = DESK_CUSTOMER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_WRITER:
      self->writer = g_value_dup_object (value);
      break;
    case PROP_CUSTOMER:
      self->customer = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
desk_customer_editor_close_request (GtkWindow *window)
{
  if (DESK_CUSTOMER_EDITOR (window)->busy)
    return TRUE;

  return GTK_WINDOW_CLASS (desk_customer_editor_parent_class)->close_request (window);
}

static void
desk_customer_editor_class_init (DeskCustomerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  const char *names[N_FIELDS];

  /* Every row of the form names a real property of a customer. */
  for (guint i = 0; i < N_FIELDS; i++)
    names[i] = fields[i].property;
  desk_properties_check (DESK_TYPE_CUSTOMER, names, N_FIELDS);

  object_class->constructed = desk_customer_editor_constructed;
  object_class->dispose = desk_customer_editor_dispose;
  object_class->get_property = desk_customer_editor_get_property;
  object_class->set_property = desk_customer_editor_set_property;
  window_class->close_request = desk_customer_editor_close_request;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, DESK_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Where the customer is saved; one of the form's own when none is given. */
  properties[PROP_WRITER] =
    g_param_spec_object ("writer", NULL, NULL, DESK_TYPE_WRITER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The customer being edited, NULL for a new one; once saved, the one read back. */
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL, DESK_TYPE_CUSTOMER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DESK_TYPE_CUSTOMER);
  signals[OPEN_CUSTOMER] =
    g_signal_new ("open-customer", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, DESK_TYPE_CUSTOMER);
  /* RepairDesk could not be reached: the customer as sent (no id yet), the change that
   * waits in the outbox (a ticket for them names it), and what to tell the assistant. */
  signals[QUEUED] =
    g_signal_new ("queued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, DESK_TYPE_CUSTOMER, DESK_TYPE_CHANGE, G_TYPE_STRING);

  g_type_ensure (DESK_TYPE_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/customers/desk-customer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerEditor, duplicate_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerEditor, duplicate_label);
  gtk_widget_class_bind_template_child_full (widget_class, "name_group", FALSE,
                                             G_STRUCT_OFFSET (DeskCustomerEditor, groups[GROUP_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "contact_group", FALSE,
                                             G_STRUCT_OFFSET (DeskCustomerEditor, groups[GROUP_CONTACT]));
  gtk_widget_class_bind_template_child_full (widget_class, "address_group", FALSE,
                                             G_STRUCT_OFFSET (DeskCustomerEditor, groups[GROUP_ADDRESS]));
  gtk_widget_class_bind_template_child_full (widget_class, "business_group", FALSE,
                                             G_STRUCT_OFFSET (DeskCustomerEditor, groups[GROUP_BUSINESS]));

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.open-duplicate", NULL,
                                   open_duplicate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
desk_customer_editor_init (DeskCustomerEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_revealer_hide_concealed (self->error_revealer);
  desk_revealer_hide_concealed (self->duplicate_revealer);
  desk_accessible_tidy_mnemonics (GTK_WIDGET (self));

  self->problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->save_cancellable = g_cancellable_new ();
  self->duplicate_cancellable = g_cancellable_new ();
  self->duplicate_keywords = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-duplicate", FALSE);
  add_rows (self);
}

/**
 * desk_customer_editor_new:
 * @writer: the write path to save through
 * @customer: (nullable): the customer to edit, %NULL for a new one
 *
 * Returns: (transfer full): a new dialog; present it with gtk_window_present()
 */
DeskCustomerEditor *
desk_customer_editor_new (DeskWriter   *writer,
                          DeskCustomer *customer)
{
  g_return_val_if_fail (DESK_IS_WRITER (writer), NULL);

  return g_object_new (DESK_TYPE_CUSTOMER_EDITOR,
                       "client", desk_writer_get_client (writer),
                       "writer", writer,
                       "customer", customer,
                       NULL);
}

DeskCustomer *
desk_customer_editor_get_customer (DeskCustomerEditor *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_EDITOR (self), NULL);

  return self->customer;
}

/* The entry of one field, by the customer property it edits ("first-name", "email", ...). */
GtkEditable *
desk_customer_editor_get_field (DeskCustomerEditor *self,
                                const char         *property)
{
  int i;

  g_return_val_if_fail (DESK_IS_CUSTOMER_EDITOR (self), NULL);

  i = field_index (property);
  return i >= 0 ? GTK_EDITABLE (self->rows[i]) : NULL;
}

/* The message shown about a field, or about "name" or "contact" as a whole; NULL if none. */
const char *
desk_customer_editor_get_problem (DeskCustomerEditor *self,
                                  const char         *property)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_EDITOR (self), NULL);

  return g_hash_table_lookup (self->problems, property);
}

/* Why the last save failed, or NULL. */
const char *
desk_customer_editor_get_error (DeskCustomerEditor *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_EDITOR (self), NULL);

  return gtk_revealer_get_reveal_child (self->error_revealer)
           ? gtk_label_get_label (self->error_label) : NULL;
}

/* Another customer with the same phone number or e-mail address, or NULL. */
DeskCustomer *
desk_customer_editor_get_duplicate (DeskCustomerEditor *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_EDITOR (self), NULL);

  return self->duplicate;
}

gboolean
desk_customer_editor_get_busy (DeskCustomerEditor *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_EDITOR (self), FALSE);

  return self->busy;
}
