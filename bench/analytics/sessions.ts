/**
 * Realistic session lives for the analytics benchmark: who (brand, country, provider), and which steps each
 * reaches, with the drop-offs, resends, wrong codes, failures and outcomes a production log shows. Seeded, so a
 * run is repeatable.
 */
import type { NewEvent } from './event-sink.js';

export const BRANDS = ['acme', 'globex', 'initech', 'umbrella', 'hooli'] as const;
const BRAND_WEIGHTS = [0.35, 0.25, 0.18, 0.12, 0.1];
export const COUNTRIES = ['DE', 'AT', 'CH', 'FR', 'IT', 'ES', 'NL', 'BE', 'PL', 'SE', 'DK', 'GB'] as const;
const COUNTRY_WEIGHTS = [0.3, 0.1, 0.08, 0.1, 0.08, 0.07, 0.06, 0.05, 0.05, 0.04, 0.03, 0.04];
const DIAL = {
  DE: '49',
  AT: '43',
  CH: '41',
  FR: '33',
  IT: '39',
  ES: '34',
  NL: '31',
  BE: '32',
  PL: '48',
  SE: '46',
  DK: '45',
  GB: '44',
};
const SMS_PROVIDERS = ['gateway-eu', 'smpp-backup'];

/** A small, fast, seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, items: readonly T[], weights: readonly number[]): T {
  let roll = random();
  for (let index = 0; index < items.length; index += 1) {
    roll -= weights[index] as number;
    if (roll < 0) return items[index] as T;
  }
  return items[items.length - 1] as T;
}

/** A log-normal-ish duration around `median` ms. */
const duration = (random: () => number, median: number) =>
  Math.round(median * Math.exp((random() + random() - 1) * 1.5));

/** The events of one session created at `at` (element beacons included), in the order they happen. */
export function sessionLife(random: () => number, id: string, at: number): NewEvent[] {
  const brand = pick(random, BRANDS, BRAND_WEIGHTS);
  const country = pick(random, COUNTRIES, COUNTRY_WEIGHTS);
  const events: NewEvent[] = [];
  let now = at;
  const add = (
    type: string,
    data: Record<string, unknown> = {},
    messageId: string | null = null,
    sessionId: string | null = id,
  ) => events.push({ at: now, type, brand, sessionId, messageId, data });
  const later = (medianMs: number) => {
    now += duration(random, medianMs);
  };

  // Some shoppers see the element and leave before a session exists.
  const shown = random() < 0.25 ? 2 : 1;
  for (let beacon = 0; beacon < shown; beacon += 1) add('element.shown', { locale: 'en' }, null, null);
  const numberLater = random() < 0.3;
  add('session.created', {
    source: numberLater ? 'later' : 'typed',
    locale: 'en',
    amount: 1000 + Math.floor(random() * 100_000),
    currency: 'EUR',
    ...(numberLater ? {} : { country }),
  });
  if (random() < 0.08) {
    now = at + 30 * 60_000;
    add('session.ended', { outcome: 'abandoned' });
    return events;
  }
  later(8_000);
  if (numberLater) add('session.phone_bound', { country });
  const provider = random() < 0.8 ? SMS_PROVIDERS[0] : SMS_PROVIDERS[1];
  const prefix = `+${DIAL[country]}1${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`;
  let failedLast = false;
  const sends = random() < 0.12 ? 2 : 1;
  for (let send = 0; send < sends; send += 1) {
    const messageId = `msg_${id}_${send}`;
    add(
      'message.queued',
      { channel: 'sms', fallback: false, country, prefix, segments: random() < 0.1 ? 2 : 1 },
      messageId,
    );
    if (random() < 0.03) {
      later(500);
      add(
        'message.attempt_failed',
        { channel: 'sms', provider, reason: `${provider} answered HTTP 503`, attempt: 1 },
        messageId,
      );
    }
    later(400);
    add('message.sent', { channel: 'sms', provider, attempt: 1, latencyMs: duration(random, 400) }, messageId);
    later(3_000);
    const receipt = random();
    failedLast = receipt < 0.04;
    if (failedLast)
      add(
        'message.failed',
        { channel: 'sms', provider, reason: random() < 0.5 ? 'unreachable' : 'rejected' },
        messageId,
      );
    else if (receipt < 0.93) add('message.delivered', { channel: 'sms', provider, sinceSentMs: 3_000 }, messageId);
    later(30_000);
  }
  if (failedLast && random() < 0.7) {
    now = at + 30 * 60_000;
    add('session.ended', { outcome: 'failed_delivery' });
    return events;
  }
  const roll = random();
  const wrong = roll < 0.01 ? 5 : roll < 0.15 ? 1 : roll < 0.2 ? 2 : 0;
  for (let attempt = 1; attempt <= Math.min(wrong, 5); attempt += 1) {
    later(10_000);
    add('code.wrong', { attempt });
  }
  if (wrong === 5) {
    add('session.locked');
    add('session.ended', { outcome: 'locked' });
    return events;
  }
  if (random() < 0.12) {
    now = at + 30 * 60_000;
    add('session.ended', { outcome: wrong > 0 ? 'expired' : 'abandoned' });
    return events;
  }
  later(15_000);
  add('session.verified', { attempts: wrong + 1, msSinceCreated: now - at });
  if (random() < 0.01) add('token.refused', { reason: 'order_mismatch', reportedBy: 'guard' });
  if (random() < 0.9) {
    later(5_000);
    add('token.redeemed');
    add('session.ended', { outcome: 'order_accepted' });
  } else {
    later(11 * 60_000);
    add('session.ended', { outcome: 'verified_no_order' });
  }
  return events;
}
