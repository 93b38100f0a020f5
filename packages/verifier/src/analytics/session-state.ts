import { HOUR_MS } from './periods.js';
import { columnIndex, emptyCounts, outcomeColumn } from './count-columns.js';
import type { Outcome } from './figures.js';
import { durationBucket } from './histograms.js';

/**
 * What the fold knows of one session (a row of analytics_sessions): where it counts (brand, country, creation
 * hour) and what it reached. Its contribution to the rollups is a function of this state alone, so a change of
 * country or outcome moves the whole contribution: minus the old, plus the new.
 */
export interface SessionState {
  id: string;
  brand: string;
  /** '' until the number's country is known. */
  country: string;
  /** The number without its last 4 digits, from its newest SMS; '' when unknown. */
  prefix: string;
  hour: number;
  /** Whether its `session.created` was folded; false for a session first met later in its life. */
  created: boolean;
  sent: boolean;
  delivered: boolean;
  verified: boolean;
  redeemed: boolean;
  outcome: Outcome | null;
  verifyAttempts: number | null;
  verifyMs: number | null;
  wrongCodes: number;
  messages: number;
  smsSegments: number;
  emails: number;
}

export interface CohortKey {
  brand: string;
  country: string;
  hour: number;
}

export interface HistogramEntry {
  metric: 'attempts' | 'time_to_verify';
  bucket: number;
}

export interface SessionContribution {
  key: CohortKey;
  counts: number[];
  histograms: HistogramEntry[];
}

/**
 * A session met first by an event after its creation (created before the analytics' migration): its messages count
 * in delivery and reasons from that event's hour on, but it has no part in the funnel, outcomes or sends.
 */
export function sessionFirstSeenAt(id: string, brand: string, at: number): SessionState {
  return {
    id,
    brand,
    country: '',
    prefix: '',
    hour: Math.floor(at / HOUR_MS) * HOUR_MS,
    created: false,
    sent: false,
    delivered: false,
    verified: false,
    redeemed: false,
    outcome: null,
    verifyAttempts: null,
    verifyMs: null,
    wrongCodes: 0,
    messages: 0,
    smsSegments: 0,
    emails: 0,
  };
}

/**
 * The funnel's steps are nested: a later step proves the earlier ones (a typed code was delivered, even
 * without a receipt), so no step counts more sessions than the one before it. A session whose creation the fold
 * never saw contributes nothing here, so it cannot make a step count more sessions than were created.
 */
export function contributionOf(state: SessionState): SessionContribution {
  const counts = emptyCounts();
  const key = { brand: state.brand, country: state.country, hour: state.hour };
  if (!state.created) return { key, counts, histograms: [] };
  const orderAccepted = state.redeemed || state.outcome === 'order_accepted';
  const verified = state.verified || orderAccepted;
  const delivered = state.delivered || verified;
  const set = (column: Parameters<typeof columnIndex>[0], value: number) => {
    counts[columnIndex(column)] = value;
  };
  set('created', 1);
  set('open', state.outcome === null ? 1 : 0);
  set('sent', state.sent || delivered ? 1 : 0);
  set('delivered', delivered ? 1 : 0);
  set('verified', verified ? 1 : 0);
  set('order_accepted', orderAccepted ? 1 : 0);
  if (state.outcome !== null) set(outcomeColumn(state.outcome), 1);
  set('wrong_codes', state.wrongCodes);
  set('messages', state.messages);
  set('sms_segments', state.smsSegments);
  set('emails', state.emails);
  const histograms: HistogramEntry[] = [];
  if (state.verifyAttempts !== null) {
    set('verify_attempts_sum', state.verifyAttempts);
    histograms.push({ metric: 'attempts', bucket: state.verifyAttempts });
  }
  if (state.verifyMs !== null) {
    set('verify_ms_sum', state.verifyMs);
    histograms.push({ metric: 'time_to_verify', bucket: durationBucket(state.verifyMs) });
  }
  return { key, counts, histograms };
}
