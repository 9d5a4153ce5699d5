/* desk-test-utils.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem () */
#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "desk-test-utils.h"

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds so that layout, drawing and idle work happen. */
void
desk_test_iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until @condition holds or @timeout_ms passes. */
gboolean
desk_test_wait_for (gboolean (*condition) (gpointer data),
                    gpointer   data,
                    guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return condition (data);
}

static gboolean
only_ref_left (gpointer data)
{
  return g_atomic_int_get (&G_OBJECT (data)->ref_count) == 1;
}

/* Runs the main loop until the caller's reference is the last one on @object (work still
 * on its way may hold it until its callback has run), or @timeout_ms passes; then
 * g_assert_finalize_object() can tell whether anything else keeps it. */
gboolean
desk_test_wait_for_last_ref (gpointer object,
                             guint    timeout_ms)
{
  return desk_test_wait_for (only_ref_left, object, timeout_ms);
}

typedef struct
{
  GtkWidget *widget;
  int        width;
  int        height;
} Size;

/* The display has given the window's surface the size asked for (or the screen's, if that
 * is smaller), and the window has been laid out in it (the surface is wider by the window's shadow on each side). */
static gboolean
has_size (gpointer data)
{
  Size *size = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (size->widget));
  double x = 0;
  double y = 0;

  GdkMonitor *monitor;
  GdkRectangle screen;
  int width;
  int height;

  if (surface == NULL)
    return FALSE;

  /* No bigger than the screen it is on. */
  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (size->widget), surface);
  gdk_monitor_get_geometry (monitor, &screen);
  width = MIN (size->width, screen.width);
  height = MIN (size->height, screen.height);
  if (gdk_surface_get_width (surface) != width || gdk_surface_get_height (surface) != height)
    return FALSE;

  gtk_native_get_surface_transform (GTK_NATIVE (size->widget), &x, &y);
  return gtk_widget_get_width (size->widget) + 2 * (int) x == width &&
         gtk_widget_get_height (size->widget) + 2 * (int) y == height;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
frames_done (gpointer data)
{
  guint *frames = data;

  return frames[0] >= frames[1];
}

/* Runs the main loop until @widget's window has gone through @n frames (layout included),
 * or @timeout_ms passes: whatever a screen does as it lays its rows out has then begun. */
gboolean
desk_test_wait_for_frames (GtkWidget *widget,
                           guint      n,
                           guint      timeout_ms)
{
  guint frames[2] = { 0, n };
  guint id = gtk_widget_add_tick_callback (widget, count_frame, &frames[0], NULL);
  gboolean done = desk_test_wait_for (frames_done, frames, timeout_ms);

  gtk_widget_remove_tick_callback (widget, id);
  return done;
}

/* Renders @widget as it is on screen into <build>/tests/screenshots/@name.png and returns
 * the path, so that what a test built can be looked at. */
static GskRenderNode *
render_node (GdkPaintable *paintable,
             int           width,
             int           height)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

typedef struct
{
  Size  size;
  guint frames;
} Asked;

static gboolean
taken_or_three_frames (gpointer data)
{
  Asked *asked = data;

  return has_size (&asked->size) || asked->frames >= 3;
}

/* Gives @window a new size and runs the main loop until it has taken it, or @timeout_ms
 * passes. A window may take its new width only some frames later (a narrow list lets it
 * shrink once its columns are hidden): it is asked again every three frames. */
gboolean
desk_test_resize (GtkWindow *window,
                  int        width,
                  int        height,
                  guint      timeout_ms)
{
  Asked asked = { { GTK_WIDGET (window), width, height }, 0 };
  gint64 deadline = g_get_monotonic_time () + timeout_ms * (gint64) 1000;
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame, &asked.frames, NULL);

  while (!has_size (&asked.size) && g_get_monotonic_time () < deadline)
    {
      asked.frames = 0;
      gtk_window_set_default_size (window, width, height);
      desk_test_wait_for (taken_or_three_frames, &asked, timeout_ms);
    }
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), id);

  return has_size (&asked.size);
}

/* No stack, leaflet or revealer under @data is between two children or states. */
static gboolean
transitions_over (gpointer data)
{
  GtkWidget *widget = data;

  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return FALSE;
  if (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget)))
    return FALSE;
  if (GTK_IS_REVEALER (widget) &&
      gtk_revealer_get_reveal_child (GTK_REVEALER (widget)) !=
      gtk_revealer_get_child_revealed (GTK_REVEALER (widget)))
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!transitions_over (child))
      return FALSE;

  return TRUE;
}

char *
desk_test_save_screenshot (GtkWidget  *widget,
                           const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  GskRenderer *renderer;
  int width = 0;
  int height = 0;
  char *path;

  /* A crossfade or a slide under way would be caught half done; and until the next frame,
   * a stack keeps the drawing of its transition's last step, the old page faintly there. */
  desk_test_wait_for (transitions_over, widget, 10000);
  if (gtk_widget_get_mapped (widget))
    desk_test_wait_for_frames (widget, 1, 1000);

  /* A widget just shown on a busy machine may not have been laid out or drawn yet: give
   * it frames until it has, within a generous bound. */
  for (guint i = 0; node == NULL && i < 200; i++)
    {
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      if (width > 0 && height > 0)
        node = render_node (paintable, width, height);
      if (node == NULL)
        desk_test_iterate (50);
    }
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                          "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  return path;
}

/* Initializes a UI test: isolated directories, GTK and libadwaita. Isolation replaces
 * XDG_DATA_DIRS, which hides two things screenshots need: the icon themes, put back on the
 * display's search path (with Front Desk's own icon), and the MIME database, through which
 * gdk-pixbuf picks its SVG loader; GIO keeps the system's when told before g_test_init. */
void
desk_test_init (int    *argc,
                char ***argv)
{
  g_autofree char *app_icons = NULL;
  GtkIconTheme *theme;

  g_content_type_set_mime_dirs (NULL);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  /* Front Desk's own styles, as the application loads them, so that screenshots show the
   * screens as a user sees them. */
  if (g_resources_get_info ("/io/frontdesk/FrontDesk/style.css", G_RESOURCE_LOOKUP_FLAGS_NONE,
                            NULL, NULL, NULL))
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (css, "/io/frontdesk/FrontDesk/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  app_icons = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "icons", NULL);
  gtk_icon_theme_add_search_path (theme, "/usr/share/icons");
  gtk_icon_theme_add_search_path (theme, app_icons);
}

/* Returns the first toplevel window of @type, or NULL. */
GtkWindow *
desk_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
window_shown (gpointer data)
{
  return desk_test_find_window (GPOINTER_TO_SIZE (data)) != NULL;
}

gboolean
desk_test_wait_for_window (GType type,
                           guint timeout_ms)
{
  return desk_test_wait_for (window_shown, GSIZE_TO_POINTER (type), timeout_ms);
}

static char *
find_in_file (const char *path,
              const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  if (memmem (contents, length, needle, strlen (needle)) != NULL)
    return g_strdup (path);

  return NULL;
}

/* Searches every regular file under @dir, at any depth, for the bytes of @needle.
 * Returns the path of the first file holding them, or NULL. */
char *
desk_test_find_in_files (const char *dir,
                         const char *needle)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return NULL;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      char *found = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      else if (g_file_test (path, G_FILE_TEST_IS_DIR))
        found = desk_test_find_in_files (path, needle);
      else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        found = find_in_file (path, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Every key of @settings with its value, one a line, as the backend holds them. */
char *
desk_test_dump_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  GString *dump = g_string_new (NULL);

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_string_append_printf (dump, "%s=%s\n", keys[i], text);
    }

  return g_string_free (dump, FALSE);
}

/* A string made up for one test run, so that a search cannot match by chance. */
char *
desk_test_random_secret (const char *prefix)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat (prefix, "-", uuid, NULL);
}

/* Keeps @result in the DeskTestResult at @user_data. */
void
desk_test_result_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  DeskTestResult *r = user_data;

  g_set_object (&r->result, result);
}

static gboolean
has_result (gpointer data)
{
  return ((DeskTestResult *) data)->result != NULL;
}

/* Runs the main loop until the call has finished; fails the test if it has not within
 * @timeout_ms. The result stays @r's: desk_test_result_clear() drops it. */
GAsyncResult *
desk_test_await (DeskTestResult *r,
                 guint           timeout_ms)
{
  g_assert_true (desk_test_wait_for (has_result, r, timeout_ms));

  return r->result;
}

void
desk_test_result_clear (DeskTestResult *r)
{
  g_clear_object (&r->result);
}

/* Returns: (nullable): the first widget of @type in @root, @root included, depth first */
GtkWidget *
desk_test_find_widget (GtkWidget *root,
                       GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = desk_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Adds every widget of @type in @root, @root included, to @found, depth first. */
void
desk_test_find_all (GtkWidget *root,
                    GType      type,
                    GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    desk_test_find_all (child, type, found);
}
