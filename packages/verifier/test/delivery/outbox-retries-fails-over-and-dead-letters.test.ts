import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import type { OutboxSettings } from '../../src/delivery/outbox/outbox-settings.js';
import { DeliveryFailure } from '../../src/delivery/provider.js';
import { providerNames } from '../../src/delivery/providers.js';
import type { CreatedSession } from '../support/api.js';
import { codeFromSms, createServerSession, createSession } from '../support/api.js';
import { ACME, rawTestBrands, uniqueMobile } from '../support/brands.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';
import { expectProblem } from '../support/problem.js';
import type { ScriptedProvider } from '../support/scripted-provider.js';
import { scriptedProvider } from '../support/scripted-provider.js';

const BREAKER = { failureThreshold: 3, openMs: 30_000 };

let fixture: VerifierFixture;
let primary: ScriptedProvider;
let secondary: ScriptedProvider;
let mailer: ScriptedProvider;

/** acme routes SMS through `primary` then `secondary`, email through `mailer`, and falls back to email. */
async function start(outbox: Partial<OutboxSettings> = {}, route: string[] = ['primary', 'secondary']) {
  primary = scriptedProvider('primary');
  secondary = scriptedProvider('secondary');
  mailer = scriptedProvider('mailer');
  const providers = { primary, secondary, mailer };
  const raw = rawTestBrands();
  Object.assign(raw.brands[0] as Record<string, unknown>, {
    channels: ['sms', 'email'],
    delivery: { sms: route, email: ['mailer'], fallbackToEmail: true },
  });
  fixture = await startTestVerifier({
    brands: brandRegistry(raw, 'test brands', providerNames(providers)),
    providers,
    outbox: { breaker: BREAKER, retry: { baseMs: 1_000, maxMs: 30_000 }, ...outbox },
  });
}

afterEach(() => fixture.dispose());

const outbox = () => fixture.verifier.context.outbox;
const store = () => fixture.verifier.context.store;

/** A session whose first code was sent; with `email`, created by the brand's server (only it may add one). */
async function sent(extra: { email?: string } = {}): Promise<CreatedSession> {
  const session =
    extra.email === undefined
      ? await createSession(fixture.api, uniqueMobile())
      : await createServerSession(fixture.api, ACME, uniqueMobile(), extra);
  const response = await fixture.api.send(session.id, session.clientSecret);
  expect(response.status).toBe(202);
  await outbox().idle();
  return session;
}

function messagesOf(session: CreatedSession) {
  return store().listMessages({ sessionId: session.id, limit: 10 });
}

/** The session's message events, in order. */
function eventTypes(session: CreatedSession): string[] {
  return store()
    .listEvents({ sessionId: session.id, limit: 50 })
    .map((event) => event.type)
    .filter((type) => type.startsWith('message.'));
}

describe('the outbox delivers every accepted send', () => {
  it('answers 202 once the message is stored, before any provider has answered', async () => {
    await start();
    primary.script(['hang']);
    const session = await createSession(fixture.api, uniqueMobile());
    expect((await fixture.api.send(session.id, session.clientSecret)).status).toBe(202);
    expect(messagesOf(session)).toEqual([expect.objectContaining({ state: 'sending', attempts: 1 })]);
    expect(primary.attempts).toHaveLength(1);
  });

  it('retries a failed attempt after a back-off, with the same idempotency key', async () => {
    await start({}, ['primary']);
    primary.script(['fail']);
    const session = await sent();
    const [waiting] = messagesOf(session);
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, reason: 'primary answered HTTP 503' });
    expect(waiting?.nextAttemptAt).toBeGreaterThanOrEqual(fixture.clock());
    expect(waiting?.nextAttemptAt).toBeLessThanOrEqual(fixture.clock() + 1_000);

    fixture.clock.advance(1_000);
    await outbox().idle();
    expect(messagesOf(session)).toEqual([expect.objectContaining({ state: 'sent', attempts: 2, provider: 'primary' })]);
    const keys = primary.attempts.map((attempt) => attempt.message.idempotencyKey);
    expect(keys).toEqual([waiting?.id, waiting?.id]);
    expect(eventTypes(session)).toEqual(['message.queued', 'message.attempt_failed', 'message.sent']);
  });

  it('backs off exponentially with jitter: no wait beyond base·2^(n−1), capped', async () => {
    await start(
      { maxAttempts: 20, retry: { baseMs: 1_000, maxMs: 8_000 }, breaker: { failureThreshold: 100, openMs: 1 } },
      ['primary'],
    );
    primary.script([], 'fail');
    const session = await sent();
    const waits: number[] = [];
    for (let failures = 1; failures <= 6; failures += 1) {
      const [message] = messagesOf(session);
      waits.push((message?.nextAttemptAt ?? 0) - fixture.clock());
      fixture.clock.set(message?.nextAttemptAt ?? 0);
      await outbox().idle();
    }
    const ceilings = [1_000, 2_000, 4_000, 8_000, 8_000, 8_000];
    waits.forEach((wait, index) => {
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThan(ceilings[index] as number);
    });
    expect(new Set(waits).size).toBeGreaterThan(1);
  });

  it('fails over to the next provider of the route at once, without waiting', async () => {
    await start();
    primary.script(['fail']);
    const session = await sent();
    expect(messagesOf(session)).toEqual([expect.objectContaining({ state: 'sent', provider: 'secondary' })]);
    expect(secondary.accepted()).toEqual([expect.objectContaining({ to: session.phone, channel: 'sms' })]);
  });

  it('gives up on a provider that does not answer within the attempt timeout, and fails over', async () => {
    await start({ attemptTimeoutMs: 150 });
    primary.script(['hang']);
    const session = await sent();
    expect(messagesOf(session)).toEqual([expect.objectContaining({ state: 'sent', provider: 'secondary' })]);
    expect(store().listEvents({ sessionId: session.id, limit: 10 })).toContainEqual(
      expect.objectContaining({
        type: 'message.attempt_failed',
        data: expect.objectContaining({ reason: 'no answer within 150 ms' }),
      }),
    );
  });

  it('opens the circuit after 3 failures in a row, then probes once after 30 s and closes on success', async () => {
    await start();
    primary.script([], 'fail');
    for (let message = 0; message < 3; message += 1) await sent();
    expect(primary.attempts).toHaveLength(3);

    await sent();
    expect(primary.attempts).toHaveLength(3);
    expect(secondary.accepted()).toHaveLength(4);

    fixture.clock.advance(BREAKER.openMs);
    primary.script([], 'accept');
    await sent();
    await sent();
    expect(primary.accepted()).toHaveLength(2);
    const metrics = await fixture.verifier.context.metrics.registry.metrics();
    expect(metrics).toMatch(/^otp_verify_provider_circuit\{provider="primary"\} 0$/m);
  });

  it('answers 503 delivery_unavailable, counting nothing, when every circuit of the route and of email is open', async () => {
    await start({ maxAttempts: 1 }, ['primary']);
    primary.script([], 'fail');
    mailer.script([], 'fail');
    const withEmail = { email: 'customer@example.com' };
    for (let message = 0; message < 3; message += 1) {
      const session = await sent(withEmail);
      expect(messagesOf(session).map(({ channel, state }) => [channel, state])).toEqual([
        ['email', 'dead'],
        ['sms', 'dead'],
      ]);
    }
    const session = await createServerSession(fixture.api, ACME, uniqueMobile(), withEmail);
    expectProblem(await fixture.api.send(session.id, session.clientSecret), 'delivery_unavailable');
    expect(store().findSession(session.id)).toMatchObject({ sends: 0, status: 'created' });
    expect(messagesOf(session)).toEqual([]);
  });

  it('dead-letters a message out of attempts, and the session gets its send back (retry at once)', async () => {
    await start({ maxAttempts: 2 }, ['primary']);
    primary.script([], 'fail');
    const session = await sent();
    fixture.clock.advance(1_000);
    await outbox().idle();
    expect(messagesOf(session)).toEqual([
      expect.objectContaining({ state: 'dead', reason: 'attempts_exhausted: primary answered HTTP 503' }),
    ]);
    expect(store().findSession(session.id)).toMatchObject({ sends: 0, lastSentAt: null });
    primary.script([], 'accept');
    expect((await fixture.api.send(session.id, session.clientSecret)).status).toBe(202);
  });

  it('dead-letters a message still waiting when its code expires: a late code is no code', async () => {
    await start({}, ['primary']);
    primary.script([], 'fail');
    const session = await sent();
    fixture.clock.advanceSeconds(300);
    await outbox().idle();
    expect(messagesOf(session)).toEqual([expect.objectContaining({ state: 'dead', reason: 'code_expired' })]);
  });

  it('fails a message every provider rejects, without retrying it where it was rejected', async () => {
    await start();
    primary.script(['reject']);
    secondary.script(['reject']);
    const session = await sent();
    expect(messagesOf(session)).toEqual([
      expect.objectContaining({ state: 'failed', reason: 'secondary refused the number', refusedBy: ['primary'] }),
    ]);
    expect(primary.attempts).toHaveLength(1);
    expect(secondary.attempts).toHaveLength(1);
  });

  it('cancels a message still waiting when a newer code is sent: an old code no longer checks', async () => {
    await start({}, ['primary']);
    primary.script(['fail'], 'accept');
    const session = await sent();
    fixture.clock.advanceSeconds(30);
    primary.script(['hang']);
    expect((await fixture.api.send(session.id, session.clientSecret)).status).toBe(202);
    const [newer, older] = messagesOf(session);
    expect(older).toMatchObject({ state: 'cancelled', reason: 'superseded' });
    expect(newer).toMatchObject({ state: 'sending' });
  });

  it('sends the SMS that cannot be delivered by email instead, and the token says the code came by email', async () => {
    await start();
    primary.script(['reject']);
    secondary.script(['reject']);
    const session = await sent({ email: 'customer@example.com' });
    const [email, sms] = messagesOf(session);
    expect(sms).toMatchObject({ channel: 'sms', state: 'failed' });
    expect(email).toMatchObject({
      channel: 'email',
      state: 'sent',
      id: `${sms?.id}.email`,
      toMasked: 'c•••@example.com',
    });
    const [mail] = mailer.accepted();
    expect(mail).toMatchObject({ to: 'customer@example.com', channel: 'email', subject: expect.any(String) });
    expect(mail?.html).toContain('<html');

    const code = codeFromText(mail?.body ?? '');
    const checked = await fixture.api.check(session.id, session.clientSecret, code);
    expect(checked.status).toBe(200);
    expect(decodeJwt((checked.body as { token: string }).token).amr).toEqual(['email']);
  });

  it('records delivery receipts: delivered, and a failed one falls back to email', async () => {
    await start();
    const delivered = await sent();
    const [sms] = messagesOf(delivered);
    outbox().recordReceipt('primary', { providerMessageId: sms?.providerMessageId as string, state: 'delivered' });
    expect(messagesOf(delivered)[0]).toMatchObject({ state: 'delivered', deliveredAt: fixture.clock() });

    const undelivered = await sent({ email: 'customer@example.com' });
    const [failing] = messagesOf(undelivered);
    outbox().recordReceipt('primary', {
      providerMessageId: failing?.providerMessageId as string,
      state: 'failed',
      error: 'UNDELIV err:001',
    });
    await outbox().idle();
    expect(messagesOf(undelivered).map((message) => [message.channel, message.state, message.reason])).toEqual([
      ['email', 'sent', null],
      ['sms', 'failed', 'UNDELIV err:001'],
    ]);
    expect(eventTypes(undelivered)).toEqual([
      'message.queued',
      'message.sent',
      'message.failed',
      'message.queued',
      'message.sent',
    ]);
  });

  it('a receipt for another provider’s message id, or a replayed one, changes nothing', async () => {
    await start();
    const session = await sent();
    const [sms] = messagesOf(session);
    const id = sms?.providerMessageId as string;
    outbox().recordReceipt('secondary', { providerMessageId: id, state: 'failed' });
    expect(messagesOf(session)[0]).toMatchObject({ state: 'sent' });
    outbox().recordReceipt('primary', { providerMessageId: id, state: 'delivered' });
    outbox().recordReceipt('primary', { providerMessageId: id, state: 'failed' });
    expect(messagesOf(session)[0]).toMatchObject({ state: 'delivered' });
  });

  it('keeps no code in clear in the database, and no number or address in the outbox (sealed, erased once sent)', async () => {
    await start({}, ['primary']);
    primary.script(['fail']);
    const session = await sent({ email: 'customer@example.com' });
    const code = codeFromSms(primary.attempts[0]?.message.body ?? '');
    const files = ['otp-verify.sqlite', 'otp-verify.sqlite-wal'].map((name) => join(fixture.dataDir, name));
    const bytes = Buffer.concat(files.map((file) => readFileSync(file))).toString('latin1');
    expect(bytes).not.toContain(`#${code}`);
    const [waiting] = messagesOf(session);
    const readable = JSON.stringify({ ...waiting, payload: null, fallback: null });
    for (const secret of [code, session.phone, 'customer@example.com']) expect(readable).not.toContain(secret);
    expect(waiting?.payload?.toString('latin1')).not.toContain(code);
    fixture.clock.advance(1_000);
    await outbox().idle();
    expect(messagesOf(session)[0]).toMatchObject({ state: 'sent', payload: null });
  });
});

describe('the outbox where a reviewer broke it (regressions)', () => {
  it('does not spin while a half-open probe is out: the other messages wait for the next poll', async () => {
    await start({ breaker: { failureThreshold: 1, openMs: 30_000 }, maxAttempts: 20 }, ['primary']);
    primary.script(['fail', 'hang']);
    const first = await sent();
    fixture.clock.advance(BREAKER.openMs);
    outbox().wake(); // the retry takes the probe and hangs (idle() would wait for it)
    await expect.poll(() => primary.attempts.length).toBe(2);
    const second = await createSession(fixture.api, uniqueMobile());
    expect((await fixture.api.send(second.id, second.clientSecret)).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 50)); // a spinning loop never gets here
    expect(messagesOf(first)[0]).toMatchObject({ state: 'sending' });
    expect(messagesOf(second)[0]).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: fixture.clock() + 500 });
  });

  it('a failed receipt for an SMS a newer code replaced sends no email and cancels nothing', async () => {
    await start();
    const session = await sent({ email: 'customer@example.com' });
    const [old] = messagesOf(session);
    fixture.clock.advanceSeconds(30);
    primary.script(['hang']);
    expect((await fixture.api.send(session.id, session.clientSecret)).status).toBe(202);
    outbox().recordReceipt('primary', { providerMessageId: old?.providerMessageId as string, state: 'failed' });
    expect(messagesOf(session).map((message) => [message.channel, message.state])).toEqual([
      ['sms', 'sending'],
      ['sms', 'failed'],
    ]);
    expect(mailer.attempts).toEqual([]);
  });

  it('a message a newer code replaced while it was being sent is cancelled, not retried', async () => {
    await start({ attemptTimeoutMs: 150 }, ['primary']);
    primary.script(['hang']);
    const session = await createSession(fixture.api, uniqueMobile());
    expect((await fixture.api.send(session.id, session.clientSecret)).status).toBe(202);
    fixture.clock.advanceSeconds(30);
    primary.script([], 'accept');
    expect((await fixture.api.send(session.id, session.clientSecret)).status).toBe(202);
    await outbox().idle();
    fixture.clock.advance(1_000);
    await outbox().idle();
    const [newer, older] = messagesOf(session);
    expect(older).toMatchObject({ state: 'cancelled', reason: 'superseded' });
    expect(newer).toMatchObject({ state: 'sent' });
    expect(primary.accepted().map((message) => message.idempotencyKey)).toEqual([newer?.id]);
  });

  it('keeps a receipt that beats the provider’s own answer, and applies it when the send is recorded', async () => {
    await start({}, ['primary']);
    const send = primary.send.bind(primary);
    primary.send = async (message, options) => {
      const accepted = await send(message, options);
      outbox().recordReceipt('primary', { providerMessageId: accepted.providerMessageId, state: 'delivered' });
      return accepted;
    };
    const session = await sent();
    expect(messagesOf(session)[0]).toMatchObject({ state: 'delivered' });
  });

  it('fails over down the route at once, then waits before going round it again', async () => {
    await start();
    primary.script([], 'fail');
    secondary.script([], 'fail');
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    try {
      const session = await sent();
      expect([primary.attempts.length, secondary.attempts.length]).toEqual([1, 1]);
      expect(messagesOf(session)[0]).toMatchObject({
        state: 'queued',
        attempts: 2,
        nextAttemptAt: fixture.clock() + 1_000,
      });
    } finally {
      random.mockRestore();
    }
  });

  it('sends the email stand-in at once when every SMS circuit is open', async () => {
    await start({ breaker: { failureThreshold: 1, openMs: 30_000 } }, ['primary']);
    primary.script([], 'fail');
    await sent();
    const session = await sent({ email: 'customer@example.com' });
    expect(messagesOf(session).map((message) => [message.channel, message.state, message.reason])).toEqual([
      ['email', 'sent', null],
      ['sms', 'failed', 'every provider of the route is unavailable'],
    ]);
  });

  it('keeps a code a provider echoed in its error out of the record and the events', async () => {
    await start({}, ['primary']);
    const send = primary.send.bind(primary);
    primary.send = (message) =>
      Promise.reject(new DeliveryFailure(`gateway refused: ${message.body}\u001b[31m`)).finally(() => send(message));
    const session = await sent();
    const code = codeFromSms(primary.attempts[0]?.message.body ?? '');
    const [message] = messagesOf(session);
    const events = JSON.stringify(store().listEvents({ sessionId: session.id, limit: 10 }));
    for (const text of [message?.reason ?? '', events]) {
      expect(text).not.toContain(code);
      expect(text).not.toContain('\u001b');
    }
    expect(message?.reason).toContain('[digits]');
  });
});

/** The code in an email's text part: the run of digits of the code's length. */
function codeFromText(text: string): string {
  const match = /\b(\d{6})\b/.exec(text);
  if (match?.[1] === undefined) throw new Error(`no code in email: ${text}`);
  return match[1];
}
