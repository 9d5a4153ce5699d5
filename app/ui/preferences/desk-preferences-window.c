/* desk-preferences-window.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-accessible.h"
#include "desk-intake-preferences.h"
#include "desk-keyring.h"
#include "desk-message-dialog.h"
#include "desk-preferences-window.h"
#include "desk-server-url.h"
#include "desk-spinner.h"
#include "desk-toast.h"

struct _DeskPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template children */
  AdwEntryRow          *url_row;
  GtkLabel             *url_error_label;
  AdwEntryRow          *key_row;
  GtkLabel             *key_status_label;
  DeskSpinner          *test_spinner;
  GtkWidget            *test_button;
  GtkLabel             *test_result_label;

  /* owned */
  DeskContext          *context;
  GCancellable         *cancellable;
  DeskApiClient        *test_client;

  /* state */
  gboolean              saving_key;
};

G_DEFINE_FINAL_TYPE (DeskPreferencesWindow, desk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (DeskPreferencesWindow *self,
            const char            *title)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), desk_toast_new (title));
}

/* Setting a row's text while it has the focus counts as an edit and brings its apply
 * button back, so the text is only replaced when it differs. */
static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Shows @text under a group, styled with @style_class alone ("dim-label", "error" or
 * "success"). */
static void
set_message (GtkLabel   *label,
             const char *text,
             const char *style_class)
{
  const char *classes[] = { style_class, NULL };

  gtk_label_set_label (label, text);
  gtk_widget_set_css_classes (GTK_WIDGET (label), classes);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static void
set_key_status (DeskPreferencesWindow *self,
                const char            *text,
                gboolean               is_error)
{
  set_message (self->key_status_label, text, is_error ? "error" : "dim-label");
}

/* Shows the key the context holds (masked by the row) and where it is kept. */
static void
sync_key (DeskPreferencesWindow *self)
{
  const char *api_key = desk_context_get_api_key (self->context);

  set_row_text (self->key_row, api_key != NULL ? api_key : "");

  if (api_key == NULL)
    set_key_status (self, _("No API key is saved for this server yet."), FALSE);
  else if (desk_context_get_api_key_session_only (self->context))
    set_key_status (self, _("The key is kept for this session only, as there is no keyring to "
                            "save it in. Front Desk will ask for it again next time."), FALSE);
  else
    set_key_status (self, _("The key is saved in your keyring."), FALSE);
}

static void
key_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  DeskPreferencesWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;

  if (!desk_context_load_api_key_finish (DESK_CONTEXT (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A key typed while the keyring was asked stays as it was typed. */
  typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->key_row)));
  sync_key (self);
  if (*typed != '\0')
    set_row_text (self->key_row, typed);
}

static void
url_row_changed_cb (DeskPreferencesWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->url_error_label), FALSE);
}

static void
url_row_apply_cb (DeskPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->url_row));

  url = desk_server_url_normalize (text, &error);
  if (url == NULL)
    {
      set_message (self->url_error_label, error->message, "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
      return;
    }

  set_row_text (self->url_row, url);
  if (g_strcmp0 (url, desk_context_get_server_url (self->context)) == 0)
    return;

  /* The context drops the old server's key; the new server may have one of its own. */
  g_settings_set_string (desk_context_get_settings (self->context), "server-url", url);
  show_toast (self, _("Server address saved"));
  sync_key (self);
  desk_context_load_api_key_async (self->context, self->cancellable, key_loaded_cb, self);
}

static void
no_keyring_response_cb (DeskPreferencesWindow *self,
                        const char            *response)
{
  const char *api_key = gtk_editable_get_text (GTK_EDITABLE (self->key_row));

  if (g_strcmp0 (response, "session") != 0 || *api_key == '\0')
    {
      set_key_status (self, _("The key was not saved: no keyring service is running."), TRUE);
      return;
    }

  desk_context_set_session_api_key (self->context, api_key);
  sync_key (self);
}

/* Without a keyring the key can only stay in memory; writing it anywhere in clear is not an
 * option, so the user decides whether that is good enough for now. */
static void
offer_session_key (DeskPreferencesWindow *self)
{
  desk_message_dialog_ask (GTK_WINDOW (self),
                           _("No Keyring Available"),
                           _("Front Desk keeps the API key in the system keyring, and no "
                             "keyring service is running on this computer.\n\n"
                             "The key can be used until Front Desk closes, without being "
                             "written anywhere. It will be asked for again next time."),
                           "session", _("Use for This _Session"), ADW_RESPONSE_SUGGESTED,
                           G_CALLBACK (no_keyring_response_cb), self);
}

static void
key_saved_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  DeskPreferencesWindow *self;

  if (!desk_context_save_api_key_finish (DESK_CONTEXT (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = DESK_PREFERENCES_WINDOW (user_data);
  self->saving_key = FALSE;

  if (g_error_matches (error, DESK_KEYRING_ERROR, DESK_KEYRING_ERROR_UNAVAILABLE))
    offer_session_key (self);
  else if (error != NULL)
    set_key_status (self, error->message, TRUE);
  else
    {
      show_toast (self, _("API key saved in the keyring"));
      sync_key (self);
    }
}

static void
key_row_apply_cb (DeskPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->key_row));
  g_autofree char *api_key = g_strstrip (g_strdup (text));

  /* The row stays sensitive while the keyring answers: taking the focus away from a
   * focused entry mid-edit upsets GtkText. A second apply meanwhile is ignored. */
  if (self->saving_key)
    return;

  if (*api_key == '\0')
    {
      set_key_status (self, _("Enter the API key first."), TRUE);
      return;
    }

  set_row_text (self->key_row, api_key);
  self->saving_key = TRUE;
  set_key_status (self, _("Saving the key in the keyring…"), FALSE);
  desk_context_save_api_key_async (self->context, api_key, self->cancellable, key_saved_cb, self);
}

/* One sentence for each verdict a person at the counter can act on. */
static const char *
describe_verdict (const GError *error)
{
  if (error == NULL)
    return _("The connection works: RepairDesk accepted the address and the API key.");
  if (error->domain != DESK_API_ERROR)
    return error->message;

  switch ((DeskApiError) error->code)
    {
    case DESK_API_ERROR_UNAUTHORIZED:
      return _("Wrong API key: RepairDesk refused it. Copy it again from Store Settings → "
               "Other Information → API Key.");
    case DESK_API_ERROR_NETWORK:
    case DESK_API_ERROR_TIMEOUT:
      return _("No connection: the server did not answer. Check the internet connection and "
               "the server address.");
    case DESK_API_ERROR_PROTOCOL:
    case DESK_API_ERROR_NOT_FOUND:
      return _("Not a RepairDesk server: something answers at this address, but not "
               "RepairDesk. Check the server address.");
    case DESK_API_ERROR_RATE_LIMITED:
    case DESK_API_ERROR_VALIDATION:
    case DESK_API_ERROR_SERVER:
    case DESK_API_ERROR_OUTCOME_UNKNOWN:
    case DESK_API_ERROR_INSECURE_URL:
    case DESK_API_ERROR_REDIRECTED:
    case DESK_API_ERROR_UNTRUSTED:
    case DESK_API_ERROR_STOPPED:
    default:
      return error->message;
    }
}

static void
show_verdict (DeskPreferencesWindow *self,
              const char            *text,
              gboolean               works)
{
  desk_spinner_set_spinning (self->test_spinner, FALSE);
  gtk_widget_set_sensitive (self->test_button, TRUE);
  set_message (self->test_result_label, text, works ? "success" : "error");
}

static void
connection_checked_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!desk_api_client_check_connection_finish (DESK_API_CLIENT (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  show_verdict (DESK_PREFERENCES_WINDOW (user_data), describe_verdict (error), error == NULL);
}

/* Tests what the rows hold now, applied or not, with a client of its own: the context's
 * client may be serving the demo store. */
static void
test_button_clicked_cb (DeskPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *api_key = NULL;

  url = desk_server_url_normalize (gtk_editable_get_text (GTK_EDITABLE (self->url_row)), &error);
  api_key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->key_row))));
  if (url == NULL)
    {
      show_verdict (self, error->message, FALSE);
      return;
    }
  if (*api_key == '\0')
    {
      show_verdict (self, _("Enter the API key first."), FALSE);
      return;
    }

  g_clear_object (&self->test_client);
  self->test_client = desk_api_client_new (url, api_key);
  /* A verdict now is worth more than a retry later. */
  desk_api_client_set_max_retries (self->test_client, 0);

  gtk_widget_set_sensitive (self->test_button, FALSE);
  desk_spinner_set_spinning (self->test_spinner, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->test_result_label), FALSE);
  desk_api_client_check_connection_async (self->test_client, self->cancellable,
                                          connection_checked_cb, self);
}

static void
desk_preferences_window_constructed (GObject *object)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (desk_preferences_window_parent_class)->constructed (object);

  g_assert (DESK_IS_CONTEXT (self->context));

  set_row_text (self->url_row, desk_context_get_server_url (self->context));
  sync_key (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (desk_intake_preferences_new (desk_context_get_settings (self->context))));

  /* The main window does not look the key up for the demo store; this page shows it. */
  if (!desk_context_get_has_api_key (self->context))
    desk_context_load_api_key_async (self->context, self->cancellable, key_loaded_cb, self);
}

static void
desk_preferences_window_dispose (GObject *object)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->test_client);

  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (desk_preferences_window_parent_class)->dispose (object);
}

static void
desk_preferences_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_preferences_window_class_init (DeskPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = desk_preferences_window_constructed;
  object_class->dispose = desk_preferences_window_dispose;
  object_class->get_property = desk_preferences_window_get_property;
  object_class->set_property = desk_preferences_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DESK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DESK_TYPE_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/frontdesk/FrontDesk/"
                                               "preferences/desk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, url_error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, key_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, key_status_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, test_button);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, test_result_label);
  gtk_widget_class_bind_template_callback (widget_class, url_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_button_clicked_cb);
}

static void
desk_preferences_window_init (DeskPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  desk_accessible_tidy_mnemonics (GTK_WIDGET (self));
  desk_accessible_name_by_tooltip (GTK_WIDGET (self->url_row));
  desk_accessible_name_by_tooltip (GTK_WIDGET (self->key_row));
  desk_accessible_name_internal (GTK_WIDGET (self), GTK_TYPE_SEARCH_ENTRY, "search_entry",
                                 _("Search Preferences"));
  desk_accessible_name_internal (GTK_WIDGET (self), GTK_TYPE_LIST_BOX, "search_results",
                                 _("Search Results"));
}

DeskPreferencesWindow *
desk_preferences_window_new (DeskContext *context)
{
  return g_object_new (DESK_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       NULL);
}
