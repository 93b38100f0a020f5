import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FraudOverview, FraudTopRow } from '../../src/analytics/index.js';
import type { NewEvent } from '../../src/store/port.js';
import { DAY_START, HOUR, PRICES, eventLogFixture } from './analytics-fixture.js';
import type { EventLogFixture } from './analytics-fixture.js';
import type { RawFraudFilter, RawTopRow } from './fraud-raw-counts.js';
import { rawFraud } from './fraud-raw-counts.js';

let log: EventLogFixture;
beforeEach(() => {
  log = eventLogFixture();
});
afterEach(() => log.dispose());

const DAY = 24 * HOUR;
const BLOCK_REASONS = [
  'velocity_prefix',
  'number_type',
  'country',
  'sendsPerPhone',
  'spend_hour',
  'low_conversion_prefix',
  'sim_swap',
  'distinct_numbers_ip',
];

/** A small deterministic generator (a linear congruential one: its high bits), so a failure replays. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((state / 2_147_483_648) * below);
  };
}

/**
 * Three days of the risk engine's events for two brands in DE, AT and an unknown country: blocks of eight reasons
 * (more than the chart's six lines), numbers refused with and without a session, challenges with several reasons,
 * dry-run hits naming a rule twice, blocks missing their optional fields, and low-conversion blocks running or over.
 */
function riskEvents(): NewEvent[] {
  const pick = random(8);
  const events: NewEvent[] = [];
  for (let index = 0; index < 400; index += 1) {
    const at = DAY_START - DAY + pick(3 * DAY);
    const brand = pick(3) === 0 ? 'initech' : 'acme';
    const country = ['DE', 'DE', 'AT', ''][pick(4)] as string;
    const prefix = `+49900${100 + pick(15)}`;
    const network = `203.0.${pick(12)}.0/24`;
    const segments = 1 + pick(3);
    const sessionId = `s${index}`;
    switch (pick(6)) {
      case 0:
      case 1: {
        const reason = BLOCK_REASONS[Math.min(pick(10), BLOCK_REASONS.length - 1)] as string;
        const data = { reason, reasons: [reason, 'velocity_ip'], country, prefix, segments, network };
        events.push({ at, type: 'session.blocked', brand, sessionId, data });
        break;
      }
      case 2: {
        const data = { reason: pick(2) === 0 ? 'number_type' : 'country', country, prefix, segments, network };
        events.push({ at, type: 'risk.number_refused', brand, sessionId: pick(2) === 0 ? null : sessionId, data });
        break;
      }
      case 3: {
        const reasons = pick(2) === 0 ? ['velocity_ip'] : ['velocity_ip', 'distinct_numbers_ip'];
        const data = { challenge: 'captcha', reasons, country, prefix, network };
        events.push({ at, type: 'session.challenged', brand, sessionId, data });
        break;
      }
      case 4: {
        const rules = pick(2) === 0 ? ['spend_day'] : ['velocity_prefix', 'sim_swap', 'sim_swap'];
        events.push({
          at,
          type: 'risk.dry_run',
          brand,
          sessionId,
          data: { rules, wouldBe: 'block', country, prefix, segments },
        });
        break;
      }
      default:
        // A block without its optional fields (an email session, an older verifier): counted, never breaking.
        events.push({ at, type: 'session.blocked', brand, sessionId, data: { reasons: [] } });
    }
  }
  const blockStarted = (brand: string, subject: string, at: number, until: number): NewEvent => ({
    at,
    type: 'risk.block_started',
    brand,
    data: { rule: 'low_conversion_prefix', scope: 'prefix', subject, until, sends: 40, verified: 3 },
  });
  events.push(
    blockStarted('acme', '+4990012', DAY_START + 10 * HOUR, DAY_START + 16 * HOUR),
    blockStarted('acme', '+4990013', DAY_START + 30 * HOUR, DAY_START + 36 * HOUR),
    blockStarted('initech', '+4366412', DAY_START + 31 * HOUR, DAY_START + 37 * HOUR),
  );
  return events.sort((a, b) => a.at - b.at);
}

const rounded = (rows: readonly RawTopRow[]): FraudTopRow[] =>
  rows.slice(0, 10).map((row) => ({ ...row, moneySaved: Math.round(row.moneySaved * 1e6) / 1e6 }));

function expectFraudEqualsRaw(fraud: FraudOverview, filter: RawFraudFilter) {
  const raw = rawFraud(log.dataDir, filter, PRICES);
  expect(fraud.totals).toEqual({
    blocked: raw.blocked,
    blockedSegments: raw.blockedSegments,
    challenged: raw.challenged,
    dryRunSends: raw.dryRunSends,
  });
  expect(fraud.moneySaved.currency).toBe('EUR');
  expect(fraud.moneySaved.amount).toBeCloseTo(raw.moneySaved, 6);
  expect(fraud.reasons).toEqual(raw.reasons);
  // Ties at the tenth row may be cut either way by both; the shared order (blocks, then value) makes them agree.
  expect(fraud.prefixes).toEqual(rounded(raw.prefixes));
  expect(fraud.countries).toEqual(rounded(raw.countries));
  expect(fraud.networks).toEqual(rounded(raw.networks));
  // The chart: each charted reason's line, and `other` for the rest, bucket by bucket.
  const charted = fraud.series.reasons.filter((reason) => reason !== 'other');
  for (const point of fraud.series.points) {
    const inBucket = raw.series.filter((row) => row.t === point.t);
    const expected = charted.map((reason) => inBucket.find((row) => row.reason === reason)?.blocked ?? 0);
    if (fraud.series.reasons.includes('other')) {
      expected.push(inBucket.filter((row) => !charted.includes(row.reason)).reduce((sum, row) => sum + row.blocked, 0));
    }
    expect(point.counts).toEqual(expected);
  }
  const chartedBlocks = fraud.series.points.reduce((sum, point) => sum + point.counts.reduce((a, b) => a + b, 0), 0);
  expect(chartedBlocks).toBe(raw.blocked);
  expect(fraud.runningBlocks.map(({ rule: _rule, scope: _scope, ...block }) => block)).toEqual(raw.runningBlocks);
}

describe('every figure of the fraud view equals SQL over the raw risk events (issue 8)', () => {
  it('per brand and for the platform, by hour and by day, with and without a country', () => {
    log.append(riskEvents());
    const analytics = log.analytics();
    const now = DAY_START + 33 * HOUR;
    // Ragged ends on both sides: hour rows, whole-day rows in the middle.
    const periods = [
      { from: DAY_START - DAY + 5 * HOUR, to: DAY_START + 2 * DAY - 7 * HOUR, granularity: 'day' as const },
      { from: DAY_START + 3 * HOUR, to: DAY_START + 20 * HOUR, granularity: 'hour' as const },
    ];
    for (const { granularity, ...period } of periods) {
      for (const brand of ['acme', 'initech', undefined]) {
        for (const country of [undefined, 'DE', 'AT']) {
          const filter = {
            ...period,
            ...(brand === undefined ? {} : { brand }),
            ...(country === undefined ? {} : { country }),
          };
          const fraud = analytics.fraud(filter, granularity, now);
          expect(fraud.granularity).toBe(granularity);
          expectFraudEqualsRaw(fraud, { ...filter, step: granularity === 'hour' ? HOUR : DAY, now });
        }
      }
    }
    const platform = analytics.fraud(periods[0] as (typeof periods)[0], 'day', now);
    expect(platform.totals.blocked).toBeGreaterThan(100);
    expect(platform.series.reasons).toHaveLength(7);
    expect(platform.series.reasons.at(-1)).toBe('other');
    expect(platform.reasons.map((row) => row.reason)).toContain('unknown');
    expect(platform.countries.map((row) => row.value)).toContain('');
    expect(platform.runningBlocks.map((block) => block.subject)).toEqual(['+4366412', '+4990013']);
  });

  it('counts each event once when the fold runs in small batches and again after new events', () => {
    const events = riskEvents();
    log.append(events.slice(0, 150));
    const analytics = log.analytics();
    while (analytics.fold({ maxEvents: 7 }).length > 0);
    log.append(events.slice(150));
    const period = { from: DAY_START - DAY, to: DAY_START + 2 * DAY };
    const fraud = analytics.fraud(period, 'day', DAY_START);
    expectFraudEqualsRaw(fraud, { ...period, step: DAY, now: DAY_START });
    expect(fraud.asOfEventId).toBe(events.length);
  });
});
