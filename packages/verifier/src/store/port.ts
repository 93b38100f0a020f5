import type { Channel } from '@otp-verify/protocol';
import type { CounterHit } from '../domain/limits.js';
import type { Session } from '../domain/session.js';

export interface CodeIssue {
  codeHash: string;
  codeKeyId: string;
  codeExpiresAt: number;
  sentAt: number;
  /** The send count the caller decided on; the update applies only if no other send came first. */
  sendsBefore: number;
}

export interface OutgoingMessage {
  to: string;
  channel: Channel;
  body: string;
  sentAt: number;
  sessionId: string;
}

/** Persistence of sessions. Every state change is one conditional update, safe under concurrency. */
export interface SessionStore {
  insertSession(session: Session): void;
  findSession(id: string): Session | undefined;
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
  appendDevMessage(message: OutgoingMessage): void;
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

export interface Store extends SessionStore, DevInboxStore, LimitStore {
  ping(): boolean;
  close(): void;
}
