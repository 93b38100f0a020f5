import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxCommand } from '../../src/cli/outbox-command.js';
import type { OutboxDataDir } from './outbox-test-store.js';
import { SECRETS, outboxDataDir } from './outbox-test-store.js';

let data: OutboxDataDir;
let waiting: string;
let ids: string[];

beforeAll(() => {
  data = outboxDataDir();
  ids = [data.message('sent', { withFallback: true }), data.message('dead'), data.message('sending')];
  waiting = data.message('queued', { withFallback: true });
  ids.push(waiting);
});
afterAll(() => data.remove());

/** Everything the commands print for these messages, refusals included. */
function everyOutput(): string[] {
  const run = (args: string[]) => {
    try {
      return outboxCommand(args, data.env, data.now());
    } catch (error) {
      return (error as Error).message;
    }
  };
  return [
    run(['list']),
    run(['list', '--json']),
    ...ids.flatMap((id) => [run(['show', id]), run(['show', id, '--json']), run(['retry', id])]),
    run(['dead-letter', waiting, '--reason', 'stuck']),
    run(['show', waiting, '--json']),
  ];
}

describe('otp-verify outbox output', () => {
  it('holds no phone number, email address, code or sealed payload, only the masked addresses', () => {
    const sealed = [waiting, ...ids].flatMap((id) => {
      const message = data.store.findMessage(id);
      return [message?.payload, message?.fallback?.payload].filter(
        (payload): payload is Buffer => payload !== null && payload !== undefined,
      );
    });
    expect(sealed.length).toBeGreaterThan(1);
    const outputs = everyOutput().join('\n');
    for (const secret of [SECRETS.phone, SECRETS.phone.slice(1), SECRETS.email, SECRETS.code]) {
      expect(outputs).not.toContain(secret);
    }
    for (const payload of sealed) {
      for (const encoding of ['base64', 'hex', 'base64url'] as const) {
        expect(outputs).not.toContain(payload.toString(encoding).slice(0, 24));
      }
    }
    expect(outputs).toContain('••• 43');
    expect(outputs).toContain('j•••@example.com');
  });

  it('gives in JSON only the listed fields of a message, never its payload', () => {
    const { message } = JSON.parse(outboxCommand(['show', waiting, '--json'], data.env)) as {
      message: Record<string, unknown>;
    };
    expect(Object.keys(message).sort()).toEqual(
      [
        'id',
        'sessionId',
        'brand',
        'channel',
        'to',
        'fallbackTo',
        'state',
        'reason',
        'attempts',
        'provider',
        'providerMessageId',
        'refusedBy',
        'contentKept',
        'createdAt',
        'updatedAt',
        'nextAttemptAt',
        'leaseUntil',
        'sentAt',
        'deliveredAt',
        'expiresAt',
      ].sort(),
    );
  });
});
