/**
 * Two OS processes (a verifier and a dashboard, say) folding the same database at the same time: the watermark is
 * read and moved inside each fold's IMMEDIATE transaction, so every event is folded by exactly one of them and the
 * rollups count it once. Runs the built analytics (`dist/`) in child processes, like production.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_START, HOUR, PRICES, eventLogFixture, sessionEvents } from './analytics-fixture.js';
import type { EventLogFixture } from './analytics-fixture.js';

const ANALYTICS_MODULE = fileURLToPath(new URL('../../dist/analytics/index.js', import.meta.url));
const SESSIONS = 600;

/** A child process folding in small batches until nothing is left; prints the ids it folded, as JSON. */
function foldInChildProcess(dataDir: string): Promise<number[]> {
  const script = `
    const { openAnalytics } = await import(${JSON.stringify(ANALYTICS_MODULE)});
    const analytics = openAnalytics({ dataDir: ${JSON.stringify(dataDir)}, prices: ${JSON.stringify(PRICES)} });
    const ids = [];
    for (let batch = analytics.fold({ maxEvents: 7 }); batch.length > 0; batch = analytics.fold({ maxEvents: 7 })) {
      ids.push(...batch.map((event) => event.id));
      await new Promise((resolve) => setImmediate(resolve));
    }
    analytics.close();
    process.stdout.write(JSON.stringify(ids));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`fold child exited ${code}: ${err}`)),
    );
  });
}

let log: EventLogFixture;
beforeEach(() => {
  log = eventLogFixture();
});
afterEach(() => log.dispose());

describe('folding from two processes at once (issue 7: exact counts)', () => {
  it('folds every event exactly once between them, and the rollups count each session once', async () => {
    for (let index = 0; index < SESSIONS; index += 1) {
      log.append(
        sessionEvents(`ses_${index}`, index % 2 === 0 ? 'acme' : 'nova', DAY_START + (index % 24) * HOUR, [
          [0, 'session.created', { source: 'typed', locale: 'en', amount: 100, currency: 'EUR', country: 'DE' }],
          [0, 'message.queued', { channel: 'sms', fallback: false, country: 'DE', prefix: '+4917012', segments: 1 }],
          [0, 'message.sent', { channel: 'sms', provider: 'dev', latencyMs: 40 }],
          [1, 'session.verified', { attempts: 1, msSinceCreated: 60_000 }],
        ]),
      );
    }
    const total = SESSIONS * 4;

    const [first, second] = await Promise.all([foldInChildProcess(log.dataDir), foldInChildProcess(log.dataDir)]);

    expect(first.length, 'both processes took part').toBeGreaterThan(0);
    expect(second.length, 'both processes took part').toBeGreaterThan(0);
    const folded = [...first, ...second];
    expect(folded).toHaveLength(total);
    expect(new Set(folded).size).toBe(total);
    const day = { from: DAY_START, to: DAY_START + 24 * HOUR };
    const overview = log.analytics().overview(day, 'hour');
    expect(overview.figures.funnel).toMatchObject({ created: SESSIONS, sent: SESSIONS, verified: SESSIONS });
    expect(overview.figures.sends.messages).toBe(SESSIONS);
    expect(overview.asOfEventId).toBe(Math.max(...folded));
  }, 60_000);
});
