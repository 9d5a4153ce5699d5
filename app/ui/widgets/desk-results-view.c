/* desk-results-view.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-results-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-accessible.h"
#include "desk-out-of-view.h"
#include "desk-results-view.h"
#include "desk-spinner.h"

/* What every list screen shows around its rows: a spinner while the first page loads, a
 * notice while the rate limit holds requests back, an empty state, an error with Retry,
 * and the rows themselves, with the next page fetched as the user nears the end and again
 * while the rows do not yet fill the view.
 *
 * The notice, the empty state and the error are made the first time they are shown: most
 * lists only ever show the spinner and their rows. */

struct _DeskResultsView
{
  GtkWidget          parent_instance;

  /* Template children */
  GtkStack          *stack;
  DeskSpinner       *spinner;
  GtkWidget         *results_page;
  GtkScrolledWindow *scrolled_window;
  GtkRevealer       *more_revealer;
  DeskSpinner       *more_spinner;

  /* owned */
  DeskPagedList     *list;
  GSignalGroup      *list_signals;
  GSignalGroup      *governor_signals;

  /* state */
  GdkFrameClock     *paint_clock;
  gulong             after_paint_id;
  GtkWidget         *titles;            /* nullable, above the rows */
  GtkWidget         *waiting_note;
  GtkWidget         *waiting_spinner;   /* on the waiting page, once made */
  char              *empty_title;
  char              *empty_description;
  gboolean           no_fetch;
};

enum {
  PROP_0,
  PROP_LIST,
  PROP_CHILD,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskResultsView, desk_results_view, GTK_TYPE_WIDGET)

static gboolean
governor_waiting (DeskResultsView *self)
{
  DeskRateGovernor *governor;

  if (self->list == NULL)
    return FALSE;

  governor = desk_api_client_get_governor (desk_paged_list_get_client (self->list));
  return governor != NULL && desk_rate_governor_get_waiting (governor);
}

static const char *
pick_state (DeskResultsView *self)
{
  const GError *error;

  /* No list yet, or one not yet asked for anything, is about to be: the spinner, rather than
   * an empty state a frame might show (and that would be styled for nothing). */
  if (self->list == NULL || desk_paged_list_get_query (self->list) == NULL)
    return "loading";

  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    return "results";

  if (desk_paged_list_get_loading (self->list))
    return governor_waiting (self) ? "waiting" : "loading";

  error = desk_paged_list_get_error (self->list);
  if (error != NULL)
    return "error";

  /* Emptied by a reload, which asks for the first page right after: not empty yet. Shown
   * as empty, that page would flash by (and fade out over the spinner). */
  if (desk_paged_list_get_query (self->list) != NULL &&
      desk_paged_list_get_n_pages (self->list) == 0 && desk_paged_list_get_has_more (self->list))
    return "loading";

  return "empty";
}

static void
maybe_fill (DeskResultsView *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  if (self->list == NULL || self->no_fetch || desk_paged_list_get_loading (self->list) ||
      !desk_paged_list_get_has_more (self->list) ||
      desk_paged_list_get_error (self->list) != NULL)
    return;

  /* Rows that do not reach the bottom of the view give no edge to scroll to. */
  if (gtk_adjustment_get_upper (adj) <= gtk_adjustment_get_page_size (adj) + 1)
    desk_paged_list_load_more (self->list);
}

/* The frame clock may go before the view (the window closes): it is watched weakly. */
static void
drop_paint_handler (DeskResultsView *self)
{
  if (self->paint_clock != NULL)
    {
      g_signal_handler_disconnect (self->paint_clock, self->after_paint_id);
      g_object_remove_weak_pointer (G_OBJECT (self->paint_clock), (gpointer *) &self->paint_clock);
    }
  self->paint_clock = NULL;
  self->after_paint_id = 0;
}

static void
after_paint_cb (GdkFrameClock   *clock,
                DeskResultsView *self)
{
  drop_paint_handler (self);
  maybe_fill (self);
}

/* Whether new rows fill the view is known only once they are laid out: until then the
 * scrolled window still measures the rows that were there before (a few rows narrowed
 * down by a search), and a page would be fetched that nobody asked for. */
static void
fill_after_layout (DeskResultsView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      maybe_fill (self);
      return;
    }

  if (self->paint_clock != clock)
    drop_paint_handler (self);
  if (self->paint_clock == NULL)
    {
      self->paint_clock = clock;
      g_object_add_weak_pointer (G_OBJECT (clock), (gpointer *) &self->paint_clock);
      self->after_paint_id = g_signal_connect_object (clock, "after-paint",
                                                      G_CALLBACK (after_paint_cb), self, 0);
    }
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static GtkWidget *
new_retry_button (void)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Retry"));

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "results.retry");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  desk_accessible_tidy_mnemonics (button);

  return button;
}

/* What the empty state says, as desk_results_view_set_empty_text () was last told. */
static void
tell_empty_text (DeskResultsView *self,
                 AdwStatusPage   *page)
{
  adw_status_page_set_title (page, self->empty_title != NULL ? self->empty_title
                                                             : _("Nothing Found"));
  adw_status_page_set_description (page, self->empty_description);
}

/* The page of @state, made now if it is the first time it is asked for. */
static GtkWidget *
ensure_state_page (DeskResultsView *self,
                   const char      *state)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, state);
  AdwStatusPage *status;

  if (page != NULL)
    return page;

  page = adw_status_page_new ();
  status = ADW_STATUS_PAGE (page);
  if (g_str_equal (state, "waiting"))
    {
      adw_status_page_set_icon_name (status, "preferences-system-time-symbolic");
      adw_status_page_set_title (status, _("Waiting for RepairDesk"));
      adw_status_page_set_description (status, _("RepairDesk allows only so many requests a minute. The list will appear as soon as it may be asked for."));
      self->waiting_spinner = desk_spinner_new ();
      gtk_widget_set_size_request (self->waiting_spinner, 32, 32);
      adw_status_page_set_child (status, self->waiting_spinner);
    }
  else if (g_str_equal (state, "empty"))
    {
      adw_status_page_set_icon_name (status, "edit-find-symbolic");
      tell_empty_text (self, status);
    }
  else if (g_str_equal (state, "error"))
    {
      adw_status_page_set_icon_name (status, "network-error-symbolic");
      adw_status_page_set_title (status, _("Could Not Load the List"));
      adw_status_page_set_child (status, new_retry_button ());
    }
  else
    g_return_val_if_reached (NULL);

  /* Out of view until the stack shows it (desk_stack_show_child ()). */
  gtk_widget_set_visible (page, FALSE);
  gtk_stack_add_named (self->stack, page, state);

  return page;
}

static void
update_state (DeskResultsView *self)
{
  const char *old_state = gtk_stack_get_visible_child_name (self->stack);
  const char *state = pick_state (self);
  gboolean loading = self->list != NULL && desk_paged_list_get_loading (self->list);

  if (g_strcmp0 (state, "error") == 0)
    {
      const GError *error = desk_paged_list_get_error (self->list);
      adw_status_page_set_description (ADW_STATUS_PAGE (ensure_state_page (self, state)),
                                       error->message);
    }
  else if (g_strcmp0 (state, "waiting") == 0 || g_strcmp0 (state, "empty") == 0)
    ensure_state_page (self, state);

  desk_spinner_set_spinning (self->spinner, g_strcmp0 (state, "loading") == 0);
  if (self->waiting_spinner != NULL)
    desk_spinner_set_spinning (DESK_SPINNER (self->waiting_spinner),
                               g_strcmp0 (state, "waiting") == 0);
  desk_spinner_set_spinning (self->more_spinner, loading);
  gtk_revealer_set_reveal_child (self->more_revealer, loading && g_strcmp0 (state, "results") == 0);
  /* Rows already there stay in view while the rate limit holds the next ones back. */
  gtk_widget_set_visible (self->waiting_note, loading && g_strcmp0 (state, "results") == 0 &&
                                              governor_waiting (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.retry", !loading);

  desk_stack_show_child (self->stack, state);
  if (g_strcmp0 (old_state, state) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
list_changed_cb (DeskResultsView *self)
{
  update_state (self);
  fill_after_layout (self);
}

static void
edge_reached_cb (DeskResultsView *self,
                 GtkPositionType  position)
{
  if (position == GTK_POS_BOTTOM && self->list != NULL && !self->no_fetch)
    desk_paged_list_load_more (self->list);
}

static void
adjustment_changed_cb (DeskResultsView *self)
{
  maybe_fill (self);
}

/* Each row of a list view is a focus stop of its own: Tab would step through a day's
 * tickets one by one. For Tab the list is one stop, left as a whole; the arrow keys move
 * between its rows. */
static gboolean
leave_list (DeskResultsView  *self,
            GtkDirectionType  direction)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  gboolean moved;

  if (root == NULL)
    return FALSE;

  gtk_widget_set_can_focus (GTK_WIDGET (self->scrolled_window), FALSE);
  moved = gtk_widget_child_focus (root, direction);
  gtk_widget_set_can_focus (GTK_WIDGET (self->scrolled_window), TRUE);

  return moved;
}

static gboolean
list_key_pressed_cb (DeskResultsView *self,
                     guint            keyval,
                     guint            keycode,
                     GdkModifierType  state)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_ISO_Left_Tab ||
      ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && (state & GDK_SHIFT_MASK) != 0))
    return leave_list (self, GTK_DIR_TAB_BACKWARD);

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    return leave_list (self, GTK_DIR_TAB_FORWARD);

  return FALSE;
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DeskResultsView *self = DESK_RESULTS_VIEW (widget);

  if (self->list != NULL)
    desk_paged_list_reload (self->list);
}

static void
desk_results_view_dispose (GObject *object)
{
  DeskResultsView *self = DESK_RESULTS_VIEW (object);

  drop_paint_handler (self);

  if (self->list_signals != NULL)
    g_signal_group_set_target (self->list_signals, NULL);
  if (self->governor_signals != NULL)
    g_signal_group_set_target (self->governor_signals, NULL);
  g_clear_object (&self->list_signals);
  g_clear_object (&self->governor_signals);
  g_clear_object (&self->list);
  g_clear_pointer (&self->empty_title, g_free);
  g_clear_pointer (&self->empty_description, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_RESULTS_VIEW);

  G_OBJECT_CLASS (desk_results_view_parent_class)->dispose (object);
}

/* The stack measures the page in view only: measuring the hidden states' pages laid out
 * their text for every frame that measured the view, the first one included. The width
 * stays as wide as the rows whatever the state, so that a pane that takes its width from
 * the view does not change width when a state replaces the rows. */
static void
desk_results_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  DeskResultsView *self = DESK_RESULTS_VIEW (widget);
  GtkWidget *rows = self->results_page;
  int rows_min, rows_nat;

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  if (orientation != GTK_ORIENTATION_HORIZONTAL ||
      gtk_stack_get_visible_child (self->stack) == rows)
    return;

  gtk_widget_measure (rows, orientation, for_size, &rows_min, &rows_nat, NULL, NULL);
  *minimum = MAX (*minimum, rows_min);
  *natural = MAX (*natural, rows_nat);
}

static void
desk_results_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  DeskResultsView *self = DESK_RESULTS_VIEW (widget);

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
}

static void
desk_results_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DeskResultsView *self = DESK_RESULTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_object (value, self->list);
      break;
    case PROP_CHILD:
      g_value_set_object (value, desk_results_view_get_child (self));
      break;
    case PROP_STATE:
      g_value_set_string (value, desk_results_view_get_state (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_results_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DeskResultsView *self = DESK_RESULTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIST:
      desk_results_view_set_list (self, g_value_get_object (value));
      break;
    case PROP_CHILD:
      desk_results_view_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_results_view_class_init (DeskResultsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_results_view_dispose;
  object_class->get_property = desk_results_view_get_property;
  object_class->set_property = desk_results_view_set_property;
  widget_class->measure = desk_results_view_measure;
  widget_class->size_allocate = desk_results_view_size_allocate;

  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL,
                         DESK_TYPE_PAGED_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* One of "loading", "waiting", "empty", "error" and "results". */
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL,
                         "loading",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DESK_TYPE_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/widgets/desk-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskResultsView, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskResultsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskResultsView, results_page);
  gtk_widget_class_bind_template_child (widget_class, DeskResultsView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, DeskResultsView, more_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskResultsView, more_spinner);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);

  gtk_widget_class_install_action (widget_class, "results.retry", NULL, retry_action);
}

/* The note of a list whose next rows wait, shown beside the rows. (The waiting page has a
 * spinner of its own, so that it never looks stuck.) */
static void
add_waiting_note (DeskResultsView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spinner = g_object_ref (GTK_WIDGET (self->more_spinner));

  gtk_revealer_set_child (self->more_revealer, NULL);
  gtk_box_append (GTK_BOX (box), spinner);
  g_object_unref (spinner);
  self->waiting_note = gtk_label_new (_("Waiting for RepairDesk’s request limit…"));
  gtk_widget_set_margin_end (self->waiting_note, 12);
  gtk_widget_set_visible (self->waiting_note, FALSE);
  gtk_box_append (GTK_BOX (box), self->waiting_note);
  gtk_widget_add_css_class (box, "osd");
  gtk_widget_add_css_class (box, "toolbar");
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_bottom (spinner, 0);
  gtk_revealer_set_child (self->more_revealer, box);
}

static void
desk_results_view_init (DeskResultsView *self)
{
  GtkAdjustment *adj;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  add_waiting_note (self);
  desk_revealer_hide_concealed (self->more_revealer);

  self->list_signals = g_signal_group_new (DESK_TYPE_PAGED_LIST);
  g_signal_group_connect_swapped (self->list_signals, "items-changed",
                                  G_CALLBACK (list_changed_cb), self);
  g_signal_group_connect_swapped (self->list_signals, "notify::loading",
                                  G_CALLBACK (list_changed_cb), self);
  g_signal_group_connect_swapped (self->list_signals, "notify::error",
                                  G_CALLBACK (list_changed_cb), self);

  self->governor_signals = g_signal_group_new (DESK_TYPE_RATE_GOVERNOR);
  g_signal_group_connect_swapped (self->governor_signals, "notify::waiting",
                                  G_CALLBACK (update_state), self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "desk-results-tab");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled_window), controller);

  adj = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  g_signal_connect_object (adj, "notify::upper", G_CALLBACK (adjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adj, "notify::page-size", G_CALLBACK (adjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);

  update_state (self);
}

GtkWidget *
desk_results_view_new (void)
{
  return g_object_new (DESK_TYPE_RESULTS_VIEW, NULL);
}

DeskPagedList *
desk_results_view_get_list (DeskResultsView *self)
{
  g_return_val_if_fail (DESK_IS_RESULTS_VIEW (self), NULL);

  return self->list;
}

/**
 * desk_results_view_set_list:
 * @self: a #DeskResultsView
 * @list: (nullable): the list whose state to show
 *
 * Follows @list's loading, error and items, and the rate governor of its client. The
 * view's child shows the rows; the caller gives it a selection model over @list.
 */
void
desk_results_view_set_list (DeskResultsView *self,
                            DeskPagedList   *list)
{
  g_return_if_fail (DESK_IS_RESULTS_VIEW (self));
  g_return_if_fail (list == NULL || DESK_IS_PAGED_LIST (list));

  if (!g_set_object (&self->list, list))
    return;

  g_signal_group_set_target (self->list_signals, list);
  g_signal_group_set_target (self->governor_signals,
                             list != NULL
                             ? desk_api_client_get_governor (desk_paged_list_get_client (list))
                             : NULL);
  list_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST]);
}

GtkWidget *
desk_results_view_get_child (DeskResultsView *self)
{
  g_return_val_if_fail (DESK_IS_RESULTS_VIEW (self), NULL);

  return gtk_scrolled_window_get_child (self->scrolled_window);
}

/**
 * desk_results_view_set_child:
 * @self: a #DeskResultsView
 * @child: (nullable): the list view that shows the rows
 *
 * The child is put in the view's scrolled window, which fetches the next page as the
 * user nears the end.
 */
void
desk_results_view_set_child (DeskResultsView *self,
                             GtkWidget       *child)
{
  g_return_if_fail (DESK_IS_RESULTS_VIEW (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (desk_results_view_get_child (self) == child)
    return;

  gtk_scrolled_window_set_child (self->scrolled_window, child);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

/**
 * desk_results_view_set_titles:
 * @self: a #DeskResultsView
 * @titles: (nullable): what to show above the rows, out of their scrolling: the titles
 *   of a table's columns
 *
 * The titles show with the rows only, not over the spinner, an empty state or an error.
 */
void
desk_results_view_set_titles (DeskResultsView *self,
                              GtkWidget       *titles)
{
  g_return_if_fail (DESK_IS_RESULTS_VIEW (self));
  g_return_if_fail (titles == NULL || GTK_IS_WIDGET (titles));

  if (self->titles == titles)
    return;

  if (self->titles != NULL)
    gtk_box_remove (GTK_BOX (self->results_page), self->titles);
  self->titles = titles;
  if (titles != NULL)
    gtk_box_prepend (GTK_BOX (self->results_page), titles);
}

/**
 * desk_results_view_set_empty_text:
 * @self: a #DeskResultsView
 * @title: what the empty state says ("No Tickets Today")
 * @description: (nullable): what to try next ("Try another date range")
 */
void
desk_results_view_set_empty_text (DeskResultsView *self,
                                  const char      *title,
                                  const char      *description)
{
  GtkWidget *page;

  g_return_if_fail (DESK_IS_RESULTS_VIEW (self));

  g_free (self->empty_title);
  self->empty_title = g_strdup (title);
  g_free (self->empty_description);
  self->empty_description = g_strdup (description);

  page = gtk_stack_get_child_by_name (self->stack, "empty");
  if (page != NULL)
    tell_empty_text (self, ADW_STATUS_PAGE (page));
}

/**
 * desk_results_view_get_state:
 * @self: a #DeskResultsView
 *
 * Returns: which state shows: "loading", "waiting", "empty", "error" or "results"
 */
const char *
desk_results_view_get_state (DeskResultsView *self)
{
  g_return_val_if_fail (DESK_IS_RESULTS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * desk_results_view_set_fetch_more:
 * @self: a #DeskResultsView
 * @fetch_more: whether the view fetches the next page by itself
 *
 * A view that shows only some of the list's rows (a local search) must not fetch pages
 * on its own: the few rows leave the view unfilled and at its bottom edge, and it would
 * fetch the whole list looking for rows it then hides.
 */
void
desk_results_view_set_fetch_more (DeskResultsView *self,
                                  gboolean         fetch_more)
{
  g_return_if_fail (DESK_IS_RESULTS_VIEW (self));

  self->no_fetch = !fetch_more;
  fill_after_layout (self);
}
