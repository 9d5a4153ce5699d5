/* test-invoice-lines.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-core.h"
#include "desk-sandbox.h"
#include "desk-test-client.h"

/* The invoice editor's rules: its running totals worked out by hand, then the same lines
 * sent to the sandbox, whose invoice must come back with the same totals; and the
 * inventory searched by name and SKU. The rates are the sandbox's tax classes: 8.75 %,
 * 0 % and 5 %. */

#define RATE_A 8750
#define RATE_B 0
#define RATE_C 5000

/* 12.99 × 3 = 38.97 less 2.00 is 36.97, at 8.75 % 3.234875: 3.23.
 * 49.99 at 5 % is 2.4995: 2.50.
 * 5.00 × 2 = 10.00 less all of it: nothing, and no tax.
 * 10.00 at 8.75 % is 0.875, half a cent: 0.88.
 * Subtotal 38.97 + 49.99 + 10.00 + 10.00 = 108.96; discount 12.00;
 * tax 3.23 + 2.50 + 0.88 = 6.61; total 108.96 − 12.00 + 6.61 = 103.57. */
static const DeskInvoiceLine lines[] = {
  { 1299, 3, 200, RATE_A },
  { 4999, 1, 0, RATE_C },
  { 500, 2, 1000, RATE_B },
  { 1000, 1, 0, RATE_A },
};

static void
test_totals_by_hand (void)
{
  g_autoptr(GError) error = NULL;
  DeskTotals totals;

  g_assert_true (desk_invoice_lines_compute (lines, G_N_ELEMENTS (lines), &totals, &error));
  g_assert_no_error (error);
  g_assert_cmpint (totals.subtotal, ==, 10896);
  g_assert_cmpint (totals.discount, ==, 1200);
  g_assert_cmpint (totals.tax, ==, 661);
  g_assert_cmpint (totals.total, ==, 10357);
  g_assert_cmpint (totals.due, ==, 10357);
  g_assert_false (totals.out_of_range);

  /* No lines: nothing to charge. */
  g_assert_true (desk_invoice_lines_compute (NULL, 0, &totals, &error));
  g_assert_cmpint (totals.total, ==, 0);
}

static void
test_totals_refused (void)
{
  static const DeskInvoiceLine bad[] = {
    { 1000, 0, 0, RATE_A },                              /* no quantity */
    { 1000, 10001, 0, RATE_A },                          /* too many */
    { -1, 1, 0, RATE_A },                                /* negative price */
    { 1000, 2, 2001, RATE_A },                           /* discount over 20.00 */
    { 1000, 1, 0, 100001 },                              /* rate over 100 % */
    { G_GINT64_CONSTANT (1000000001), 1, 0, RATE_A },    /* over ten million */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      DeskInvoiceLine two[2] = { lines[0], bad[i] };
      DeskTotals totals;

      g_assert_false (desk_invoice_line_check (&bad[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_clear_error (&error);
      g_assert_false (desk_invoice_lines_compute (two, 2, &totals, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_cmpint (totals.total, ==, 0);
    }

  /* A discount of the whole line is allowed. */
  {
    DeskInvoiceLine whole = { 1000, 2, 2000, RATE_A };

    g_assert_true (desk_invoice_line_check (&whole, NULL));
  }
}

/* --- Against the sandbox ------------------------------------------------------------------- */

typedef struct
{
  GAsyncResult *result;
} Waiter;

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ((Waiter *) user_data)->result = g_object_ref (result);
}

static GAsyncResult *
await (Waiter *w)
{
  g_clear_object (&w->result);
  while (w->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return w->result;
}

static gint64
class_of_rate (GPtrArray *classes,
               gint64     millipercent)
{
  for (guint i = 0; i < classes->len; i++)
    if (desk_tax_class_get_tax_percent (g_ptr_array_index (classes, i)) == millipercent)
      return desk_named_item_get_id (g_ptr_array_index (classes, i));

  g_assert_not_reached ();
}

static void
test_totals_sandbox (void)
{
  g_autoptr(DeskSandbox) sandbox = desk_sandbox_new ();
  g_autoptr(DeskApiClient) client = NULL;
  g_autoptr(GPtrArray) classes = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(DeskInvoice) invoice = desk_invoice_new ();
  g_autoptr(DeskInvoice) created = NULL;
  g_autoptr(DeskInvoice) read_back = NULL;
  g_autoptr(GError) error = NULL;
  Waiter w = { NULL };
  DeskTotals expected;
  gint64 subtotal, discount, tax;

  g_object_set (sandbox, "seed", 17, "n-customers", 5, "n-tickets", 0, "n-invoices", 0, NULL);
  g_assert_true (desk_sandbox_start (sandbox, 0, &error));
  g_assert_no_error (error);
  client = g_object_new (DESK_TYPE_API_CLIENT,
                         "base-url", desk_sandbox_get_url (sandbox),
                         "api-key", DESK_SANDBOX_DEMO_API_KEY,
                         NULL);

  desk_api_client_list_tax_classes_async (client, NULL, wait_cb, &w);
  classes = desk_api_client_list_tax_classes_finish (client, await (&w), &error);
  g_assert_no_error (error);
  desk_api_client_list_customers_async (client, NULL, -1, NULL, wait_cb, &w);
  customers = desk_api_client_list_customers_finish (client, await (&w), NULL, &error);
  g_assert_no_error (error);

  g_assert_true (desk_invoice_lines_compute (lines, G_N_ELEMENTS (lines), &expected, &error));
  g_object_set (invoice, "customer-id",
                desk_customer_get_id (g_ptr_array_index (customers, 0)), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(DeskInvoiceItem) item = desk_invoice_item_new ();
      g_autofree char *name = g_strdup_printf ("Line %u", i + 1);

      g_object_set (item, "name", name, "price", lines[i].price, "quantity", lines[i].quantity,
                    "line-discount", lines[i].line_discount,
                    "tax-class-id", class_of_rate (classes, lines[i].millipercent), NULL);
      desk_invoice_add_item (invoice, item);
    }

  desk_api_client_create_invoice_async (client, invoice, NULL, wait_cb, &w);
  created = desk_api_client_create_invoice_finish (client, await (&w), &error);
  g_assert_no_error (error);
  desk_api_client_get_invoice_async (client, desk_invoice_get_id (created), NULL, wait_cb, &w);
  read_back = desk_api_client_get_invoice_finish (client, await (&w), &error);
  g_assert_no_error (error);
  g_clear_object (&w.result);

  g_object_get (read_back, "subtotal", &subtotal, "discount", &discount, "total-tax", &tax, NULL);
  g_test_message ("sandbox: %" G_GINT64_FORMAT " - %" G_GINT64_FORMAT " + %" G_GINT64_FORMAT
                  " = %" G_GINT64_FORMAT, subtotal, discount, tax,
                  desk_invoice_get_total (read_back));
  g_assert_cmpint (subtotal, ==, expected.subtotal);
  g_assert_cmpint (discount, ==, expected.discount);
  g_assert_cmpint (tax, ==, expected.tax);
  g_assert_cmpint (desk_invoice_get_total (read_back), ==, expected.total);

  desk_test_finalize_soon (g_steal_pointer (&client));
  desk_sandbox_stop (sandbox);
}

/* --- The inventory search ------------------------------------------------------------------ */

static DeskInventoryItem *
inventory_item (const char *name,
                const char *sku)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  static gint64 next_id = 100;
  DeskInventoryItem *item;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, next_id++);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "sku");
  json_builder_add_string_value (builder, sku);
  json_builder_set_member_name (builder, "price");
  json_builder_add_string_value (builder, "9.99");
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  item = desk_inventory_item_new_from_json (node, &error);
  g_assert_no_error (error);

  return item;
}

static const char *
name_at (GPtrArray *items,
         guint      i)
{
  return desk_named_item_get_name (g_ptr_array_index (items, i));
}

static void
test_inventory_search (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DeskInventoryIndex) index = NULL;

  g_ptr_array_add (items, inventory_item ("Car Charger USB-C", "A-00100"));
  g_ptr_array_add (items, inventory_item ("Charger 20W White", "A-00107"));
  g_ptr_array_add (items, inventory_item ("Screen Protector iPhone 13", "A-01000"));
  g_ptr_array_add (items, inventory_item ("Écouteurs", "a-00100x"));
  index = desk_inventory_index_new (items);
  g_assert_cmpuint (desk_inventory_index_get_n_items (index), ==, 4);

  /* By name, in any case, every word anywhere. */
  g_assert_cmpuint (desk_inventory_index_search (index, "CHARGER", 10, found), ==, 2);
  g_assert_cmpstr (name_at (found, 0), ==, "Car Charger USB-C");
  g_assert_cmpstr (name_at (found, 1), ==, "Charger 20W White");
  g_ptr_array_set_size (found, 0);
  g_assert_cmpuint (desk_inventory_index_search (index, "white charger", 10, found), ==, 1);
  g_assert_cmpstr (name_at (found, 0), ==, "Charger 20W White");
  g_ptr_array_set_size (found, 0);
  g_assert_cmpuint (desk_inventory_index_search (index, "écou", 10, found), ==, 1);
  g_ptr_array_set_size (found, 0);

  /* By SKU: the exact one first, then those that start with it. */
  g_assert_cmpuint (desk_inventory_index_search (index, "a-00100", 10, found), ==, 2);
  g_assert_cmpstr (name_at (found, 0), ==, "Car Charger USB-C");
  g_assert_cmpstr (name_at (found, 1), ==, "Écouteurs");
  g_ptr_array_set_size (found, 0);
  g_assert_cmpuint (desk_inventory_index_search (index, "a-001", 10, found), ==, 3);
  g_ptr_array_set_size (found, 0);

  /* The count is of all matches; the list stops at the limit. */
  g_assert_cmpuint (desk_inventory_index_search (index, "a-0", 1, found), ==, 4);
  g_assert_cmpuint (found->len, ==, 1);
  g_ptr_array_set_size (found, 0);

  /* Nothing typed, nothing found. */
  g_assert_cmpuint (desk_inventory_index_search (index, "  ", 10, found), ==, 0);
  g_assert_cmpuint (desk_inventory_index_search (index, "tablet", 10, NULL), ==, 0);

  /* A scan: the exact SKU, whatever the case and spaces around it. */
  g_assert_true (desk_inventory_index_find_sku (index, " A-00107\n") == g_ptr_array_index (items, 1));
  g_assert_null (desk_inventory_index_find_sku (index, "A-0010"));
  g_assert_null (desk_inventory_index_find_sku (index, ""));
}

/* A large shop: the sandbox seeds inventory items beyond its own, each with a SKU of its
 * own, and the rest of the store stays as it was. */
static void
test_sandbox_extra_items (void)
{
  g_autoptr(DeskSandbox) plain = desk_sandbox_new ();
  g_autoptr(DeskSandbox) large = desk_sandbox_new ();
  g_autoptr(GPtrArray) plain_items = NULL;
  g_autoptr(GPtrArray) large_items = NULL;
  g_autoptr(DeskInventoryIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  DeskApiClient *client;
  Waiter w = { NULL };

  g_object_set (plain, "seed", 5, "n-customers", 3, "n-tickets", 0, "n-invoices", 0, NULL);
  g_object_set (large, "seed", 5, "n-customers", 3, "n-tickets", 0, "n-invoices", 0,
                "n-extra-items", 700, NULL);
  g_assert_true (desk_sandbox_start (plain, 0, &error));
  g_assert_true (desk_sandbox_start (large, 0, &error));

  client = desk_api_client_new (desk_sandbox_get_url (plain), DESK_SANDBOX_DEMO_API_KEY);
  desk_api_client_list_inventory_async (client, NULL, wait_cb, &w);
  plain_items = desk_api_client_list_inventory_finish (client, await (&w), &error);
  g_assert_no_error (error);
  g_clear_object (&w.result);
  desk_test_finalize_soon (client);

  client = desk_api_client_new (desk_sandbox_get_url (large), DESK_SANDBOX_DEMO_API_KEY);
  desk_api_client_list_inventory_async (client, NULL, wait_cb, &w);
  large_items = desk_api_client_list_inventory_finish (client, await (&w), &error);
  g_assert_no_error (error);
  g_clear_object (&w.result);
  desk_test_finalize_soon (client);

  g_assert_cmpuint (large_items->len, ==, plain_items->len + 700);
  index = desk_inventory_index_new (large_items);
  g_assert_nonnull (desk_inventory_index_find_sku (index, "X-000001"));
  g_assert_nonnull (desk_inventory_index_find_sku (index, "X-000700"));
  g_assert_null (desk_inventory_index_find_sku (index, "X-000701"));
  g_assert_cmpint (desk_inventory_item_get_price (desk_inventory_index_find_sku (index, "X-000350")),
                   >, 0);

  desk_sandbox_stop (plain);
  desk_sandbox_stop (large);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/invoice-lines/by-hand", test_totals_by_hand);
  g_test_add_func ("/invoice-lines/refused", test_totals_refused);
  g_test_add_func ("/invoice-lines/sandbox", test_totals_sandbox);
  g_test_add_func ("/invoice-lines/inventory-search", test_inventory_search);
  g_test_add_func ("/invoice-lines/sandbox-extra-items", test_sandbox_extra_items);

  return g_test_run ();
}
