import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxCommand } from '../../src/cli/outbox-command.js';
import type { OutboxDataDir } from './outbox-test-store.js';
import { outboxDataDir } from './outbox-test-store.js';

let data: OutboxDataDir;
let ids: Record<'sent' | 'dead' | 'delivered' | 'failed' | 'cancelled' | 'sending' | 'globexDead' | 'resent', string>;
let resentSession: string;

beforeAll(() => {
  data = outboxDataDir();
  const sent = data.message('sent');
  resentSession = data.store.findMessage(sent)?.sessionId ?? '';
  ids = {
    sent,
    dead: data.message('dead'),
    delivered: data.message('delivered'),
    failed: data.message('failed'),
    cancelled: data.message('cancelled'),
    sending: data.message('sending'),
    globexDead: data.message('dead', { brand: 'globex' }),
    resent: data.message('queued', { sessionId: resentSession }),
  };
});
afterAll(() => data.remove());

const list = (...args: string[]) => outboxCommand(['list', ...args], data.env);

/** The rows of the table (header first) as cells, and the closing line. */
function table(output: string) {
  const lines = output.split('\n');
  return { rows: lines.slice(0, -1).map((line) => line.split(/ {2,}/)), footer: lines.at(-1) };
}

const listedIds = (output: string) =>
  table(output)
    .rows.slice(1)
    .map((row) => row[0]);

describe('otp-verify outbox list', () => {
  it('shows the newest messages first, with masked address, attempts, provider, reason and ISO times', () => {
    const { rows, footer } = table(list());
    expect(rows[0]).toEqual([
      'ID',
      'STATE',
      'CHANNEL',
      'TO',
      'BRAND',
      'ATTEMPTS',
      'PROVIDER',
      'REASON',
      'CREATED',
      'UPDATED',
    ]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(Object.values(ids).reverse());
    const created = new Date(data.now()).toISOString();
    expect(rows[1]).toEqual([
      ids.resent,
      'queued',
      'sms',
      '••• 43',
      'acme',
      '1',
      'primary',
      'primary answered HTTP 503',
      created,
      created,
    ]);
    expect(rows.find((row) => row[0] === ids.globexDead)).toEqual([
      ids.globexDead,
      'dead',
      'sms',
      '••• 43',
      'globex',
      '1',
      'primary',
      'out of attempts',
      expect.stringMatching(/^2030-01-15T10:00:\d\d\.000Z$/),
      expect.stringMatching(/^2030-01-15T10:00:\d\d\.000Z$/),
    ]);
    expect(footer).toBe(
      '8 shown, newest first (--limit 50); in the outbox: 1 queued, 1 sending, 1 sent, 1 delivered, 1 failed, 2 dead, ' +
        '1 cancelled',
    );
  });

  it('filters by state and by session, and shows at most --limit messages while counting them all', () => {
    expect(listedIds(list('--state', 'dead'))).toEqual([ids.globexDead, ids.dead]);
    expect(listedIds(list('--session', resentSession))).toEqual([ids.resent, ids.sent]);
    expect(listedIds(list('--session', resentSession, '--state', 'sent'))).toEqual([ids.sent]);
    const limited = list('--limit', '2');
    expect(listedIds(limited)).toEqual([ids.resent, ids.globexDead]);
    expect(table(limited).footer).toMatch(/^2 shown, newest first \(--limit 2\); in the outbox: 1 queued, .*2 dead/);
    expect(list('--state', 'cancelled', '--session', resentSession)).toBe(
      'no messages match\n0 shown, newest first (--limit 50); in the outbox: 1 queued, 1 sending, 1 sent, ' +
        '1 delivered, 1 failed, 2 dead, 1 cancelled',
    );
  });

  it('--json prints the same messages and the counts as JSON', () => {
    const parsed = JSON.parse(list('--json', '--state', 'sent')) as {
      messages: Record<string, unknown>[];
      countsByState: Record<string, number>;
    };
    expect(parsed.countsByState).toEqual({
      queued: 1,
      sending: 1,
      sent: 1,
      delivered: 1,
      failed: 1,
      dead: 2,
      cancelled: 1,
    });
    expect(parsed.messages).toEqual([
      expect.objectContaining({
        id: ids.sent,
        sessionId: resentSession,
        state: 'sent',
        to: '••• 43',
        provider: 'primary',
        providerMessageId: 'gw-1',
        contentKept: false,
        sentAt: expect.stringMatching(/^2030-01-15T10:00:01\.000Z$/),
      }),
    ]);
  });
});
