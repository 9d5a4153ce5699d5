/* test-intake-input.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "desk-sandbox.h"
#include "desk-test-utils.h"
#include "intake/desk-intake-device-private.h"
#include "intake/desk-intake-page-private.h"
#include "signature/desk-hand-to-customer.h"

/* A whole intake as an assistant does it at the counter, by the keyboard alone and by the
 * pointer alone: real key and button events sent to the display through XTEST, so they go
 * through GTK's own input handling (focus, mnemonics, shortcuts, gestures, popovers) just as
 * a user's would. Each run ends in a ticket on the in-process sandbox, read back. */

#define WAIT_MS 15000
/* A valid IMEI: its Luhn check digit is right. */
#define GOOD_IMEI "490154203237518"
/* How many Tab presses at most may stand between one field and the next one filled. */
#define MAX_TABS 12

typedef struct
{
  DeskSandbox    *sandbox;
  DeskApiClient  *client;
  DeskCatalog    *catalog;
  GSettings      *settings;
  DeskContext    *context;
  GtkWindow      *window;
  DeskIntakePage *page;
  GAsyncResult   *result;
  Display        *xdisplay;      /* a connection of the test's own, for XTEST */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int event_base, error_base, major, minor;

  fixture->xdisplay = XOpenDisplay (NULL);
  g_assert_nonnull (fixture->xdisplay);
  g_assert_true (XTestQueryExtension (fixture->xdisplay, &event_base, &error_base, &major, &minor));

  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX,
                                   "seed", 7, "n-customers", 40, "n-tickets", 50,
                                   "n-invoices", 5, "rate-limit", 0, NULL);
  desk_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  fixture->catalog = desk_catalog_new (fixture->client);
  fixture->settings = g_settings_new ("io.frontdesk.FrontDesk");
  fixture->context = desk_context_new_for_client (fixture->settings, fixture->client,
                                                  fixture->catalog);
  fixture->page = DESK_INTAKE_PAGE (desk_intake_page_new (fixture->context));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  /* The whole window on the 1280x800 display, action bar included: a pointer cannot reach
   * what lies outside the screen. */
  gtk_window_set_default_size (fixture->window, 1000, 740);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  desk_test_iterate (50);
  g_clear_object (&fixture->result);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
  XCloseDisplay (fixture->xdisplay);
}

/* --- Waiting ------------------------------------------------------------------------------- */

static gboolean
catalog_loaded (gpointer data)
{
  Fixture *fixture = data;
  DeskCatalogKind kinds[] = { DESK_CATALOG_DEVICES, DESK_CATALOG_PROBLEMS, DESK_CATALOG_STATUSES,
                              DESK_CATALOG_EMPLOYEES, DESK_CATALOG_TAX_CLASSES,
                              DESK_CATALOG_SUPPLIES, DESK_CATALOG_TASK_TYPES,
                              DESK_CATALOG_PARTS };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (!desk_catalog_is_loaded (fixture->catalog, kinds[i]))
      return FALSE;

  return TRUE;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_set_object (&fixture->result, result);
}

static gboolean
has_result (gpointer data)
{
  return ((Fixture *) data)->result != NULL;
}

static GAsyncResult *
wait_result (Fixture *fixture)
{
  g_assert_true (desk_test_wait_for (has_result, fixture, WAIT_MS));

  return fixture->result;
}

static gboolean
window_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
widget_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* Whether the keyboard focus is @data or inside it. */
static gboolean
focus_within (gpointer data)
{
  GtkWidget *widget = data;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

typedef struct
{
  GtkEditable *editable;
  const char  *text;
} TextWait;

static gboolean
text_is (gpointer data)
{
  TextWait *wait = data;

  return g_strcmp0 (gtk_editable_get_text (wait->editable), wait->text) == 0;
}

static void
wait_text (GtkEditable *editable,
           const char  *text)
{
  TextWait wait = { editable, text };

  if (!desk_test_wait_for (text_is, &wait, WAIT_MS))
    g_assert_cmpstr (gtk_editable_get_text (editable), ==, text);
}

typedef struct
{
  GtkSelectionModel *list;
  const char        *text;
} NarrowWait;

/* Whether every row of a drop-down's list shows @text: its search has been applied. */
static gboolean
list_narrowed (gpointer data)
{
  NarrowWait *wait = data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (wait->list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskNamedItem) item = g_list_model_get_item (G_LIST_MODEL (wait->list), i);

      if (strstr (desk_named_item_get_name (item), wait->text) == NULL)
        return FALSE;
    }

  return n > 0;
}

static gboolean
customer_picked (gpointer data)
{
  return desk_intake_page_get_customer (((Fixture *) data)->page) != NULL;
}

static gboolean
walk_in_picked (gpointer data)
{
  return desk_intake_page_get_walk_in (((Fixture *) data)->page);
}

typedef struct
{
  DeskIntakePage *page;
  DeskCustomer   *customer;
} CustomerWait;

/* Whether the picker shows @customer first, as the assistant sees before pressing Enter: a
 * pause in the typing may show matches for the first letters before. */
static gboolean
customer_shown_first (gpointer data)
{
  CustomerWait *wait = data;
  DeskCustomer *shown = desk_customer_picker_get_shown (wait->page->customer_picker, 0);

  return shown != NULL && desk_customer_get_id (shown) == desk_customer_get_id (wait->customer);
}

static gboolean
model_chosen (gpointer data)
{
  return desk_intake_device_get_model (DESK_INTAKE_DEVICE (data)) != NULL;
}

static gboolean
problem_chosen (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (DESK_INTAKE_DEVICE (data)->problems)) > 0;
}

static gboolean
signed_enough (gpointer data)
{
  return desk_signature_is_acceptable (desk_intake_page_get_signature (((Fixture *) data)->page),
                                       NULL);
}

static gboolean
hand_gone (gpointer data)
{
  return desk_test_find_window (DESK_TYPE_HAND_TO_CUSTOMER) == NULL;
}

static gboolean
created (gpointer data)
{
  DeskIntakePage *page = ((Fixture *) data)->page;

  return !desk_intake_page_get_busy (page) &&
         (desk_intake_page_get_created (page) != NULL || desk_intake_page_get_error (page) != NULL);
}

/* --- Finding widgets ----------------------------------------------------------------------- */

static DeskIntakeDevice *
device_section (Fixture *fixture)
{
  GListModel *devices = desk_intake_page_get_devices (fixture->page);
  g_autoptr(DeskIntakeDevice) device = g_list_model_get_item (devices, 0);

  g_assert_nonnull (device);
  return device;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_type (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* The mapped label at or below @widget showing @text, as a row of a list shows it. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = find_action_button (child, action)) != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
  GtkWidget  *found;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  wait->found = find_label (wait->root, wait->text);
  return wait->found != NULL && gtk_widget_get_width (wait->found) > 0;
}

static GtkWidget *
wait_label (GtkWidget  *root,
            const char *text)
{
  LabelWait wait = { root, text, NULL };

  if (!desk_test_wait_for (label_shown, &wait, WAIT_MS))
    g_error ("No row shows “%s”", text);

  return wait.found;
}

/* Saves @widget as build/tests/screenshots/@name.png: the window, or a popover (a surface
 * of its own, which the window's picture leaves out). */
static void
screenshot_of (GtkWidget  *widget,
               const char *name)
{
  g_autofree char *path = NULL;

  desk_test_iterate (100);
  path = desk_test_save_screenshot (widget, name);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  screenshot_of (GTK_WIDGET (fixture->window), name);
}

/* --- Real input through XTEST -------------------------------------------------------------- */

/* Lets GTK read and handle what the display sent: the events are in the server's queue in
 * order, so later waits see them handled in that order. */
static void
settle (Fixture *fixture)
{
  XSync (fixture->xdisplay, False);
  desk_test_iterate (15);
}

/* Gives the window the keyboard: there is no window manager on the test's display. */
static void
focus_window (Fixture *fixture)
{
  GdkSurface *surface;

  g_assert_true (desk_test_wait_for (widget_mapped, fixture->window, WAIT_MS));
  surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  XSetInputFocus (fixture->xdisplay, gdk_x11_surface_get_xid (surface), RevertToParent,
                  CurrentTime);
  settle (fixture);
  g_assert_true (desk_test_wait_for (window_active, fixture->window, WAIT_MS));
}

static void
key (Fixture *fixture,
     KeySym   keysym,
     gboolean press)
{
  KeyCode code = XKeysymToKeycode (fixture->xdisplay, keysym);

  g_assert_cmpuint (code, !=, 0);
  XTestFakeKeyEvent (fixture->xdisplay, code, press, CurrentTime);
}

/* Presses and releases @keysym with the modifiers given, as keysyms, before it. */
static void
press (Fixture *fixture,
       KeySym   keysym,
       KeySym   modifier1,
       KeySym   modifier2)
{
  if (modifier1 != NoSymbol)
    key (fixture, modifier1, TRUE);
  if (modifier2 != NoSymbol)
    key (fixture, modifier2, TRUE);
  key (fixture, keysym, TRUE);
  key (fixture, keysym, FALSE);
  if (modifier2 != NoSymbol)
    key (fixture, modifier2, FALSE);
  if (modifier1 != NoSymbol)
    key (fixture, modifier1, FALSE);
  settle (fixture);
}

/* Types ASCII @text key by key, with Shift where the keyboard map puts a character on the
 * shifted level ('@', capitals). */
static void
type_text (Fixture    *fixture,
           const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    {
      KeySym keysym = (KeySym) (guchar) *c;
      KeyCode code = XKeysymToKeycode (fixture->xdisplay, keysym);
      gboolean shifted;

      g_assert_cmpuint (code, !=, 0);
      shifted = XkbKeycodeToKeysym (fixture->xdisplay, code, 0, 0) != keysym;
      if (shifted)
        g_assert_cmpuint (XkbKeycodeToKeysym (fixture->xdisplay, code, 0, 1), ==, keysym);
      press (fixture, keysym, shifted ? XK_Shift_L : NoSymbol, NoSymbol);
    }
}

typedef struct
{
  GtkWindow *window;
  GtkWidget *before;
} FocusWait;

static gboolean
focus_moved (gpointer data)
{
  FocusWait *wait = data;

  return gtk_root_get_focus (GTK_ROOT (wait->window)) != wait->before;
}

/* Presses Tab until the focus is in @widget; fails past MAX_TABS. Returns the presses. */
static guint
tab_to (Fixture   *fixture,
        GtkWidget *widget)
{
  for (guint tabs = 1; tabs <= MAX_TABS; tabs++)
    {
      FocusWait wait = { fixture->window, gtk_root_get_focus (GTK_ROOT (fixture->window)) };

      /* One Tab moves the focus once: wait until it has moved before the next. */
      press (fixture, XK_Tab, NoSymbol, NoSymbol);
      g_assert_true (desk_test_wait_for (focus_moved, &wait, WAIT_MS));
      if (focus_within (widget))
        return tabs;
    }

  g_error ("Tab never reaches %s", G_OBJECT_TYPE_NAME (widget));
}

/* Where (@wx, @wy) of @widget is on the screen: through the widget's own surface (a
 * popover has one of its own), whose place on the root window X knows. */
static void
screen_point (Fixture   *fixture,
              GtkWidget *widget,
              double     wx,
              double     wy,
              int       *x,
              int       *y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double dx, dy;
  int root_x, root_y;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (wx, wy), &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  XTranslateCoordinates (fixture->xdisplay,
                         gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (fixture->xdisplay), 0, 0, &root_x, &root_y, &child);
  *x = root_x + (int) round (point.x + dx);
  *y = root_y + (int) round (point.y + dy);
}

typedef struct
{
  Fixture   *fixture;
  GtkWidget *widget;
} PointerWait;

/* Whether a pointer can reach @widget: drawn at its size, on a window the display shows. A
 * window just presented is mapped in GTK before it is on the screen. */
static gboolean
reachable (gpointer data)
{
  PointerWait *wait = data;
  GtkNative *native = gtk_widget_get_native (wait->widget);
  XWindowAttributes attributes;

  if (!gtk_widget_get_mapped (wait->widget) || gtk_widget_get_width (wait->widget) == 0 ||
      native == NULL || !gdk_surface_get_mapped (gtk_native_get_surface (native)))
    return FALSE;

  XGetWindowAttributes (wait->fixture->xdisplay,
                        gdk_x11_surface_get_xid (gtk_native_get_surface (native)), &attributes);
  return attributes.map_state == IsViewable;
}

static void
wait_reachable (Fixture   *fixture,
                GtkWidget *widget)
{
  PointerWait wait = { fixture, widget };

  if (!desk_test_wait_for (reachable, &wait, WAIT_MS))
    g_error ("The pointer cannot reach %s (mapped %d, width %d, on %s)", G_OBJECT_TYPE_NAME (widget),
             gtk_widget_get_mapped (widget), gtk_widget_get_width (widget),
             G_OBJECT_TYPE_NAME (gtk_widget_get_native (widget)));
}

static void
move_to (Fixture   *fixture,
         GtkWidget *widget,
         double     wx,
         double     wy)
{
  int x, y;

  wait_reachable (fixture, widget);
  screen_point (fixture, widget, wx, wy, &x, &y);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, DisplayWidth (fixture->xdisplay, DefaultScreen (fixture->xdisplay)));
  g_assert_cmpint (y, <, DisplayHeight (fixture->xdisplay, DefaultScreen (fixture->xdisplay)));
  XTestFakeMotionEvent (fixture->xdisplay, -1, x, y, CurrentTime);
  settle (fixture);
}

static void
button (Fixture *fixture,
        guint    number,
        gboolean down)
{
  XTestFakeButtonEvent (fixture->xdisplay, number, down, CurrentTime);
  settle (fixture);
}

static gboolean
inside_viewport (GtkWidget *widget,
                 GtkWidget *viewport)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, viewport, &bounds));
  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (viewport);
}

/* Turns the mouse wheel over the form until @widget is wholly in view. */
static void
scroll_into_view (Fixture   *fixture,
                  GtkWidget *widget)
{
  GtkWidget *scroller = find_type (GTK_WIDGET (fixture->page), GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scroller);
  move_to (fixture, scroller, gtk_widget_get_width (scroller) / 2.0,
           gtk_widget_get_height (scroller) / 2.0);
  for (guint i = 0; i < 100 && !inside_viewport (widget, scroller); i++)
    {
      graphene_rect_t bounds;
      guint wheel;

      g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
      wheel = bounds.origin.y < 0 ? 4 : 5;
      button (fixture, wheel, TRUE);
      button (fixture, wheel, FALSE);
      desk_test_iterate (50);
    }
  g_assert_true (inside_viewport (widget, scroller));
}

/* A left click in the middle of @widget. */
static void
click (Fixture   *fixture,
       GtkWidget *widget)
{
  wait_reachable (fixture, widget);
  move_to (fixture, widget, gtk_widget_get_width (widget) / 2.0,
           gtk_widget_get_height (widget) / 2.0);
  desk_test_iterate (30);
  button (fixture, 1, TRUE);
  button (fixture, 1, FALSE);
}

/* Signs across the canvas: a press, a wavy line of motions, a release. */
static void
drag_signature (Fixture   *fixture,
                GtkWidget *canvas)
{
  double width;
  double height;

  wait_reachable (fixture, canvas);
  width = gtk_widget_get_width (canvas);
  height = gtk_widget_get_height (canvas);

  move_to (fixture, canvas, width * 0.15, height * 0.5);
  button (fixture, 1, TRUE);
  for (guint i = 1; i <= 30; i++)
    {
      move_to (fixture, canvas, width * (0.15 + 0.6 * i / 30.0),
               height * (0.5 + 0.25 * sin (i / 3.0)));
      desk_test_iterate (10);
    }
  button (fixture, 1, FALSE);
}

/* --- Reading the ticket back --------------------------------------------------------------- */

static DeskCustomer *
some_customer (Fixture *fixture)
{
  DeskListQuery query = { .filter = DESK_LIST_FILTER_UNSET };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = NULL;

  g_clear_object (&fixture->result);
  desk_api_client_list_customers_async (fixture->client, &query, 0, NULL, result_cb, fixture);
  customers = desk_api_client_list_customers_finish (fixture->client, wait_result (fixture),
                                                     NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < customers->len; i++)
    {
      DeskCustomer *customer = g_ptr_array_index (customers, i);
      const char *email = desk_customer_get_email (customer);

      if (email != NULL && strchr (email, '@') != NULL)
        return g_object_ref (customer);
    }

  g_assert_not_reached ();
}

static gpointer
catalog_item (Fixture         *fixture,
              DeskCatalogKind  kind,
              guint            position)
{
  GListModel *model = desk_catalog_get_model (fixture->catalog, kind);

  g_assert_true (desk_test_wait_for (catalog_loaded, fixture, WAIT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, position);
  return g_list_model_get_item (model, position);
}

/* A problem the Add Problem list shows for @model: the model's own when RepairDesk lists
 * any (the second, so that a pick of the first row by mistake would show), else any. */
static DeskProblem *
listed_problem (Fixture    *fixture,
                DeskDevice *model)
{
  gint64 id = desk_named_item_get_id (DESK_NAMED_ITEM (model));
  g_autoptr(GError) error = NULL;
  GListModel *problems;
  guint n;

  g_clear_object (&fixture->result);
  desk_catalog_load_device_problems_async (fixture->catalog, id, NULL, result_cb, fixture);
  desk_catalog_load_finish (fixture->catalog, wait_result (fixture), &error);
  g_assert_no_error (error);
  problems = desk_catalog_get_device_problems (fixture->catalog, id);
  n = g_list_model_get_n_items (problems);
  if (n == 0)
    return catalog_item (fixture, DESK_CATALOG_PROBLEMS, 1);

  return g_list_model_get_item (problems, MIN (n - 1, 1));
}

static DeskTicket *
server_ticket (Fixture *fixture)
{
  DeskTicket *made = desk_intake_page_get_created (fixture->page);
  g_autoptr(GError) error = NULL;
  DeskTicket *ticket;

  g_assert_null (desk_intake_page_get_error (fixture->page));
  g_assert_nonnull (made);
  g_clear_object (&fixture->result);
  desk_api_client_get_ticket_async (fixture->client, desk_ticket_get_id (made), NULL, result_cb,
                                    fixture);
  ticket = desk_api_client_get_ticket_finish (fixture->client, wait_result (fixture), &error);
  g_assert_no_error (error);

  return ticket;
}

/* The one device of @ticket holds @model and @problem (and @imei unless NULL). */
static void
assert_device (DeskTicket  *ticket,
               DeskDevice  *model,
               DeskProblem *problem,
               const char  *imei)
{
  g_autoptr(DeskTicketDevice) device = NULL;
  g_autoptr(DeskNamedItem) item = NULL;
  g_autofree char *sent_imei = NULL;
  gint64 device_id;
  GListModel *items;

  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_get_devices (ticket)), ==, 1);
  device = g_list_model_get_item (desk_ticket_get_devices (ticket), 0);
  g_object_get (device, "device-id", &device_id, "imei", &sent_imei, NULL);
  g_assert_cmpint (device_id, ==, desk_named_item_get_id (DESK_NAMED_ITEM (model)));
  if (imei != NULL)
    g_assert_cmpstr (sent_imei, ==, imei);

  items = desk_ticket_device_get_repair_items (device);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  item = g_list_model_get_item (items, 0);
  g_assert_cmpstr (desk_named_item_get_name (item), ==,
                   desk_named_item_get_name (DESK_NAMED_ITEM (problem)));
}

/* --- Tests --------------------------------------------------------------------------------- */

/* The assistant alone at the keyboard: the customer's search by its mnemonic, the customer
 * by e-mail and Enter, Tab to the model and a type-ahead pick, Tab to the IMEI, a problem
 * through Add Problem's mnemonic, Hand to Customer by its mnemonic (where the customer
 * signs), and Create by Ctrl+Enter. */
static void
test_keyboard_only (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = some_customer (fixture);
  g_autoptr(DeskDevice) model = catalog_item (fixture, DESK_CATALOG_DEVICES, 0);
  g_autoptr(DeskProblem) problem = listed_problem (fixture, model);
  g_autoptr(DeskTicket) ticket = NULL;
  g_autofree char *signature = NULL;
  DeskIntakeDevice *device;
  GtkWidget *search;
  GtkWidget *popover;
  GtkWidget *hand;
  GtkWidget *pad;
  NarrowWait narrowed;
  guint tabs;

  g_assert_true (desk_test_wait_for (catalog_loaded, fixture, WAIT_MS));
  focus_window (fixture);
  device = device_section (fixture);
  search = GTK_WIDGET (desk_customer_picker_get_entry (fixture->page->customer_picker));

  /* Alt+C, the Customer heading's mnemonic, puts the cursor in the search. */
  press (fixture, XK_c, XK_Alt_L, NoSymbol);
  g_assert_true (desk_test_wait_for (focus_within, search, WAIT_MS));
  type_text (fixture, desk_customer_get_email (customer));
  wait_text (GTK_EDITABLE (search), desk_customer_get_email (customer));
  g_assert_true (desk_test_wait_for (customer_shown_first,
                                     &(CustomerWait) { fixture->page, customer }, WAIT_MS));
  screenshot (fixture, "intake-keyboard-search");
  press (fixture, XK_Return, NoSymbol, NoSymbol);
  g_assert_true (desk_test_wait_for (customer_picked, fixture, WAIT_MS));
  g_assert_cmpint (desk_customer_get_id (desk_intake_page_get_customer (fixture->page)), ==,
                   desk_customer_get_id (customer));

  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

    g_test_message ("After Enter on the customer the cursor is on: %s",
                    focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
  }

  /* Tab reaches the model; Space opens its list, typing narrows it, Enter takes it. */
  tabs = tab_to (fixture, GTK_WIDGET (device->model_dropdown));
  g_test_message ("Tab presses from the customer to the model: %u", tabs);
  press (fixture, XK_space, NoSymbol, NoSymbol);
  popover = find_type (GTK_WIDGET (device->model_dropdown), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (desk_test_wait_for (widget_mapped, popover, WAIT_MS));
  {
    GtkWidget *entry = find_type (popover, GTK_TYPE_SEARCH_ENTRY);
    GtkWidget *list = find_type (popover, GTK_TYPE_LIST_VIEW);

    /* GTK 4.8 opens the list with the cursor on the chosen row; the search is one
     * Shift+Tab above it. */
    g_assert_nonnull (entry);
    g_assert_nonnull (list);
    g_assert_true (desk_test_wait_for (focus_within, list, WAIT_MS));
    press (fixture, XK_Tab, XK_Shift_L, NoSymbol);
    g_assert_true (desk_test_wait_for (focus_within, entry, WAIT_MS));
    type_text (fixture, desk_named_item_get_name (DESK_NAMED_ITEM (model)));
    wait_text (GTK_EDITABLE (entry), desk_named_item_get_name (DESK_NAMED_ITEM (model)));
    /* Tab goes down to the list once it is narrowed to the name typed, Enter takes the
     * row. */
    narrowed.list = gtk_list_view_get_model (GTK_LIST_VIEW (list));
    narrowed.text = desk_named_item_get_name (DESK_NAMED_ITEM (model));
    g_assert_true (desk_test_wait_for (list_narrowed, &narrowed, WAIT_MS));
    screenshot_of (popover, "intake-keyboard-model");
    press (fixture, XK_Tab, NoSymbol, NoSymbol);
    g_assert_true (desk_test_wait_for (focus_within, list, WAIT_MS));
  }
  press (fixture, XK_Return, NoSymbol, NoSymbol);
  g_assert_true (desk_test_wait_for (model_chosen, device, WAIT_MS));
  g_assert_true (desk_test_wait_for (widget_unmapped, popover, WAIT_MS));
  g_assert_cmpint (desk_named_item_get_id (DESK_NAMED_ITEM (desk_intake_device_get_model (device))), ==,
                   desk_named_item_get_id (DESK_NAMED_ITEM (model)));

  /* Tab on to the IMEI. */
  tabs = tab_to (fixture, GTK_WIDGET (device->imei_row));
  g_test_message ("Tab presses from the model to the IMEI: %u", tabs);
  type_text (fixture, GOOD_IMEI);
  wait_text (GTK_EDITABLE (device->imei_row), GOOD_IMEI);

  /* Alt+P opens Add Problem with the cursor in its search; Enter takes the first match. */
  press (fixture, XK_p, XK_Alt_L, NoSymbol);
  g_assert_true (desk_test_wait_for (widget_mapped, device->problem_popover, WAIT_MS));
  g_assert_true (desk_test_wait_for (focus_within, device->problem_search, WAIT_MS));
  type_text (fixture, desk_named_item_get_name (DESK_NAMED_ITEM (problem)));
  wait_text (GTK_EDITABLE (device->problem_search), desk_named_item_get_name (DESK_NAMED_ITEM (problem)));
  press (fixture, XK_Return, NoSymbol, NoSymbol);
  g_assert_true (desk_test_wait_for (problem_chosen, device, WAIT_MS));
  /* Escape closes the picker, the cursor being still in its search. */
  g_assert_true (focus_within (GTK_WIDGET (device->problem_search)));
  press (fixture, XK_Escape, NoSymbol, NoSymbol);
  g_assert_true (desk_test_wait_for (widget_unmapped, device->problem_popover, WAIT_MS));
  g_assert_null (desk_intake_page_get_blocker (fixture->page));
  screenshot (fixture, "intake-keyboard-filled");

  /* Alt+H hands the screen to the customer, who signs it with the mouse and agrees: the
   * customer's part, not the assistant's. Back at the counter, the window gets the keyboard
   * again as a window manager would give it. */
  press (fixture, XK_h, XK_Alt_L, NoSymbol);
  g_assert_true (desk_test_wait_for_window (DESK_TYPE_HAND_TO_CUSTOMER, WAIT_MS));
  hand = GTK_WIDGET (desk_test_find_window (DESK_TYPE_HAND_TO_CUSTOMER));
  g_assert_true (desk_test_wait_for (widget_mapped, hand, WAIT_MS));
  pad = find_type (hand, DESK_TYPE_SIGNATURE_PAD);
  g_assert_nonnull (pad);
  drag_signature (fixture, desk_signature_pad_get_canvas (DESK_SIGNATURE_PAD (pad)));
  g_assert_true (desk_test_wait_for (signed_enough, fixture, WAIT_MS));
  screenshot_of (hand, "intake-keyboard-hand-to-customer");
  click (fixture, find_action_button (hand, "hand.agree"));
  g_assert_true (desk_test_wait_for (hand_gone, NULL, WAIT_MS));
  signature = desk_signature_to_base64 (desk_intake_page_get_signature (fixture->page), NULL);
  g_assert_nonnull (signature);
  focus_window (fixture);

  /* Ctrl+Enter creates, wherever the cursor is. */
  press (fixture, XK_Return, XK_Control_L, NoSymbol);
  g_assert_true (desk_test_wait_for (created, fixture, WAIT_MS));
  ticket = server_ticket (fixture);
  g_assert_cmpint (desk_ticket_get_customer_id (ticket), ==, desk_customer_get_id (customer));
  assert_device (ticket, model, problem, GOOD_IMEI);
  g_assert_cmpstr (desk_ticket_get_signature (ticket), ==, signature);
  screenshot (fixture, "intake-keyboard-created");
}

/* The assistant with the mouse alone: Walk-in, the model clicked in its list, a problem
 * clicked in Add Problem's list, a signature drawn on the pad, and Create clicked. */
static void
test_pointer_only (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DeskDevice) model = catalog_item (fixture, DESK_CATALOG_DEVICES, 1);
  g_autoptr(DeskProblem) problem = listed_problem (fixture, model);
  g_autoptr(DeskTicket) ticket = NULL;
  g_autofree char *signature = NULL;
  DeskIntakeDevice *device;
  GtkWidget *popover;
  GtkWidget *row;
  GtkWidget *canvas;
  GtkWidget *create;
  guint strokes;

  g_assert_true (desk_test_wait_for (catalog_loaded, fixture, WAIT_MS));
  g_assert_true (desk_test_wait_for (widget_mapped, fixture->window, WAIT_MS));
  device = device_section (fixture);

  click (fixture, find_action_button (GTK_WIDGET (fixture->page), "intake.walk-in"));
  g_assert_true (desk_test_wait_for (walk_in_picked, fixture, WAIT_MS));

  /* The model, clicked in the drop-down's list. */
  scroll_into_view (fixture, GTK_WIDGET (device->model_dropdown));
  click (fixture, GTK_WIDGET (device->model_dropdown));
  popover = find_type (GTK_WIDGET (device->model_dropdown), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (desk_test_wait_for (widget_mapped, popover, WAIT_MS));
  row = wait_label (popover, desk_named_item_get_name (DESK_NAMED_ITEM (model)));
  screenshot_of (popover, "intake-pointer-model");
  click (fixture, row);
  g_assert_true (desk_test_wait_for (model_chosen, device, WAIT_MS));
  g_assert_cmpint (desk_named_item_get_id (DESK_NAMED_ITEM (desk_intake_device_get_model (device))), ==,
                   desk_named_item_get_id (DESK_NAMED_ITEM (model)));
  g_assert_true (desk_test_wait_for (widget_unmapped, popover, WAIT_MS));

  /* A problem, clicked in Add Problem's list; a click beside the list closes it. */
  scroll_into_view (fixture, GTK_WIDGET (device->problems_group));
  click (fixture, find_type (GTK_WIDGET (device->problems_group), GTK_TYPE_MENU_BUTTON));
  g_assert_true (desk_test_wait_for (widget_mapped, device->problem_popover, WAIT_MS));
  row = wait_label (GTK_WIDGET (device->problem_view),
                    desk_named_item_get_name (DESK_NAMED_ITEM (problem)));
  screenshot_of (GTK_WIDGET (device->problem_popover), "intake-pointer-problems");
  click (fixture, row);
  g_assert_true (desk_test_wait_for (problem_chosen, device, WAIT_MS));
  screenshot (fixture, "intake-pointer-problem");
  click (fixture, wait_label (GTK_WIDGET (device->problems_group), "Repairs"));
  g_assert_true (desk_test_wait_for (widget_unmapped, device->problem_popover, WAIT_MS));

  /* The customer signs with the mouse. */
  canvas = desk_signature_pad_get_canvas (fixture->page->signature_pad);
  scroll_into_view (fixture, canvas);
  drag_signature (fixture, canvas);
  g_assert_true (desk_test_wait_for (signed_enough, fixture, WAIT_MS));
  strokes = desk_signature_get_n_strokes (desk_intake_page_get_signature (fixture->page));
  g_assert_cmpuint (strokes, ==, 1);
  g_assert_null (desk_intake_page_get_blocker (fixture->page));
  signature = desk_signature_to_base64 (desk_intake_page_get_signature (fixture->page), NULL);
  g_assert_nonnull (signature);
  screenshot (fixture, "intake-pointer-signed");

  create = find_action_button (GTK_WIDGET (fixture->page), "intake.create");
  g_assert_nonnull (create);
  click (fixture, create);
  g_assert_true (desk_test_wait_for (created, fixture, WAIT_MS));
  ticket = server_ticket (fixture);
  assert_device (ticket, model, problem, NULL);
  /* The ticket holds the very image drawn. */
  g_assert_cmpstr (desk_ticket_get_signature (ticket), ==, signature);
  screenshot (fixture, "intake-pointer-created");
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add ("/intake-input/keyboard-only", Fixture, NULL, fixture_set_up,
              test_keyboard_only, fixture_tear_down);
  g_test_add ("/intake-input/pointer-only", Fixture, NULL, fixture_set_up,
              test_pointer_only, fixture_tear_down);

  return g_test_run ();
}
