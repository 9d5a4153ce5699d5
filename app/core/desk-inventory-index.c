/* desk-inventory-index.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-inventory-index"

#include "config.h"

#include <string.h>

#include "desk-inventory-index.h"

/* The shop's inventory, searched as the clerk types by name and SKU. RepairDesk gives
 * `/inventory` as one unpaged list, often thousands long, so the search runs here: every
 * item's name and SKU are folded once when the list arrives, and a keystroke is then a
 * scan of plain strings with no allocation per item. A search matches the items whose
 * name or SKU holds every word typed; the item whose SKU is exactly the text comes first
 * (what a barcode scanner types), then those whose SKU starts with it, then the rest in
 * the server's order (by name). */

typedef struct
{
  DeskInventoryItem *item;   /* owned */
  char              *sku;    /* folded */
  char              *text;   /* folded "name sku" */
} Entry;

struct _DeskInventoryIndex
{
  GArray     *entries;       /* Entry */
  GHashTable *by_sku;        /* folded SKU -> Entry index + 1 */
};

static char *
fold (const char *text)
{
  g_autofree char *normal = NULL;

  if (text == NULL)
    return g_strdup ("");
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (normal == NULL)
    return g_strdup ("");

  return g_utf8_casefold (normal, -1);
}

static char *
fold_trimmed (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return fold (copy);
}

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->item);
  g_clear_pointer (&entry->sku, g_free);
  g_clear_pointer (&entry->text, g_free);
}

/**
 * desk_inventory_index_new:
 * @items: (element-type DeskInventoryItem): the inventory as the server listed it
 *
 * Returns: (transfer full): an index holding a reference to each item
 */
DeskInventoryIndex *
desk_inventory_index_new (GPtrArray *items)
{
  DeskInventoryIndex *self = g_new0 (DeskInventoryIndex, 1);

  g_return_val_if_fail (items != NULL, NULL);

  self->entries = g_array_sized_new (FALSE, TRUE, sizeof (Entry), items->len);
  g_array_set_clear_func (self->entries, entry_clear);
  self->by_sku = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < items->len; i++)
    {
      DeskInventoryItem *item = g_ptr_array_index (items, i);
      const char *name = desk_named_item_get_name (DESK_NAMED_ITEM (item));
      g_autofree char *joined = g_strjoin (" ", name != NULL ? name : "",
                                           desk_inventory_item_get_sku (item), NULL);
      Entry entry = { g_object_ref (item), fold_trimmed (desk_inventory_item_get_sku (item)),
                      fold (joined) };

      g_array_append_val (self->entries, entry);
    }

  /* The first item of a SKU wins, as the list shows it first. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (*entry->sku != '\0' && !g_hash_table_contains (self->by_sku, entry->sku))
        g_hash_table_insert (self->by_sku, entry->sku, GUINT_TO_POINTER (i + 1));
    }

  return self;
}

void
desk_inventory_index_free (DeskInventoryIndex *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->by_sku);
  g_array_unref (self->entries);
  g_free (self);
}

guint
desk_inventory_index_get_n_items (DeskInventoryIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

static gboolean
holds_words (const char *text,
             char      **words)
{
  for (guint w = 0; words[w] != NULL; w++)
    if (*words[w] != '\0' && strstr (text, words[w]) == NULL)
      return FALSE;

  return TRUE;
}

static void
add_match (GPtrArray *matches,
           guint      max_matches,
           Entry     *entry)
{
  if (matches != NULL && matches->len < max_matches)
    g_ptr_array_add (matches, g_object_ref (entry->item));
}

/**
 * desk_inventory_index_search:
 * @self: an index
 * @text: what was typed
 * @max_matches: how many items to give at most
 * @matches: (nullable) (element-type DeskInventoryItem): where the matching items are
 *   added, with a reference each (give it g_object_unref as free function)
 *
 * Returns: how many items match in all; blank text matches none
 */
guint
desk_inventory_index_search (DeskInventoryIndex *self,
                             const char         *text,
                             guint               max_matches,
                             GPtrArray          *matches)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  gsize prefix_len;
  guint n = 0;
  gpointer exact;

  g_return_val_if_fail (self != NULL, 0);

  folded = fold_trimmed (text);
  if (*folded == '\0')
    return 0;
  words = g_strsplit_set (folded, " \t", -1);
  prefix_len = strlen (folded);
  exact = g_hash_table_lookup (self->by_sku, folded);

  if (exact != NULL)
    {
      add_match (matches, max_matches,
                 &g_array_index (self->entries, Entry, GPOINTER_TO_UINT (exact) - 1));
      n++;
    }
  /* SKUs that start with the text, then names and SKUs that hold its words. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->entries->len; i++)
      {
        Entry *entry = &g_array_index (self->entries, Entry, i);
        gboolean sku_prefix = strncmp (entry->sku, folded, prefix_len) == 0;

        if (GPOINTER_TO_UINT (exact) == i + 1)
          continue;
        if (pass == 0 ? !sku_prefix : (sku_prefix || !holds_words (entry->text, words)))
          continue;
        add_match (matches, max_matches, entry);
        n++;
      }

  return n;
}

/**
 * desk_inventory_index_find_sku:
 * @self: an index
 * @sku: a SKU as typed or scanned; case and surrounding spaces do not count
 *
 * Returns: (transfer none) (nullable): the item of that SKU
 */
DeskInventoryItem *
desk_inventory_index_find_sku (DeskInventoryIndex *self,
                               const char         *sku)
{
  g_autofree char *folded = NULL;
  gpointer found;

  g_return_val_if_fail (self != NULL, NULL);

  folded = fold_trimmed (sku);
  found = g_hash_table_lookup (self->by_sku, folded);
  if (found == NULL)
    return NULL;

  return g_array_index (self->entries, Entry, GPOINTER_TO_UINT (found) - 1).item;
}
