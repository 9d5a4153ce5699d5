/* desk-outbox-banner.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-outbox-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-out-of-view.h"
#include "desk-outbox-banner.h"

/* A quiet strip under the header bar while changes wait in the outbox: "RepairDesk can't
 * be reached; 2 changes waiting", with Try Now, and a list of the changes and where each
 * stands (waiting, on its way, being checked, or refused with RepairDesk's reason and a
 * Discard button). libadwaita 1.2 has no AdwBanner: a revealer with a styled box, as GNOME
 * applications did before it. Screens keep their loaded lists and keep taking work. */

struct _DeskOutboxBanner
{
  AdwBin         parent_instance;

  GtkRevealer   *revealer;
  GtkLabel      *label;
  GtkWidget     *try_button;
  GtkMenuButton *details_button;
  GtkListBox    *list;     /* in the details' popover, made on first opening */

  /* owned */
  DeskOutbox    *outbox;
  GSignalGroup  *outbox_signals;
  char          *text;
};

enum {
  PROP_0,
  PROP_OUTBOX,
  PROP_SHOWN,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskOutboxBanner, desk_outbox_banner, ADW_TYPE_BIN)

static guint
count_refused (DeskOutbox *outbox)
{
  GListModel *items = desk_outbox_get_items (outbox);
  guint refused = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(DeskOutboxItem) item = g_list_model_get_item (items, i);

      refused += desk_outbox_item_get_state (item) == DESK_OUTBOX_REFUSED;
    }

  return refused;
}

static void
update (DeskOutboxBanner *self)
{
  guint n = self->outbox != NULL ? desk_outbox_get_n_items (self->outbox) : 0;
  gboolean reachable = self->outbox == NULL || desk_outbox_get_reachable (self->outbox);
  guint refused = self->outbox != NULL ? count_refused (self->outbox) : 0;
  gboolean shown = !reachable || n > 0;
  g_autofree char *text = NULL;

  if (!reachable)
    /* Translators: the banner while the server is away; %u is how many changes wait. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "RepairDesk can't be reached; %u change waiting",
                                         "RepairDesk can't be reached; %u changes waiting", n), n);
  else if (refused > 0 && refused == n)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "RepairDesk did not accept %u change made while it was away",
                                         "RepairDesk did not accept %u changes made while it was away",
                                         refused), refused);
  else if (n > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Sending %u change to RepairDesk…",
                                         "Sending %u changes to RepairDesk…", n), n);

  gtk_label_set_label (self->label, text != NULL ? text : "");
  gtk_widget_set_visible (self->try_button, !reachable);
  gtk_widget_set_visible (GTK_WIDGET (self->details_button), n > 0);
  if (g_strcmp0 (text, self->text) != 0)
    {
      g_free (self->text);
      self->text = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }
  if (gtk_revealer_get_reveal_child (self->revealer) != shown)
    {
      gtk_revealer_set_reveal_child (self->revealer, shown);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
    }
}

/* --- The list of changes ------------------------------------------------------------------- */

static char *
state_text (DeskOutboxItem *item)
{
  switch (desk_outbox_item_get_state (item))
    {
    case DESK_OUTBOX_WAITING:
      return g_strdup (_("Waiting for RepairDesk"));
    case DESK_OUTBOX_SENDING:
      return g_strdup (_("Sending…"));
    case DESK_OUTBOX_CHECKING:
      return g_strdup (_("The answer was lost: checking whether RepairDesk has it…"));
    case DESK_OUTBOX_REFUSED:
      /* Translators: %s is RepairDesk's reason */
      return g_strdup_printf (_("Not accepted: %s"), desk_outbox_item_get_reason (item));
    case DESK_OUTBOX_SAVED:
      return g_strdup (_("Saved"));
    default:
      return g_strdup ("");
    }
}

static void
row_state_cb (DeskOutboxItem *item,
              GParamSpec     *pspec,
              AdwActionRow   *row)
{
  g_autofree char *subtitle = state_text (item);
  GtkWidget *discard = g_object_get_data (G_OBJECT (row), "discard");

  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_visible (discard, desk_outbox_item_get_state (item) == DESK_OUTBOX_REFUSED);
}

static void
discarded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!desk_outbox_discard_finish (DESK_OUTBOX (object), result, &error))
    g_message ("Could not discard a change: %s", error->message);
}

static void
discard_clicked_cb (GtkButton        *button,
                    DeskOutboxBanner *self)
{
  DeskOutboxItem *item = g_object_get_data (G_OBJECT (button), "item");

  if (self->outbox != NULL)
    desk_outbox_discard_async (self->outbox,
                               desk_change_get_uuid (desk_outbox_item_get_change (item)), NULL,
                               discarded_cb, NULL);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  DeskOutboxBanner *self = user_data;
  g_autofree char *title = desk_outbox_item_dup_title (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *discard = gtk_button_new_with_mnemonic (_("_Discard"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (discard, _("Forget this change: it will not be sent"));
  gtk_widget_add_css_class (discard, "destructive-action");
  g_object_set_data_full (G_OBJECT (discard), "item", g_object_ref (item), g_object_unref);
  g_signal_connect (discard, "clicked", G_CALLBACK (discard_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
  g_object_set_data (G_OBJECT (row), "discard", discard);

  g_signal_connect_object (item, "notify::state", G_CALLBACK (row_state_cb), row, 0);
  g_signal_connect_object (item, "notify::reason", G_CALLBACK (row_state_cb), row, 0);
  row_state_cb (item, NULL, ADW_ACTION_ROW (row));

  return row;
}

/* --- Actions ------------------------------------------------------------------------------- */

static void
try_now_cb (DeskOutboxBanner *self)
{
  if (self->outbox != NULL)
    desk_outbox_try_now (self->outbox);
}

static void
items_changed_cb (DeskOutboxBanner *self)
{
  update (self);
}

static void
item_settled_cb (DeskOutboxBanner *self)
{
  update (self);
}

/* --- GObject ------------------------------------------------------------------------------- */

static void
desk_outbox_banner_dispose (GObject *object)
{
  DeskOutboxBanner *self = DESK_OUTBOX_BANNER (object);

  if (self->outbox_signals != NULL)
    g_signal_group_set_target (self->outbox_signals, NULL);
  g_clear_object (&self->outbox_signals);
  g_clear_object (&self->outbox);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (desk_outbox_banner_parent_class)->dispose (object);
}

static void
desk_outbox_banner_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DeskOutboxBanner *self = DESK_OUTBOX_BANNER (object);

  switch (prop_id)
    {
    case PROP_OUTBOX:
      g_value_set_object (value, self->outbox);
      break;
    case PROP_SHOWN:
      g_value_set_boolean (value, desk_outbox_banner_get_shown (self));
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_outbox_banner_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DeskOutboxBanner *self = DESK_OUTBOX_BANNER (object);

  switch (prop_id)
    {
    case PROP_OUTBOX:
      desk_outbox_banner_set_outbox (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_outbox_banner_class_init (DeskOutboxBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_outbox_banner_dispose;
  object_class->get_property = desk_outbox_banner_get_property;
  object_class->set_property = desk_outbox_banner_set_property;

  properties[PROP_OUTBOX] =
    g_param_spec_object ("outbox", NULL, NULL, DESK_TYPE_OUTBOX,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "outboxbanner");
}

static void
bind_list (DeskOutboxBanner *self)
{
  gtk_list_box_bind_model (self->list,
                           self->outbox != NULL ? desk_outbox_get_items (self->outbox) : NULL,
                           create_row, self, NULL);
}

/* The list of changes and its popover, made the first time the list is opened: most of
 * the time nothing waits and the banner is not even shown. */
static void
ensure_list (DeskOutboxBanner *self)
{
  GtkWidget *popover;
  GtkWidget *scrolled;

  if (self->list != NULL)
    return;

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Changes Waiting"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_widget_set_size_request (scrolled, 360, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  gtk_menu_button_set_popover (self->details_button, popover);
  bind_list (self);
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  ensure_list (DESK_OUTBOX_BANNER (user_data));
}

static void
desk_outbox_banner_init (DeskOutboxBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("network-offline-symbolic");

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));

  gtk_widget_add_css_class (box, "outbox-banner");
  gtk_revealer_set_child (self->revealer, box);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));

  self->try_button = gtk_button_new_with_mnemonic (_("_Try Now"));
  gtk_widget_set_valign (self->try_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->try_button, _("Ask RepairDesk again now"));
  g_signal_connect_swapped (self->try_button, "clicked", G_CALLBACK (try_now_cb), self);
  gtk_box_append (GTK_BOX (box), self->try_button);

  self->details_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->details_button, _("Changes"));
  gtk_menu_button_set_create_popup_func (self->details_button, create_popup_cb, self, NULL);
  gtk_widget_set_valign (GTK_WIDGET (self->details_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->details_button),
                               _("The changes waiting, and what became of each"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->details_button));

  self->outbox_signals = g_signal_group_new (DESK_TYPE_OUTBOX);
  g_signal_group_connect_swapped (self->outbox_signals, "notify::reachable",
                                  G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->outbox_signals, "notify::n-items",
                                  G_CALLBACK (items_changed_cb), self);
  g_signal_group_connect_swapped (self->outbox_signals, "item-settled",
                                  G_CALLBACK (item_settled_cb), self);
  update (self);
  desk_revealer_hide_concealed (self->revealer);
}

GtkWidget *
desk_outbox_banner_new (void)
{
  return g_object_new (DESK_TYPE_OUTBOX_BANNER, NULL);
}

DeskOutbox *
desk_outbox_banner_get_outbox (DeskOutboxBanner *self)
{
  g_return_val_if_fail (DESK_IS_OUTBOX_BANNER (self), NULL);

  return self->outbox;
}

void
desk_outbox_banner_set_outbox (DeskOutboxBanner *self,
                               DeskOutbox       *outbox)
{
  g_return_if_fail (DESK_IS_OUTBOX_BANNER (self));
  g_return_if_fail (outbox == NULL || DESK_IS_OUTBOX (outbox));

  if (!g_set_object (&self->outbox, outbox))
    return;

  g_signal_group_set_target (self->outbox_signals, outbox);
  if (self->list != NULL)
    bind_list (self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTBOX]);
}

/* Returns: whether the banner is shown (changes wait, or RepairDesk can't be reached) */
gboolean
desk_outbox_banner_get_shown (DeskOutboxBanner *self)
{
  g_return_val_if_fail (DESK_IS_OUTBOX_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

/* Returns: (nullable): what the banner says */
const char *
desk_outbox_banner_get_text (DeskOutboxBanner *self)
{
  g_return_val_if_fail (DESK_IS_OUTBOX_BANNER (self), NULL);

  return self->text;
}

/* Returns: (transfer none): the list of changes in the popover */
GtkListBox *
desk_outbox_banner_get_list (DeskOutboxBanner *self)
{
  g_return_val_if_fail (DESK_IS_OUTBOX_BANNER (self), NULL);

  ensure_list (self);
  return self->list;
}

/* Opens the list of changes. */
void
desk_outbox_banner_show_list (DeskOutboxBanner *self)
{
  g_return_if_fail (DESK_IS_OUTBOX_BANNER (self));

  gtk_menu_button_popup (self->details_button);
}
