import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../src/alerts/alert-store.js';
import { createDashboard } from '../src/dashboard.js';
import { ACME, testBrands, uniqueMobile } from './support/brands.js';
import type { WebhookReceiver } from './support/receivers.js';
import { startWebhookReceiver } from './support/receivers.js';
import { alertRule } from './support/rules.js';
import type { Stack } from './support/stack.js';
import { startStack } from './support/stack.js';

const MINUTE = 60_000;

/** acme's conversion, minute by minute (each cohort judged a minute after its minute ended). */
const LOW_CONVERSION = alertRule({
  id: 'acme-low-conversion',
  kind: 'low_conversion',
  brand: 'acme',
  threshold: 0.1,
  clearThreshold: 0.3,
  windowMinutes: 1,
  lagMinutes: 1,
  minCount: 9,
  channels: ['webhook'],
});

describe('alert hysteresis: a condition flapping around its threshold', () => {
  let stack: Stack;
  let webhook: WebhookReceiver;

  beforeAll(async () => {
    webhook = await startWebhookReceiver();
    stack = await startStack({
      alertRules: [LOW_CONVERSION],
      webhook: { url: webhook.url, secret: 'whsec_0123456789abcdef0123456789abcdef' },
    });
  });
  afterAll(async () => {
    await stack.dispose();
    await webhook.close();
  });

  /** `created` sessions in this minute, `verified` of them verified; then the evaluation 2 minutes later. */
  async function minuteOfSessions(created: number, verified: number): Promise<void> {
    for (let session = 0; session < created; session += 1) {
      const flow = await stack.shop.create(ACME, uniqueMobile());
      if (session >= verified) continue;
      await stack.shop.send(flow);
      expect((await stack.shop.check(flow, await stack.shop.code(flow))).status).toBe(200);
    }
    stack.clock.advance(2 * MINUTE);
    stack.dashboard.alertEvaluator.evaluate();
    await stack.dashboard.alertEvaluator.settled();
  }

  async function alertsOfAcme(): Promise<Alert[]> {
    return (await (await stack.signedIn('operator')).get('/api/alerts?brand=acme')).body as Alert[];
  }

  it('keeps one alert and sends one notification while conversion goes 9 %, 11 %, 9 %, 11 %, 9 %', async () => {
    for (const created of [11, 9, 11, 9, 11]) {
      await minuteOfSessions(created, 1);
      expect((await alertsOfAcme())[0]?.clearedAt).toBeNull();
    }
    const alerts = await alertsOfAcme();
    expect(alerts).toEqual([
      expect.objectContaining({ rule: 'acme-low-conversion', subject: 'DE', clearedAt: null, threshold: 0.1 }),
    ]);
    expect(webhook.received).toHaveLength(1);
  });

  it('clears at once when conversion is back above the clear threshold', async () => {
    await minuteOfSessions(10, 5);
    expect((await alertsOfAcme())[0]?.clearedAt).toBe(stack.clock());
  });

  it('reopens the same alert, without a notification, when the condition returns within the hold-off', async () => {
    await minuteOfSessions(11, 1);
    const alerts = await alertsOfAcme();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.clearedAt).toBeNull();
    expect(webhook.received).toHaveLength(1);
  });

  it('clears the open alerts of a rule no longer configured when a dashboard starts', async () => {
    const restarted = await createDashboard({
      verifierDataDir: stack.dataDir,
      brands: testBrands(),
      alertRules: [],
      clock: stack.clock,
      logger: pino({ level: 'silent' }),
    });
    await restarted.close();
    expect((await alertsOfAcme())[0]?.clearedAt).toBe(stack.clock());
  });
});
