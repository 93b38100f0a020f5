import type { Database } from 'better-sqlite3';
import type { Channel } from '@otp-verify/protocol';
import type {
  DeliveryOutcome,
  EventLog,
  MessageClaim,
  MessageState,
  NewMessage,
  OutboxMessage,
  OutboxStore,
} from '../port.js';
import { fallbackMessageId } from '../../domain/message-ids.js';

/** A receipt for a message the outbox has not recorded as sent is kept this long. */
const EARLY_RECEIPT_LIFETIME_MS = 24 * 60 * 60 * 1000;

interface MessageRow {
  id: string;
  session_id: string;
  brand: string;
  channel: Channel;
  to_masked: string;
  payload: Buffer | null;
  fallback: Buffer | null;
  fallback_to_masked: string | null;
  state: MessageState;
  reason: string | null;
  attempts: number;
  provider: string | null;
  provider_message_id: string | null;
  refused_by: string;
  created_at: number;
  next_attempt_at: number;
  lease_until: number | null;
  sent_at: number | null;
  delivered_at: number | null;
  expires_at: number;
  updated_at: number;
  send_returned: number;
}

function messageFromRow(row: MessageRow): OutboxMessage {
  return {
    id: row.id,
    sessionId: row.session_id,
    brand: row.brand,
    channel: row.channel,
    toMasked: row.to_masked,
    payload: row.payload,
    fallback:
      row.fallback === null || row.fallback_to_masked === null
        ? null
        : { toMasked: row.fallback_to_masked, payload: row.fallback },
    state: row.state,
    reason: row.reason,
    attempts: row.attempts,
    provider: row.provider,
    providerMessageId: row.provider_message_id,
    refusedBy: JSON.parse(row.refused_by) as string[],
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    leaseUntil: row.lease_until,
    sentAt: row.sent_at,
    deliveredAt: row.delivered_at,
    expiresAt: row.expires_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The outbox in SQLite. Claims are leases: a worker that dies holding one loses it when the lease lapses, and the
 * message is claimed again (with the same id, so a provider that saw the first attempt can drop the second).
 * Every change names the claim it holds (id and attempt count), so a worker whose lease lapsed changes nothing.
 */
export function sqliteOutbox(db: Database, events: EventLog): OutboxStore {
  const insert = db.prepare<
    [string, string, string, Channel, string, Buffer, Buffer | null, string | null, number, number, number, number]
  >(
    `INSERT INTO outbox (id, session_id, brand, channel, to_masked, payload, fallback, fallback_to_masked, state,
       created_at, next_attempt_at, expires_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)`,
  );
  const cancelWaiting = db.prepare<[number, string], { id: string; brand: string }>(
    `UPDATE outbox SET state = 'cancelled', reason = 'superseded', updated_at = ?
     WHERE session_id = ? AND state = 'queued' RETURNING id, brand`,
  );
  const claim = db.prepare<[{ now: number; leaseUntil: number; limit: number }], MessageRow>(
    `UPDATE outbox SET state = 'sending', attempts = attempts + 1, lease_until = @leaseUntil, updated_at = @now
     WHERE id IN (
       SELECT id FROM outbox
       WHERE (state = 'queued' AND next_attempt_at <= @now) OR (state = 'sending' AND lease_until <= @now)
       ORDER BY next_attempt_at LIMIT @limit)
     RETURNING *`,
  );
  const postpone = db.prepare<[number, number, string, number]>(
    `UPDATE outbox SET state = 'queued', attempts = attempts - 1, lease_until = NULL, next_attempt_at = ?,
       updated_at = ?
     WHERE id = ? AND state = 'sending' AND attempts = ?`,
  );
  const markSent = db.prepare<[string, string, number, number, string, number], MessageRow>(
    `UPDATE outbox SET state = 'sent', provider = ?, provider_message_id = ?, sent_at = ?, updated_at = ?,
       lease_until = NULL, payload = NULL, reason = NULL
     WHERE id = ? AND state = 'sending' AND attempts = ? RETURNING *`,
  );
  const retry = db.prepare<[string, string, number, string, number, number, string, number], MessageRow>(
    `UPDATE outbox SET state = 'queued', provider = ?, reason = ?,
       refused_by = CASE WHEN ? THEN json_insert(refused_by, '$[#]', ?) ELSE refused_by END,
       next_attempt_at = ?, updated_at = ?, lease_until = NULL
     WHERE id = ? AND state = 'sending' AND attempts = ? RETURNING *`,
  );
  const finish = db.prepare<[string, string, string | null, number, string, number], MessageRow>(
    `UPDATE outbox SET state = ?, reason = ?, provider = coalesce(?, provider), updated_at = ?, lease_until = NULL
     WHERE id = ? AND state = 'sending' AND attempts = ? RETURNING *`,
  );
  const deliver = db.prepare<[string, number, string | null, number, string, string], MessageRow>(
    `UPDATE outbox SET state = ?, delivered_at = ?, reason = ?, updated_at = ?
     WHERE rowid = (SELECT rowid FROM outbox WHERE provider = ? AND provider_message_id = ? ORDER BY rowid DESC LIMIT 1)
       AND state = 'sent' RETURNING *`,
  );
  const requeue = db.prepare<[number, number, string, number], MessageRow>(
    `UPDATE outbox SET state = 'queued', attempts = 0, refused_by = '[]', reason = NULL, lease_until = NULL,
       next_attempt_at = ?, updated_at = ?
     WHERE id = ? AND state IN ('dead', 'failed') AND payload IS NOT NULL AND expires_at > ?
       AND NOT EXISTS (SELECT 1 FROM outbox newer WHERE newer.session_id = outbox.session_id AND newer.rowid > outbox.rowid)
     RETURNING *`,
  );
  const deadLetter = db.prepare<[string, number, string], MessageRow>(
    `UPDATE outbox SET state = 'dead', reason = ?, lease_until = NULL, updated_at = ?
     WHERE id = ? AND state IN ('queued', 'sending') RETURNING *`,
  );
  const dropFallback = db.prepare<[string]>('UPDATE outbox SET fallback = NULL WHERE id = ?');
  const resetSendReturned = db.prepare<[string]>('UPDATE outbox SET send_returned = 0 WHERE id = ?');
  const hasNewer = db.prepare<[string, string], { one: number }>(
    `SELECT 1 AS one FROM outbox newer
     WHERE newer.session_id = ? AND newer.rowid > (SELECT rowid FROM outbox WHERE id = ?) LIMIT 1`,
  );
  // A failed delivery is not a send the customer got: the send is given back and the cooldown lifted (once: the
  // message remembers it, and an operator's retry takes the send again).
  const giveBackSend = db.prepare<[string]>(
    `UPDATE sessions SET sends = sends - 1, last_sent_at = NULL WHERE id = ? AND status = 'sent' AND sends > 0`,
  );
  const markSendReturned = db.prepare<[string]>(
    'UPDATE outbox SET send_returned = 1 WHERE id = ? AND send_returned = 0',
  );
  const takeSendAgain = db.prepare<[number, string]>(
    `UPDATE sessions SET sends = sends + 1, last_sent_at = ? WHERE id = ? AND status = 'sent'`,
  );
  const keepEarlyReceipt = db.prepare<[string, string, string, string | null, number]>(
    `INSERT INTO early_receipts (provider, provider_message_id, outcome, reason, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (provider, provider_message_id) DO NOTHING`,
  );
  const takeEarlyReceipt = db.prepare<
    [string, string],
    { outcome: DeliveryOutcome; reason: string | null; at: number }
  >('DELETE FROM early_receipts WHERE provider = ? AND provider_message_id = ? RETURNING outcome, reason, at');
  const knownProviderId = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM outbox WHERE provider = ? AND provider_message_id = ? LIMIT 1',
  );
  const purgeEarlyReceipts = db.prepare<[number]>('DELETE FROM early_receipts WHERE at <= ?');
  const eraseExpiredContacts = db.prepare<[number]>(
    `UPDATE sessions SET phone_e164 = NULL, email = NULL, code_hash = NULL
     WHERE expires_at <= ? AND (phone_e164 IS NOT NULL OR email IS NOT NULL)`,
  );
  const setCodeChannel = db.prepare<[Channel, string]>(
    `UPDATE sessions SET code_channel = ? WHERE id = ? AND status = 'sent'`,
  );
  // The email standing in for an SMS goes to the same customer: its country is the SMS's.
  const queuedCountry = db.prepare<[string, string], { country: string }>(
    `SELECT json_extract(data, '$.country') AS country FROM events
     WHERE session_id = ? AND message_id = ? AND type = 'message.queued' AND json_extract(data, '$.country') IS NOT NULL`,
  );
  const find = db.prepare<[string], MessageRow>('SELECT * FROM outbox WHERE id = ?');
  const latestOfSession = db.prepare<[string], MessageRow>(
    'SELECT * FROM outbox WHERE session_id = ? ORDER BY rowid DESC LIMIT 1',
  );
  const list = db.prepare<[{ state: string | null; sessionId: string | null; limit: number }], MessageRow>(
    `SELECT * FROM outbox WHERE (@state IS NULL OR state = @state) AND (@sessionId IS NULL OR session_id = @sessionId)
     ORDER BY rowid DESC LIMIT @limit`,
  );
  const countByState = db.prepare<[], { state: MessageState; count: number }>(
    'SELECT state, count(*) AS count FROM outbox GROUP BY state',
  );
  const purgePayloads = db.prepare<[number]>(
    `UPDATE outbox SET payload = NULL, fallback = NULL
     WHERE (payload IS NOT NULL OR fallback IS NOT NULL) AND expires_at <= ?`,
  );

  const event = (row: MessageRow, type: string, at: number, data: Record<string, unknown> = {}) =>
    events.appendEvent({
      at,
      type,
      brand: row.brand,
      sessionId: row.session_id,
      messageId: row.id,
      data: { channel: row.channel, ...data },
    });

  const enqueue = (message: NewMessage) => {
    for (const cancelled of cancelWaiting.all(message.createdAt, message.sessionId)) {
      events.appendEvent({
        at: message.createdAt,
        type: 'message.cancelled',
        brand: cancelled.brand,
        sessionId: message.sessionId,
        messageId: cancelled.id,
        data: { reason: 'superseded' },
      });
    }
    insert.run(
      message.id,
      message.sessionId,
      message.brand,
      message.channel,
      message.toMasked,
      message.payload,
      message.fallback?.payload ?? null,
      message.fallback?.toMasked ?? null,
      message.createdAt,
      message.createdAt,
      message.expiresAt,
      message.createdAt,
    );
    events.appendEvent({
      at: message.createdAt,
      type: 'message.queued',
      brand: message.brand,
      sessionId: message.sessionId,
      messageId: message.id,
      data: { channel: message.channel, fallback: message.fallback !== null, ...message.destination },
    });
  };

  /**
   * What follows a message that will not arrive, when it is the session's newest (a newer one carries the code
   * now): an SMS's email stand-in if it has one, else the send given back.
   */
  const afterUndelivered = (row: MessageRow, at: number) => {
    if (hasNewer.get(row.session_id, row.id) !== undefined) return;
    if (row.fallback !== null && row.fallback_to_masked !== null && row.expires_at > at) {
      dropFallback.run(row.id);
      enqueue({
        id: fallbackMessageId(row.id),
        sessionId: row.session_id,
        brand: row.brand,
        channel: 'email',
        toMasked: row.fallback_to_masked,
        payload: row.fallback,
        fallback: null,
        createdAt: at,
        expiresAt: row.expires_at,
        destination: { country: queuedCountry.get(row.session_id, row.id)?.country ?? '' },
      });
      setCodeChannel.run('email', row.session_id);
      return;
    }
    if (markSendReturned.run(row.id).changes === 1) giveBackSend.run(row.session_id);
  };

  const applyDelivery = (row: MessageRow, outcome: DeliveryOutcome, reason: string | null, at: number) => {
    event(row, outcome === 'delivered' ? 'message.delivered' : 'message.failed', at, {
      provider: row.provider,
      ...(reason === null ? {} : { reason }),
      ...(row.sent_at === null ? {} : { sinceSentMs: at - row.sent_at }),
    });
    if (outcome === 'failed') afterUndelivered(row, at);
  };

  const transaction = <Args extends unknown[], Result>(work: (...args: Args) => Result) =>
    db.transaction(work).immediate as (...args: Args) => Result;

  return {
    enqueueMessage: (message) => enqueue(message),
    claimMessages: (now, leaseUntil, limit) => claim.all({ now, leaseUntil, limit }).map(messageFromRow),
    postponeMessage: ({ id, attempts }, nextAttemptAt, now) =>
      postpone.run(nextAttemptAt, now, id, attempts).changes === 1,
    markMessageSent: transaction(
      ({ id, attempts }: MessageClaim, sent: Parameters<OutboxStore['markMessageSent']>[1]) => {
        const row = markSent.get(sent.provider, sent.providerMessageId, sent.at, sent.at, id, attempts);
        if (row === undefined) return false;
        event(row, 'message.sent', sent.at, {
          provider: sent.provider,
          attempt: row.attempts,
          latencyMs: sent.at - row.created_at,
        });
        // The provider's receipt can beat its own answer to the verifier: it waited in early_receipts.
        const early = takeEarlyReceipt.get(sent.provider, sent.providerMessageId);
        if (early !== undefined) {
          const { outcome, reason, at } = early;
          const delivered = deliver.get(outcome, at, reason, at, sent.provider, sent.providerMessageId);
          if (delivered !== undefined) applyDelivery(delivered, outcome, reason, at);
        }
        return true;
      },
    ),
    retryMessage: transaction(({ id, attempts }: MessageClaim, failure: Parameters<OutboxStore['retryMessage']>[1]) => {
      const row = retry.get(
        failure.provider,
        failure.reason,
        failure.rejected ? 1 : 0,
        failure.provider,
        failure.nextAttemptAt,
        failure.at,
        id,
        attempts,
      );
      if (row === undefined) return false;
      event(row, 'message.attempt_failed', failure.at, {
        provider: failure.provider,
        reason: failure.reason,
        rejected: failure.rejected,
        attempt: attempts,
        retryInMs: failure.nextAttemptAt - failure.at,
      });
      return true;
    }),
    finishMessage: transaction(({ id, attempts }: MessageClaim, end: Parameters<OutboxStore['finishMessage']>[1]) => {
      const row = finish.get(end.state, end.reason, end.provider ?? null, end.at, id, attempts);
      if (row === undefined) return false;
      const type = { failed: 'message.failed', dead: 'message.dead_lettered', cancelled: 'message.cancelled' }[
        end.state
      ];
      event(row, type, end.at, { reason: end.reason, attempts, ...(end.provider ? { provider: end.provider } : {}) });
      if (end.state !== 'cancelled') afterUndelivered(row, end.at);
      return true;
    }),
    recordDelivery: transaction(
      (
        provider: string,
        providerMessageId: string,
        outcome: DeliveryOutcome,
        reason: string | undefined,
        at: number,
      ) => {
        const row = deliver.get(outcome, at, reason ?? null, at, provider, providerMessageId);
        if (row === undefined) {
          // Not sent yet as far as the outbox knows: kept until the sent record (or dropped a day later).
          if (knownProviderId.get(provider, providerMessageId) === undefined) {
            keepEarlyReceipt.run(provider, providerMessageId, outcome, reason ?? null, at);
          }
          return false;
        }
        applyDelivery(row, outcome, reason ?? null, at);
        return true;
      },
    ),
    requeueMessage: transaction((id: string, now: number) => {
      const row = requeue.get(now, now, id, now);
      if (row === undefined) return undefined;
      if (row.send_returned === 1) {
        takeSendAgain.run(now, row.session_id);
        resetSendReturned.run(row.id);
      }
      event(row, 'message.requeued', now, { by: 'operator' });
      return messageFromRow(row);
    }),
    deadLetterMessage: transaction((id: string, reason: string, now: number) => {
      const row = deadLetter.get(reason, now, id);
      if (row === undefined) return undefined;
      event(row, 'message.dead_lettered', now, { reason, by: 'operator' });
      return messageFromRow(row);
    }),
    findMessage: (id) => {
      const row = find.get(id);
      return row && messageFromRow(row);
    },
    latestMessageOfSession: (sessionId) => {
      const row = latestOfSession.get(sessionId);
      return row && messageFromRow(row);
    },
    listMessages: ({ state, sessionId, limit }) =>
      list.all({ state: state ?? null, sessionId: sessionId ?? null, limit }).map(messageFromRow),
    countMessagesByState: () =>
      Object.fromEntries(countByState.all().map(({ state, count }) => [state, count])) as Partial<
        Record<MessageState, number>
      >,
    purgeExpired: transaction((now: number) => {
      purgeEarlyReceipts.run(now - EARLY_RECEIPT_LIFETIME_MS);
      eraseExpiredContacts.run(now);
      return purgePayloads.run(now).changes;
    }),
  };
}
