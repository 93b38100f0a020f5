import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../src/alerts/alert-store.js';
import { ACME, INITECH, uniqueMobile } from './support/brands.js';
import { openLive } from './support/live-stream.js';
import type { MailReceiver, WebhookReceiver } from './support/receivers.js';
import { alertRule } from './support/rules.js';
import { startMailReceiver, startWebhookReceiver } from './support/receivers.js';
import type { Stack } from './support/stack.js';
import { startStack } from './support/stack.js';
import { wrongCode } from './support/verifier-client.js';

const SECRET = 'whsec_0123456789abcdef0123456789abcdef';
const WRONG_CODE_SPIKE = alertRule({
  id: 'wrong-code-spike',
  kind: 'wrong_code_spike',
  brand: null,
  threshold: 3,
  windowMinutes: 15,
  minCount: 10,
  by: 'country',
  baselineHours: 24,
  severity: 'critical',
  channels: ['email', 'webhook'],
});

/** initech only: 5 messages in 15 minutes, against a baseline of none. */
const SEND_VOLUME = alertRule({
  id: 'initech-send-volume',
  kind: 'send_volume',
  brand: 'initech',
  threshold: 5,
  windowMinutes: 15,
  minCount: 5,
  by: 'country',
  baselineHours: 24,
  severity: 'warning',
  channels: [],
});

describe('alert rules over a real scenario', () => {
  let stack: Stack;
  let webhook: WebhookReceiver;
  let mail: MailReceiver;

  beforeAll(async () => {
    webhook = await startWebhookReceiver();
    mail = await startMailReceiver();
    stack = await startStack({
      alertRules: [WRONG_CODE_SPIKE, SEND_VOLUME],
      liveIntervalMs: 50,
      webhook: { url: webhook.url, secret: SECRET, timing: { attempts: 3, backoffMs: 10, timeoutMs: 2_000 } },
      smtp: { host: '127.0.0.1', port: mail.port, security: 'none', from: 'alerts@otp.test', to: ['fraud@acme.test'] },
    });
  });
  afterAll(async () => {
    await stack.dispose();
    await webhook.close();
    await mail.close();
  });

  /** 12 wrong codes for acme over three sessions (4 each, below the lock), one right code for initech. */
  async function wrongCodeAttack(): Promise<void> {
    for (let session = 0; session < 3; session += 1) {
      const flow = await stack.shop.create(ACME, uniqueMobile());
      await stack.shop.send(flow);
      const code = await stack.shop.code(flow);
      for (let attempt = 0; attempt < 4; attempt += 1) {
        expect((await stack.shop.check(flow, wrongCode(code))).status).toBe(422);
      }
    }
    await stack.shop.orderAccepted(INITECH, uniqueMobile());
    stack.clock.advance(1_000);
  }

  it('opens one alert for the brand under attack, streams it, posts a signed webhook and sends an email', async () => {
    const operator = await stack.signedIn('operator');
    const live = await openLive(operator);
    const initechLive = await openLive(await stack.signedIn('initech-analyst'));
    webhook.statuses.push(503);
    await wrongCodeAttack();

    const opened = stack.dashboard.alertEvaluator.evaluate();
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ rule: 'wrong-code-spike', brand: 'acme', value: 12, threshold: 10 });
    await stack.dashboard.alertEvaluator.settled();

    const streamed = await live.waitFor((event) => event.event === 'alert');
    expect(streamed.data).toMatchObject({ rule: 'wrong-code-spike', brand: 'acme' });
    expect(initechLive.events.some((event) => event.event === 'alert')).toBe(false);

    // The first attempt met a 503; the retry got through.
    expect(webhook.received).toHaveLength(2);
    const { headers, body } = webhook.received[1] as WebhookReceiver['received'][number];
    const [, seconds, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['x-otp-signature'])) ?? [];
    expect(Number(seconds)).toBe(Math.floor(stack.clock() / 1000));
    expect(mac).toBe(createHmac('sha256', SECRET).update(`${seconds}.${body}`).digest('hex'));
    expect(JSON.parse(body)).toMatchObject({ type: 'alert', alert: { rule: 'wrong-code-spike', brand: 'acme' } });

    expect(mail.received).toHaveLength(1);
    expect(mail.received[0]?.to).toEqual(['fraud@acme.test']);
    expect(mail.received[0]?.raw).toContain('Wrong codes spike for acme');
    live.close();
    initechLive.close();
  });

  /** Evaluations a minute apart, as the evaluator's timer runs them. */
  function evaluateEachMinute(times: number): Alert[] {
    const opened: Alert[] = [];
    for (let time = 0; time < times; time += 1) {
      stack.clock.advance(60_000);
      opened.push(...stack.dashboard.alertEvaluator.evaluate());
    }
    return opened;
  }

  async function alertsOfAcme(): Promise<Alert[]> {
    return (await (await stack.signedIn('operator')).get('/api/alerts?brand=acme')).body as Alert[];
  }

  it('keeps one open alert while the attack lasts, and clears it after three evaluations without it', async () => {
    expect(stack.dashboard.alertEvaluator.evaluate()).toEqual([]);
    expect(webhook.received).toHaveLength(2);
    stack.clock.advance(15 * 60_000);
    expect(evaluateEachMinute(2)).toEqual([]);
    expect((await alertsOfAcme())[0]?.clearedAt).toBeNull();
    expect(evaluateEachMinute(1)).toEqual([]);

    const alerts = await alertsOfAcme();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.clearedAt).toBe(stack.clock());
    const metrics = (await (await stack.signedIn('operator')).get('/metrics')).text;
    expect(metrics).toMatch(/otp_dashboard_alerts_fired_total\{rule="wrong-code-spike",severity="critical"\} 1/);
  });

  it('reopens the same alert without a notification when the attack comes back within the 30 min hold-off', async () => {
    await wrongCodeAttack();
    expect(stack.dashboard.alertEvaluator.evaluate()).toEqual([]);
    await stack.dashboard.alertEvaluator.settled();
    const alerts = await alertsOfAcme();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.clearedAt).toBeNull();
    expect(webhook.received).toHaveLength(2);
    expect(mail.received).toHaveLength(1);
  });

  it('opens and notifies a new alert when the attack comes back after the hold-off', async () => {
    stack.clock.advance(15 * 60_000);
    evaluateEachMinute(3);
    expect((await alertsOfAcme())[0]?.clearedAt).toBe(stack.clock());
    stack.clock.advance(31 * 60_000);
    await wrongCodeAttack();
    expect(stack.dashboard.alertEvaluator.evaluate()).toHaveLength(1);
    await stack.dashboard.alertEvaluator.settled();
    expect(webhook.received).toHaveLength(3);
    expect(await alertsOfAcme()).toHaveLength(2);
  });

  it('opens a send volume alert for the one brand its rule names, once it sends far above its baseline', async () => {
    stack.clock.advance(16 * 60_000);
    for (let session = 0; session < 4; session += 1) {
      const flow = await stack.shop.create(INITECH, uniqueMobile());
      await stack.shop.send(flow);
    }
    stack.clock.advance(1_000);
    expect(stack.dashboard.alertEvaluator.evaluate()).toEqual([]);
    await stack.shop.send(await stack.shop.create(INITECH, uniqueMobile()));
    await stack.shop.send(await stack.shop.create(ACME, uniqueMobile()));
    stack.clock.advance(1_000);
    const opened = stack.dashboard.alertEvaluator.evaluate();
    expect(opened).toEqual([
      expect.objectContaining({ rule: 'initech-send-volume', brand: 'initech', subject: '', value: 5, threshold: 5 }),
    ]);
  });
});
