import type { Channel } from '@otp-verify/protocol';
import type { Brand } from '../config/brands.js';
import { clientNetwork, limitSubject } from '../domain/limits.js';
import type { ConversionFact, RiskDecision, SimSwapFact } from '../domain/risk/risk-decision.js';
import { decide } from '../domain/risk/risk-decision.js';
import type { RiskEventData, RiskEventType } from '../domain/risk/risk-events.js';
import type { RiskSettings, VelocityScope } from '../domain/risk/risk-rules.js';
import { VELOCITY_SCOPES } from '../domain/risk/risk-rules.js';
import { reportedNetwork } from '../domain/risk/reported-network.js';
import type { Session } from '../domain/session.js';
import type { ParsedNumber } from '../directory/typed-phone.js';
import { numberOf } from '../directory/typed-phone.js';
import { smsSegmentsOf } from './code-messages.js';
import type { VerifierContext } from './context.js';
import type { RequestClient } from './limits.js';
import { limitedPhone } from './limits.js';
import { numberPrefix } from './phone-region.js';
import { conversionCounter, MICRO_UNITS, riskCounters, spendCounters } from './risk-keys.js';
import type { RiskCounter } from '../store/port.js';

/** What the event log records of a send the engine judged: where it went, never the number. */
export interface SendFacts {
  country: string;
  prefix?: string;
  segments: number;
  network: string;
}

export interface SendRisk {
  decision: RiskDecision;
  facts: SendFacts;
  /** Counts a send that went out: the brand's spend and the conversion's sends. Inside the send's transaction. */
  recordAccepted(): void;
}

/**
 * The risk engine's decision on one send, inside the send's transaction: counts this attempt, gathers the facts,
 * decides, starts the low-conversion blocks it found, and logs dry-run hits and refusals. Sends are judged per brand
 * (each brand's own traffic and policy).
 */
export function assessSend(
  context: VerifierContext,
  brand: Brand,
  session: Session,
  channel: Channel,
  client: RequestClient,
  simSwap: SimSwapFact,
): SendRisk {
  const now = context.clock();
  const number = session.phoneE164 === null ? undefined : numberOf(session.phoneE164);
  const settings = number === undefined ? withoutNumberRules(brand.riskSettings) : brand.riskSettings;
  const segments = channel === 'sms' ? smsSegmentsOf(brand, session) : 0;
  const cost = estimatedCost(context, channel, number?.country ?? '', segments);
  const spend = spendCounters(brand.id, now);
  const spent = (counter: typeof spend.hour) =>
    context.store.sumRiskCounter(counter.key, counter.windowStart, counter.windowStart + 1) / MICRO_UNITS;
  const velocity = velocityCounters(context, brand, settings, session, client, now);
  const decision = decide(settings, {
    brand: brand.id,
    now,
    country: number?.country ?? '',
    brandCountries: brand.countries,
    numberType: number?.type,
    velocity: Object.fromEntries(
      VELOCITY_SCOPES.map((scope) => [scope, context.store.addToRiskCounters(velocity[scope], 1, now)]),
    ) as Record<VelocityScope, number[]>,
    distinctNumbersPerIp: countDistinctNumbers(context, brand, settings, session, client, now),
    prefix: conversionOf(
      context,
      brand,
      settings,
      'prefix',
      number === undefined ? '' : numberPrefix(number.e164),
      now,
    ),
    countryConversion: conversionOf(context, brand, settings, 'country', number?.country ?? '', now),
    spend: { cost, hour: spent(spend.hour), day: spent(spend.day) },
    simSwap,
    passed: session.challengesPassed,
  });
  const facts = factsOf(number, channel, segments, client);
  // Velocities count sends that go out: a refused attempt is given back, so an attacker hammering one victim's
  // number does not push the other customers of its range over the limit (the attempt still saw its count).
  if (decision.action !== 'allow') {
    context.store.addToRiskCounters(
      VELOCITY_SCOPES.flatMap((scope) => velocity[scope]),
      -1,
      now,
    );
  }
  const event = <Type extends RiskEventType>(type: Type, data: RiskEventData[Type], sessionId: string | null) =>
    context.store.appendEvent({ at: now, type, brand: brand.id, sessionId, data });
  for (const block of decision.newBlocks) {
    if (!context.store.startRiskBlock(block)) continue;
    const rule = block.scope === 'prefix' ? 'low_conversion_prefix' : 'low_conversion_country';
    const { scope, subject, until, sends, verified } = block;
    event('risk.block_started', { rule, scope, subject, until, sends, verified }, null);
  }
  if (decision.dryRun.length > 0) {
    const rules = decision.dryRun.map((reason) => reason.rule);
    const wouldBe = decision.dryRun.some((reason) => reason.action === 'block') ? 'block' : 'challenge';
    const { country, prefix, segments: wouldBeSegments } = facts;
    const where = prefix === undefined ? { country } : { country, prefix };
    event('risk.dry_run', { rules, wouldBe, ...where, segments: wouldBeSegments }, session.id);
  }
  if (decision.action === 'block') {
    recordBlocked(
      context,
      brand.id,
      session.id,
      facts,
      decision.reasons.map((reason) => reason.rule),
    );
  } else if (decision.action === 'challenge') {
    const { country, prefix, network } = facts;
    const where = prefix === undefined ? { country, network } : { country, prefix, network };
    const reasons = decision.reasons.map((reason) => reason.rule);
    event('session.challenged', { challenge: decision.challenge ?? 'captcha', reasons, ...where }, session.id);
  }
  return {
    decision,
    facts,
    recordAccepted: () => {
      context.store.addToRiskCounters([spend.hour, spend.day], Math.round(cost * MICRO_UNITS), now);
      if (number === undefined) return;
      context.store.addToRiskCounters(conversionCounters('sent', brand.id, number, now), 1, now);
    },
  };
}

/** What the event log records of a send: where it went (country, prefix), its size and the client's network. */
export function sendFacts(brand: Brand, session: Session, channel: Channel, client: RequestClient): SendFacts {
  const number = session.phoneE164 === null ? undefined : numberOf(session.phoneE164);
  return factsOf(number, channel, channel === 'sms' ? smsSegmentsOf(brand, session) : 0, client);
}

function factsOf(
  number: ParsedNumber | undefined,
  channel: Channel,
  segments: number,
  client: RequestClient,
): SendFacts {
  return {
    country: number?.country ?? '',
    ...(number === undefined || channel !== 'sms' ? {} : { prefix: numberPrefix(number.e164) }),
    segments,
    network: reportedNetwork(client.ip),
  };
}

/** A send refused, by a risk rule or a send limit (`reasons`: rule ids or limit names, the first decided). */
export function recordBlocked(
  context: VerifierContext,
  brandId: string,
  sessionId: string,
  facts: SendFacts,
  reasons: string[],
): void {
  const data: RiskEventData['session.blocked'] = { reason: reasons[0] ?? 'unknown', reasons, ...facts };
  context.store.appendEvent({ at: context.clock(), type: 'session.blocked', brand: brandId, sessionId, data });
}

/** Counts a verified session for its number's prefix and country, in the hour its code was sent. */
export function recordVerifiedConversion(context: VerifierContext, session: Session): void {
  if (session.phoneE164 === null) return;
  const sentAt = session.lastSentAt ?? context.clock();
  const verified = conversionCounters('verified', session.brand, numberOf(session.phoneE164), sentAt);
  context.store.addToRiskCounters(verified, 1, context.clock());
}

/** The conversion counters of a number's prefix and country, in the hour of `at`. */
function conversionCounters(kind: 'sent' | 'verified', brand: string, number: ParsedNumber, at: number): RiskCounter[] {
  return [
    conversionCounter(kind, brand, 'prefix', numberPrefix(number.e164), at),
    conversionCounter(kind, brand, 'country', number.country, at),
  ];
}

/** A session without a number (a customer reference without a usable one) has nothing for the number rules to judge. */
function withoutNumberRules(settings: RiskSettings): RiskSettings {
  return { ...settings, country: { mode: 'off' }, numberType: { ...settings.numberType, mode: 'off' } };
}

/**
 * The velocity counters this send takes from, one list per scope (empty: the rule is off or has no subject). A
 * suppressed session's phone is its customer reference, counted like a number, so it answers like a real one.
 */
function velocityCounters(
  context: VerifierContext,
  brand: Brand,
  settings: RiskSettings,
  session: Session,
  client: RequestClient,
  now: number,
): Record<VelocityScope, RiskCounter[]> {
  const key = context.secrets.phoneRefKey;
  const subjects: Record<VelocityScope, string | undefined> = {
    ip: limitSubject(key, 'ip', clientNetwork(client.ip)),
    phone: limitSubject(key, 'phone', limitedPhone(session)),
    prefix: session.phoneE164 === null ? undefined : numberPrefix(session.phoneE164),
    brand: 'all',
    fingerprint: client.fingerprint === undefined ? undefined : limitSubject(key, 'fingerprint', client.fingerprint),
  };
  const counters = {} as Record<VelocityScope, RiskCounter[]>;
  for (const scope of VELOCITY_SCOPES) {
    const rule = settings.velocity[scope];
    const subject = subjects[scope];
    counters[scope] =
      rule.mode === 'off' || subject === undefined
        ? []
        : riskCounters(`velocity_${scope}`, `${brand.id}:${subject}`, rule.windows, now);
  }
  return counters;
}

function countDistinctNumbers(
  context: VerifierContext,
  brand: Brand,
  settings: RiskSettings,
  session: Session,
  client: RequestClient,
  now: number,
): readonly number[] {
  const rule = settings.distinctNumbersPerIp;
  if (rule.mode === 'off') return [];
  const key = context.secrets.phoneRefKey;
  const ip = limitSubject(key, 'ip', clientNetwork(client.ip));
  const sets = riskCounters('distinct_numbers_ip', `${brand.id}:${ip}`, rule.windows, now);
  return context.store.addToDistinctSets(sets, limitSubject(key, 'phone', limitedPhone(session)), now);
}

function conversionOf(
  context: VerifierContext,
  brand: Brand,
  settings: RiskSettings,
  scope: 'prefix' | 'country',
  subject: string,
  now: number,
): ConversionFact {
  const rule = settings.lowConversion;
  const mode = scope === 'prefix' ? rule.mode : rule.countryMode;
  if (mode === 'off' || subject === '') return { subject, sends: 0, verified: 0, activeBlock: undefined };
  const hourStart = Math.floor(now / 3_600_000) * 3_600_000;
  const from = hourStart - rule.lookbackHours * 3_600_000;
  const sum = (kind: 'sent' | 'verified') =>
    context.store.sumRiskCounter(conversionCounter(kind, brand.id, scope, subject, now).key, from, hourStart);
  return {
    subject,
    sends: sum('sent'),
    verified: sum('verified'),
    activeBlock: context.store.activeRiskBlock(brand.id, scope, subject, now),
  };
}

/** What the send would cost: SMS segments at the country's price (the default for others), or one email. */
function estimatedCost(context: VerifierContext, channel: Channel, country: string, segments: number): number {
  const prices = context.brands.prices;
  if (channel === 'email') return prices.email;
  return segments * (prices.smsSegment[country] ?? prices.smsSegment.default ?? 0);
}
