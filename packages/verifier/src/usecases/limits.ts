import { VerificationError } from '../domain/errors.js';
import type { CounterHit, LimitRules, LimitWindow, ReportScope } from '../domain/limits.js';
import { clientNetwork, counterHits, limitSubject, retryAfterSeconds } from '../domain/limits.js';
import type { VerifierContext } from './context.js';

/** Who sent the request, as the HTTP layer sees it (`req.ip`, which honours OTP_VERIFY_TRUST_PROXY). */
export interface RequestClient {
  ip: string;
  /**
   * What tells this client's browser from others for per-client velocity: the element's fingerprint, else its
   * request headers. Only ever counted as a keyed hash.
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
 * Budgets of reports that only append to the event log: the element's shown beacons per client address (a
 * public endpoint anybody can call), and a checkout guard's token refusals per brand. Fixed one-minute windows,
 * apart from the configurable limits: they bound the log's growth, not a customer-facing flow.
 */
export const REPORT_LIMITS: Record<ReportScope, LimitWindow> = {
  shownPerIp: { max: 120, windowSeconds: 60 },
  tokenRefusalsPerBrand: { max: 600, windowSeconds: 60 },
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
