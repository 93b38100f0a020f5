import { describe, expect, it } from 'vitest';
import type { TestBrand } from './support/brands.js';
import { ACME, INITECH, uniqueMobile } from './support/brands.js';
import { alertRule } from './support/rules.js';
import { useStack } from './support/stack.js';
import type { Flow } from './support/verifier-client.js';

const MINUTE = 60_000;

/** Per number prefix, over 10 minutes of sessions created up to 10 minutes ago (the default lag). */
const LOW_CONVERSION_BY_PREFIX = alertRule({
  id: 'low-conversion-prefix',
  kind: 'low_conversion',
  by: 'prefix',
  threshold: 0.5,
  windowMinutes: 10,
  minCount: 5,
});

describe('low_conversion judges a cohort of sessions that has had time to verify', () => {
  const stack = useStack({ alertRules: [LOW_CONVERSION_BY_PREFIX] });

  async function sent(brand: TestBrand, country: 'DE' | 'AT'): Promise<Flow> {
    const flow = await stack.shop.create(brand, uniqueMobile(country));
    await stack.shop.send(flow);
    return flow;
  }

  it('stays quiet for a healthy burst that verifies 2 minutes in, and fires for a prefix that never verifies', async () => {
    const healthy: Flow[] = [];
    for (let session = 0; session < 5; session += 1) {
      healthy.push(await sent(ACME, 'DE'));
      await sent(INITECH, 'AT');
    }
    stack.clock.advance(1_000);
    // Nobody has verified yet: the sessions are a few seconds old, not lost.
    expect(stack.dashboard.alertEvaluator.evaluate()).toEqual([]);

    stack.clock.advance(2 * MINUTE);
    for (const flow of healthy) expect((await stack.shop.check(flow, await stack.shop.code(flow))).status).toBe(200);
    expect(stack.dashboard.alertEvaluator.evaluate()).toEqual([]);

    stack.clock.advance(9 * MINUTE);
    const opened = stack.dashboard.alertEvaluator.evaluate();
    expect(opened).toEqual([
      expect.objectContaining({ rule: 'low-conversion-prefix', brand: 'initech', subject: '+43664120', value: 0 }),
    ]);
    expect(opened[0]?.detail).toBe('0 of 5 sessions created in the 10 min up to 10 min ago verified (0.0 %).');
  });
});
