import type { StoredEvent } from '../store/port.js';
import { OUTCOMES } from './figures.js';
import type { Outcome } from './figures.js';
import { durationBucket } from './histograms.js';
import { HOUR_MS } from './periods.js';
import type { RollupDeltas } from './rollup-deltas.js';
import type { SessionBatch } from './session-rows.js';
import type { CohortKey, SessionState } from './session-state.js';
import { contributionOf, sessionFirstSeenAt } from './session-state.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
const isOutcome = (value: unknown): value is Outcome => OUTCOMES.includes(value as Outcome);

/** The delivery row of a message that failed before any provider took it. */
export const NO_PROVIDER = 'none';

/** Events of a session's own life that change what it reached (token.refused may name any session: not these). */
const SESSION_STEPS = new Set([
  'session.created',
  'session.phone_bound',
  'message.queued',
  'message.sent',
  'message.delivered',
  'message.failed',
  'message.attempt_failed',
  'message.dead_lettered',
  'code.wrong',
  'session.verified',
  'token.redeemed',
  'session.blocked',
  'session.ended',
]);

/** Adds one event to the batch's deltas (and to the state of its session). */
export function foldEvent(event: StoredEvent, sessions: SessionBatch, deltas: RollupDeltas): void {
  const eventHour = Math.floor(event.at / HOUR_MS) * HOUR_MS;
  if (event.type === 'element.shown') {
    deltas.addCount({ brand: event.brand, country: '', hour: eventHour }, 'shown');
    return;
  }
  const session = event.sessionId === null ? undefined : sessions.get(event.sessionId);
  if (event.type === 'token.refused') {
    // A guard may report a token whose session is unknown here (or forged): it counts, but never as a session.
    const key = session === undefined ? { brand: event.brand, country: '', hour: eventHour } : keyOf(session);
    deltas.addReason(key, 'token_refused', text(event.data.reason) ?? 'unknown');
    return;
  }
  if (event.sessionId === null || !SESSION_STEPS.has(event.type)) return;
  if (event.type === 'session.created' && session?.created === true) return;
  const state = session ?? sessionFirstSeenAt(event.sessionId, event.brand, event.at);
  if (session === undefined) sessions.add(state);
  const before = contributionOf(state);
  applyToSession(event, state, deltas);
  deltas.moveSession(before, contributionOf(state));
}

const keyOf = (state: SessionState): CohortKey => ({ brand: state.brand, country: state.country, hour: state.hour });

function learnCountry(state: SessionState, country: string | undefined) {
  if (state.country === '' && country !== undefined) state.country = country;
}

function applyToSession(event: StoredEvent, state: SessionState, deltas: RollupDeltas): void {
  const { data } = event;
  const message = () => ({ provider: text(data.provider) || NO_PROVIDER, channel: text(data.channel) ?? 'sms' });
  switch (event.type) {
    case 'session.created':
      state.created = true;
      state.hour = Math.floor(event.at / HOUR_MS) * HOUR_MS;
      learnCountry(state, text(data.country));
      return;
    case 'session.phone_bound':
      learnCountry(state, text(data.country));
      return;
    case 'message.queued':
      learnCountry(state, text(data.country) || undefined);
      state.messages += 1;
      if (data.channel === 'email') state.emails += 1;
      else {
        state.smsSegments += count(data.segments) ?? 1;
        state.prefix = text(data.prefix) ?? state.prefix;
      }
      return;
    case 'message.sent': {
      state.sent = true;
      const latencyMs = count(data.latencyMs);
      const latency = latencyMs === undefined ? undefined : { ms: latencyMs, bucket: durationBucket(latencyMs) };
      deltas.addDelivery(keyOf(state), message(), 'sent', latency);
      return;
    }
    case 'message.delivered':
      state.delivered = true;
      deltas.addDelivery(keyOf(state), message(), 'delivered');
      return;
    case 'message.failed':
      deltas.addDelivery(keyOf(state), message(), 'failed');
      deltas.addReason(keyOf(state), 'message_failed', text(data.reason) ?? 'unknown');
      return;
    case 'message.dead_lettered':
      // Retries exhausted: a failed delivery. An operator's own dead-lettering (the outbox CLI) is a decision, not one.
      if (data.by !== 'operator') deltas.addDelivery(keyOf(state), message(), 'failed');
      deltas.addReason(keyOf(state), 'message_failed', text(data.reason) ?? 'unknown');
      return;
    case 'message.attempt_failed':
      deltas.addDelivery(keyOf(state), message(), 'attempt_failures');
      deltas.addReason(keyOf(state), 'attempt_failed', text(data.reason) ?? 'unknown');
      return;
    case 'code.wrong':
      state.wrongCodes += 1;
      return;
    case 'session.verified':
      state.verified = true;
      state.verifyAttempts = count(data.attempts) ?? null;
      state.verifyMs = count(data.msSinceCreated) ?? null;
      return;
    case 'token.redeemed':
      state.redeemed = true;
      return;
    case 'session.blocked':
      deltas.addReason(keyOf(state), 'blocked', text(data.reason) ?? 'unknown');
      return;
    case 'session.ended':
      // The newest outcome counts: order_accepted may replace verified_no_order.
      if (isOutcome(data.outcome)) state.outcome = data.outcome;
      return;
  }
}
