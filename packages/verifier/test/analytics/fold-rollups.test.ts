import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_START, HOUR, eventLogFixture, sessionEvents } from './analytics-fixture.js';
import type { EventLogFixture } from './analytics-fixture.js';

let log: EventLogFixture;
beforeEach(() => {
  log = eventLogFixture();
});
afterEach(() => log.dispose());

const DAY = { from: DAY_START, to: DAY_START + 24 * HOUR };
const sms = (country: string, segments = 1) => ({
  channel: 'sms',
  fallback: false,
  country,
  prefix: '+4917012',
  segments,
});

/** A session's whole life: created (country known or not), one SMS, delivered, verified at `attempts`. */
function verifiedSession(
  id: string,
  at: number,
  options: { country?: string; attempts?: number; brand?: string } = {},
) {
  const attempts = options.attempts ?? 1;
  return sessionEvents(id, options.brand ?? 'acme', at, [
    [
      0,
      'session.created',
      { source: 'typed', locale: 'en', amount: 100, currency: 'EUR', country: options.country ?? 'DE' },
    ],
    [0, 'message.queued', sms(options.country ?? 'DE')],
    [0, 'message.sent', { channel: 'sms', provider: 'dev', latencyMs: 150 }],
    ...Array.from({ length: attempts - 1 }, (_, index): [number, string, Record<string, unknown>] => [
      1,
      'code.wrong',
      { attempt: index + 1 },
    ]),
    [2, 'session.verified', { attempts, msSinceCreated: 120_000 }],
  ]);
}

describe('the fold: events to rollups (issue 7)', () => {
  it('a session whose number is known only at the first send moves to that country, counted once', () => {
    log.append(
      sessionEvents('ses_late', 'acme', DAY_START + HOUR, [
        [0, 'session.created', { source: 'later', locale: 'en', amount: 100, currency: 'EUR' }],
        [1, 'session.phone_bound', { country: 'AT' }],
        [1, 'message.queued', sms('AT', 2)],
        [1, 'message.sent', { channel: 'sms', provider: 'dev', latencyMs: 90 }],
      ]),
    );
    const analytics = log.analytics();
    expect(analytics.fold()).toHaveLength(4);
    const all = analytics.overview({ ...DAY, brand: 'acme' }, 'day');
    expect(all.countries.map((row) => [row.country, row.created])).toEqual([['AT', 1]]);
    expect(all.figures.funnel).toMatchObject({ created: 1, sent: 1 });
    expect(analytics.overview({ ...DAY, brand: 'acme', country: 'AT' }, 'day').figures.funnel).toMatchObject({
      shown: null,
      created: 1,
      sent: 1,
    });
    expect(analytics.overview({ ...DAY, brand: 'acme', country: 'DE' }, 'day').figures.funnel.created).toBe(0);
    // AT's price per segment, 2 segments.
    expect(all.figures.sends).toMatchObject({ messages: 1, smsSegments: 2, estimatedCost: { amount: 0.12 } });
    expect(analytics.countries({ ...DAY, brand: 'acme' })).toEqual(['AT']);
  });

  it('an order accepted after verified_no_order replaces it: the session keeps one outcome', () => {
    const id = 'ses_late_order';
    log.append([
      ...verifiedSession(id, DAY_START),
      ...sessionEvents(id, 'acme', DAY_START, [[12, 'session.ended', { outcome: 'verified_no_order' }]]),
    ]);
    const analytics = log.analytics();
    const before = analytics.overview({ ...DAY, brand: 'acme' }, 'hour').figures;
    expect(before.outcomes).toMatchObject({ verified_no_order: 1, order_accepted: 0 });
    log.append(
      sessionEvents(id, 'acme', DAY_START, [
        [13, 'token.redeemed'],
        [13, 'session.ended', { outcome: 'order_accepted' }],
      ]),
    );
    const after = analytics.overview({ ...DAY, brand: 'acme' }, 'hour').figures;
    expect(after.outcomes).toMatchObject({ verified_no_order: 0, order_accepted: 1 });
    expect(Object.values(after.outcomes).reduce((sum, n) => sum + n, 0)).toBe(1);
    expect(after.open).toBe(0);
    expect(after.funnel.orderAccepted).toBe(1);
  });

  it('folds each event once, however many instances fold and however often', () => {
    log.append([...verifiedSession('ses_a', DAY_START), ...verifiedSession('ses_b', DAY_START + HOUR)]);
    const first = log.analytics();
    const second = log.analytics();
    expect(first.fold({ maxEvents: 3 }).map((event) => event.id)).toEqual([1, 2, 3]);
    expect(second.fold({ maxEvents: 3 }).map((event) => event.id)).toEqual([4, 5, 6]);
    expect(first.fold().map((event) => event.id)).toEqual([7, 8]);
    expect(second.fold()).toEqual([]);
    const figures = second.overview({ ...DAY, brand: 'acme' }, 'hour').figures;
    expect(figures.funnel).toMatchObject({ created: 2, sent: 2, verified: 2 });
    expect(figures.sends.messages).toBe(2);
  });

  it('a session it never saw created (older than the analytics) counts in delivery and reasons only', () => {
    log.append(
      sessionEvents('ses_before_analytics', 'acme', DAY_START, [
        [0, 'message.queued', sms('DE')],
        [0, 'message.sent', { channel: 'sms', provider: 'dev', latencyMs: 150 }],
        [0, 'message.delivered', { channel: 'sms', provider: 'dev' }],
        [1, 'session.verified', { attempts: 2, msSinceCreated: 60_000 }],
        [20, 'session.ended', { outcome: 'verified_no_order' }],
      ]),
    );
    log.append(verifiedSession('ses_seen', DAY_START));
    // A guard reports a token whose session id is unknown here, and one without any.
    log.append([
      {
        at: DAY_START,
        type: 'token.refused',
        brand: 'acme',
        sessionId: 'ses_forged',
        data: { reason: 'bad_signature' },
      },
      { at: DAY_START, type: 'token.refused', brand: 'acme', sessionId: null, data: { reason: 'expired' } },
    ]);
    const overview = log.analytics().overview({ ...DAY, brand: 'acme' }, 'hour');
    // Counted in the funnel, it made sent and verified exceed created (a conversion above 100 %).
    expect(overview.figures.funnel).toMatchObject({ created: 1, sent: 1, delivered: 1, verified: 1 });
    expect(overview.figures.conversion.sent).toBe(1);
    expect(Object.values(overview.figures.outcomes).reduce((sum, n) => sum + n, 0)).toBe(0);
    expect(overview.figures.open).toBe(1);
    expect(overview.figures.attemptsPerVerification.count).toBe(1);
    expect(overview.figures.sends.messages).toBe(1);
    expect(overview.delivery).toMatchObject([{ provider: 'dev', sent: 2, delivered: 1 }]);
    expect(overview.reasons).toEqual([
      { kind: 'token_refused', reason: 'bad_signature', count: 1 },
      { kind: 'token_refused', reason: 'expired', count: 1 },
    ]);
  });

  it('attempts per verification and time to verify come from histograms; counts and means are exact', () => {
    log.append([
      ...verifiedSession('ses_1', DAY_START, { attempts: 1 }),
      ...verifiedSession('ses_2', DAY_START, { attempts: 1 }),
      ...verifiedSession('ses_3', DAY_START, { attempts: 3 }),
    ]);
    const figures = log.analytics().overview({ ...DAY, brand: 'acme' }, 'hour').figures;
    expect(figures.attemptsPerVerification).toEqual({
      count: 3,
      mean: 5 / 3,
      p50: 1,
      p90: 3,
      p99: 3,
      histogram: [2, 0, 1],
    });
    expect(figures.wrongCodes).toBe(2);
    // 120 s falls in the 100-200 s bucket; the exact sum (360 s) keeps each of the three under 160 s.
    expect(figures.timeToVerifyMs).toMatchObject({ count: 3, mean: 120_000 });
    expect(figures.timeToVerifyMs.p50).toBeCloseTo(130_000);
    expect(figures.timeToVerifyMs.p90).toBeCloseTo(154_000);
    expect(figures.timeToVerifyMs.p99).toBeCloseTo(159_400);
  });

  it('a percentile is interpolated within its bucket, not its upper bound', () => {
    // Verified in 21 s and 2 s: buckets 20-50 s and 1-2 s.
    const verified = (id: string, ms: number) =>
      sessionEvents(id, 'acme', DAY_START, [
        [0, 'session.created', { source: 'typed', locale: 'en', amount: 100, currency: 'EUR', country: 'DE' }],
        [0, 'session.verified', { attempts: 1, msSinceCreated: ms }],
      ]);
    log.append([...verified('ses_1', 21_000), ...verified('ses_2', 21_000), ...verified('ses_3', 21_000)]);
    const analytics = log.analytics();
    const slow = analytics.overview({ ...DAY, brand: 'acme' }, 'hour').figures.timeToVerifyMs;
    expect(slow.p50).toBeCloseTo(21_500);
    expect(slow.p99).toBeLessThanOrEqual(23_000);
    log.append(Array.from({ length: 17 }, (_, index) => verified(`ses_fast_${index}`, 1_500)).flat());
    const mixed = analytics.overview({ ...DAY, brand: 'acme' }, 'hour').figures.timeToVerifyMs;
    expect(mixed.p50).toBeGreaterThan(1_000);
    expect(mixed.p50).toBeLessThan(2_000);
    expect(mixed.p90).toBeGreaterThan(20_000);
    expect(mixed.p90).toBeLessThan(25_000);
  });

  it('element beacons count in the hour they came; a country filter has no shown figure', () => {
    log.append([
      { at: DAY_START + 5 * HOUR, type: 'element.shown', brand: 'acme', data: { locale: 'en' } },
      { at: DAY_START + 5 * HOUR, type: 'element.shown', brand: 'acme', data: { locale: 'en' } },
      ...verifiedSession('ses_shown', DAY_START + 5 * HOUR),
    ]);
    const analytics = log.analytics();
    const overview = analytics.overview({ ...DAY, brand: 'acme' }, 'hour');
    expect(overview.figures.funnel.shown).toBe(2);
    expect(overview.figures.conversion.created).toBe(0.5);
    expect(overview.series[5]).toMatchObject({ t: DAY_START + 5 * HOUR, shown: 2, created: 1 });
    expect(analytics.overview({ ...DAY, brand: 'acme', country: 'DE' }, 'hour').figures.funnel.shown).toBeNull();
  });

  it('a period of whole days and ragged hours counts every session once, against the market', () => {
    // One session every 5 hours over three days, alternating brands.
    const events = Array.from({ length: 15 }, (_, index) =>
      verifiedSession(`ses_${index}`, DAY_START + index * 5 * HOUR, { brand: index % 2 === 0 ? 'acme' : 'initech' }),
    ).flat();
    log.append(events);
    const analytics = log.analytics();
    // From 03:00 on day one to 21:00 on day three: hours 3 … 68, so sessions 1 … 13.
    const period = { from: DAY_START + 3 * HOUR, to: DAY_START + 69 * HOUR };
    const overview = analytics.overview({ ...period, brand: 'acme' }, 'day');
    expect(overview.figures.funnel.created).toBe(6);
    expect(overview.market.funnel.created).toBe(13);
    expect(overview.series.map((point) => point.created)).toEqual([2, 2, 2]);
    const hourly = analytics.overview({ ...period, brand: 'acme' }, 'hour');
    expect(hourly.series).toHaveLength(66);
    expect(hourly.series.reduce((sum, point) => sum + point.created, 0)).toBe(6);
  });

  it('hours and days are UTC: a day series starts at 00:00 UTC, whatever the period', () => {
    log.append([...verifiedSession('ses_late_evening', DAY_START + 23 * HOUR)]);
    const newYorkDay = { from: DAY_START + 5 * HOUR, to: DAY_START + 29 * HOUR, brand: 'acme' };
    const series = log.analytics().overview(newYorkDay, 'day').series;
    expect(series.map((point) => [point.t, point.created])).toEqual([
      [DAY_START, 1],
      [DAY_START + 24 * HOUR, 0],
    ]);
  });
});
