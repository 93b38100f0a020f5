import { VerificationError } from '../domain/errors.js';
import type { CounterHit, LimitRules, LimitWindow, ReportScope } from '../domain/limits.js';
import { clientNetwork, counterHits, limitSubject, retryAfterSeconds } from '../domain/limits.js';
import type { Session } from '../domain/session.js';
import type { VerifierContext } from './context.js';

/** Who sent the request, as the HTTP layer sees it (`req.ip`, which honours OTP_VERIFY_TRUST_PROXY). */
export interface RequestClient {
  ip: string;
  /**
   * The element's fingerprint of the browser, for per-client velocity (only ever counted as a keyed hash). Request
   * headers are no stand-in: every client of one user agent and language would share a budget.
   */
  fingerprint?: string;
}

/**
 * The counters one send takes from: per phone (E.164, across brands), per IP, per brand and global. Keyed only on the
 * number, the address and the brand: never on whether a customer exists, so known and unknown numbers reach 429 at
 * the same count (ASVS 5 6.3.8).
 */
export function sendLimitHits(
  context: VerifierContext,
  limits: LimitRules,
  brandId: string,
  phoneE164: string,
  client: RequestClient,
  now: number,
): CounterHit[] {
  const key = context.secrets.phoneRefKey;
  return [
    ...counterHits('sendsPerPhone', limitSubject(key, 'phone', phoneE164), limits.sendsPerPhone, now),
    ...counterHits('sendsPerIp', limitSubject(key, 'ip', clientNetwork(client.ip)), limits.sendsPerIp, now),
    ...counterHits('sendsPerBrand', limitSubject(key, 'brand', brandId), limits.sendsPerBrand, now),
    ...counterHits('sendsGlobal', 'all', limits.sendsGlobal, now),
  ];
}

/** The rule that refused a send, for the event log: the first full counter's limit name (`sendsPerPhone`...). */
export function blockingRule(full: readonly CounterHit[]): string {
  return (full[0] as CounterHit).key.split(':', 1)[0] as string;
}

/** The counters of wrong codes from one client address, across all its sessions. */
export function wrongCheckHits(
  context: VerifierContext,
  limits: LimitRules,
  client: RequestClient,
  now: number,
): CounterHit[] {
  const subject = limitSubject(context.secrets.phoneRefKey, 'ip', clientNetwork(client.ip));
  return counterHits('wrongChecksPerIp', subject, limits.wrongChecksPerIp, now);
}

function refuseIfFull(full: readonly CounterHit[], now: number, detail: string): void {
  if (full.length === 0) return;
  throw rateLimited(full, now, detail);
}

export function rateLimited(full: readonly CounterHit[], now: number, detail: string): VerificationError {
  return new VerificationError('rate_limited', detail, { retryAfter: retryAfterSeconds(full, now) });
}

/**
 * Budgets of calls that cost the platform without sending a code: the element's shown beacons per client address
 * (a public endpoint anybody can call) and a checkout guard's token refusals per brand, which append to the event
 * log, and captcha answers per client address, each a call to the brand's siteverify service. Fixed one-minute
 * windows, apart from the configurable limits: they bound cost, not a customer-facing flow.
 */
export const REPORT_LIMITS: Record<ReportScope, LimitWindow> = {
  shownPerIp: { max: 120, windowSeconds: 60 },
  tokenRefusalsPerBrand: { max: 600, windowSeconds: 60 },
  captchaChecksPerIp: { max: 10, windowSeconds: 60 },
};

/** Takes one report from its budget (keyed like the send limits: an address as its network), or throws 429. */
export function takeReportLimit(
  context: VerifierContext,
  budget: ReportScope,
  subject: { ip: string } | { brand: string },
  now: number,
): void {
  const key = context.secrets.phoneRefKey;
  const counted =
    'ip' in subject ? limitSubject(key, 'ip', clientNetwork(subject.ip)) : limitSubject(key, 'brand', subject.brand);
  const hits = counterHits(budget, counted, [REPORT_LIMITS[budget]], now);
  refuseIfFull(context.store.takeFromCounters(hits, now), now, 'Too many reports: try again later.');
}

/**
 * What the per-phone counters key on: the E.164 number (one counter across brands and spellings), or for a
 * suppressed session the pseudonymous reference of its customer, so it counts like a real number would.
 */
export function limitedPhone(session: Pick<Session, 'phoneE164' | 'phoneRef'>): string {
  return session.phoneE164 ?? `ref:${session.phoneRef as string}`;
}
