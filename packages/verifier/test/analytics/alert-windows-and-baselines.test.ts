import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_START, HOUR, eventLogFixture, sessionEvents } from './analytics-fixture.js';
import type { EventLogFixture } from './analytics-fixture.js';

let log: EventLogFixture;
beforeEach(() => {
  log = eventLogFixture();
});
afterEach(() => log.dispose());

const MINUTE = 60_000;
const created = { source: 'typed', locale: 'en', amount: 100, currency: 'EUR', country: 'DE' };
const sms = { channel: 'sms', fallback: false, country: 'DE', prefix: '+4917012', segments: 1 };

/** A session created at `at`, verified `verifiedAfter` minutes later (never, when absent). */
function session(id: string, at: number, verifiedAfter?: number) {
  const steps: Parameters<typeof sessionEvents>[3] = [
    [0, 'session.created', created],
    [0, 'message.queued', sms],
  ];
  if (verifiedAfter !== undefined)
    steps.push([verifiedAfter, 'session.verified', { attempts: 1, msSinceCreated: verifiedAfter * MINUTE }]);
  return sessionEvents(id, 'acme', at, steps);
}

/** Three messages that never arrive: retries exhausted at p1, none handed over, and one an operator dead-lettered. */
function undeliveredMessages(at: number) {
  return [
    ...sessionEvents('ses_exhausted', 'acme', at, [
      [0, 'session.created', created],
      [0, 'message.queued', sms],
      [0, 'message.attempt_failed', { channel: 'sms', provider: 'p1', reason: 'timeout', attempt: 1 }],
      [1, 'message.attempt_failed', { channel: 'sms', provider: 'p1', reason: 'timeout', attempt: 2 }],
      [2, 'message.dead_lettered', { channel: 'sms', provider: 'p1', reason: 'attempts exhausted', attempts: 2 }],
    ]),
    ...sessionEvents('ses_never_handed_over', 'acme', at, [
      [0, 'session.created', created],
      [0, 'message.queued', sms],
      [2, 'message.dead_lettered', { channel: 'sms', reason: 'no provider', attempts: 0 }],
    ]),
    ...sessionEvents('ses_operator', 'acme', at, [
      [0, 'session.created', created],
      [0, 'message.queued', sms],
      [2, 'message.dead_lettered', { channel: 'sms', reason: 'stuck', by: 'operator' }],
    ]),
  ];
}

describe('what alert rules read: activity windows and hourly baselines (issue 7)', () => {
  it("activity's created and verified are one cohort: sessions created in the window, verified by now", () => {
    const windowStart = DAY_START + 10 * HOUR;
    log.append([
      ...session('ses_before', windowStart - 5 * MINUTE, 6), // verified inside the window, created before it
      ...session('ses_quick', windowStart + 12 * MINUTE, 4), // verified after the window ends
      ...session('ses_late', windowStart + 13 * MINUTE, 3),
      ...session('ses_waiting', windowStart + 14 * MINUTE),
    ]);
    const rows = log.analytics().activity({ from: windowStart, to: windowStart + 15 * MINUTE, by: 'country' });
    expect(rows).toEqual([
      expect.objectContaining({ brand: 'acme', country: 'DE', created: 3, verified: 2, messages: 3 }),
    ]);
  });

  it('a dead-lettered message is a failed delivery (not an operator dead-lettering it); no provider is `none`', () => {
    log.append(undeliveredMessages(DAY_START + HOUR));
    const analytics = log.analytics();
    const [row] = analytics.activity({ from: DAY_START, to: DAY_START + 2 * HOUR, by: 'country' });
    expect(row).toMatchObject({ messages: 3, messagesFailed: 2, messagesDelivered: 0 });
    const overview = analytics.overview({ from: DAY_START, to: DAY_START + 24 * HOUR, brand: 'acme' }, 'hour');
    expect(overview.delivery.map((delivery) => [delivery.provider, delivery.failed, delivery.attemptFailures])).toEqual(
      [
        ['none', 1, 0],
        ['p1', 1, 2],
      ],
    );
    expect(overview.delivery.find((delivery) => delivery.provider === 'p1')?.successRate).toBe(0);
  });

  it("hourlyBaseline is each brand's counts per whole hour of the window, from the rollups", () => {
    // acme: a session every 2 hours from 01:00 (verified at the second), the undelivered three at 03:00; nova: one.
    log.append([
      ...Array.from({ length: 12 }, (_, index) =>
        session(`ses_${index}`, DAY_START + (1 + 2 * index) * HOUR, 1),
      ).flat(),
      ...undeliveredMessages(DAY_START + 3 * HOUR),
      ...sessionEvents('ses_nova', 'nova', DAY_START + 2 * HOUR, [[0, 'session.created', created]]),
      ...sessionEvents('ses_2', 'acme', DAY_START + 5 * HOUR, [[2, 'code.wrong', { attempt: 1 }]]),
      ...sessionEvents('ses_3', 'acme', DAY_START + 7 * HOUR, [[1, 'message.delivered', { channel: 'sms' }]]),
    ]);
    const analytics = log.analytics();
    // 00:30 to 10:00: the whole hours 01:00 to 10:00 (9), holding acme's sessions at 01, 03, 05, 07 and 09.
    const window = { from: DAY_START + HOUR / 2, to: DAY_START + 10 * HOUR };
    expect(analytics.hourlyBaseline(window)).toEqual([
      {
        brand: 'acme',
        country: '',
        prefix: '',
        created: 8 / 9,
        verified: 5 / 9,
        wrongCodes: 1 / 9,
        messages: 8 / 9,
        messagesFailed: 2 / 9,
        messagesDelivered: 1 / 9,
      },
      expect.objectContaining({ brand: 'nova', created: 1 / 9, messages: 0 }),
    ]);
    expect(analytics.hourlyBaseline({ ...window, brand: 'nova' }).map((row) => row.brand)).toEqual(['nova']);
    expect(analytics.hourlyBaseline({ from: window.from, to: window.from + 10 * MINUTE })).toEqual([]);
  });
});
