/* desk-writer.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-writer"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-api-error.h"
#include "desk-outbox.h"
#include "desk-writer-private.h"

/* The one way a change leaves Front Desk. A screen makes a DeskChange and submits it; the
 * writer sends it through the client once, and reports its fate twice: to the caller, as
 * the async result, and to anyone listening, as ::settled. A change is never sent twice:
 * the writer remembers every uuid it was given, and a second submission of one of them
 * ends as "not sent" without a request.
 *
 * The caller's cancellable only takes the caller's interest away (its callback then gets
 * G_IO_ERROR_CANCELLED); a change that has left is seen through to its end and settled,
 * since a half-known write is worse than one whose screen was closed.
 *
 * With an outbox (desk_writer_set_outbox ()), a customer or ticket change that cannot reach
 * RepairDesk (it surely never left) is kept on disk instead, and settles as
 * DESK_FATE_QUEUED; the outbox sends it when the server answers again, and its final fate
 * is settled a second time through ::settled. While the outbox holds changes, new ones go
 * behind them, so that they reach the server in the order they were made. Payments and
 * conversions are never queued: they need the server there and then. */

struct _DeskWriter
{
  GObject        parent_instance;

  /* owned */
  DeskApiClient *client;
  DeskOutbox    *outbox;      /* nullable */
  GHashTable    *submitted;   /* uuid -> NULL */

  /* state */
  guint          n_pending;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_N_PENDING,
  PROP_OUTBOX,
  N_PROPS
};

enum {
  SETTLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DeskWriter, desk_writer, G_TYPE_OBJECT)

/* What a task returns: the fate, and the record read back when saved. */
typedef struct
{
  DeskChange *change;   /* owned */
  GObject    *record;   /* owned */
  DeskFate    fate;
} Outcome;

static void
outcome_free (Outcome *outcome)
{
  g_clear_object (&outcome->change);
  g_clear_object (&outcome->record);
  g_free (outcome);
}

static void
set_n_pending (DeskWriter *self,
               guint       n_pending)
{
  self->n_pending = n_pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
}

static DeskFate
fate_of_error (const GError *error)
{
  if (error->domain != DESK_API_ERROR)
    return DESK_FATE_UNKNOWN;

  switch ((DeskApiError) error->code)
    {
    /* These never reached the server, or were turned away before being looked at. */
    case DESK_API_ERROR_NETWORK:
    case DESK_API_ERROR_RATE_LIMITED:
    case DESK_API_ERROR_INSECURE_URL:
    case DESK_API_ERROR_UNTRUSTED:
      return DESK_FATE_NOT_SENT;
    /* A redirect turns the change away unread: it is for the assistant to see to, not to
     * be sent again by itself. */
    case DESK_API_ERROR_REDIRECTED:
    case DESK_API_ERROR_VALIDATION:
    case DESK_API_ERROR_NOT_FOUND:
    case DESK_API_ERROR_UNAUTHORIZED:
    case DESK_API_ERROR_SERVER:
      return DESK_FATE_REFUSED;
    /* Stopped by the user, a change may already have left: it is looked up, not resent. */
    case DESK_API_ERROR_STOPPED:
    case DESK_API_ERROR_TIMEOUT:
    case DESK_API_ERROR_PROTOCOL:
    case DESK_API_ERROR_OUTCOME_UNKNOWN:
    default:
      return DESK_FATE_UNKNOWN;
    }
}

static gpointer
finish_call (DeskApiClient   *client,
             DeskChangeKind   kind,
             GAsyncResult    *result,
             GError         **error)
{
  switch (kind)
    {
    case DESK_CHANGE_CREATE_CUSTOMER:
      return desk_api_client_create_customer_finish (client, result, error);
    case DESK_CHANGE_UPDATE_CUSTOMER:
      return desk_api_client_update_customer_finish (client, result, error);
    case DESK_CHANGE_CREATE_TICKET:
      return desk_api_client_create_ticket_finish (client, result, error);
    case DESK_CHANGE_UPDATE_TICKET:
      return desk_api_client_update_ticket_finish (client, result, error);
    case DESK_CHANGE_CONVERT_TICKET:
      return desk_api_client_convert_ticket_to_invoice_finish (client, result, error);
    case DESK_CHANGE_CREATE_INVOICE:
      return desk_api_client_create_invoice_finish (client, result, error);
    case DESK_CHANGE_UPDATE_INVOICE:
      return desk_api_client_update_invoice_finish (client, result, error);
    case DESK_CHANGE_ADD_PAYMENT:
      return desk_api_client_add_payment_finish (client, result, error);
    default:
      g_assert_not_reached ();
    }
}

static void
settle (GTask    *task,
        DeskFate  fate,
        GObject  *record,
        GError   *error)
{
  DeskWriter *self = g_task_get_source_object (task);
  Outcome *outcome = g_task_get_task_data (task);

  outcome->fate = fate;
  g_set_object (&outcome->record, record);
  g_signal_emit (self, signals[SETTLED], 0, outcome->change, fate, record, error);

  if (error != NULL)
    g_task_return_error (task, g_error_copy (error));
  else
    g_task_return_boolean (task, TRUE);
}

/* --- Sending one change, once ------------------------------------------------------------- */

static void send_change (DeskApiClient *client,
                         DeskChange    *change,
                         GTask         *task);

static void
sent_once_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Outcome *outcome = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = NULL;

  record = finish_call (DESK_API_CLIENT (object), desk_change_get_kind (outcome->change),
                        result, &error);
  if (record != NULL)
    {
      outcome->fate = DESK_FATE_SAVED;
      outcome->record = g_steal_pointer (&record);
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      outcome->fate = fate_of_error (error);
      g_task_return_error (task, g_steal_pointer (&error));
    }
}

/**
 * _desk_writer_send_async:
 * @client: the client to send through
 * @change: the change
 * @callback: called with its fate
 * @user_data: for @callback
 *
 * Sends @change once, with no cancellable (a change that left is followed to its end),
 * and nothing more: no outbox, no ::settled. The writer and the outbox both send so.
 */
void
_desk_writer_send_async (DeskApiClient       *client,
                         DeskChange          *change,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (client, NULL, callback, user_data);
  Outcome *outcome = g_new0 (Outcome, 1);

  g_task_set_source_tag (task, _desk_writer_send_async);
  outcome->change = g_object_ref (change);
  g_task_set_task_data (task, outcome, (GDestroyNotify) outcome_free);
  send_change (client, change, task);
}

/* Returns: the fate; @record is set when saved, @error otherwise */
DeskFate
_desk_writer_send_finish (GAsyncResult  *result,
                          GObject      **record,
                          GError       **error)
{
  Outcome *outcome = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return outcome->fate;

  if (record != NULL)
    *record = g_object_ref (outcome->record);

  return DESK_FATE_SAVED;
}

/* --- The writer's own path ----------------------------------------------------------------- */

static gboolean
is_queueable (DeskChange *change)
{
  return desk_outbox_accepts (desk_change_get_kind (change));
}

/* A payment or a conversion that could not reach the server says what that means. */
static GError *
needs_server_error (DeskChange   *change,
                    const GError *error)
{
  if (!g_error_matches (error, DESK_API_ERROR, DESK_API_ERROR_NETWORK))
    return g_error_copy (error);

  if (desk_change_get_kind (change) == DESK_CHANGE_ADD_PAYMENT)
    return g_error_new_literal (DESK_API_ERROR, DESK_API_ERROR_NETWORK,
                                _("Taking a payment needs RepairDesk, and it can't be reached "
                                  "now. Nothing was recorded; take the payment again when "
                                  "RepairDesk answers."));
  if (desk_change_get_kind (change) == DESK_CHANGE_CONVERT_TICKET)
    return g_error_new_literal (DESK_API_ERROR, DESK_API_ERROR_NETWORK,
                                _("Making an invoice needs RepairDesk, and it can't be reached "
                                  "now. Nothing was changed; try again when RepairDesk "
                                  "answers."));

  return g_error_copy (error);
}

static void
queued_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeskWriter *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) queued = NULL;

  set_n_pending (self, self->n_pending - 1);
  if (!desk_outbox_add_finish (DESK_OUTBOX (object), result, &error))
    {
      settle (task, DESK_FATE_NOT_SENT, NULL, error);
      return;
    }

  queued = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PENDING,
                                _("Saved on this computer; will be sent when RepairDesk answers."));
  settle (task, DESK_FATE_QUEUED, NULL, queued);
}

static void
queue_change (DeskWriter *self,
              GTask      *task)
{
  Outcome *outcome = g_task_get_task_data (task);

  desk_outbox_add_async (self->outbox, outcome->change, NULL, queued_cb, task);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeskWriter *self = g_task_get_source_object (task);
  Outcome *outcome = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = NULL;
  DeskFate fate;

  fate = _desk_writer_send_finish (result, &record, &error);

  if (self->outbox != NULL && g_error_matches (error, DESK_API_ERROR, DESK_API_ERROR_NETWORK))
    {
      desk_outbox_report_reachable (self->outbox, FALSE);
      if (is_queueable (outcome->change))
        {
          queue_change (self, g_steal_pointer (&task));
          return;
        }
    }
  else if (self->outbox != NULL && fate != DESK_FATE_NOT_SENT)
    desk_outbox_report_reachable (self->outbox, TRUE);

  set_n_pending (self, self->n_pending - 1);
  if (fate == DESK_FATE_SAVED)
    settle (task, DESK_FATE_SAVED, record, NULL);
  else
    {
      g_autoptr(GError) said = needs_server_error (outcome->change, error);

      settle (task, fate, NULL, said);
    }
}

static void decide (DeskWriter *self,
                    GTask      *task);

static void
outbox_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;

  desk_outbox_wait_loaded_finish (DESK_OUTBOX (object), result, NULL);
  decide (g_task_get_source_object (task), task);
}

/* The outbox sent a change it held: its final fate reaches every listener. */
static void
outbox_settled_cb (DeskWriter *self,
                   DeskChange *change,
                   DeskFate    fate,
                   GObject    *record,
                   GError     *error)
{
  g_signal_emit (self, signals[SETTLED], 0, change, fate, record, error);
}

static void
send_change (DeskApiClient *client,
             DeskChange    *change,
             GTask         *task)
{
  gpointer record = desk_change_get_record (change);
  const char *method = NULL;
  const char *notes = NULL;
  gint64 amount = 0, payment_date = 0;

  /* Never the caller's cancellable: a change that left is followed to its end. */
  switch (desk_change_get_kind (change))
    {
    case DESK_CHANGE_CREATE_CUSTOMER:
      desk_api_client_create_customer_async (client, record, NULL, sent_once_cb, task);
      break;
    case DESK_CHANGE_UPDATE_CUSTOMER:
      desk_api_client_update_customer_async (client, record, NULL, sent_once_cb, task);
      break;
    case DESK_CHANGE_CREATE_TICKET:
      desk_api_client_create_ticket_async (client, record, NULL, sent_once_cb, task);
      break;
    case DESK_CHANGE_UPDATE_TICKET:
      desk_api_client_update_ticket_async (client, record, NULL, sent_once_cb, task);
      break;
    case DESK_CHANGE_CONVERT_TICKET:
      desk_api_client_convert_ticket_to_invoice_async (client, desk_change_get_target_id (change),
                                                       NULL, sent_once_cb, task);
      break;
    case DESK_CHANGE_CREATE_INVOICE:
      desk_api_client_create_invoice_async (client, record, NULL, sent_once_cb, task);
      break;
    case DESK_CHANGE_UPDATE_INVOICE:
      desk_api_client_update_invoice_async (client, record, NULL, sent_once_cb, task);
      break;
    case DESK_CHANGE_ADD_PAYMENT:
      desk_change_get_payment (change, &amount, &method, &payment_date, &notes);
      desk_api_client_add_payment_async (client, desk_change_get_target_id (change), amount,
                                         method, payment_date, notes, NULL, sent_once_cb, task);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
desk_writer_dispose (GObject *object)
{
  DeskWriter *self = DESK_WRITER (object);

  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_func (self->outbox, outbox_settled_cb, self);
  g_clear_object (&self->outbox);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (desk_writer_parent_class)->dispose (object);
}

static void
desk_writer_finalize (GObject *object)
{
  DeskWriter *self = DESK_WRITER (object);

  g_clear_pointer (&self->submitted, g_hash_table_unref);

  G_OBJECT_CLASS (desk_writer_parent_class)->finalize (object);
}

static void
desk_writer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DeskWriter *self = DESK_WRITER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_N_PENDING:
      g_value_set_uint (value, self->n_pending);
      break;
    case PROP_OUTBOX:
      g_value_set_object (value, self->outbox);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_writer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DeskWriter *self = DESK_WRITER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_OUTBOX:
      desk_writer_set_outbox (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_writer_class_init (DeskWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_writer_dispose;
  object_class->finalize = desk_writer_finalize;
  object_class->get_property = desk_writer_get_property;
  object_class->set_property = desk_writer_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, DESK_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Changes sent and not yet settled. */
  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Where changes wait while RepairDesk can't be reached; none by default. */
  properties[PROP_OUTBOX] =
    g_param_spec_object ("outbox", NULL, NULL, DESK_TYPE_OUTBOX,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskWriter::settled:
   * @change: the change
   * @fate: a #DeskFate
   * @record: (nullable): the record as the server holds it, when saved
   * @error: (nullable): why not, otherwise
   *
   * Every change submitted settles once, whether or not its caller still listens; a
   * change kept in the outbox settles as %DESK_FATE_QUEUED, and again with its final fate
   * once the outbox sent it (then the change may come from an earlier run).
   */
  signals[SETTLED] =
    g_signal_new ("settled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 4, DESK_TYPE_CHANGE, G_TYPE_INT, G_TYPE_OBJECT,
                  G_TYPE_ERROR);
}

static void
desk_writer_init (DeskWriter *self)
{
  self->submitted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* --- Public API ------------------------------------------------------------------------- */

DeskWriter *
desk_writer_new (DeskApiClient *client)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (client), NULL);

  return g_object_new (DESK_TYPE_WRITER, "client", client, NULL);
}

DeskApiClient *
desk_writer_get_client (DeskWriter *self)
{
  g_return_val_if_fail (DESK_IS_WRITER (self), NULL);

  return self->client;
}

/**
 * desk_writer_set_outbox:
 * @self: a #DeskWriter
 * @outbox: (nullable): where changes wait while RepairDesk can't be reached
 */
void
desk_writer_set_outbox (DeskWriter *self,
                        DeskOutbox *outbox)
{
  g_return_if_fail (DESK_IS_WRITER (self));
  g_return_if_fail (outbox == NULL || DESK_IS_OUTBOX (outbox));

  if (self->outbox == outbox)
    return;

  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_func (self->outbox, outbox_settled_cb, self);
  g_set_object (&self->outbox, outbox);
  if (outbox != NULL)
    g_signal_connect_swapped (outbox, "item-settled", G_CALLBACK (outbox_settled_cb), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTBOX]);
}

/* Returns: (transfer none) (nullable): the outbox */
DeskOutbox *
desk_writer_get_outbox (DeskWriter *self)
{
  g_return_val_if_fail (DESK_IS_WRITER (self), NULL);

  return self->outbox;
}

guint
desk_writer_get_n_pending (DeskWriter *self)
{
  g_return_val_if_fail (DESK_IS_WRITER (self), 0);

  return self->n_pending;
}

/* Returns: whether @change (by its uuid) has been submitted to @self */
gboolean
desk_writer_was_submitted (DeskWriter *self,
                           DeskChange *change)
{
  g_return_val_if_fail (DESK_IS_WRITER (self), FALSE);
  g_return_val_if_fail (DESK_IS_CHANGE (change), FALSE);

  return g_hash_table_contains (self->submitted, desk_change_get_uuid (change));
}

/**
 * desk_writer_submit_async:
 * @self: a #DeskWriter
 * @change: the change to send
 * @cancellable: (nullable): takes the caller's interest away; the change still settles
 * @callback: called with the fate
 * @user_data: for @callback
 *
 * Sends @change once. A change submitted before is not sent again: its fate is then
 * %DESK_FATE_NOT_SENT with %G_IO_ERROR_EXISTS. With an outbox, a customer or ticket
 * change that cannot reach the server, or that would overtake changes waiting there, is
 * kept there: %DESK_FATE_QUEUED, with %G_IO_ERROR_PENDING saying so.
 */
void
desk_writer_submit_async (DeskWriter          *self,
                          DeskChange          *change,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Outcome *outcome;

  g_return_if_fail (DESK_IS_WRITER (self));
  g_return_if_fail (DESK_IS_CHANGE (change));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_writer_submit_async);
  outcome = g_new0 (Outcome, 1);
  outcome->change = g_object_ref (change);
  g_task_set_task_data (task, outcome, (GDestroyNotify) outcome_free);

  if (!g_hash_table_add (self->submitted, g_strdup (desk_change_get_uuid (change))))
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS,
                                                     "This change was sent already.");

      outcome->fate = DESK_FATE_NOT_SENT;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     "Cancelled before it was sent.");

      settle (task, DESK_FATE_NOT_SENT, NULL, error);
      return;
    }

  set_n_pending (self, self->n_pending + 1);
  if (self->outbox != NULL && !desk_outbox_get_loaded (self->outbox))
    desk_outbox_wait_loaded_async (self->outbox, outbox_loaded_cb, g_steal_pointer (&task));
  else
    decide (self, g_steal_pointer (&task));
}

/* Straight to the server, or behind the changes waiting in the outbox. */
static void
decide (DeskWriter *self,
        GTask      *task)
{
  DeskChange *change = ((Outcome *) g_task_get_task_data (task))->change;

  if (self->outbox != NULL && is_queueable (change) &&
      desk_outbox_should_queue (self->outbox, change))
    {
      queue_change (self, task);
      return;
    }

  /* A ticket for a customer the outbox has since saved goes with the customer's id. */
  if (self->outbox != NULL && desk_change_get_depends_on (change) != NULL)
    {
      g_autoptr(DeskChange) linked = desk_outbox_link (self->outbox, change);

      _desk_writer_send_async (self->client, linked, sent_cb, task);
      return;
    }

  _desk_writer_send_async (self->client, change, sent_cb, task);
}

/**
 * desk_writer_submit_finish:
 * @self: a #DeskWriter
 * @result: the result given to the callback
 * @record: (out) (optional) (transfer full) (nullable): the record as the server holds it
 *   when saved: a #DeskCustomer, #DeskTicket or #DeskInvoice (a conversion or a payment
 *   gives the invoice)
 * @error: return location for why it was not saved
 *
 * Returns: the fate of the change; anything but %DESK_FATE_SAVED sets @error, and
 *   %G_IO_ERROR_CANCELLED when the caller cancelled (the change still settles)
 */
DeskFate
desk_writer_submit_finish (DeskWriter    *self,
                           GAsyncResult  *result,
                           gpointer      *record,
                           GError       **error)
{
  Outcome *outcome;

  g_return_val_if_fail (DESK_IS_WRITER (self), DESK_FATE_NOT_SENT);
  g_return_val_if_fail (g_task_is_valid (result, self), DESK_FATE_NOT_SENT);

  outcome = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return outcome->fate;

  if (record != NULL)
    *record = g_object_ref (outcome->record);

  return DESK_FATE_SAVED;
}

const char *
desk_fate_to_string (DeskFate fate)
{
  switch (fate)
    {
    case DESK_FATE_SAVED: return "saved";
    case DESK_FATE_REFUSED: return "refused";
    case DESK_FATE_UNKNOWN: return "unknown";
    case DESK_FATE_NOT_SENT: return "not-sent";
    case DESK_FATE_QUEUED: return "queued";
    default: return "invalid";
    }
}
