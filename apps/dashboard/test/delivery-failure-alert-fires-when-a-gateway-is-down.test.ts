import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../src/alerts/alert-store.js';
import { ACME, INITECH, testBrands, uniqueMobile } from './support/brands.js';
import type { WebhookReceiver } from './support/receivers.js';
import { startWebhookReceiver } from './support/receivers.js';
import { alertRule } from './support/rules.js';
import type { Stack } from './support/stack.js';
import { startStack } from './support/stack.js';

/** initech's SMS gateway, down: every attempt fails as an unreachable gateway's does. */
const gatewayDown = {
  name: 'gateway-down',
  send: () => Promise.reject(new Error('connect ECONNREFUSED: the SMS gateway is down')),
};

const HIGH_FAILURE_RATE = alertRule({
  id: 'delivery-failures',
  kind: 'delivery_failure_rate',
  brand: null,
  threshold: 0.5,
  windowMinutes: 15,
  minCount: 3,
  channels: ['webhook'],
});

describe('the delivery failure rule, on a real outbox whose gateway is down (issue 7: alerts)', () => {
  let stack: Stack;
  let webhook: WebhookReceiver;

  beforeAll(async () => {
    webhook = await startWebhookReceiver();
    stack = await startStack({
      alertRules: [HIGH_FAILURE_RATE],
      webhook: { url: webhook.url, secret: 'whsec_0123456789abcdef0123456789abcdef' },
      verifier: {
        brands: testBrands({ initechSmsProvider: gatewayDown.name }),
        providers: { [gatewayDown.name]: gatewayDown },
        outbox: { maxAttempts: 1 },
      },
    });
  });
  afterAll(async () => {
    await stack.dispose();
    await webhook.close();
  });

  it('fires for the brand whose messages die, not for the one whose arrive, and notifies once', async () => {
    // Three dead messages open the gateway's circuit: the verifier then refuses initech's sends (503) until it closes.
    for (let index = 0; index < 3; index += 1) {
      await stack.shop.send(await stack.shop.create(INITECH, uniqueMobile()));
      await stack.shop.send(await stack.shop.create(ACME, uniqueMobile()));
      await stack.verifier.context.outbox.idle();
    }
    stack.clock.advance(60_000);
    stack.dashboard.alertEvaluator.evaluate();
    await stack.dashboard.alertEvaluator.settled();

    const alerts = (await (await stack.signedIn('operator')).get('/api/alerts')).body as Alert[];
    expect(alerts.map((alert) => [alert.rule, alert.brand, alert.subject, alert.value])).toEqual([
      ['delivery-failures', 'initech', 'DE', 1],
    ]);
    expect(alerts[0]?.detail).toContain('3 of 3 messages failed');
    expect(webhook.received).toHaveLength(1);
  });
});
