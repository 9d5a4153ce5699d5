/* desk-sandbox-seed.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-sandbox"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "desk-money.h"
#include "desk-sandbox-private.h"
#include "desk-sandbox-seed-data.h"

/* A deterministic generator of a believable repair shop. The same seed gives the same
 * store, whatever the machine (a SplitMix64 PRNG of our own, not the C library's).
 *
 * How the dates are laid out: tickets spread evenly over the two years before today,
 * plus a handful created earlier today (from local midnight up to now) so that the
 * default list, which shows today's tickets only, is never empty. The age of a ticket
 * decides its status: today's and the last days' are Pending, In Progress or Waiting
 * for Parts and due within the next days; those of the last two weeks are mostly
 * Repaired or Ready for Pickup; older ones are mostly Repaired & Collected. Collected
 * tickets have invoices (paid, a few partly paid, overpaid or refunded); the other
 * invoices are sales of accessories over the same two years, some today. */

#define DAY (24 * 60 * 60)
#define NOT_SET G_GINT64_CONSTANT (-62169955200)  /* the server's "year 0000" */

#define TAXCLASS_BASE   7400
#define DEVICE_BASE     137000
#define PROBLEM_BASE    892000
#define EMPLOYEE_BASE   1750
#define PRODUCT_BASE    2930000
#define CUSTOMER_BASE   380000

#define N_PARTS         220
#define N_ACCESSORIES   80

typedef struct
{
  gint64 id;
  gint64 device_id;
  gint64 price;
  gint64 taxclass_id;
  const char *name;
} Problem;

typedef struct
{
  gint64 id;
  gint64 price;
  gint64 taxclass_id;
  char  *name;
  char  *sku;
} Product;

typedef struct
{
  DeskStore            *store;
  const DeskSeedParams *params;
  guint64               state;
  GArray               *problems;          /* Problem */
  guint                 first_problem[G_N_ELEMENTS (device_models) + 1];
  Product               products[N_PARTS + N_ACCESSORIES];
  gint64                tax_percent[3];
} Seed;

static const gint64 tax_rates[3] = { 8750, 0, 5000 };
static const char * const tax_names[3] = { "Sales Tax", "Tax Exempt", "Reduced Rate" };

/* --- Randomness ------------------------------------------------------------------------- */

static guint64
next (Seed *s)
{
  guint64 z = (s->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);

  return z ^ (z >> 31);
}

static guint
below (Seed  *s,
       guint  n)
{
  return n > 0 ? (guint) (next (s) % n) : 0;
}

static gboolean
chance (Seed *s,
        guint percent)
{
  return below (s, 100) < percent;
}

#define PICK(s, list) ((list)[below ((s), G_N_ELEMENTS (list))])

static char *
digits (Seed *s,
        guint n)
{
  char *out = g_malloc (n + 1);

  for (guint i = 0; i < n; i++)
    out[i] = '0' + below (s, 10);
  out[n] = '\0';

  return out;
}

/* 14 digits (a plausible type allocation code first) and the Luhn check digit. */
static char *
luhn_imei (Seed *s)
{
  static const char * const tacs[] = { "35", "35", "86", "01", "99" };
  g_autofree char *rest = digits (s, 12);
  g_autofree char *body = g_strconcat (PICK (s, tacs), rest, NULL);
  int sum = 0;

  for (int i = 0; i < 14; i++)
    {
      int d = body[13 - i] - '0';

      if (i % 2 == 0)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }

  return g_strdup_printf ("%s%d", body, (10 - sum % 10) % 10);
}

static char *
serial_number (Seed *s)
{
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  char out[13];

  for (guint i = 0; i < 12; i++)
    out[i] = alphabet[below (s, sizeof alphabet - 1)];
  out[12] = '\0';

  return g_strdup (out);
}

static char *
phone_number (Seed *s)
{
  guint a = 200 + below (s, 800), b = below (s, 10000);

  switch (below (s, 4))
    {
    case 0: return g_strdup_printf ("+1 555-%03u-%04u", a, b);
    case 1: return g_strdup_printf ("(555) %03u-%04u", a, b);
    case 2: return g_strdup_printf ("555.%03u.%04u", a, b);
    default: return g_strdup_printf ("555%03u%04u", a, b);
    }
}

/* --- Reference data ---------------------------------------------------------------------- */

static void
insert_named (Seed               *s,
              const char         *table,
              const char * const *names,
              guint               n,
              gint64              first_id)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (id, name) VALUES (?, ?)", table);
  sqlite3_stmt *stmt = NULL;

  /* These tables are filled once; a one-off statement is enough. */
  sqlite3_prepare_v2 (desk_store_get_db (s->store), sql, -1, &stmt, NULL);
  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_int64 (stmt, 1, first_id + i);
      sqlite3_bind_text (stmt, 2, names[i], -1, SQLITE_STATIC);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
}

static void
seed_lists (Seed *s)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < 3; i++)
    {
      stmt = desk_store_prepare (s->store,
                                 "INSERT INTO taxclasses (id, name, percent) VALUES (?, ?, ?)");
      sqlite3_bind_int64 (stmt, 1, TAXCLASS_BASE + 1 + i);
      sqlite3_bind_text (stmt, 2, tax_names[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, tax_rates[i]);
      desk_store_step_done (s->store, stmt, NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (status_list); i++)
    {
      stmt = desk_store_prepare (s->store,
                                 "INSERT INTO statuses (id, name, color, type) VALUES (?, ?, ?, ?)");
      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_text (stmt, 2, status_list[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, status_list[i].color, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, status_list[i].type, -1, SQLITE_STATIC);
      desk_store_step_done (s->store, stmt, NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (employee_names); i++)
    {
      g_autofree char *pin = digits (s, 4);

      stmt = desk_store_prepare (s->store,
                                 "INSERT INTO employees (id, fullname, accesspin) VALUES (?, ?, ?)");
      sqlite3_bind_int64 (stmt, 1, EMPLOYEE_BASE + 1 + i);
      sqlite3_bind_text (stmt, 2, employee_names[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, pin, -1, SQLITE_TRANSIENT);
      desk_store_step_done (s->store, stmt, NULL);
    }

  insert_named (s, "networks", network_names, G_N_ELEMENTS (network_names), 1);
  insert_named (s, "devicelocations", location_names, G_N_ELEMENTS (location_names), 1);
  insert_named (s, "supplies", supply_names, G_N_ELEMENTS (supply_names), 1);
  insert_named (s, "tasktypes", task_type_names, G_N_ELEMENTS (task_type_names), 1);
  insert_named (s, "paymentmethods", payment_method_names, G_N_ELEMENTS (payment_method_names), 1);
}

/* A model's prices grow with its place in the list: newer models cost more to repair. */
static gint64
problem_price (const RepairKind *kind,
               guint             model)
{
  gint64 price = kind->price + (gint64) (model % 6) * kind->price / 10;

  return price > 0 ? (price / 100) * 100 + 99 - 100 * (price >= 10000) : 0;
}

static void
seed_devices (Seed *s)
{
  for (guint d = 0; d < G_N_ELEMENTS (device_models); d++)
    {
      const DeviceModel *model = &device_models[d];
      sqlite3_stmt *stmt = desk_store_prepare (s->store,
        "INSERT INTO devices (id, name, manufacturer, category) VALUES (?, ?, ?, ?)");

      sqlite3_bind_int64 (stmt, 1, DEVICE_BASE + 1 + d);
      sqlite3_bind_text (stmt, 2, model->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, model->manufacturer, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, category_names[model->category], -1, SQLITE_STATIC);
      desk_store_step_done (s->store, stmt, NULL);

      s->first_problem[d] = s->problems->len;
      for (guint k = 0; k < MAX_KINDS && repair_kinds[model->category][k].name != NULL; k++)
        {
          const RepairKind *kind = &repair_kinds[model->category][k];
          Problem p = {
            .id = PROBLEM_BASE + 1 + s->problems->len,
            .device_id = DEVICE_BASE + 1 + d,
            .price = problem_price (kind, d),
            .taxclass_id = TAXCLASS_BASE + 1 + kind->tax,
            .name = kind->name,
          };

          stmt = desk_store_prepare (s->store,
            "INSERT INTO problems (id, device_id, name, price, taxclass_id) VALUES (?,?,?,?,?)");
          sqlite3_bind_int64 (stmt, 1, p.id);
          sqlite3_bind_int64 (stmt, 2, p.device_id);
          sqlite3_bind_text (stmt, 3, p.name, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 4, p.price);
          sqlite3_bind_int64 (stmt, 5, p.taxclass_id);
          desk_store_step_done (s->store, stmt, NULL);
          g_array_append_val (s->problems, p);
        }
    }
  s->first_problem[G_N_ELEMENTS (device_models)] = s->problems->len;
}

static void
insert_product (Seed          *s,
                guint          i,
                gboolean       is_part,
                gint64         device_id,
                gint64         cost)
{
  Product *p = &s->products[i];
  sqlite3_stmt *stmt = desk_store_prepare (s->store,
    "INSERT INTO products (id, is_part, item_no, name, sku, upc, in_stock, taxclass_id,"
    " warranty, warranty_timeframe, supplier, description, location, category_id,"
    " manufacturer_id, device_id, price) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  g_autofree char *item_no = g_strdup_printf ("%u", 1000 + i);
  g_autofree char *upc = chance (s, 50) ? digits (s, 12) : g_strdup ("");

  p->id = PRODUCT_BASE + 1 + i;
  p->price = cost;
  p->taxclass_id = TAXCLASS_BASE + 1;
  p->sku = g_strdup_printf ("%s-%05u", is_part ? "P" : "A", 100 + i * 7);

  sqlite3_bind_int64 (stmt, 1, p->id);
  sqlite3_bind_int (stmt, 2, is_part);
  sqlite3_bind_text (stmt, 3, item_no, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, p->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, p->sku, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, upc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, (gint64) below (s, 33) - 2);
  sqlite3_bind_int64 (stmt, 8, p->taxclass_id);
  sqlite3_bind_text (stmt, 9, is_part ? "90" : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, is_part ? "1" : "0", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, PICK (s, suppliers), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, is_part ? "Parts Cabinet" : "Front Shelf", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 14, is_part ? 110548 : 110549);
  sqlite3_bind_int64 (stmt, 15, 152400 + below (s, 40));
  sqlite3_bind_int64 (stmt, 16, device_id);
  sqlite3_bind_int64 (stmt, 17, cost);
  desk_store_step_done (s->store, stmt, NULL);
}

static void
seed_products (Seed *s)
{
  for (guint i = 0; i < N_PARTS; i++)
    {
      guint d = i % G_N_ELEMENTS (device_models);
      const DeviceModel *model = &device_models[d];
      const char *component = part_components[model->category][(i / G_N_ELEMENTS (device_models)) % 4];

      s->products[i].name = g_strdup_printf ("%s %s", model->name, component);
      insert_product (s, i, TRUE, DEVICE_BASE + 1 + d, 500 + below (s, 120) * 100 + 99);
    }

  for (guint i = 0; i < N_ACCESSORIES; i++)
    {
      static const char * const variants[] = { "", " Black", " White", " Blue" };
      const char *base = accessories[i % G_N_ELEMENTS (accessories)];

      s->products[N_PARTS + i].name =
        g_strconcat (base, variants[(i / G_N_ELEMENTS (accessories)) % 4], NULL);
      insert_product (s, N_PARTS + i, FALSE, 0, 499 + below (s, 60) * 100);
    }
}

/* A large shop's stock list: more accessories in sizes and colours, with SKUs of their own
 * after the store's. They are not sold in the seeded invoices, so that the rest of the
 * store is the same with or without them. */
static void
seed_extra_items (Seed *s)
{
  static const char * const colours[] = { "Black", "White", "Blue", "Red", "Green", "Grey",
                                          "Pink", "Gold" };
  sqlite3_stmt *stmt = desk_store_prepare (s->store,
    "INSERT INTO products (id, is_part, item_no, name, sku, upc, in_stock, taxclass_id,"
    " warranty, warranty_timeframe, supplier, description, location, category_id,"
    " manufacturer_id, device_id, price) VALUES (?,0,?,?,?,'',?,?,'','0','','','Stock Room',"
    "110549,152400,0,?)");
  guint64 state = s->state ^ G_GUINT64_CONSTANT (0x5eed1735);

  for (guint i = 0; i < s->params->n_extra_items; i++)
    {
      const char *base = accessories[i % G_N_ELEMENTS (accessories)];
      const char *colour = colours[(i / G_N_ELEMENTS (accessories)) % G_N_ELEMENTS (colours)];
      g_autofree char *name = g_strdup_printf ("%s %s No. %u", base, colour,
                                               (guint) (i / (G_N_ELEMENTS (accessories) * G_N_ELEMENTS (colours)) + 1));
      g_autofree char *sku = g_strdup_printf ("X-%06u", i + 1);
      g_autofree char *item_no = g_strdup_printf ("%u", 9000 + i);

      state = state * G_GUINT64_CONSTANT (6364136223846793005) + 1442695040888963407;
      sqlite3_bind_int64 (stmt, 1, PRODUCT_BASE + 100001 + i);
      sqlite3_bind_text (stmt, 2, item_no, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, sku, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, (gint64) ((state >> 33) % 40));
      sqlite3_bind_int64 (stmt, 6, TAXCLASS_BASE + 1);
      sqlite3_bind_int64 (stmt, 7, 299 + (gint64) ((state >> 40) % 80) * 100);
      desk_store_step_done (s->store, stmt, NULL);
    }
}

/* --- Customers --------------------------------------------------------------------------- */

static void
seed_customer (Seed  *s,
               guint  i)
{
  const char *first = PICK (s, first_names);
  const char *last = PICK (s, last_names);
  guint c = below (s, G_N_ELEMENTS (cities));
  g_autofree char *mobile = phone_number (s);
  g_autofree char *phone = chance (s, 25) ? phone_number (s) : g_strdup ("");
  g_autofree char *email = NULL;
  g_autofree char *address = chance (s, 60) ?
    g_strdup_printf ("%u %s", 1 + below (s, 9000), PICK (s, streets)) : g_strdup ("");
  g_autofree char *first_field = NULL;
  g_autofree char *user = g_ascii_strdown (first, -1);
  g_autofree char *user_last = g_ascii_strdown (last, -1);
  const char *values[DESK_N_CUSTOMER_FIELDS];

  g_strdelimit (user_last, " '", '-');
  email = chance (s, 70) ? g_strdup_printf ("%s.%s%u@%s", user, user_last, below (s, 100),
                                            PICK (s, email_domains))
                         : g_strdup ("");
  /* A few names carry a stray space, as names typed at a counter do. */
  first_field = chance (s, 2) ? g_strconcat (first, " ", NULL) : g_strdup (first);

  values[0] = first_field;
  values[1] = last;
  values[2] = phone;
  values[3] = mobile;
  values[4] = email;
  values[5] = address;
  values[6] = "";
  values[7] = *address ? cities[c].postcode : "";
  values[8] = *address ? cities[c].city : "";
  values[9] = *address ? cities[c].state : "";
  values[10] = *address ? "US" : "";
  values[11] = chance (s, 10) ? PICK (s, organizations) : "";
  values[12] = PICK (s, referrals);
  values[13] = "";
  values[14] = "";
  values[15] = "";
  values[16] = chance (s, 70) ? PICK (s, network_names) : "";

  desk_insert_customer (s->store, i == 0 ? CUSTOMER_BASE + 1 : 0, values);
}

/* --- Tickets and invoices ---------------------------------------------------------------- */

static gint
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The ticket times in ascending order, so that ids grow with dates. */
static gint64 *
ticket_times (Seed  *s,
              guint  n)
{
  const DeskSeedParams *p = s->params;
  guint n_today = MIN (n, CLAMP (n / 400, 3, 40));
  gint64 start = p->midnight - 730 * (gint64) DAY;
  gint64 today_span = MAX (p->now - p->midnight, 1);
  gint64 *times = g_new (gint64, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      if (i < n - n_today)
        times[i] = start + (gint64) (next (s) % (guint64) (p->midnight - start));
      else
        times[i] = p->midnight + (gint64) (next (s) % (guint64) today_span);
    }
  qsort (times, n, sizeof (gint64), compare_times);

  return times;
}

static const char *
status_for_age (Seed   *s,
                gint64  age)
{
  guint roll = below (s, 100);

  if (age < 3 * DAY)
    return roll < 35 ? "Pending" : roll < 50 ? "Waiting for inspection" :
           roll < 80 ? "In Progress" : roll < 92 ? "Waiting for Parts" : "Repaired";
  if (age < 14 * DAY)
    return roll < 15 ? "Waiting for Parts" : roll < 40 ? "Repaired" :
           roll < 60 ? "Ready for Pickup" : roll < 65 ? "Waiting for Customer" :
           "Repaired & Collected";
  return roll < 88 ? "Repaired & Collected" : roll < 94 ? "Cancelled" :
         roll < 97 ? "Unrepairable" : "Ready for Pickup";
}

static char *
conditions_json (Seed                *s,
                 const char * const  *names,
                 guint                n_names,
                 guint                count)
{
  g_autoptr(GString) out = g_string_new ("[");

  for (guint i = 0; i < count; i++)
    g_string_append_printf (out, "%s{\"name\":\"%s\",\"result\":%u}", i ? "," : "",
                            names[(i * 3 + below (s, 2)) % n_names], below (s, 2));
  g_string_append_c (out, ']');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  gint64 id;
  gint64 customer_id;
  gint64 created;
  gboolean collected;
} SeededTicket;

/* Picks one or two repairs of the model; they set the line's price and tax class. */
static guint
pick_problems (Seed           *s,
               guint           model,
               const Problem **picked,
               DeskLineRow    *line,
               GString        *names)
{
  guint first = s->first_problem[model];
  guint n_problems = s->first_problem[model + 1] - first;
  guint n = 1 + (chance (s, 25) ? 1 : 0);
  guint pick = below (s, n_problems);

  for (guint k = 0; k < n; k++)
    {
      const Problem *p = &g_array_index (s->problems, Problem, first + (pick + k) % n_problems);

      picked[k] = p;
      line->price += p->price;
      line->taxclass_id = p->taxclass_id;
      g_string_append_printf (names, "%s%s", names->len ? ", " : "", p->name);
    }

  return n;
}

static gint64
tax_of (Seed   *s,
        gint64  taxclass_id,
        gint64  amount)
{
  return desk_money_tax (amount, s->tax_percent[taxclass_id - TAXCLASS_BASE - 1]);
}

static void
seed_history (Seed       *s,
              gint64      ticket_id,
              const char *employee,
              const char *order,
              const char *item,
              const char *status,
              gint64      created)
{
  g_autofree char *created_text = g_strdup_printf ("<b>%s</b> created ticket # <b> %s</b>",
                                                   employee, order);
  g_autofree char *added = g_strdup_printf ("<b>%s</b> added repair item <b>%s</b> & assigned it to <b>%s</b>",
                                            employee, item, employee);

  desk_insert_history (s->store, ticket_id, created_text, created);
  desk_insert_history (s->store, ticket_id, added, created);
  if (g_strcmp0 (status, "Pending") != 0)
    {
      g_autofree char *changed = g_strdup_printf ("<b>%s</b> changed  <b>%s</b> Status from <b>Pending</b> - <b>%s</b>",
                                                  employee, item, status);
      gint64 when = MIN (created + 3600 + below (s, 3 * DAY), s->params->now);

      desk_insert_history (s->store, ticket_id, changed, when);
    }
}

/* One ticket with one or two devices. */
static SeededTicket
seed_ticket (Seed     *s,
             gint64    created,
             gboolean  first)
{
  static const char * const found[] = { "", "Google", "Facebook", "Yelp", "Walk-by", "Friend" };
  guint n_customers = s->params->n_customers;
  guint employee = below (s, G_N_ELEMENTS (employee_names));
  DeskTicketRow row = {
    .id = first ? DESK_TICKET_ID_BASE + 1 : 0,
    .customer_id = n_customers > 0 && !chance (s, 5) ? CUSTOMER_BASE + 1 + below (s, n_customers) : 0,
    .created_by = EMPLOYEE_BASE + 1 + employee,
    .created_date = created,
    .repair_collected = NOT_SET,
    .how_found = PICK (s, found),
  };
  gint64 age = s->params->now - created;
  const char *status = status_for_age (s, age);
  SeededTicket ticket = { 0, row.customer_id, created, g_str_equal (status, "Repaired & Collected") };
  g_autofree char *order = NULL;
  guint n_devices = chance (s, 12) ? 2 : 1;

  if (ticket.collected)
    row.repair_collected = MIN (created + DAY * (1 + below (s, 6)), s->params->now);
  ticket.id = desk_insert_ticket (s->store, &row);
  order = g_strdup_printf ("T-%" G_GINT64_FORMAT,
                           ticket.id - DESK_TICKET_ID_BASE + DESK_TICKET_ORDER_BASE);

  for (guint i = 0; i < n_devices; i++)
    {
      guint model = below (s, G_N_ELEMENTS (device_models));
      Category cat = device_models[model].category;
      g_autofree char *imei = cat == CAT_PHONE || (cat == CAT_TABLET && chance (s, 50)) ?
                              luhn_imei (s) : g_strdup ("");
      g_autofree char *serial = *imei == '\0' ? serial_number (s) : g_strdup ("");
      g_autofree char *code = chance (s, 40) ? digits (s, 4 + 2 * below (s, 2)) : g_strdup ("");
      g_autofree char *pre = conditions_json (s, precondition_names,
                                              G_N_ELEMENTS (precondition_names), below (s, 3));
      g_autofree char *supplied = conditions_json (s, supply_names, G_N_ELEMENTS (supply_names),
                                                   below (s, 2));
      g_autoptr(GString) names = g_string_new (NULL);
      DeskLineRow line = {
        .ticket_id = ticket.id, .device_id = DEVICE_BASE + 1 + model, .imei = imei,
        .serial = serial, .security_code = code, .status = status,
        .task_type = 1 + (chance (s, 10) ? 1 + below (s, 3) : 0),
        .due_on = (created / 3600 + 24 * (1 + below (s, 4))) * 3600,
        .assigned_to = EMPLOYEE_BASE + 1 + (chance (s, 70) ? employee : below (s, 6)),
        .location = PICK (s, location_names), .network = PICK (s, network_names),
        .warranty = "90", .warranty_timeframe = 1, .created_on = created,
        .supplied = supplied, .preconditions = pre,
      };
      const Problem *picked[2];
      guint n_picked = pick_problems (s, model, picked, &line, names);
      gint64 line_id;

      if (line.price >= 5000 && chance (s, 10))
        line.line_discount = chance (s, 50) ? 500 : 1000;
      line.gst = tax_of (s, line.taxclass_id,
                         desk_money_line_total (line.price, 1, line.line_discount));
      line_id = desk_insert_line (s->store, &line);
      for (guint k = 0; k < n_picked; k++)
        desk_insert_item (s->store, line_id, picked[k]->id, picked[k]->name);

      if (chance (s, 20))
        {
          const Product *part = &s->products[below (s, N_PARTS)];
          DeskPartRow prow = {
            .line_id = line_id, .product_id = part->id, .name = part->name, .sku = part->sku,
            .quantity = 1, .price = part->price, .taxclass_id = part->taxclass_id,
            .gst = tax_of (s, part->taxclass_id, part->price),
            .warranty = "90", .warranty_timeframe = "1", .supplier = PICK (s, suppliers),
          };

          desk_insert_part (s->store, &prow);
        }

      if (i == 0)
        seed_history (s, ticket.id, employee_names[employee], order, names->str, status, created);
    }

  if (chance (s, 10))
    desk_insert_note (s->store, ticket.id, employee_names[employee], PICK (s, note_texts), created);

  return ticket;
}

static void
seed_payments (Seed   *s,
               gint64  invoice_id,
               gint64  total,
               gint64  when)
{
  static const char * const methods[] = { "Cash", "Cash", "Credit Card", "Credit Card",
                                          "Debit Card", "Store Credit" };
  const char *method = PICK (s, methods);
  guint roll = below (s, 100);

  if (roll < 8)
    return;  /* unpaid */
  if (roll < 15 && total > 2000)
    desk_insert_payment (s->store, invoice_id, total / 2 / 100 * 100, when, method, "Deposit");
  else if (roll < 17)
    {
      /* A customer who paid too much and was not given the change yet. */
      desk_insert_payment (s->store, invoice_id, total + 2000, when, method, "");
    }
  else if (roll < 19 && total > 0)
    {
      desk_insert_payment (s->store, invoice_id, total, when, method, "");
      desk_insert_payment (s->store, invoice_id, -total, MIN (when + 2 * DAY, s->params->now),
                           method, "Refund");
    }
  else
    desk_insert_payment (s->store, invoice_id, total, when, method, "");
}

static gint64
seed_invoice_from_ticket (Seed               *s,
                          const SeededTicket *ticket,
                          gboolean            first)
{
  DeskInvoiceRow row = {
    .id = first ? DESK_INVOICE_ID_BASE + 1 : 0, .customer_id = ticket->customer_id,
    .ticket_id = ticket->id, .created_date = MIN (ticket->created + DAY, s->params->now),
  };
  sqlite3_stmt *stmt;
  gint64 id, total = 0;

  row.due_on = row.created_date / DAY * DAY;
  id = desk_insert_invoice (s->store, &row);

  desk_insert_items_from_ticket (s->store, id, ticket->id);

  stmt = desk_store_prepare (s->store,
    "SELECT SUM (price * quantity - line_discount + gst) FROM invoice_items WHERE invoice_id = ?");
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    total = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  stmt = desk_store_prepare (s->store, "UPDATE tickets SET invoice_id = ? WHERE id = ?");
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, ticket->id);
  desk_store_step_done (s->store, stmt, NULL);

  seed_payments (s, id, total, row.created_date);

  return id;
}

static void
seed_sale (Seed   *s,
           gint64  created,
           gboolean first)
{
  guint n_customers = s->params->n_customers;
  DeskInvoiceRow row = {
    .id = first ? DESK_INVOICE_ID_BASE + 1 : 0,
    .customer_id = n_customers > 0 && chance (s, 70) ? CUSTOMER_BASE + 1 + below (s, n_customers) : 0,
    .created_date = created, .due_on = created / DAY * DAY,
  };
  gint64 id = desk_insert_invoice (s->store, &row);
  guint n_items = 1 + below (s, 3);
  gint64 total = 0;

  for (guint i = 0; i < n_items; i++)
    {
      const Product *p = &s->products[N_PARTS + below (s, N_ACCESSORIES)];
      DeskItemRow item = {
        .invoice_id = id, .product_id = p->id, .name = p->name, .sku = p->sku,
        .quantity = 1 + (chance (s, 15) ? 1 : 0), .description = "", .price = p->price,
        .line_discount = chance (s, 8) ? 200 : 0, .notes = "", .taxclass_id = p->taxclass_id,
      };
      gint64 net = desk_money_line_total (item.price, item.quantity, item.line_discount);

      item.gst = tax_of (s, item.taxclass_id, net);
      desk_insert_invoice_item (s->store, &item);
      total += net + item.gst;
    }

  seed_payments (s, id, total, created);
}

static void
seed_tickets_and_invoices (Seed *s)
{
  const DeskSeedParams *p = s->params;
  g_autofree gint64 *times = ticket_times (s, p->n_tickets);
  g_autofree SeededTicket *tickets = g_new0 (SeededTicket, MAX (p->n_tickets, 1));
  guint n_collected = 0, n_from_tickets, made = 0;
  gint64 start = p->midnight - 730 * (gint64) DAY;

  for (guint i = 0; i < p->n_tickets; i++)
    {
      tickets[i] = seed_ticket (s, times[i], i == 0);
      n_collected += tickets[i].collected;
    }

  /* About two thirds of the invoices come from collected tickets, the rest are sales. */
  n_from_tickets = MIN (p->n_invoices * 2 / 3, n_collected);
  for (guint i = 0; i < p->n_tickets && made < n_from_tickets; i++)
    if (tickets[i].collected && below (s, n_collected) < n_from_tickets)
      seed_invoice_from_ticket (s, &tickets[i], made++ == 0);

  for (guint i = made; i < p->n_invoices; i++)
    {
      gint64 when = i % 200 == 7 ? p->midnight + below (s, MAX (p->now - p->midnight, 1))
                                 : start + (gint64) (next (s) % (guint64) (p->midnight - start));

      seed_sale (s, when, i == 0);
    }
}

/* --- Entry point ------------------------------------------------------------------------- */

static void
seed_clear (Seed *s)
{
  g_clear_pointer (&s->problems, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (s->products); i++)
    {
      g_clear_pointer (&s->products[i].name, g_free);
      g_clear_pointer (&s->products[i].sku, g_free);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Seed, seed_clear)

gboolean
desk_sandbox_seed (DeskStore            *store,
                   const DeskSeedParams *params,
                   GError              **error)
{
  g_auto(Seed) s = { 0 };

  s.store = store;
  s.params = params;
  s.state = params->seed;
  s.problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  memcpy (s.tax_percent, tax_rates, sizeof tax_rates);

  if (!desk_store_exec (store, "BEGIN", error))
    return FALSE;

  if (!desk_store_clear (store, error))
    goto fail;

  seed_lists (&s);
  seed_devices (&s);
  seed_products (&s);
  for (guint i = 0; i < params->n_customers; i++)
    seed_customer (&s, i);
  seed_tickets_and_invoices (&s);
  seed_extra_items (&s);

  if (!desk_ticket_recompute (store, 0, error) || !desk_invoice_recompute (store, 0, error))
    goto fail;

  desk_store_set_meta (store, "seeded", 1);
  desk_store_set_meta (store, "anchor", params->midnight);
  desk_store_set_meta (store, "owner", EMPLOYEE_BASE + 1);

  return desk_store_exec (store, "COMMIT", error);

fail:
  desk_store_exec (store, "ROLLBACK", NULL);
  return FALSE;
}
