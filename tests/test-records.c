/* test-records.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-core.h"
#include "desk-test-json.h"

/* Every data object read from fixtures of each shape the server sends, written back to
 * the create/update body, and read again from that body. */

static gpointer
load_record (GType       type,
             const char *fixture)
{
  g_autoptr(JsonNode) root = desk_test_load_json (fixture);
  g_autoptr(GError) error = NULL;
  gpointer record = desk_record_new_from_json (type, root, &error);

  g_assert_no_error (error);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (record, type));
  return record;
}

static gpointer
load_member (GType       type,
             const char *fixture,
             const char *member)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = desk_test_load_object (fixture, &root);
  g_autoptr(GError) error = NULL;
  gpointer record = NULL;

  if (g_type_is_a (type, DESK_TYPE_NAMED_ITEM))
    record = desk_named_item_new_from_json (type, desk_json_lookup (object, member), &error);
  else
    record = desk_record_new_from_json (type, desk_json_lookup (object, member), &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static gpointer
get_item (GListModel *model,
          guint       position,
          GType       type)
{
  gpointer item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (item, type));
  /* The model keeps its own reference. */
  g_object_unref (item);
  return item;
}

/* A record written, read back and written again gives the same body. */
static char *
assert_round_trip (DeskRecord *record)
{
  g_autoptr(JsonNode) body = desk_record_to_json (record);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskRecord) again = desk_record_new_from_json (G_OBJECT_TYPE (record), body, &error);
  g_autoptr(JsonNode) body_again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  g_assert_no_error (error);
  body_again = desk_record_to_json (again);
  text = desk_test_to_string (body);
  text_again = desk_test_to_string (body_again);
  g_assert_cmpstr (text, ==, text_again);

  return g_steal_pointer (&text);
}

static void
assert_body_equals_fixture (JsonNode   *body,
                            const char *fixture)
{
  g_autoptr(JsonNode) expected = desk_test_load_json (fixture);
  g_autofree char *expected_text = desk_test_to_string (expected);
  g_autofree char *text = desk_test_to_string (body);

  g_assert_cmpstr (text, ==, expected_text);
}

static void
test_ticket_list_entry (void)
{
  g_autoptr(DeskTicket) ticket = load_record (DESK_TYPE_TICKET, "ticket-list-entry.json");
  DeskCustomer *customer = desk_ticket_get_customer (ticket);
  g_autofree char *created_by = NULL;
  g_autofree char *referral = NULL;
  g_autoptr(GListModel) notes = NULL;
  DeskTicketDevice *device;
  DeskRepairItem *item;
  gint64 collected, invoice_id, paid, task_type;
  gboolean has_invoice;

  g_assert_cmpint (desk_ticket_get_id (ticket), ==, 240871);
  g_assert_cmpstr (desk_ticket_get_order_id (ticket), ==, "T-612");
  g_assert_cmpint (desk_ticket_get_created (ticket), ==, 1490001000);
  g_assert_cmpint (desk_ticket_get_total (ticket), ==, 9630);
  g_assert_cmpint (desk_ticket_get_amount_due (ticket), ==, 0);
  g_assert_cmpstr (desk_record_get_currency (DESK_RECORD (ticket)), ==, "$");
  g_assert_cmpint (desk_ticket_get_customer_id (ticket), ==, 512733);

  g_object_get (ticket,
                "created-by-name", &created_by,
                "referral", &referral,
                "collected", &collected,
                "has-invoice", &has_invoice,
                "invoice-id", &invoice_id,
                "amount-paid", &paid,
                NULL);
  g_assert_cmpstr (created_by, ==, "Noor");
  g_assert_cmpstr (referral, ==, "Walk past");
  g_assert_cmpint (collected, ==, 0);
  g_assert_true (has_invoice);
  g_assert_cmpint (invoice_id, ==, 330127);
  g_assert_cmpint (paid, ==, 9630);

  g_assert_nonnull (customer);
  g_assert_cmpint (desk_customer_get_id (customer), ==, 512733);
  g_assert_cmpstr (desk_customer_get_full_name (customer), ==, "Ines Marlowe");
  g_assert_cmpstr (desk_customer_get_first_name (customer), ==, "Ines");
  g_assert_cmpstr (desk_customer_get_last_name (customer), ==, "Marlowe");
  g_assert_cmpstr (desk_customer_get_email (customer), ==, "ines@example.com");

  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_get_devices (ticket)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_get_history (ticket)), ==, 0);
  /* A list the entry does not carry is an empty model, never NULL, for bindings too. */
  g_object_get (ticket, "notes", &notes, NULL);
  g_assert_true (G_IS_LIST_MODEL (notes));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);
  g_assert_true (g_list_model_get_item_type (notes) == DESK_TYPE_NOTE);
  device = get_item (desk_ticket_get_devices (ticket), 0, DESK_TYPE_TICKET_DEVICE);
  g_assert_cmpint (desk_ticket_device_get_id (device), ==, 290451);
  g_assert_cmpstr (desk_ticket_device_get_status (device), ==, "Ready for pickup");
  g_assert_cmpstr (desk_ticket_device_get_device_name (device), ==, "Pixel 3");
  g_assert_cmpint (desk_ticket_device_get_price (device), ==, 9000);
  g_assert_null (desk_ticket_device_get_tax_class (device));
  g_object_get (device, "task-type-id", &task_type, NULL);
  g_assert_cmpint (task_type, ==, 1);

  item = get_item (desk_ticket_device_get_repair_items (device), 0, DESK_TYPE_REPAIR_ITEM);
  g_assert_cmpint (desk_named_item_get_id (DESK_NAMED_ITEM (item)), ==, 771204);
  g_assert_cmpstr (desk_named_item_get_name (DESK_NAMED_ITEM (item)), ==, "Charging Port Repair");
}

static void
test_ticket_detail (void)
{
  g_autoptr(DeskTicket) ticket = load_record (DESK_TYPE_TICKET, "ticket-detail.json");
  g_autofree char *organization = NULL;
  g_autofree char *location = NULL;
  g_autofree char *network = NULL;
  g_autofree char *task_type = NULL;
  DeskTicketDevice *device;
  DeskHistoryEntry *entry;
  DeskCondition *condition;
  DeskPartLine *part;
  DeskTaxClass *tax_class;
  DeskNote *note;
  DeskTotals totals;
  gint64 warranty, tax_class_id;

  g_assert_cmpint (desk_ticket_get_id (ticket), ==, 240871);
  g_assert_cmpint (desk_ticket_get_customer_id (ticket), ==, 512733);
  g_assert_cmpstr (desk_ticket_get_signature (ticket), ==, "");
  g_object_get (desk_ticket_get_customer (ticket), "organization", &organization, NULL);
  g_assert_cmpstr (organization, ==, "Marlowe Tiles");

  /* "hostory" and "tittle" */
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_get_history (ticket)), ==, 2);
  entry = get_item (desk_ticket_get_history (ticket), 1, DESK_TYPE_HISTORY_ENTRY);
  g_assert_cmpint (desk_history_entry_get_created (entry), ==, 1490001000);
  g_assert_true (g_str_has_prefix (desk_history_entry_get_description (entry), "<b>Noor</b>"));
  note = get_item (desk_ticket_get_notes (ticket), 0, DESK_TYPE_NOTE);
  g_assert_cmpstr (desk_note_get_title (note), ==, "added an internal note");
  g_assert_cmpstr (desk_note_get_text (note), ==, "Customer will collect after work.");
  g_assert_cmpint (desk_note_get_created (note), ==, 1490002000);

  device = get_item (desk_ticket_get_devices (ticket), 0, DESK_TYPE_TICKET_DEVICE);
  tax_class = desk_ticket_device_get_tax_class (device);
  g_assert_nonnull (tax_class);
  g_assert_cmpint (desk_tax_class_get_tax_percent (tax_class), ==, 7000);
  g_assert_cmpstr (desk_named_item_get_name (DESK_NAMED_ITEM (tax_class)), ==, "City Tax");
  g_object_get (device,
                "location", &location,
                "network", &network,
                "task-type-name", &task_type,
                "warranty", &warranty,
                "tax-class-id", &tax_class_id,
                NULL);
  g_assert_cmpstr (location, ==, "Shelf B");
  g_assert_cmpstr (network, ==, "Mint Mobile");
  g_assert_cmpstr (task_type, ==, "In-Store");
  g_assert_cmpint (warranty, ==, 30);
  g_assert_cmpint (tax_class_id, ==, 8812);

  /* "suplied", with results as "1" and 0 */
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_device_get_supplied (device)), ==, 2);
  condition = get_item (desk_ticket_device_get_supplied (device), 0, DESK_TYPE_CONDITION);
  g_assert_cmpstr (desk_condition_get_name (condition), ==, "SIM Card");
  g_assert_true (desk_condition_get_result (condition));
  condition = get_item (desk_ticket_device_get_supplied (device), 1, DESK_TYPE_CONDITION);
  g_assert_false (desk_condition_get_result (condition));
  condition = get_item (desk_ticket_device_get_pre_conditions (device), 1, DESK_TYPE_CONDITION);
  g_assert_cmpstr (desk_condition_get_name (condition), ==, "Powers on");
  g_assert_false (desk_condition_get_result (condition));
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_device_get_post_conditions (device)), ==, 0);

  /* "warrenty" */
  part = get_item (desk_ticket_device_get_parts (device), 0, DESK_TYPE_PART_LINE);
  g_assert_cmpint (desk_part_line_get_product_id (part), ==, 660120);
  g_assert_cmpint (desk_part_line_get_quantity (part), ==, 2);
  g_assert_cmpint (desk_part_line_get_price (part), ==, 1250);
  g_object_get (part, "warranty", &warranty, "tax-class-id", &tax_class_id, NULL);
  g_assert_cmpint (warranty, ==, 90);
  g_assert_cmpint (tax_class_id, ==, 8812);

  /* The totals computed from the lines are the ones the server sent. */
  desk_ticket_compute_totals (ticket, &totals);
  g_assert_cmpint (totals.subtotal, ==, 9000);
  g_assert_cmpint (totals.tax, ==, 630);
  g_assert_cmpint (totals.total, ==, desk_ticket_get_total (ticket));
}

static void
test_ticket_walk_in (void)
{
  g_autoptr(DeskTicket) ticket = load_record (DESK_TYPE_TICKET, "ticket-walk-in.json");
  DeskCustomer *customer = desk_ticket_get_customer (ticket);
  DeskTicketDevice *device;
  gint64 collected, due_on, assigned, device_id, invoice_id;
  gboolean has_invoice;

  g_assert_cmpint (desk_ticket_get_customer_id (ticket), ==, 0);
  g_assert_true (desk_customer_is_walk_in (customer));
  g_assert_cmpstr (desk_customer_get_full_name (customer), ==, "Walk In");
  g_assert_cmpstr (desk_ticket_get_order_id (ticket), ==, "Counter 7");
  g_assert_cmpint (desk_ticket_get_total (ticket), ==, 10000);
  g_assert_cmpstr (desk_record_get_currency (DESK_RECORD (ticket)), ==, "USD");
  g_object_get (ticket, "collected", &collected, "has-invoice", &has_invoice,
                "invoice-id", &invoice_id, NULL);
  g_assert_cmpint (collected, ==, 0);
  g_assert_false (has_invoice);
  g_assert_cmpint (invoice_id, ==, 0);

  device = get_item (desk_ticket_get_devices (ticket), 0, DESK_TYPE_TICKET_DEVICE);
  g_object_get (device, "due-on", &due_on, "assigned-to-id", &assigned,
                "device-id", &device_id, NULL);
  g_assert_cmpint (due_on, ==, 0);
  g_assert_cmpint (assigned, ==, 0);
  g_assert_cmpint (device_id, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_device_get_repair_items (device)), ==, 0);
}

/* A ticket as the intake screen builds it gives exactly the vendor's create body. */
static DeskTicket *
build_intake_ticket (void)
{
  g_autoptr(DeskTicket) ticket = desk_ticket_new ();
  g_autoptr(DeskTicketDevice) device = desk_ticket_device_new ();
  g_autoptr(DeskCustomer) customer = desk_customer_new ();
  g_autoptr(DeskRepairItem) repair = desk_repair_item_new (40439, "Battery Replacement");
  g_autoptr(DeskCondition) power = desk_condition_new ("Power Button", FALSE);
  g_autoptr(DeskCondition) charger = desk_condition_new ("Charger", TRUE);
  g_autoptr(DeskPartLine) part = desk_part_line_new ();
  g_autoptr(JsonNode) tax_node = json_from_string ("{\"id\": \"1047\", \"name\": \"VAT\", "
                                                   "\"tax_percent\": \"20.000\"}", NULL);
  g_autoptr(DeskTaxClass) tax_class = desk_tax_class_new_from_json (tax_node, NULL);

  g_object_set (customer, "id", (gint64) 388, NULL);
  desk_ticket_set_customer (ticket, customer);
  desk_ticket_set_signature (ticket, "iVBORw0KGgo=");

  g_object_set (device,
                "device-id", (gint64) 12229,
                "imei", "111111111111111",
                "serial", "",
                "security-code", "9876",
                "status", "Pending",
                "task-type-id", (gint64) 2,
                "due-on", (gint64) 1472122800,
                "price", (gint64) 11636,
                "line-discount", (gint64) 0,
                "gst", (gint64) 2327,
                "assigned-to-id", (gint64) 149,
                "network", "T-Mobile",
                NULL);
  desk_ticket_device_set_tax_class (device, tax_class);
  desk_ticket_device_add_repair_item (device, repair);
  desk_ticket_device_add_pre_condition (device, power);
  desk_ticket_device_add_supplied (device, charger);

  g_object_set (part,
                "product-id", (gint64) 492565,
                "warranty", (gint64) 190,
                "warranty-timeframe", (gint64) 1,
                "sku", "090000",
                "name", "Antenna for iPhone 4S",
                "price", (gint64) 667,
                "gst", (gint64) 133,
                "tax-class-id", (gint64) 1047,
                NULL);
  desk_ticket_device_add_part (device, part);
  desk_ticket_add_device (ticket, device);

  return g_steal_pointer (&ticket);
}

static void
test_ticket_to_json (void)
{
  g_autoptr(DeskTicket) ticket = build_intake_ticket ();
  g_autoptr(JsonNode) body = desk_ticket_to_json (ticket);
  g_autofree char *text = NULL;
  DeskTotals totals;

  assert_body_equals_fixture (body, "ticket-create-body.json");
  text = assert_round_trip (DESK_RECORD (ticket));
  g_test_message ("%s", text);

  /* 116.36 at 20 % is 23.27, as in the vendor's example. */
  desk_ticket_compute_totals (ticket, &totals);
  g_assert_cmpint (totals.tax, ==, 2327);
  g_assert_cmpint (totals.total, ==, 13963);
}

/* A ticket read from a detail and sent back keeps its device ids and child lines. */
static void
test_ticket_detail_round_trip (void)
{
  g_autoptr(DeskTicket) ticket = load_record (DESK_TYPE_TICKET, "ticket-detail.json");
  g_autofree char *text = assert_round_trip (DESK_RECORD (ticket));
  g_autoptr(JsonNode) body = json_from_string (text, NULL);
  JsonObject *object = json_node_get_object (body);
  JsonObject *device;

  g_assert_cmpint (desk_json_get_id (object, "summary/customer_id"), ==, 512733);
  device = json_array_get_object_element (desk_json_get_array (object, "devices"), 0);
  g_assert_cmpstr (json_object_get_string_member (device, "id"), ==, "290451");
  g_assert_cmpstr (json_object_get_string_member (device, "status"), ==, "Ready for pickup");
  g_assert_cmpstr (json_object_get_string_member (device, "task_type"), ==, "1");
  g_assert_cmpstr (json_object_get_string_member (device, "taxclass"), ==, "8812");
  g_assert_cmpstr (json_object_get_string_member (device, "device_location"), ==, "Shelf B");
  g_assert_cmpstr (json_object_get_string_member (device, "due_on"), ==, "1490012000");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (device, "supplied")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (device, "Parts")), ==, 1);
  g_assert_cmpint (desk_json_get_int (json_array_get_object_element (
                     json_object_get_array_member (device, "Parts"), 0), "warrenty", 0), ==, 90);
}

static void
test_invoice_list_entry (void)
{
  g_autoptr(DeskInvoice) invoice = load_record (DESK_TYPE_INVOICE, "invoice-list-entry.json");
  DeskInvoiceItem *item;
  gint64 ticket_id, subtotal;

  g_assert_cmpint (desk_invoice_get_id (invoice), ==, 880412);
  g_assert_cmpstr (desk_invoice_get_order_id (invoice), ==, "5120");
  /* No status in this entry: it follows from the negative amount due. */
  g_assert_cmpstr (desk_invoice_get_status (invoice), ==, "OverPaid");
  g_assert_cmpint (desk_invoice_get_amount_due (invoice), ==, -500);
  g_assert_cmpint (desk_invoice_get_amount_paid (invoice), ==, 5000);
  g_assert_cmpint (desk_invoice_get_customer_id (invoice), ==, 902114);
  g_object_get (invoice, "ticket-id", &ticket_id, "subtotal", &subtotal, NULL);
  g_assert_cmpint (ticket_id, ==, 771500);
  g_assert_cmpint (subtotal, ==, 4500);

  g_assert_cmpuint (g_list_model_get_n_items (desk_invoice_get_items (invoice)), ==, 2);
  item = get_item (desk_invoice_get_items (invoice), 1, DESK_TYPE_INVOICE_ITEM);
  g_assert_cmpstr (desk_invoice_item_get_name (item), ==, "Tempered Glass");
  g_assert_cmpint (desk_invoice_item_get_quantity (item), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (desk_invoice_get_payments (invoice)), ==, 0);
}

static void
test_invoice_detail (void)
{
  g_autoptr(DeskInvoice) invoice = load_record (DESK_TYPE_INVOICE, "invoice-detail.json");
  GListModel *payments = desk_invoice_get_payments (invoice);
  DeskInvoiceItem *item;
  DeskPayment *payment;
  DeskTotals totals;
  gint64 due_on;

  g_assert_cmpint (desk_invoice_get_id (invoice), ==, 880977);
  g_assert_cmpstr (desk_invoice_get_status (invoice), ==, "Partial");
  g_object_get (invoice, "due-on", &due_on, NULL);
  g_assert_cmpint (due_on, ==, 1514937600);

  /* Payment ids as a string and as an integer in the same list. */
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, 2);
  payment = get_item (payments, 0, DESK_TYPE_PAYMENT);
  g_assert_cmpint (desk_payment_get_id (payment), ==, 61001);
  g_assert_cmpint (desk_payment_get_amount (payment), ==, 10000);
  g_assert_cmpstr (desk_payment_get_method (payment), ==, "Card");
  payment = get_item (payments, 1, DESK_TYPE_PAYMENT);
  g_assert_cmpint (desk_payment_get_id (payment), ==, 61044);
  g_assert_cmpint (desk_payment_get_date (payment), ==, 1515500000);

  item = get_item (desk_invoice_get_items (invoice), 1, DESK_TYPE_INVOICE_ITEM);
  g_assert_cmpint (desk_invoice_item_get_quantity (item), ==, 2);
  g_assert_cmpint (desk_invoice_item_get_line_discount (item), ==, 1500);
  g_assert_cmpstr (desk_named_item_get_name (DESK_NAMED_ITEM (desk_invoice_item_get_tax_class (item))),
                   ==, "Tax Exempt");

  /* Computed from the lines and payments, the totals are the server's. */
  desk_invoice_compute_totals (invoice, &totals);
  g_assert_cmpint (totals.subtotal, ==, 16000);
  g_assert_cmpint (totals.discount, ==, 1500);
  g_assert_cmpint (totals.tax, ==, 840);
  g_assert_cmpint (totals.total, ==, desk_invoice_get_total (invoice));
  g_assert_cmpint (totals.paid, ==, desk_invoice_get_amount_paid (invoice));
  g_assert_cmpint (totals.due, ==, desk_invoice_get_amount_due (invoice));

  /* Without the screen line only the charger is left: 40.00 less 15.00, untaxed. */
  desk_invoice_remove_item (invoice, 0);
  desk_invoice_compute_totals (invoice, &totals);
  g_assert_cmpint (totals.total, ==, 2500);
}

static void
test_invoice_to_json (void)
{
  g_autoptr(DeskInvoice) invoice = load_record (DESK_TYPE_INVOICE, "invoice-detail.json");
  g_autoptr(DeskPayment) payment = desk_payment_new (3000, 1472122800, "Cash", "Deposit");
  g_autoptr(JsonNode) body = desk_invoice_to_json (invoice);
  g_autoptr(JsonNode) payment_body = desk_payment_to_json (payment);
  g_autofree char *payment_text = desk_test_to_string (payment_body);

  g_free (assert_round_trip (DESK_RECORD (invoice)));
  assert_body_equals_fixture (body, "invoice-body.json");
  g_assert_cmpstr (payment_text, ==,
                   "{\"amount\":\"30.00\",\"payment_date\":\"1472122800\","
                   "\"method\":\"Cash\",\"notes\":\"Deposit\"}");
  g_free (assert_round_trip (DESK_RECORD (payment)));
}

static void
test_customer (void)
{
  g_autoptr(DeskCustomer) entry = load_record (DESK_TYPE_CUSTOMER, "customer-list-entry.json");
  g_autoptr(DeskCustomer) detail = load_record (DESK_TYPE_CUSTOMER, "customer-detail.json");
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *referred_by = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *detail_group = NULL;
  gint64 group_id;

  /* A list entry: a padded "fullName", split into first and last name for the form. */
  g_assert_cmpint (desk_customer_get_id (entry), ==, 1402230);
  g_assert_cmpstr (desk_customer_get_full_name (entry), ==, "Priya Anand");
  g_assert_cmpstr (desk_customer_get_first_name (entry), ==, "Priya");
  g_assert_cmpstr (desk_customer_get_last_name (entry), ==, "Anand");
  g_object_get (entry,
                "organization", &organization,
                "referred-by", &referred_by,
                "group-id", &group_id,
                "group-name", &group_name,
                NULL);
  g_assert_cmpstr (organization, ==, "Anand Design");
  g_assert_cmpstr (referred_by, ==, "Google");
  g_assert_cmpint (group_id, ==, 3);
  g_assert_cmpstr (group_name, ==, "Business");

  /* A detail: first and last name, the full name made from them, "customer_group": []. */
  g_assert_cmpstr (desk_customer_get_full_name (detail), ==, "Priya Anand");
  g_object_get (detail, "group-id", &group_id, "group-name", &detail_group, NULL);
  g_assert_cmpint (group_id, ==, 0);
  g_assert_null (detail_group);

  body = desk_customer_to_json (detail);
  assert_body_equals_fixture (body, "customer-body.json");
  g_free (assert_round_trip (DESK_RECORD (detail)));
}

/* A customer known only from a ticket has few fields: its update body must not blank
 * the others on the server. A field cleared on purpose is sent empty. */
static void
test_customer_partial_update (void)
{
  g_autoptr(DeskTicket) ticket = load_record (DESK_TYPE_TICKET, "ticket-list-entry.json");
  DeskCustomer *customer = desk_ticket_get_customer (ticket);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  JsonObject *object;

  body = desk_customer_to_json (customer);
  object = json_node_get_object (body);
  g_assert_cmpstr (json_object_get_string_member (object, "mobile"), ==, "+1 555-555-0190");
  g_assert_cmpstr (json_object_get_string_member (object, "first_name"), ==, "Ines");
  g_assert_cmpstr (json_object_get_string_member (object, "orgonization"), ==, "");
  g_assert_false (json_object_has_member (object, "postcode"));
  g_assert_false (json_object_has_member (object, "tax_number"));
  g_assert_false (json_object_has_member (object, "driving_licence"));

  g_object_set (customer, "postcode", "", NULL);
  cleared = desk_customer_to_json (customer);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (cleared), "postcode"), ==, "");
}

static void
test_reference_records (void)
{
  g_autoptr(DeskStatus) status = load_member (DESK_TYPE_STATUS, "reference-records.json", "status");
  g_autoptr(DeskNetwork) network = load_member (DESK_TYPE_NETWORK, "reference-records.json", "network");
  g_autoptr(DeskDeviceLocation) location = load_member (DESK_TYPE_DEVICE_LOCATION,
                                                        "reference-records.json", "device_location");
  g_autoptr(DeskSupply) supply = load_member (DESK_TYPE_SUPPLY, "reference-records.json", "supply");
  g_autoptr(DeskTaskType) task_type = load_member (DESK_TYPE_TASK_TYPE, "reference-records.json",
                                                   "task_type");
  g_autoptr(DeskPaymentMethod) method = load_member (DESK_TYPE_PAYMENT_METHOD,
                                                     "reference-records.json", "payment_method");
  g_autoptr(DeskDevice) device = load_member (DESK_TYPE_DEVICE, "reference-records.json", "device");
  g_autoptr(DeskTaxClass) tax_class = load_member (DESK_TYPE_TAX_CLASS, "reference-records.json",
                                                   "tax_class");

  g_assert_cmpstr (desk_named_item_get_name (DESK_NAMED_ITEM (status)), ==, "Waiting on parts");
  g_assert_cmpstr (desk_status_get_color (status), ==, "#f5a623");
  g_assert_cmpstr (desk_status_get_kind (status), ==, "open");
  g_assert_cmpint (desk_named_item_get_id (DESK_NAMED_ITEM (status)), ==, 0);

  g_assert_cmpstr (desk_named_item_get_name (DESK_NAMED_ITEM (network)), ==, "T-Mobile");
  g_assert_cmpint (desk_named_item_get_id (DESK_NAMED_ITEM (network)), ==, 4);
  g_assert_cmpint (desk_named_item_get_id (DESK_NAMED_ITEM (location)), ==, 12);
  g_assert_cmpstr (desk_named_item_get_name (DESK_NAMED_ITEM (supply)), ==, "Charger");
  g_assert_cmpstr (desk_named_item_get_name (DESK_NAMED_ITEM (task_type)), ==, "Mail-In");
  g_assert_cmpint (desk_named_item_get_id (DESK_NAMED_ITEM (device)), ==, 145530);

  /* Some reference lists are bare names. */
  g_assert_cmpstr (desk_named_item_get_name (DESK_NAMED_ITEM (method)), ==, "Store Credit");
  g_assert_cmpint (desk_named_item_get_id (DESK_NAMED_ITEM (method)), ==, 0);

  g_assert_cmpint (desk_tax_class_get_tax_percent (tax_class), ==, 7000);
  g_assert_true (desk_tax_class_get_tax_inclusive (tax_class));
}

static void
test_priced_records (void)
{
  g_autoptr(DeskProblem) problem = load_member (DESK_TYPE_PROBLEM, "reference-records.json",
                                                "problem");
  g_autoptr(DeskPart) part = load_member (DESK_TYPE_PART, "reference-records.json", "part");
  g_autoptr(DeskInventoryItem) item = load_member (DESK_TYPE_INVENTORY_ITEM,
                                                   "reference-records.json", "inventory_item");
  DeskTaxClass *tax_class;
  gboolean serialized, is_part;
  gint64 warranty, total, device_id, category_id;

  g_assert_cmpstr (desk_named_item_get_name (DESK_NAMED_ITEM (problem)), ==, "Battery");
  g_assert_cmpint (desk_problem_get_device_id (problem), ==, 145530);
  g_assert_cmpint (desk_problem_get_price (problem), ==, 4500);
  g_assert_cmpint (desk_named_item_get_id (DESK_NAMED_ITEM (desk_problem_get_tax_class (problem))),
                   ==, 8812);

  g_assert_cmpstr (desk_part_get_sku (part), ==, "PF-300");
  g_assert_cmpint (desk_part_get_price (part), ==, 1250);
  g_assert_cmpint (desk_part_get_in_stock (part), ==, -2);
  g_object_get (part, "warranty", &warranty, NULL);
  g_assert_cmpint (warranty, ==, 90);
  g_assert_cmpint (desk_tax_class_get_tax_percent (desk_part_get_tax_class (part)), ==, 7000);

  g_assert_cmpint (desk_inventory_item_get_price (item), ==, 2900);
  g_assert_cmpint (desk_inventory_item_get_in_stock (item), ==, 4);
  g_assert_cmpstr (desk_inventory_item_get_sku (item), ==, "WC-10");
  tax_class = desk_inventory_item_get_tax_class (item);
  g_assert_cmpint (desk_named_item_get_id (DESK_NAMED_ITEM (tax_class)), ==, 0);
  g_assert_cmpstr (desk_named_item_get_name (DESK_NAMED_ITEM (tax_class)), ==, "");
  g_object_get (item,
                "serialized", &serialized,
                "is-part", &is_part,
                "total", &total,
                "device-id", &device_id,
                "category-id", &category_id,
                NULL);
  g_assert_true (serialized);
  g_assert_true (is_part);
  g_assert_cmpint (total, ==, 2900);
  g_assert_cmpint (device_id, ==, 0);
  g_assert_cmpint (category_id, ==, 120044);
}

/* The staff PIN is in the reply; it must be in no property of the employee. */
static void
test_employee_pin_dropped (void)
{
  g_autoptr(DeskEmployee) employee = load_member (DESK_TYPE_EMPLOYEE, "reference-records.json",
                                                  "employee");
  guint n_pspecs = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (employee),
                                                                   &n_pspecs);

  g_assert_cmpstr (desk_named_item_get_name (DESK_NAMED_ITEM (employee)), ==, "Noor");
  g_assert_cmpint (desk_named_item_get_id (DESK_NAMED_ITEM (employee)), ==, 2204);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *text = NULL;

      g_assert_null (strstr (pspecs[i]->name, "pin"));
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (employee), pspecs[i]->name, &value);
      text = g_strdup_value_contents (&value);
      g_assert_null (strstr (text, "9182"));
    }
}

/* Every misspelling the API keeps, in one record: "orgonization", "refered_by",
 * "suplied", "warrenty", "hostory", "tittle". */
static void
test_misspelt_keys (void)
{
  g_autoptr(DeskTicket) ticket = load_record (DESK_TYPE_TICKET, "misspelt-keys.json");
  g_autofree char *organization = NULL;
  g_autofree char *referred_by = NULL;
  DeskTicketDevice *device;
  DeskCondition *supplied;
  DeskPartLine *part;
  gint64 warranty;

  g_object_get (desk_ticket_get_customer (ticket),
                "organization", &organization,
                "referred-by", &referred_by,
                NULL);
  g_assert_cmpstr (organization, ==, "Vik Bikes");
  g_assert_cmpstr (referred_by, ==, "Radio");

  device = get_item (desk_ticket_get_devices (ticket), 0, DESK_TYPE_TICKET_DEVICE);
  supplied = get_item (desk_ticket_device_get_supplied (device), 0, DESK_TYPE_CONDITION);
  g_assert_cmpstr (desk_condition_get_name (supplied), ==, "Stylus");
  part = get_item (desk_ticket_device_get_parts (device), 0, DESK_TYPE_PART_LINE);
  g_object_get (part, "warranty", &warranty, NULL);
  g_assert_cmpint (warranty, ==, 60);

  g_assert_cmpint (desk_history_entry_get_created (
                     get_item (desk_ticket_get_history (ticket), 0, DESK_TYPE_HISTORY_ENTRY)),
                   ==, 1600000000);
  g_assert_cmpstr (desk_note_get_title (get_item (desk_ticket_get_notes (ticket), 0, DESK_TYPE_NOTE)),
                   ==, "added a note");
}

static void
test_unusable_records (void)
{
  const char *bad[] = { "\"a ticket\"", "[1, 2]", "42", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (bad[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskTicket) ticket = desk_ticket_new_from_json (node, &error);

      g_assert_null (ticket);
      g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_PROTOCOL);
      g_assert_cmpstr (error->message, ==, desk_api_error_describe (DESK_API_ERROR_PROTOCOL));
      g_assert_nonnull (desk_api_error_get_detail (error));
    }
}

/* Bad elements in a child list and members of the wrong type are passed over. */
static void
test_tolerant_records (void)
{
  g_autoptr(JsonNode) node = json_from_string (
    "{\"summary\": {\"id\": {\"x\": 1}, \"order_id\": [], \"total\": true, \"customer\": \"x\"},"
    " \"devices\": [1, \"two\", {\"id\": \"3\", \"price\": {}}, null],"
    " \"hostory\": {}, \"notes\": \"none\"}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = desk_ticket_new_from_json (node, &error);
  DeskTicketDevice *device;

  g_assert_no_error (error);
  g_assert_cmpint (desk_ticket_get_id (ticket), ==, 0);
  g_assert_null (desk_ticket_get_order_id (ticket));
  g_assert_cmpint (desk_ticket_get_total (ticket), ==, 0);
  g_assert_null (desk_ticket_get_customer (ticket));
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_get_devices (ticket)), ==, 1);
  device = get_item (desk_ticket_get_devices (ticket), 0, DESK_TYPE_TICKET_DEVICE);
  g_assert_cmpint (desk_ticket_device_get_id (device), ==, 3);
  g_assert_cmpint (desk_ticket_device_get_price (device), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_get_history (ticket)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_get_notes (ticket)), ==, 0);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_notify_on_change_only (void)
{
  g_autoptr(DeskCustomer) customer = desk_customer_new ();
  g_autoptr(DeskTicket) ticket = desk_ticket_new ();
  g_autoptr(DeskCondition) condition = desk_condition_new ("Screen", FALSE);
  guint n_name = 0, n_phone = 0, n_customer = 0, n_customer_id = 0, n_result = 0;
  gint64 id;

  g_signal_connect (customer, "notify::first-name", G_CALLBACK (count_notify_cb), &n_name);
  g_signal_connect (customer, "notify::phone", G_CALLBACK (count_notify_cb), &n_phone);
  g_signal_connect (ticket, "notify::customer", G_CALLBACK (count_notify_cb), &n_customer);
  g_signal_connect (ticket, "notify::customer-id", G_CALLBACK (count_notify_cb), &n_customer_id);
  g_signal_connect (condition, "notify::result", G_CALLBACK (count_notify_cb), &n_result);

  desk_customer_set_first_name (customer, "Lee");
  desk_customer_set_first_name (customer, "Lee");
  g_assert_cmpuint (n_name, ==, 1);
  g_object_set (customer, "phone", "555", NULL);
  g_object_set (customer, "phone", "555", NULL);
  g_object_set (customer, "phone", NULL, NULL);
  g_assert_cmpuint (n_phone, ==, 2);

  g_object_set (customer, "id", (gint64) 77, NULL);
  desk_ticket_set_customer (ticket, customer);
  desk_ticket_set_customer (ticket, customer);
  g_assert_cmpuint (n_customer, ==, 1);
  g_assert_cmpuint (n_customer_id, ==, 1);
  g_assert_cmpint (desk_ticket_get_customer_id (ticket), ==, 77);
  desk_ticket_set_customer (ticket, NULL);
  g_assert_cmpuint (n_customer_id, ==, 2);
  g_assert_cmpint (desk_ticket_get_customer_id (ticket), ==, 0);

  desk_condition_set_result (condition, TRUE);
  desk_condition_set_result (condition, 2);
  g_assert_cmpuint (n_result, ==, 1);

  g_object_get (customer, "id", &id, NULL);
  g_assert_cmpint (id, ==, 77);
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

/* The intake form adds and removes lines; the lists tell their views. */
static void
test_list_editing (void)
{
  g_autoptr(DeskTicket) ticket = load_record (DESK_TYPE_TICKET, "ticket-detail.json");
  g_autoptr(DeskTicketDevice) added = desk_ticket_device_new ();
  g_autoptr(DeskRepairItem) repair = desk_repair_item_new (9, "Cleaning");
  g_autoptr(GString) log = g_string_new (NULL);
  GListModel *devices = desk_ticket_get_devices (ticket);
  DeskTicketDevice *first = get_item (devices, 0, DESK_TYPE_TICKET_DEVICE);
  GListModel *repairs = desk_ticket_device_get_repair_items (first);

  g_signal_connect (devices, "items-changed", G_CALLBACK (count_items_changed_cb), log);
  g_signal_connect (repairs, "items-changed", G_CALLBACK (count_items_changed_cb), log);

  desk_ticket_add_device (ticket, added);
  desk_ticket_device_add_repair_item (first, repair);
  g_assert_cmpuint (g_list_model_get_n_items (devices), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (repairs), ==, 2);
  g_assert_true (get_item (devices, 1, DESK_TYPE_TICKET_DEVICE) == added);
  g_assert_null (g_list_model_get_item (devices, 2));

  desk_ticket_device_remove_repair_item (first, 0);
  g_assert_true (get_item (repairs, 0, DESK_TYPE_REPAIR_ITEM) == repair);
  desk_ticket_remove_device (ticket, 1);
  g_assert_cmpuint (g_list_model_get_n_items (devices), ==, 1);
  g_assert_cmpstr (log->str, ==, "1-0+1;1-0+1;0-1+0;1-1+0;");

  /* Removing the only part leaves an empty list, written as []. */
  desk_ticket_device_remove_part (first, 0);
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_device_get_parts (first)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/records/ticket/list-entry", test_ticket_list_entry);
  g_test_add_func ("/records/ticket/detail", test_ticket_detail);
  g_test_add_func ("/records/ticket/walk-in", test_ticket_walk_in);
  g_test_add_func ("/records/ticket/to-json", test_ticket_to_json);
  g_test_add_func ("/records/ticket/detail-round-trip", test_ticket_detail_round_trip);
  g_test_add_func ("/records/invoice/list-entry", test_invoice_list_entry);
  g_test_add_func ("/records/invoice/detail", test_invoice_detail);
  g_test_add_func ("/records/invoice/to-json", test_invoice_to_json);
  g_test_add_func ("/records/customer", test_customer);
  g_test_add_func ("/records/customer/partial-update", test_customer_partial_update);
  g_test_add_func ("/records/reference", test_reference_records);
  g_test_add_func ("/records/priced", test_priced_records);
  g_test_add_func ("/records/employee-pin-dropped", test_employee_pin_dropped);
  g_test_add_func ("/records/misspelt-keys", test_misspelt_keys);
  g_test_add_func ("/records/list-editing", test_list_editing);
  g_test_add_func ("/records/unusable", test_unusable_records);
  g_test_add_func ("/records/tolerant", test_tolerant_records);
  g_test_add_func ("/records/notify-on-change-only", test_notify_on_change_only);

  return g_test_run ();
}
