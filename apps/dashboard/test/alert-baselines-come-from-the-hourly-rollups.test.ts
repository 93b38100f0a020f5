import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ACME, uniqueMobile } from './support/brands.js';
import { CLOCK_START } from './support/clock.js';
import { alertRule } from './support/rules.js';
import { useStack } from './support/stack.js';
import { wrongCode } from './support/verifier-client.js';

const MINUTE = 60_000;

/** acme's wrong codes in 15 minutes against `threshold` × its usual 15 minutes, the usual from the hour before. */
const spikeRule = (id: string, threshold: number) =>
  alertRule({
    id,
    kind: 'wrong_code_spike',
    brand: 'acme',
    threshold,
    windowMinutes: 15,
    minCount: 10,
    baselineHours: 1,
  });

describe('spike and volume baselines come from the hourly rollups, the raw events only for the window', () => {
  const stack = useStack({
    alertRules: [spikeRule('three-times-usual', 3), spikeRule('one-and-a-half-times-usual', 1.5)],
  });

  /** Sessions of acme, each with 4 wrong codes (below the lock). */
  async function wrongCodes(sessions: number): Promise<void> {
    for (let session = 0; session < sessions; session += 1) {
      const flow = await stack.shop.create(ACME, uniqueMobile());
      await stack.shop.send(flow);
      const code = await stack.shop.code(flow);
      for (let attempt = 0; attempt < 4; attempt += 1) {
        expect((await stack.shop.check(flow, wrongCode(code))).status).toBe(422);
      }
    }
  }

  it('holds a brand to its usual hour even once the raw events of that hour are archived', async () => {
    // 10:00-11:00: acme's usual hour, 24 wrong codes (6 per 15 minutes), folded into the rollups.
    await wrongCodes(6);
    await stack.dashboard.context.analytics.catchUp();
    // The event log of that hour archived: only the rollups remember it.
    const verifierDb = new Database(join(stack.dataDir, 'otp-verify.sqlite'));
    verifierDb.prepare('DELETE FROM events WHERE at < ?').run(CLOCK_START + 60 * MINUTE);
    verifierDb.close();

    stack.clock.advance(74 * MINUTE);
    await wrongCodes(3);
    stack.clock.advance(MINUTE);
    // 12 in 11:00-11:15: 3 × the usual 6 is 18, 1.5 × the usual is 9 (so minCount, 10).
    expect(stack.dashboard.alertEvaluator.evaluate()).toEqual([
      expect.objectContaining({
        rule: 'one-and-a-half-times-usual',
        brand: 'acme',
        value: 12,
        threshold: 10,
        detail: '12 wrong codes in 15 min; usual 6.0.',
      }),
    ]);
  });
});
