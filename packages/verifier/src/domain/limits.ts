import { createHmac } from 'node:crypto';

/**
 * Rate limits across sessions (issue 3 "Limits"; NIST SP 800-63B 5.2.2, OWASP ASVS 5 anti-automation):
 * fixed windows aligned to the epoch, one counter per scope, subject and window. Pure: the clock is
 * passed in as `now`, and the store keeps the counters.
 */
export const LIMIT_SCOPES = [
  'sendsPerPhone',
  'sendsPerIp',
  'sendsPerBrand',
  'sendsGlobal',
  'wrongChecksPerIp',
] as const;
export type LimitScope = (typeof LIMIT_SCOPES)[number];
/** Fixed budgets of calls that cost the platform without sending a code (usecases/limits.ts REPORT_LIMITS). */
export type ReportScope = 'shownPerIp' | 'tokenRefusalsPerBrand' | 'captchaChecksPerIp';

export interface LimitWindow {
  /** Most events allowed in one window. */
  max: number;
  windowSeconds: number;
}

export type LimitRules = Record<LimitScope, readonly LimitWindow[]>;

/** Absolute bounds of any configured window; a brand may only tighten the shared scopes (see brand-schema). */
export const LIMIT_BOUNDS = {
  max: { min: 1, max: 100_000_000 },
  windowSeconds: { min: 60, max: 30 * 86_400 },
  windowsPerScope: { min: 1, max: 4 },
} as const;

/**
 * Safe defaults: a phone gets at most 5 codes an hour and 10 a day (SMS pumping), an IP may ask for 20
 * an hour and guess wrong 20 times an hour across all its sessions; a brand and the whole platform have
 * generous but finite budgets, so a pumping attack that evades the other keys still stops somewhere.
 */
export const DEFAULT_LIMITS: LimitRules = {
  sendsPerPhone: [
    { max: 5, windowSeconds: 3_600 },
    { max: 10, windowSeconds: 86_400 },
  ],
  sendsPerIp: [
    { max: 20, windowSeconds: 3_600 },
    { max: 100, windowSeconds: 86_400 },
  ],
  sendsPerBrand: [{ max: 10_000, windowSeconds: 3_600 }],
  sendsGlobal: [{ max: 50_000, windowSeconds: 3_600 }],
  wrongChecksPerIp: [{ max: 20, windowSeconds: 3_600 }],
};

/** One counter a request takes one from: its key, the window it falls in, and the most it may hold. */
export interface CounterHit {
  key: string;
  windowStart: number;
  windowEnd: number;
  max: number;
}

/**
 * The counter subject of a phone number or client address: a keyed hash, so the counters table never
 * holds a number or an IP in clear, and the same E.164 number is one subject across every brand.
 */
export function limitSubject(key: Buffer, kind: 'phone' | 'ip' | 'brand' | 'fingerprint', value: string): string {
  if (kind === 'brand') return value;
  return createHmac('sha256', key).update(`limit\0${kind}\0${value}`).digest('base64url');
}

/** The counters one event of `scope` by `subject` takes from at `now`: one per configured window. */
export function counterHits(
  scope: LimitScope | ReportScope | `risk.${string}`,
  subject: string,
  windows: readonly LimitWindow[],
  now: number,
): CounterHit[] {
  return windows.map(({ max, windowSeconds }) => {
    const windowMs = windowSeconds * 1000;
    const windowStart = Math.floor(now / windowMs) * windowMs;
    return { key: `${scope}:${windowSeconds}:${subject}`, windowStart, windowEnd: windowStart + windowMs, max };
  });
}

/** Seconds until every full counter has a free slot again: the latest of their window ends. */
export function retryAfterSeconds(full: readonly CounterHit[], now: number): number {
  const until = Math.max(...full.map((hit) => hit.windowEnd));
  return Math.max(1, Math.ceil((until - now) / 1000));
}

/**
 * The effective rules of a brand: the file-wide rules, with the brand's own per-brand budget if it sets
 * one, and for the shared scopes the smaller of the two maxima per window (a brand can only tighten them).
 */
export function effectiveLimits(fileWide: LimitRules, brand: Partial<LimitRules>): LimitRules {
  const tighten = (scope: LimitScope): readonly LimitWindow[] =>
    fileWide[scope].map((window) => {
      const own = brand[scope]?.find((candidate) => candidate.windowSeconds === window.windowSeconds);
      return own === undefined ? window : { ...window, max: Math.min(window.max, own.max) };
    });
  return {
    sendsPerPhone: tighten('sendsPerPhone'),
    sendsPerIp: tighten('sendsPerIp'),
    sendsPerBrand: brand.sendsPerBrand ?? fileWide.sendsPerBrand,
    sendsGlobal: fileWide.sendsGlobal,
    wrongChecksPerIp: tighten('wrongChecksPerIp'),
  };
}

/**
 * The address a per-IP counter is keyed on: an IPv4 address (also when IPv4-mapped), or the /64 network
 * of an IPv6 address, since one subscriber usually holds a whole /64 and could otherwise rotate addresses.
 */
export function clientNetwork(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.toLowerCase().split('%')[0]?.split('::') ?? [];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
