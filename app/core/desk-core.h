/* desk-core.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The umbrella header of desk-core: screens include this and nothing else from core. */

#include "desk-api-error.h"
#include "desk-clock.h"
#include "desk-dates.h"
#include "desk-money.h"

/* Data objects and their JSON mapping. */
#include "desk-json.h"
#include "desk-json-mapped.h"
#include "desk-record.h"
#include "desk-named-item.h"
#include "desk-condition.h"
#include "desk-customer.h"
#include "desk-customer-rules.h"
#include "desk-device-location.h"
#include "desk-device.h"
#include "desk-employee.h"
#include "desk-history-entry.h"
#include "desk-history-text.h"
#include "desk-inventory-item.h"
#include "desk-invoice-item.h"
#include "desk-invoice.h"
#include "desk-network.h"
#include "desk-note.h"
#include "desk-part-line.h"
#include "desk-part.h"
#include "desk-payment-method.h"
#include "desk-payment.h"
#include "desk-problem.h"
#include "desk-repair-item.h"
#include "desk-signature.h"
#include "desk-status.h"
#include "desk-supply.h"
#include "desk-task-type.h"
#include "desk-tax-class.h"
#include "desk-ticket-device.h"
#include "desk-ticket.h"
#include "desk-ticket-rules.h"

/* The client. */
#include "desk-api-client.h"
#include "desk-catalog.h"
#include "desk-paged-list.h"
#include "desk-list-search.h"
#include "desk-invoice-filters.h"
#include "desk-properties.h"
#include "desk-rate-governor.h"

/* The write path. */
#include "desk-change.h"
#include "desk-outbox.h"
#include "desk-writer.h"

/* The invoice editor's rules. */
#include "desk-inventory-index.h"
#include "desk-invoice-lines.h"
