/* desk-sandbox-seed-data.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The word lists the seed generator draws from: a phone and computer repair shop. */

typedef enum { CAT_PHONE, CAT_TABLET, CAT_LAPTOP, CAT_CONSOLE, CAT_WATCH, N_CATS } Category;

static const char * const category_names[N_CATS] = {
  "Phone", "Tablet", "Laptop", "Game Console", "Smartwatch",
};

typedef struct { const char *manufacturer; const char *name; Category category; } DeviceModel;

static const DeviceModel device_models[] = {
  { "Apple", "iPhone 8", CAT_PHONE }, { "Apple", "iPhone X", CAT_PHONE },
  { "Apple", "iPhone XR", CAT_PHONE }, { "Apple", "iPhone 11", CAT_PHONE },
  { "Apple", "iPhone 11 Pro", CAT_PHONE }, { "Apple", "iPhone 12", CAT_PHONE },
  { "Apple", "iPhone 12 mini", CAT_PHONE }, { "Apple", "iPhone 12 Pro", CAT_PHONE },
  { "Apple", "iPhone 13", CAT_PHONE }, { "Apple", "iPhone 13 Pro", CAT_PHONE },
  { "Apple", "iPhone 14", CAT_PHONE }, { "Apple", "iPhone 14 Pro", CAT_PHONE },
  { "Apple", "iPhone 15", CAT_PHONE }, { "Apple", "iPhone SE (2022)", CAT_PHONE },
  { "Samsung", "Galaxy S20", CAT_PHONE }, { "Samsung", "Galaxy S21", CAT_PHONE },
  { "Samsung", "Galaxy S22", CAT_PHONE }, { "Samsung", "Galaxy S23", CAT_PHONE },
  { "Samsung", "Galaxy A52", CAT_PHONE }, { "Samsung", "Galaxy A53", CAT_PHONE },
  { "Samsung", "Galaxy Note 20", CAT_PHONE }, { "Google", "Pixel 6", CAT_PHONE },
  { "Google", "Pixel 6a", CAT_PHONE }, { "Google", "Pixel 7", CAT_PHONE },
  { "Google", "Pixel 7 Pro", CAT_PHONE }, { "Google", "Pixel 8", CAT_PHONE },
  { "OnePlus", "OnePlus 9", CAT_PHONE }, { "OnePlus", "OnePlus 10 Pro", CAT_PHONE },
  { "Motorola", "Moto G Power", CAT_PHONE }, { "Xiaomi", "Redmi Note 11", CAT_PHONE },
  { "Apple", "iPad (9th generation)", CAT_TABLET }, { "Apple", "iPad Air 4", CAT_TABLET },
  { "Apple", "iPad Pro 11", CAT_TABLET }, { "Apple", "iPad mini 6", CAT_TABLET },
  { "Samsung", "Galaxy Tab S8", CAT_TABLET }, { "Samsung", "Galaxy Tab A8", CAT_TABLET },
  { "Microsoft", "Surface Pro 8", CAT_TABLET }, { "Lenovo", "Tab P11", CAT_TABLET },
  { "Apple", "MacBook Air M1", CAT_LAPTOP }, { "Apple", "MacBook Air M2", CAT_LAPTOP },
  { "Apple", "MacBook Pro 13", CAT_LAPTOP }, { "Apple", "MacBook Pro 14", CAT_LAPTOP },
  { "Dell", "XPS 13", CAT_LAPTOP }, { "Dell", "Inspiron 15", CAT_LAPTOP },
  { "HP", "Pavilion 15", CAT_LAPTOP }, { "HP", "EliteBook 840", CAT_LAPTOP },
  { "Lenovo", "ThinkPad T14", CAT_LAPTOP }, { "Lenovo", "IdeaPad 5", CAT_LAPTOP },
  { "ASUS", "ZenBook 14", CAT_LAPTOP }, { "Acer", "Aspire 5", CAT_LAPTOP },
  { "Microsoft", "Surface Laptop 4", CAT_LAPTOP },
  { "Sony", "PlayStation 4", CAT_CONSOLE }, { "Sony", "PlayStation 5", CAT_CONSOLE },
  { "Microsoft", "Xbox One S", CAT_CONSOLE }, { "Microsoft", "Xbox Series X", CAT_CONSOLE },
  { "Nintendo", "Switch", CAT_CONSOLE }, { "Nintendo", "Switch OLED", CAT_CONSOLE },
  { "Valve", "Steam Deck", CAT_CONSOLE },
  { "Apple", "Apple Watch Series 7", CAT_WATCH }, { "Samsung", "Galaxy Watch 5", CAT_WATCH },
};

/* tax: 0 = the sales tax, 1 = exempt, 2 = the reduced rate */
typedef struct { const char *name; int price; int tax; } RepairKind;

#define MAX_KINDS 9

static const RepairKind repair_kinds[N_CATS][MAX_KINDS] = {
  [CAT_PHONE] = {
    { "Screen Replacement (Digitizer+LCD)", 12900, 0 }, { "Battery Replacement", 6900, 0 },
    { "Charging Port Repair", 5900, 0 }, { "Back Glass Replacement", 9900, 0 },
    { "Back Camera Replacement", 7900, 0 }, { "Front Camera Replacement", 5900, 0 },
    { "LoudSpeaker Replacement", 4500, 0 }, { "Water Damage Treatment", 8900, 2 },
    { "Diagnosis", 0, 1 },
  },
  [CAT_TABLET] = {
    { "Glass & Digitizer Replacement", 11900, 0 }, { "LCD Replacement", 14900, 0 },
    { "Battery Replacement", 8900, 0 }, { "Charging Port Repair", 7900, 0 },
    { "Home Button Repair", 4900, 0 }, { "Water Damage Treatment", 9900, 2 },
    { "Diagnosis", 0, 1 },
  },
  [CAT_LAPTOP] = {
    { "Screen Replacement", 19900, 0 }, { "Keyboard Replacement", 12900, 0 },
    { "Battery Replacement", 11900, 0 }, { "SSD Upgrade 512GB", 14900, 0 },
    { "Fan Cleaning", 6900, 0 }, { "DC Jack Repair", 8900, 0 },
    { "Data Recovery", 15000, 2 }, { "OS Reinstall", 7900, 2 },
  },
  [CAT_CONSOLE] = {
    { "HDMI Port Repair", 9900, 0 }, { "Disc Drive Repair", 8900, 0 },
    { "Overheating Service", 6900, 0 }, { "Controller Drift Fix", 3900, 0 },
    { "Power Supply Replacement", 8900, 0 }, { "Diagnosis", 0, 1 },
  },
  [CAT_WATCH] = {
    { "Screen Replacement", 14900, 0 }, { "Battery Replacement", 7900, 0 },
    { "Crown Repair", 5900, 0 }, { "Diagnosis", 0, 1 },
  },
};

static const char * const part_components[N_CATS][4] = {
  [CAT_PHONE] = { "Screen Assembly", "Battery", "Charging Port Flex", "Back Glass" },
  [CAT_TABLET] = { "Digitizer", "LCD Panel", "Battery", "Charging Port" },
  [CAT_LAPTOP] = { "LCD Panel", "Keyboard", "Battery", "Cooling Fan" },
  [CAT_CONSOLE] = { "HDMI Port", "Disc Drive", "Power Supply", "Thumbstick Module" },
  [CAT_WATCH] = { "Display", "Battery", "Crown", "Back Glass" },
};

static const char * const accessories[] = {
  "Tempered Glass", "Clear Case", "Rugged Case", "USB-C Cable 1m", "Lightning Cable 1m",
  "20W Wall Charger", "Car Charger", "Power Bank 10000mAh", "Wireless Earbuds",
  "Prepaid SIM Card", "Screen Cleaning Kit", "Laptop Sleeve 14\"", "Wireless Mouse",
  "HDMI Cable 2m", "Controller Charging Dock", "Watch Band", "MicroSD Card 64GB",
  "Phone Grip", "Wireless Charger Pad", "Laptop Charger 65W",
};

static const char * const suppliers[] = {
  "MobileSentrix", "Injured Gadgets", "iFixit", "Phone LCD Parts", "Laptop Screen Co", "",
};

static const struct { const char *name; const char *color; const char *type; } status_list[] = {
  { "Pending", "#f0ad4e", "open" },
  { "Waiting for inspection", "#8e44ad", "open" },
  { "In Progress", "#5bc0de", "open" },
  { "Waiting for Parts", "#d9534f", "open" },
  { "Waiting for Customer", "#e67e22", "open" },
  { "Repaired", "#5cb85c", "open" },
  { "Ready for Pickup", "#337ab7", "open" },
  { "Repaired & Collected", "#777777", "closed" },
  { "Unrepairable", "#a94442", "closed" },
  { "Cancelled", "#333333", "closed" },
};

static const char * const employee_names[] = {
  "Maria Gonzalez", "James Carter", "Aisha Khan", "Tom Becker", "Li Wei", "Sofia Rossi",
};

static const char * const network_names[] = {
  "Unlocked", "AT&T", "T-Mobile", "Verizon", "Sprint", "Cricket", "Metro by T-Mobile",
  "US Cellular", "Other",
};

static const char * const location_names[] = {
  "Front Shelf", "Incomplete Repairs Drawer", "Repair Bench 1", "Repair Bench 2",
  "Parts Cabinet", "Customer Pickup Rack", "Back Office Safe",
};

static const char * const supply_names[] = {
  "SIM Card", "Battery", "Charger", "Case", "Memory Card", "Stylus", "Power Cable",
  "Controller", "Keyboard", "Laptop Bag",
};

static const char * const task_type_names[] = {
  "In-Store", "Mail-In", "On-Site", "Pick-Up & Drop-Off",
};

static const char * const payment_method_names[] = {
  "Cash", "Credit Card", "Debit Card", "Store Credit", "Check", "Gift Card", "PayPal",
};

static const char * const precondition_names[] = {
  "Power Button", "Volume Buttons", "Back Camera", "Front Camera", "Speaker", "Microphone",
  "Wi-Fi", "Touch Screen",
};

static const char * const first_names[] = {
  "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "Lucas", "Isabella", "Mateo",
  "Mia", "Ethan", "Amelia", "Aiden", "Harper", "Jackson", "Evelyn", "Sebastian", "Abigail",
  "Daniel", "Emily", "Henry", "Chloe", "Owen", "Grace", "Samuel", "Zoe", "David", "Nora",
  "Joseph", "Layla", "Carter", "Riley", "Wyatt", "Aaliyah", "Jayden", "Priya", "Arjun",
  "Mei", "Hiroshi", "Fatima", "Omar", "Chinedu", "Ngozi", "Sven", "Ingrid", "Pablo",
  "Lucia", "Dmitri", "Anya", "Kwame", "Ama", "Giulia", "Marco", "Siobhan", "Connor",
  "Yusuf", "Leila", "Tran", "Linh", "Rosa", "Diego", "Hannah", "Ben", "Chen", "Jin",
};

static const char * const last_names[] = {
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
  "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
  "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
  "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
  "Nguyen", "Patel", "Kim", "Chen", "Okafor", "Mensah", "O'Brien", "Kowalski", "Novak",
  "Rossi", "Schmidt", "Yamamoto", "Haddad", "Ivanova", "Silva", "Andersson", "Dubois",
  "MacDonald", "Fitzgerald", "Van der Berg", "Al-Sayed", "Park", "Gupta", "Santos", "Reyes",
};

static const char * const streets[] = {
  "Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Pine St", "Elm St", "Washington Blvd",
  "Lakeview Rd", "Sunset Ave", "Hillcrest Dr", "Park Pl", "River Rd", "Mission St",
};

static const struct { const char *city; const char *state; const char *postcode; } cities[] = {
  { "Springfield", "IL", "62701" }, { "Riverside", "CA", "92501" },
  { "Fairview", "TX", "75069" }, { "Madison", "WI", "53703" },
  { "Georgetown", "KY", "40324" }, { "Salem", "OR", "97301" },
  { "Franklin", "TN", "37064" }, { "Clinton", "NJ", "08809" },
  { "Arlington", "VA", "22201" }, { "Ashland", "OH", "44805" },
};

static const char * const organizations[] = {
  "Brightside Dental", "Northwind Logistics", "Maple Street Cafe", "Summit Realty",
  "Blue Harbor School", "Greenfield Library", "Acme Plumbing", "Lakeside Clinic",
};

static const char * const referrals[] = {
  "", "", "", "Google", "Facebook", "Yelp", "Walk-by", "Friend", "Instagram",
};

static const char * const email_domains[] = {
  "example.com", "example.net", "example.org",
};

static const char * const note_texts[] = {
  "Customer dropped it in water, no backup.", "Screen cracked at top left corner.",
  "Call before replacing the battery.", "Passcode written on the bag.",
  "Customer wants the old part back.", "Checked: no signs of previous repair.",
};
