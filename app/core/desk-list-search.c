/* desk-list-search.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-list-search"

#include "config.h"

#include "desk-list-search.h"

/* The search of a list screen, in one place for every screen that has one: the text
 * typed or scanned, the list without a search (browsing), and the server's answer.
 *
 * Each keystroke narrows the rows already shown at once (the screen does that while
 * #DeskListSearch:filtering is set); after a pause the server is asked. Its answer loads
 * into a list of its own, so the rows on screen stay until the new ones are there, and
 * then takes their place. A newer text replaces a query still on its way (DeskPagedList
 * cancels it), and an answer to an older text is never shown.
 *
 * What is shown is worked out from the state alone (update()), after every event (a
 * keystroke, the pause, an answer), never from the order the events came in: whatever
 * the timing, the list shown agrees with the text. Enter asks the server at once and
 * emits #DeskListSearch::activated once it has answered the text of that moment. */

struct _DeskListSearch
{
  GObject                  parent_instance;

  /* owned */
  DeskApiClient           *client;
  DeskPagedList           *browse;    /* no search text */
  DeskPagedList           *answered;  /* the server's answer to a search text */
  DeskPagedList           *pending;   /* the query on its way */
  char                    *text;      /* stripped, NULL when empty */
  DeskListSearchQueryFunc  query_func;
  gpointer                 query_data;
  GDestroyNotify           query_destroy;

  /* state */
  DeskPagedList           *shown;     /* browse or answered */
  DeskPagedListKind        kind;
  guint                    delay_ms;
  guint                    delay_source;
  gboolean                 filtering;
  gboolean                 activated;
};

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LIST,
  PROP_FILTERING,
  PROP_SEARCHING,
  N_PROPS
};

enum {
  CHANGED,
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DeskListSearch, desk_list_search, G_TYPE_OBJECT)

static DeskListQuery *
make_query (DeskListSearch *self,
            const char     *text)
{
  DeskListQuery *query;

  if (self->query_func != NULL)
    return self->query_func (text, self->query_data);

  query = desk_list_query_new ();
  query->keyword = g_strdup (text);
  return query;
}

/* Whether @list holds, or is fetching, the server's answer to the text of now. */
static gboolean
list_is_for_text (DeskListSearch *self,
                  DeskPagedList  *list)
{
  const DeskListQuery *query = desk_paged_list_get_query (list);
  g_autoptr(DeskListQuery) wanted = NULL;

  if (query == NULL || self->text == NULL)
    return FALSE;

  wanted = make_query (self, self->text);
  return desk_list_query_equal (query, wanted);
}

static gboolean
answered_now (DeskListSearch *self,
              DeskPagedList  *list)
{
  return list_is_for_text (self, list) && !desk_paged_list_get_loading (list) &&
         desk_paged_list_get_n_pages (list) + (desk_paged_list_get_error (list) != NULL) > 0;
}

/* Works out what is shown from the text and the lists, whatever came first. */
static void
update (DeskListSearch *self)
{
  DeskPagedList *shown = self->shown;
  gboolean filtering;
  gboolean searching_before = desk_list_search_get_searching (self);

  if (self->text == NULL)
    {
      shown = self->browse;
    }
  else if (answered_now (self, self->pending))
    {
      DeskPagedList *swap = self->answered;

      self->answered = self->pending;
      self->pending = swap;
      shown = self->answered;
    }
  else if (answered_now (self, self->answered))
    {
      shown = self->answered;
    }

  /* Rows that are not the answer to the text are narrowed down on screen. */
  filtering = self->text != NULL && !(shown == self->answered && answered_now (self, shown));

  if (shown != self->shown || filtering != self->filtering)
    {
      gboolean list_changed = shown != self->shown;

      self->shown = shown;
      self->filtering = filtering;
      if (list_changed)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERING]);
    }

  g_signal_emit (self, signals[CHANGED], 0);

  if (searching_before != desk_list_search_get_searching (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);

  /* Enter was pressed: the screen decides on the answer to the text of now. */
  if (self->activated && self->text != NULL && !filtering)
    {
      self->activated = FALSE;
      g_signal_emit (self, signals[ACTIVATED], 0, TRUE);
    }
}

static void
ask_server (DeskListSearch *self)
{
  g_autoptr(DeskListQuery) query = NULL;

  g_clear_handle_id (&self->delay_source, g_source_remove);

  /* The server's answer to the text was an error: Enter asks again. */
  if (self->text != NULL && list_is_for_text (self, self->answered) &&
      !desk_paged_list_get_loading (self->answered) &&
      desk_paged_list_get_error (self->answered) != NULL)
    {
      desk_paged_list_reload (self->answered);
      update (self);
      return;
    }

  if (self->text == NULL || list_is_for_text (self, self->answered) ||
      list_is_for_text (self, self->pending))
    {
      update (self);
      return;
    }

  /* A new query replaces (and cancels) the one still on its way. */
  query = make_query (self, self->text);
  desk_paged_list_set_query (self->pending, query);
  update (self);
}

static gboolean
delay_cb (gpointer user_data)
{
  DeskListSearch *self = user_data;

  self->delay_source = 0;
  ask_server (self);

  return G_SOURCE_REMOVE;
}

static void
list_loading_cb (DeskListSearch *self)
{
  update (self);
}

static DeskPagedList *
new_list (DeskListSearch *self)
{
  DeskPagedList *list = desk_paged_list_new (self->client, self->kind);

  g_signal_connect_object (list, "notify::loading", G_CALLBACK (list_loading_cb), self,
                           G_CONNECT_SWAPPED);

  return list;
}

static void
desk_list_search_dispose (GObject *object)
{
  DeskListSearch *self = DESK_LIST_SEARCH (object);

  g_clear_handle_id (&self->delay_source, g_source_remove);
  self->shown = NULL;
  g_clear_object (&self->browse);
  g_clear_object (&self->answered);
  g_clear_object (&self->pending);
  g_clear_object (&self->client);
  if (self->query_destroy != NULL)
    self->query_destroy (self->query_data);
  self->query_func = NULL;
  self->query_destroy = NULL;
  self->query_data = NULL;

  G_OBJECT_CLASS (desk_list_search_parent_class)->dispose (object);
}

static void
desk_list_search_finalize (GObject *object)
{
  DeskListSearch *self = DESK_LIST_SEARCH (object);

  g_free (self->text);

  G_OBJECT_CLASS (desk_list_search_parent_class)->finalize (object);
}

static void
desk_list_search_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DeskListSearch *self = DESK_LIST_SEARCH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_LIST:
      g_value_set_object (value, self->shown);
      break;
    case PROP_FILTERING:
      g_value_set_boolean (value, self->filtering);
      break;
    case PROP_SEARCHING:
      g_value_set_boolean (value, desk_list_search_get_searching (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_list_search_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DeskListSearch *self = DESK_LIST_SEARCH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      desk_list_search_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_list_search_class_init (DeskListSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_list_search_dispose;
  object_class->finalize = desk_list_search_finalize;
  object_class->get_property = desk_list_search_get_property;
  object_class->set_property = desk_list_search_set_property;

  /**
   * DeskListSearch:text:
   *
   * What is typed, stripped; %NULL when nothing is.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DeskListSearch:list:
   *
   * The list to show: the list without a search, or the server's answer to a search.
   */
  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL, DESK_TYPE_PAGED_LIST,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DeskListSearch:filtering:
   *
   * Whether the screen narrows #DeskListSearch:list down to the rows that match the text:
   * %TRUE while the list shown is not the server's answer to the text of now.
   */
  properties[PROP_FILTERING] =
    g_param_spec_boolean ("filtering", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DeskListSearch:searching:
   *
   * Whether a server search is waiting to be sent or on its way for the text of now.
   */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskListSearch::changed:
   *
   * The list shown, its rows' filtering or the text changed: the screen shows the list
   * and filters its rows again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * DeskListSearch::activated:
   * @answered: whether the server has answered the text
   *
   * After desk_list_search_activate(), once the list shown is the server's answer to the
   * text: the screen opens the one match, or says how many there are.
   */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
desk_list_search_init (DeskListSearch *self)
{
  self->delay_ms = DESK_LIST_SEARCH_DELAY_MS;
}

/**
 * desk_list_search_new:
 * @client: the client the lists ask
 * @kind: the kind of record listed
 *
 * Returns: (transfer full): a search with an empty text; the list without a search is
 *   fetched once desk_list_search_refresh() is first called
 */
DeskListSearch *
desk_list_search_new (DeskApiClient     *client,
                      DeskPagedListKind  kind)
{
  DeskListSearch *self;

  g_return_val_if_fail (DESK_IS_API_CLIENT (client), NULL);

  self = g_object_new (DESK_TYPE_LIST_SEARCH, NULL);
  self->client = g_object_ref (client);
  self->kind = kind;
  self->browse = new_list (self);
  self->answered = new_list (self);
  self->pending = new_list (self);
  self->shown = self->browse;

  return self;
}

/**
 * desk_list_search_set_query_func:
 * @self: a #DeskListSearch
 * @func: makes the query for a text, with the screen's filters
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 */
void
desk_list_search_set_query_func (DeskListSearch          *self,
                                 DeskListSearchQueryFunc  func,
                                 gpointer                 user_data,
                                 GDestroyNotify           destroy)
{
  g_return_if_fail (DESK_IS_LIST_SEARCH (self));

  if (self->query_destroy != NULL)
    self->query_destroy (self->query_data);
  self->query_func = func;
  self->query_data = user_data;
  self->query_destroy = destroy;
}

const char *
desk_list_search_get_text (DeskListSearch *self)
{
  g_return_val_if_fail (DESK_IS_LIST_SEARCH (self), NULL);

  return self->text;
}

/**
 * desk_list_search_set_text:
 * @self: a #DeskListSearch
 * @text: (nullable): what is typed, at each keystroke
 *
 * Narrows the rows shown at once; the server is asked once typing pauses.
 */
void
desk_list_search_set_text (DeskListSearch *self,
                           const char     *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (DESK_IS_LIST_SEARCH (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  if (g_strcmp0 (stripped, self->text) == 0)
    return;

  g_free (self->text);
  self->text = g_steal_pointer (&stripped);
  self->activated = FALSE;
  g_clear_handle_id (&self->delay_source, g_source_remove);
  if (self->text != NULL && !list_is_for_text (self, self->answered))
    self->delay_source = g_timeout_add (self->delay_ms, delay_cb, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  update (self);
}

/**
 * desk_list_search_refresh:
 * @self: a #DeskListSearch
 *
 * The screen's filters changed: the list without a search is fetched for them at once,
 * and so is the answer to the text, if there is one.
 */
void
desk_list_search_refresh (DeskListSearch *self)
{
  g_autoptr(DeskListQuery) browse = NULL;

  g_return_if_fail (DESK_IS_LIST_SEARCH (self));

  browse = make_query (self, NULL);
  desk_paged_list_set_query (self->browse, browse);
  if (self->text != NULL)
    ask_server (self);
  else
    update (self);
}

/**
 * desk_list_search_activate:
 * @self: a #DeskListSearch
 *
 * Enter, typed or sent by a barcode scanner: the server is asked now rather than after
 * the pause, and #DeskListSearch::activated follows once it has answered.
 */
void
desk_list_search_activate (DeskListSearch *self)
{
  g_return_if_fail (DESK_IS_LIST_SEARCH (self));

  if (self->text == NULL)
    return;

  self->activated = TRUE;
  ask_server (self);
}

/* Returns: (transfer none): the list to show */
DeskPagedList *
desk_list_search_get_list (DeskListSearch *self)
{
  g_return_val_if_fail (DESK_IS_LIST_SEARCH (self), NULL);

  return self->shown;
}

/* Returns: (transfer none): the list without a search */
DeskPagedList *
desk_list_search_get_browse_list (DeskListSearch *self)
{
  g_return_val_if_fail (DESK_IS_LIST_SEARCH (self), NULL);

  return self->browse;
}

gboolean
desk_list_search_get_filtering (DeskListSearch *self)
{
  g_return_val_if_fail (DESK_IS_LIST_SEARCH (self), FALSE);

  return self->filtering;
}

gboolean
desk_list_search_get_searching (DeskListSearch *self)
{
  g_return_val_if_fail (DESK_IS_LIST_SEARCH (self), FALSE);

  return self->delay_source != 0 || (self->text != NULL && self->filtering) ||
         desk_paged_list_get_loading (self->shown);
}

/* Returns: whether the list shown is the server's answer to the text of now */
gboolean
desk_list_search_get_answered (DeskListSearch *self)
{
  g_return_val_if_fail (DESK_IS_LIST_SEARCH (self), FALSE);

  return self->text != NULL && !self->filtering;
}

guint
desk_list_search_get_delay (DeskListSearch *self)
{
  g_return_val_if_fail (DESK_IS_LIST_SEARCH (self), 0);

  return self->delay_ms;
}

void
desk_list_search_set_delay (DeskListSearch *self,
                            guint           delay_ms)
{
  g_return_if_fail (DESK_IS_LIST_SEARCH (self));

  self->delay_ms = delay_ms;
}

/* Calls @func on each of the lists the search may show, for a screen that watches what
 * they load (the Customers screen learns the referral sources from it). */
void
desk_list_search_foreach_list (DeskListSearch *self,
                               GFunc           func,
                               gpointer        user_data)
{
  g_return_if_fail (DESK_IS_LIST_SEARCH (self));

  func (self->browse, user_data);
  func (self->answered, user_data);
  func (self->pending, user_data);
}
