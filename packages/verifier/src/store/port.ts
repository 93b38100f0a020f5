import type { Channel } from '@otp-verify/protocol';
import type { CounterHit } from '../domain/limits.js';
import type { RiskBlock } from '../domain/risk/risk-decision.js';
import type { Challenge } from '../domain/risk/risk-rules.js';
import type { Session } from '../domain/session.js';

export interface CodeIssue {
  codeHash: string;
  codeKeyId: string;
  codeExpiresAt: number;
  sentAt: number;
  /** The channel the code goes out by. */
  channel: Channel;
  /** The send count the caller decided on; the update applies only if no other send came first. */
  sendsBefore: number;
}

export interface OutgoingMessage {
  /** E.164 for SMS, the address for email. */
  to: string;
  channel: Channel;
  /** The SMS text, or the plain-text part of an email. */
  body: string;
  /** Email only. */
  subject?: string;
  /** Email only: the HTML part. */
  html?: string;
  sentAt: number;
  sessionId: string;
}

/** Persistence of sessions. Every state change is one conditional update, safe under concurrency. */
export interface SessionStore {
  insertSession(session: Session): void;
  findSession(id: string): Session | undefined;
  /** The session whose order-verified token has this jti. */
  findSessionByTokenJti(jti: string): Session | undefined;
  /** Binds a phone number to a session that has none yet. */
  bindPhone(id: string, phone: { e164: string; ref: string; masked: string }): boolean;
  /** Stores a new code (replacing any earlier one) and counts the send. */
  recordSend(id: string, issue: CodeIssue): boolean;
  /**
   * Counts one check attempt before the code is compared, and returns the session as it is after
   * the count; undefined when the session cannot take a check (closed, out of attempts, code expired).
   */
  countAttempt(id: string, now: number): Session | undefined;
  /** Closes the session as verified, only if it still holds the code that was compared. */
  markVerified(id: string, comparedCodeHash: string, tokenJti: string, now: number): boolean;
  markLocked(id: string): void;
  /** Marks the session of a token as redeemed; undefined if the token was redeemed before. */
  redeemToken(jti: string, now: number): Session | undefined;
  transaction<T>(work: () => T): T;
}

export interface DevInboxStore {
  /** Keeps a message once per `messageId`: a retried delivery of the same message adds nothing. */
  appendDevMessage(message: OutgoingMessage, messageId: string): void;
  listDevMessages(filter: { to?: string; limit: number }): OutgoingMessage[];
}

/** Rate-limit counters shared by every verifier process on the store; each call is atomic. */
export interface LimitStore {
  /**
   * Adds one to every counter, unless one of them is already at its max: then none changes, and the
   * full ones are returned (empty when the event was counted). Safe inside `transaction`.
   */
  takeFromCounters(hits: readonly CounterHit[], now: number): CounterHit[];
  /** Gives back what `takeFromCounters` took (a right code is not a wrong guess). */
  returnToCounters(hits: readonly CounterHit[]): void;
}

/** A counter of the risk engine in one fixed window (its key names the rule, scope and keyed subject). */
export interface RiskCounter {
  key: string;
  windowStart: number;
  windowEnd: number;
}

/**
 * What the risk engine counts and remembers (issue 8). Every call is atomic and safe inside `transaction`, so the
 * counts a decision reads already include its own attempt, whichever process made the others.
 */
export interface RiskStore {
  /** Adds `amount` (a whole number: 1 for an attempt, a cost in micro-units for spend) to each counter; the totals after. */
  addToRiskCounters(counters: readonly RiskCounter[], amount: number, now: number): number[];
  /** The sum of the windows of counter `key` that start in [from, to). */
  sumRiskCounter(key: string, from: number, to: number): number;
  /** Adds `member` (a keyed hash) to each set once per window; each set's size after. */
  addToDistinctSets(sets: readonly RiskCounter[], member: string, now: number): number[];
  /** The low-conversion block of the brand's prefix or country running at `now`, if any. */
  activeRiskBlock(brand: string, scope: RiskBlock['scope'], subject: string, now: number): RiskBlock | undefined;
  /** Starts a block unless one of the same brand, scope and subject is running at its start; whether it did. */
  startRiskBlock(block: RiskBlock): boolean;
  /** Blocks running at `now`, of one brand or all, newest first (operators list them). */
  listRiskBlocks(filter: { brand?: string; now: number }): RiskBlock[];
  /** Records that an open session passed a challenge; false when the session is closed or unknown. */
  markChallengePassed(sessionId: string, challenge: Challenge): boolean;
}

export type MessageState = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'dead' | 'cancelled';

/** A message as it enters the outbox. The payload (address and text, with the code) is sealed by the caller. */
export interface NewMessage {
  /** `msg_…`: also the idempotency key every attempt carries. */
  id: string;
  sessionId: string;
  brand: string;
  channel: Channel;
  toMasked: string;
  payload: Buffer;
  /** The email to send instead if the SMS cannot be delivered (its payload sealed too); null: no fallback. */
  fallback: { toMasked: string; payload: Buffer } | null;
  createdAt: number;
  /** The code's expiry: a message not sent by then is dead. */
  expiresAt: number;
  /** What its `message.queued` event records of where it goes; absent: nothing (never the address itself). */
  destination?: MessageDestination;
}

/** Where a message goes, as the event log may know it: the region, and for an SMS the range and the size. */
export interface MessageDestination {
  /** ISO 3166-1 alpha-2 of the number ('' when unknown). */
  country: string;
  /** SMS only: the E.164 number without its last 4 digits. */
  prefix?: string;
  /** SMS only: the parts the text is billed as. */
  segments?: number;
}

export interface OutboxMessage extends Omit<NewMessage, 'payload' | 'destination'> {
  /** Null once the message no longer needs it (sent, failed, dead past its expiry): the code is not kept. */
  payload: Buffer | null;
  state: MessageState;
  reason: string | null;
  /** Attempts claimed so far; with the id, the claim a worker holds. */
  attempts: number;
  provider: string | null;
  providerMessageId: string | null;
  /** Providers that rejected the message itself (DeliveryFailure.rejected): it is not tried there again. */
  refusedBy: string[];
  nextAttemptAt: number;
  leaseUntil: number | null;
  sentAt: number | null;
  deliveredAt: number | null;
  updatedAt: number;
}

/** A claimed message: the update applies only while the claim is current (no other worker took it since). */
export interface MessageClaim {
  id: string;
  attempts: number;
}

export type DeliveryOutcome = 'delivered' | 'failed';

/**
 * The durable outbox. Every change is one conditional update and writes its event to the event log in the same
 * transaction, so a message's state and its history never disagree.
 */
export interface OutboxStore {
  /** Queues a message (inside the send's transaction); a message of the same session still waiting is cancelled. */
  enqueueMessage(message: NewMessage): void;
  /** Takes up to `limit` due messages (queued and due, or sending with a lapsed lease), each one attempt more. */
  claimMessages(now: number, leaseUntil: number, limit: number): OutboxMessage[];
  /** Gives a claim back without counting it (no provider could take it now), to be tried at `nextAttemptAt`. */
  postponeMessage(claim: MessageClaim, nextAttemptAt: number, now: number): boolean;
  markMessageSent(claim: MessageClaim, sent: { provider: string; providerMessageId: string; at: number }): boolean;
  /** Records a failed attempt and queues the message again at `nextAttemptAt`. */
  retryMessage(
    claim: MessageClaim,
    failure: { provider: string; reason: string; rejected: boolean; nextAttemptAt: number; at: number },
  ): boolean;
  /**
   * Ends a message that will not be sent: `failed` (every provider rejected it), `dead` (out of attempts or past
   * its code's expiry), `cancelled` (its session closed or sent a newer code). A failed or dead SMS with a
   * fallback queues the email in the same transaction; without one, the session gets its send back.
   */
  finishMessage(
    claim: MessageClaim,
    end: { state: 'failed' | 'dead' | 'cancelled'; reason: string; provider?: string; at: number },
  ): boolean;
  /**
   * A provider's receipt for the sent message it knows by `providerMessageId` (a failed SMS falls back as in
   * finishMessage); whether a sent message had that id (a receipt for none is kept for the sent record).
   */
  recordDelivery(
    provider: string,
    providerMessageId: string,
    outcome: DeliveryOutcome,
    reason: string | undefined,
    at: number,
  ): boolean;
  /**
   * An operator's retry of a dead or failed message: queued again now, with fresh attempts; only the session's
   * newest message (not one a newer code or its email stand-in replaced) while its code is valid.
   */
  requeueMessage(id: string, now: number): OutboxMessage | undefined;
  /** An operator moves a waiting message to the dead letters. */
  deadLetterMessage(id: string, reason: string, now: number): OutboxMessage | undefined;
  findMessage(id: string): OutboxMessage | undefined;
  latestMessageOfSession(sessionId: string): OutboxMessage | undefined;
  listMessages(filter: { state?: MessageState; sessionId?: string; limit: number }): OutboxMessage[];
  countMessagesByState(): Partial<Record<MessageState, number>>;
  /**
   * Erases what is no longer needed once codes and sessions have expired: the sealed payloads of messages, the
   * phone numbers and addresses of expired sessions, receipts that never met their message; how many payloads.
   */
  purgeExpired(now: number): number;
}

export interface StoredEvent {
  id: number;
  at: number;
  type: string;
  brand: string;
  sessionId: string | null;
  messageId: string | null;
  data: Record<string, unknown>;
}

/** An event as it is appended; `data` holds no phone number, address or code. */
export interface NewEvent {
  at: number;
  type: string;
  brand: string;
  sessionId?: string | null;
  messageId?: string | null;
  data?: Record<string, unknown>;
}

/** The append-only event log (issue 7 builds the analytics on it). Never a phone number, address or code. */
export interface EventLog {
  /** Appends one event; call it inside the transaction of the change it records. */
  appendEvent(event: NewEvent): void;
  listEvents(filter: { sessionId?: string; afterId?: number; limit: number }): StoredEvent[];
}

/** How a session ended; every session gets exactly one (issue 7). */
export type SessionOutcome =
  'order_accepted' | 'verified_no_order' | 'abandoned' | 'expired' | 'locked' | 'blocked' | 'failed_delivery';

/** The one outcome of each session; recording one also appends its `session.ended` event (in a transaction). */
export interface OutcomeStore {
  /**
   * Records the outcome of a session that ended now (locked, order accepted). An order accepted replaces
   * `verified_no_order`, which the sweep may have written for a token redeemed at the end of its life.
   */
  recordOutcome(sessionId: string, outcome: SessionOutcome, at: number): void;
  /**
   * Ends the sessions whose life is over without an outcome: no code ever sent because a rule refused every
   * send: blocked; never sent or never checked: abandoned; the last
   * message failed: failed_delivery; checked but not verified: expired; verified and its token's life over:
   * verified_no_order. Returns how many.
   */
  endSessions(now: number): number;
  outcomeOf(sessionId: string): SessionOutcome | undefined;
}

export interface Store extends SessionStore, DevInboxStore, LimitStore, RiskStore, OutboxStore, EventLog, OutcomeStore {
  ping(): boolean;
  close(): void;
}
