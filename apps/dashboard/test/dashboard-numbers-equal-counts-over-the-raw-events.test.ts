import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRICES as PRICES } from '@otp-verify/verifier';
import type { Figures, Overview } from '@otp-verify/verifier/analytics';
import { ACME, INITECH, uniqueMobile } from './support/brands.js';
import type { TestBrand } from './support/brands.js';
import type { DashboardClient } from './support/dashboard-client.js';
import type { RawCounts } from './support/raw-event-counts.js';
import { RawEvents } from './support/raw-event-counts.js';
import { useStack } from './support/stack.js';
import { wrongCode } from './support/verifier-client.js';

const PERIOD = 'from=2030-01-15T10:00:00Z&to=2030-01-15T12:00:00Z';

/** The done-when: every number of GET /api/overview equals a count over the raw events. */
describe('the dashboard numbers equal counts over the raw events', () => {
  const stack = useStack({ prices: PRICES });
  let raw: RawEvents;
  let operator: DashboardClient;

  /** A known scenario for one brand: every outcome but blocked (nothing emits it before issue 8). */
  async function scenario(brand: TestBrand, country: 'DE' | 'AT', accepted: number): Promise<void> {
    const { shop } = stack;
    for (let beacon = 0; beacon < accepted + 4; beacon += 1) {
      const response = await fetch(`${stack.verifier.url}/v1/beacons/shown`, {
        method: 'POST',
        headers: { origin: brand.origin, 'content-type': 'text/plain' },
        body: JSON.stringify({ brand: brand.id }),
      });
      expect(response.status).toBe(204);
    }
    for (let order = 0; order < accepted; order += 1) await shop.orderAccepted(brand, uniqueMobile(country));
    // Verified at the third attempt, then the order accepted; its token presented again is refused.
    const retried = await shop.create(brand, uniqueMobile(country));
    await shop.send(retried);
    const code = await shop.code(retried);
    await shop.check(retried, wrongCode(code));
    await shop.check(retried, wrongCode(code));
    const { token } = await shop.check(retried, code);
    await shop.redeem(retried, token as string);
    expect(await stack.shop.redeemStatus(retried, token as string)).toBe(409);
    // Verified, never ordered.
    const unordered = await shop.create(brand, uniqueMobile(country));
    await shop.send(unordered);
    await shop.check(unordered, await shop.code(unordered));
    // Locked after five wrong codes.
    const locked = await shop.create(brand, uniqueMobile(country));
    await shop.send(locked);
    const lockedCode = await shop.code(locked);
    for (let attempt = 0; attempt < 5; attempt += 1) await shop.check(locked, wrongCode(lockedCode));
    // Checked once, wrong, then left to expire.
    const expired = await shop.create(brand, uniqueMobile(country));
    await shop.send(expired);
    await shop.check(expired, wrongCode(await shop.code(expired)));
    // Abandoned: never sent; sent and never checked.
    await shop.create(brand, uniqueMobile(country));
    const neverChecked = await shop.create(brand, uniqueMobile(country));
    await shop.send(neverChecked);
  }

  beforeAll(async () => {
    await scenario(ACME, 'DE', 3);
    await scenario(INITECH, 'AT', 2);
    await scenario(INITECH, 'DE', 1);
    stack.clock.advance(60 * 60_000);
    stack.endSessions();
    raw = new RawEvents(stack.dataDir);
    operator = await stack.signedIn('operator');
  });
  afterAll(() => raw?.close());

  it('ends every session in exactly one outcome: the store’s outcome is the newest session.ended', () => {
    const sessions = raw.outcomeCheck();
    expect(sessions).toHaveLength(24);
    for (const session of sessions) {
      expect(session.stored).not.toBeNull();
      expect(session.newest).toBe(session.stored);
      expect(session.ended).toBeGreaterThanOrEqual(1);
    }
  });

  const overviewOf = async (query: string): Promise<Overview> => {
    const response = await operator.get(`/api/overview?${PERIOD}&granularity=hour${query}`);
    expect(response.status).toBe(200);
    return response.body as Overview;
  };

  it.each([
    ['acme', { brand: 'acme' }],
    ['initech', { brand: 'initech' }],
    ['initech in AT', { brand: 'initech', country: 'AT' }],
    ['the market', {}],
    ['the market in DE', { country: 'DE' }],
  ])('the figures of %s', async (_name, filter: { brand?: string; country?: string }) => {
    const query = Object.entries(filter)
      .map(([key, value]) => `&${key}=${value}`)
      .join('');
    const overview = await overviewOf(query);
    expectFigures(overview.figures, raw.counts(filter, PRICES));
    const market = raw.counts(filter.country === undefined ? {} : { country: filter.country }, PRICES);
    expectFigures(overview.market, market);
  });

  it.each([['acme'], ['initech'], [undefined]])('the countries, delivery and reasons of %s', async (brand) => {
    const overview = await overviewOf(brand === undefined ? '' : `&brand=${brand}`);
    const filter = brand === undefined ? {} : { brand };
    const countries = [...new Set(raw.sessions(filter).map((row) => row.country))].sort();
    expect(overview.countries.map((row) => row.country).sort()).toEqual(countries);
    for (const row of overview.countries) {
      const counts = raw.counts({ ...filter, country: row.country }, PRICES);
      expect(row).toEqual({
        country: row.country,
        created: counts.created,
        verified: counts.verified,
        orderAccepted: counts.orderAccepted,
        conversion: counts.orderAccepted / counts.created,
        wrongCodes: counts.wrongCodes,
        smsSegments: counts.smsSegments,
      });
    }
    const delivery = overview.delivery
      .map(({ provider, channel, country, sent, delivered, failed, attemptFailures }) => ({
        provider,
        channel,
        country,
        sent,
        delivered,
        failed,
        attemptFailures,
      }))
      .sort((a, b) => `${a.provider}${a.channel}${a.country}`.localeCompare(`${b.provider}${b.channel}${b.country}`));
    expect(delivery).toEqual(raw.delivery(brand));
    expect(delivery.length).toBeGreaterThan(0);
    const reasons = [...overview.reasons].sort((a, b) => `${a.kind}${a.reason}`.localeCompare(`${b.kind}${b.reason}`));
    expect(reasons).toEqual(raw.reasons(brand));
    expect(reasons.length).toBeGreaterThan(0);
  });

  it('the time series adds up to the same counts', async () => {
    const overview = await overviewOf('&brand=acme');
    const counts = raw.counts({ brand: 'acme' }, PRICES);
    const total = (key: 'created' | 'verified' | 'orderAccepted' | 'wrongCodes' | 'shown') =>
      overview.series.reduce((sum, point) => sum + point[key], 0);
    expect(overview.series.map((point) => point.t)).toEqual([
      Date.parse('2030-01-15T10:00:00Z'),
      Date.parse('2030-01-15T11:00:00Z'),
    ]);
    expect(total('created')).toBe(counts.created);
    expect(total('verified')).toBe(counts.verified);
    expect(total('orderAccepted')).toBe(counts.orderAccepted);
    expect(total('wrongCodes')).toBe(counts.wrongCodes);
    expect(total('shown')).toBe(counts.shown);
  });
});

function ratio(part: number, whole: number | null): number | null {
  return whole === null || whole === 0 ? null : part / whole;
}

function expectFigures(figures: Figures, counts: RawCounts): void {
  expect(figures.funnel).toEqual({
    shown: counts.shown,
    created: counts.created,
    sent: counts.sent,
    delivered: counts.delivered,
    verified: counts.verified,
    orderAccepted: counts.orderAccepted,
  });
  expect(figures.conversion).toEqual({
    created: ratio(counts.created, counts.shown),
    sent: ratio(counts.sent, counts.created),
    delivered: ratio(counts.delivered, counts.sent),
    verified: ratio(counts.verified, counts.delivered),
    orderAccepted: ratio(counts.orderAccepted, counts.verified),
  });
  const outcomes = Object.fromEntries(Object.entries(figures.outcomes).filter(([, count]) => count > 0));
  expect(outcomes).toEqual(counts.outcomes);
  expect(figures.open).toBe(counts.open);
  const ended = Object.values(counts.outcomes).reduce((sum, count) => sum + count, 0);
  expect(figures.abandonmentRate).toBe(ratio(counts.outcomes.abandoned ?? 0, ended));
  expect(figures.wrongCodes).toBe(counts.wrongCodes);
  const attempts = counts.verifiedAttempts;
  expect(figures.attemptsPerVerification.count).toBe(attempts.length);
  expect(figures.attemptsPerVerification.mean).toBeCloseTo(attempts.reduce((a, b) => a + b, 0) / attempts.length, 9);
  const histogram = figures.attemptsPerVerification.histogram;
  attempts.forEach((_, index) => expect(histogram[index] ?? 0).toBe(attempts.filter((a) => a === index + 1).length));
  expect(histogram.reduce((a, b) => a + b, 0)).toBe(attempts.length);
  expect(figures.timeToVerifyMs.count).toBe(counts.verified);
  expect(figures.sends.messages).toBe(counts.messages);
  expect(figures.sends.smsSegments).toBe(counts.smsSegments);
  expect(figures.sends.emails).toBe(counts.emails);
  expect(figures.sends.perOrder).toBe(ratio(counts.messages, counts.orderAccepted));
  expect(figures.sends.estimatedCost.currency).toBe('EUR');
  expect(figures.sends.estimatedCost.amount).toBeCloseTo(counts.estimatedCost, 6);
}
