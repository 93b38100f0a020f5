import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandRefusal } from '../../src/cli/command-refusal.js';
import { outboxCommand } from '../../src/cli/outbox-command.js';
import type { OutboxDataDir } from './outbox-test-store.js';
import { outboxDataDir } from './outbox-test-store.js';

let data: OutboxDataDir;
beforeEach(() => {
  data = outboxDataDir();
});
afterEach(() => data.remove());

const run = (args: string[], now = data.now() + 1000) => outboxCommand(args, data.env, now);

/** The refusal's message; fails the test if the command did not refuse. */
function refusal(args: string[], now?: number): string {
  expect(() => run(args, now)).toThrow(CommandRefusal);
  try {
    run(args, now);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

const eventTypes = (id: string) =>
  (JSON.parse(run(['show', id, '--json'])) as { events: { type: string }[] }).events.map((event) => event.type);

describe('otp-verify outbox retry', () => {
  it('queues a dead message again, due now with fresh attempts, so the next poll of a worker sends it', () => {
    const id = data.message('dead');
    const now = data.now() + 60_000;
    expect(run(['retry', id], now)).toMatch(
      new RegExp(
        `^${id} is queued again with fresh attempts .*: a running verifier's worker sends it at its next poll`,
      ),
    );
    expect(data.store.findMessage(id)).toMatchObject({
      state: 'queued',
      attempts: 0,
      reason: null,
      nextAttemptAt: now,
    });
    expect(data.store.claimMessages(now, now + 1000, 10).map((message) => message.id)).toEqual([id]);
    expect(eventTypes(id)).toEqual(['message.queued', 'message.dead_lettered', 'message.requeued']);
  });

  it('queues a failed message again and forgets which providers refused it', () => {
    const id = data.message('queued');
    data.store.claimMessages(data.now() + 20 * 60_000, data.now() + 21 * 60_000, 1);
    data.store.finishMessage({ id, attempts: 2 }, { state: 'failed', reason: 'refused everywhere', at: data.now() });
    run(['retry', id]);
    expect(data.store.findMessage(id)).toMatchObject({ state: 'queued', attempts: 0, refusedBy: [] });
  });

  it('refuses an unknown message, one sent or delivered, one still queued or sending, and a cancelled one', () => {
    expect(refusal(['retry', 'msg_nope'])).toMatch(/^no message msg_nope in \/.*\/otp-verify\.sqlite$/);
    const sent = data.message('sent');
    const delivered = data.message('delivered');
    const queued = data.message('queued');
    const sending = data.message('sending');
    const cancelled = data.message('cancelled');
    expect(refusal(['retry', sent])).toBe(`cannot retry ${sent}: it was already sent (by primary); nothing to retry`);
    expect(refusal(['retry', delivered])).toMatch(/it was already delivered/);
    expect(refusal(['retry', queued])).toMatch(
      /it is still queued \(next attempt at 2030-01-15T10:1\d:\d\d\.000Z\); the worker retries it by itself$/,
    );
    expect(refusal(['retry', sending])).toMatch(/a worker is sending it now \(attempt 1\)$/);
    expect(refusal(['retry', cancelled])).toMatch(/it was cancelled \(session closed\)/);
    expect(data.store.findMessage(queued)).toMatchObject({ state: 'queued', attempts: 1 });
  });

  it('refuses a dead message whose code has expired: the customer must ask for a new one', () => {
    const id = data.message('dead');
    const expiresAt = data.store.findMessage(id)?.expiresAt ?? 0;
    const expired = `cannot retry ${id}: its code expired at ${new Date(expiresAt).toISOString()}: the customer must ask for a new one`;
    expect(refusal(['retry', id], expiresAt)).toBe(expired);
    expect(data.store.purgeExpired(expiresAt + 1000)).toBe(1);
    expect(refusal(['retry', id], expiresAt + 1000)).toBe(expired);
    expect(data.store.findMessage(id)).toMatchObject({ state: 'dead', payload: null });
  });
});

describe('otp-verify outbox dead-letter', () => {
  it('moves a queued message to the dead letters, with the reason "operator" unless --reason says otherwise', () => {
    const first = data.message('queued');
    const second = data.message('queued');
    expect(run(['dead-letter', first])).toBe(`${first} is dead-lettered (operator): it will not be sent`);
    run(['dead-letter', second, '--reason', 'gateway outage, customer called']);
    expect(data.store.findMessage(first)).toMatchObject({ state: 'dead', reason: 'operator' });
    expect(data.store.findMessage(second)).toMatchObject({ state: 'dead', reason: 'gateway outage, customer called' });
    expect(eventTypes(first).at(-1)).toBe('message.dead_lettered');
    expect(run(['show', first])).toMatch(/message\.dead_lettered +channel=sms reason=operator by=operator$/);
    expect(data.store.claimMessages(data.now() + 60 * 60_000, data.now() + 61 * 60_000, 10)).toEqual([]);
  });

  it('says that a message being sent may still reach the customer', () => {
    const id = data.message('sending');
    expect(run(['dead-letter', id])).toMatch(/a worker was sending it: if the provider accepted that attempt/);
    expect(data.store.findMessage(id)?.state).toBe('dead');
  });

  it('refuses an unknown message and one already sent, delivered, failed, dead or cancelled', () => {
    expect(refusal(['dead-letter', 'msg_nope'])).toMatch(/^no message msg_nope in /);
    for (const state of ['sent', 'delivered', 'failed', 'dead', 'cancelled'] as const) {
      const id = data.message(state);
      expect(refusal(['dead-letter', id])).toBe(
        `cannot dead-letter ${id}: it is already ${state}; only a queued or sending message can be dead-lettered`,
      );
      expect(data.store.findMessage(id)?.state).toBe(state);
    }
  });
});

describe('otp-verify outbox show', () => {
  it('prints the message a field a line and its events in order, only its own', () => {
    const id = data.message('queued');
    const sessionId = data.store.findMessage(id)?.sessionId ?? '';
    const other = data.message('sending', { sessionId });
    const output = run(['show', id]);
    const [heading, ...fieldLines] = output.split('\nevents:\n')[0]?.split('\n') ?? [];
    expect(heading).toBe(id);
    expect(Object.fromEntries(fieldLines.map((line) => line.trim().split(/ {2,}/)))).toEqual({
      state: 'cancelled (superseded)',
      session: sessionId,
      brand: 'acme',
      to: 'sms ••• 43',
      attempts: '1',
      provider: 'primary',
      created: '2030-01-15T10:00:01.000Z',
      updated: '2030-01-15T10:00:02.000Z',
      'code expires': '2030-01-15T10:05:01.000Z',
      content: 'sealed, kept',
    });
    expect(
      output
        .split('events:\n')[1]
        ?.split('\n')
        .map((line) => line.split(/ {2,}/)[2]),
    ).toEqual(['message.queued', 'message.attempt_failed', 'message.cancelled']);
    expect(output).not.toContain(other);
  });
});
