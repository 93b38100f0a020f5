/**
 * What the analytics answer: the figures of one brand (or the whole platform) over one period, folded from the
 * event log. Every count is exact (it equals a count over the raw events); percentiles are estimates from
 * histograms. Hours and days are UTC: a day runs from 00:00 to 24:00 UTC, whatever the viewer's time zone.
 */

export type Outcome =
  'order_accepted' | 'verified_no_order' | 'abandoned' | 'expired' | 'locked' | 'blocked' | 'failed_delivery';

export const OUTCOMES: readonly Outcome[] = [
  'order_accepted',
  'verified_no_order',
  'abandoned',
  'expired',
  'locked',
  'blocked',
  'failed_delivery',
];

/** Buckets of the series: UTC hours, or UTC days (00:00 to 24:00 UTC; a local day straddles two). */
export type Granularity = 'hour' | 'day';

/** Which sessions: a period [from, to) in epoch ms (hour-aligned), optionally one brand and one country. */
export interface AnalyticsFilter {
  from: number;
  to: number;
  /** A brand id; absent: every brand (the platform, "the market"). */
  brand?: string;
  /** ISO 3166-1 alpha-2 of the customer's number; absent: every country. */
  country?: string;
}

/**
 * Sessions that reached each step, counted once per session and attributed to the hour the session was created
 * (a cohort), except `shown`: element beacons, counted by the hour they arrived. `shown` is null when a country
 * is selected, since the element is shown before a number is known. Sessions whose `session.created` the fold never
 * saw (created before the analytics' migration) have no part in the funnel, outcomes and sends (only in delivery
 * and reasons), so no step counts more sessions than were created.
 */
export interface Funnel {
  shown: number | null;
  created: number;
  sent: number;
  delivered: number;
  verified: number;
  orderAccepted: number;
}

/** Each step's share of the step before it (shown → created → sent → …); null when the step before is 0 or null. */
export type FunnelConversion = { [Step in keyof Funnel]: Step extends 'shown' ? never : number | null };

/**
 * Count and mean are exact; p50, p90 and p99 are estimates from the histogram's buckets (linear within the bucket,
 * its top lowered to what the exact sum allows), exact where a bucket is one value (attempts).
 */
export interface Distribution {
  /** Sessions (or messages) measured. */
  count: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
  p99: number | null;
}

export interface Figures {
  funnel: Funnel;
  conversion: Omit<FunnelConversion, 'shown'>;
  /** Sessions of the period that have ended, by outcome; `open` have not ended yet. */
  outcomes: Record<Outcome, number>;
  open: number;
  /** abandoned / ended sessions; null when none ended. */
  abandonmentRate: number | null;
  wrongCodes: number;
  /** Attempts (checks) each verified session needed; `histogram[i]` = sessions verified at attempt i + 1. */
  attemptsPerVerification: Distribution & { histogram: number[] };
  /** Milliseconds from session creation to verification. */
  timeToVerifyMs: Distribution;
  /** Messages queued (a resend is a second), SMS segments, and their estimated cost by the price table. */
  sends: {
    messages: number;
    smsSegments: number;
    emails: number;
    /** messages / orders accepted; null when no order was accepted. */
    perOrder: number | null;
    estimatedCost: { amount: number; currency: string };
  };
}

/** One bucket of the time series: `t` is the start of its UTC hour or UTC day (epoch ms). */
export interface SeriesPoint {
  t: number;
  shown: number;
  created: number;
  sent: number;
  verified: number;
  orderAccepted: number;
  wrongCodes: number;
  failedDelivery: number;
}

/**
 * Delivery by provider, channel and country: outcomes of messages handed to the provider. `failed` counts
 * `message.failed` and `message.dead_lettered` (retries exhausted; not an operator's own dead-lettering).
 */
export interface DeliveryRow {
  /** `none` for messages that failed before any provider took them. */
  provider: string;
  channel: 'sms' | 'email';
  country: string;
  sent: number;
  delivered: number;
  failed: number;
  /** Failed attempts at this provider (retried or failed over). */
  attemptFailures: number;
  /** delivered / (delivered + failed); null when no receipt came. */
  successRate: number | null;
  /** From the outbox's hand-over to the provider's acceptance. */
  latencyMs: Distribution;
}

export type ReasonKind = 'message_failed' | 'attempt_failed' | 'token_refused' | 'blocked';

export interface ReasonRow {
  kind: ReasonKind;
  reason: string;
  count: number;
}

export interface CountryRow {
  country: string;
  created: number;
  verified: number;
  orderAccepted: number;
  /** orderAccepted / created; null when none created. */
  conversion: number | null;
  wrongCodes: number;
  smsSegments: number;
}

/** The dashboard's main view. With a brand, `market` holds the platform-wide figures of the same filter. */
export interface Overview {
  filter: AnalyticsFilter;
  granularity: Granularity;
  figures: Figures;
  market: Figures;
  /** How many brands had sessions in the market's figures (same period and country): too few reveal each other. */
  marketBrands: number;
  series: SeriesPoint[];
  delivery: DeliveryRow[];
  reasons: ReasonRow[];
  countries: CountryRow[];
  /** The id of the newest event folded into these figures. */
  asOfEventId: number;
}

/**
 * Estimated price per SMS segment by destination country (major units of `currency`), `default` for the rest,
 * and per email.
 */
export interface PriceTable {
  currency: string;
  smsSegment: { default: number } & Record<string, number>;
  email: number;
}

/**
 * One reason of the fraud view: a risk rule id (`velocity_prefix`, `number_type`, …) or a send limit's name
 * (`sendsPerPhone`). `blocked` counts sends refused with it as their first reason, `challenged` sends held for a
 * challenge it was among the reasons of, `dryRunHits` sends it hit while in dry-run (logged, not enforced).
 */
export interface FraudReasonRow {
  reason: string;
  blocked: number;
  challenged: number;
  dryRunHits: number;
}

/** A row of a fraud top list: a prefix, a country or a client network ('' when the events did not carry it). */
export interface FraudTopRow {
  value: string;
  blocked: number;
  blockedSegments: number;
  /** The blocked segments by the price of an SMS segment to their country (the price table's currency). */
  moneySaved: number;
}

/** A prefix or country the low-conversion rule blocks for the brand, still running (`until` is after now). */
export interface RunningBlock {
  brand: string;
  rule: string;
  scope: string;
  subject: string;
  since: number;
  until: number;
  /** What the rule judged on: `verified` of `sends` sessions verified in its look-back. */
  sends: number;
  verified: number;
}

/**
 * The blocks of each bucket by reason: `reasons` are the top 6 reasons of the period by blocks, then `other` for
 * the rest when there is any; `counts[i]` is the bucket's blocks of `reasons[i]`.
 */
export interface FraudSeries {
  reasons: string[];
  points: { t: number; counts: number[] }[];
}

/**
 * The dashboard's fraud view, from the risk engine's events (risk-events.ts), each counted in the hour it
 * happened (not by session cohort). Blocks are `session.blocked` and `risk.number_refused`; a country filter keeps
 * the events of that country.
 */
export interface FraudOverview {
  filter: AnalyticsFilter;
  granularity: Granularity;
  totals: {
    blocked: number;
    blockedSegments: number;
    /** Sends held for a challenge (captcha or step-up). */
    challenged: number;
    /** Sends on which at least one dry-run rule hit. */
    dryRunSends: number;
  };
  /** Blocked segments by the price table: what the blocked sends would have cost. */
  moneySaved: { amount: number; currency: string };
  series: FraudSeries;
  /** Every reason with a count, most blocks first. */
  reasons: FraudReasonRow[];
  /** The top 10 by blocks of each. */
  prefixes: FraudTopRow[];
  countries: FraudTopRow[];
  /** Client networks: IPv4 /24 or IPv6 /48. */
  networks: FraudTopRow[];
  /** Low-conversion blocks running at `now` (whatever the period), newest first; the country filter does not apply. */
  runningBlocks: RunningBlock[];
  asOfEventId: number;
}
