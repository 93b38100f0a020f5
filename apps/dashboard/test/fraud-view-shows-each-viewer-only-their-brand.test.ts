import { beforeAll, describe, expect, it } from 'vitest';
import type { FraudOverview } from '@otp-verify/verifier/analytics';
import { FRAUD_TABLES } from '../src/fraud-tables.js';
import type { DashboardClient } from './support/dashboard-client.js';
import { useStack } from './support/stack.js';

const period = 'from=2030-01-14&to=2030-01-16';
const HOUR = 3_600_000;

// What only initech's events carry: none of it may reach acme's analyst.
const INITECH_NETWORK = '203.0.113.0/24';
const INITECH_PREFIX = '+4390012';
const INITECH_BLOCKED = '+4366477';

describe('the fraud view (issue 8): figures by brand, each viewer only theirs', () => {
  const stack = useStack();
  let analyst: DashboardClient;
  let operator: DashboardClient;

  beforeAll(async () => {
    const at = stack.clock() - HOUR;
    const risk = (brand: string, type: string, data: Record<string, unknown>, sessionId: string | null = null) => ({
      at,
      type,
      brand,
      sessionId,
      data,
    });
    const acmeBlock = { country: 'DE', prefix: '+4990012', segments: 2, network: '198.51.100.0/24' };
    const events = [
      risk('acme', 'session.blocked', { reason: 'velocity_prefix', reasons: ['velocity_prefix'], ...acmeBlock }, 'a1'),
      risk('acme', 'session.blocked', { reason: 'velocity_prefix', reasons: ['velocity_prefix'], ...acmeBlock }, 'a2'),
      risk('acme', 'risk.number_refused', { reason: 'number_type', ...acmeBlock, segments: 1 }),
      // A block missing every optional field: it counts, as "unknown", and breaks nothing.
      risk('acme', 'session.blocked', {}, 'a3'),
      risk('acme', 'session.challenged', { challenge: 'captcha', reasons: ['velocity_ip'], country: 'DE' }, 'a4'),
      risk('acme', 'risk.dry_run', { rules: ['sim_swap'], wouldBe: 'block', country: 'DE', segments: 1 }, 'a5'),
      risk('initech', 'session.blocked', {
        reason: 'spend_hour',
        reasons: ['spend_hour'],
        country: 'AT',
        prefix: INITECH_PREFIX,
        segments: 3,
        network: INITECH_NETWORK,
      }),
      risk('initech', 'risk.block_started', {
        rule: 'low_conversion_prefix',
        scope: 'prefix',
        subject: INITECH_BLOCKED,
        until: stack.clock() + 5 * HOUR,
        sends: 30,
        verified: 2,
      }),
      risk('acme', 'risk.block_started', {
        rule: 'low_conversion_prefix',
        scope: 'prefix',
        subject: '+4915112',
        until: stack.clock() + 5 * HOUR,
        sends: 20,
        verified: 1,
      }),
    ];
    const { store } = stack.verifier.context;
    store.transaction(() => events.forEach((event) => store.appendEvent(event)));
    analyst = await stack.signedIn('acme-analyst');
    operator = await stack.signedIn('operator');
  });

  it('an operator sees the platform, and one brand when asking for it; money saved by the price table', async () => {
    const platform = (await operator.get(`/api/fraud?${period}`)).body as FraudOverview;
    expect(platform.totals).toEqual({ blocked: 5, blockedSegments: 8, challenged: 1, dryRunSends: 1 });
    // The verifier's DEFAULT_PRICES: DE 0.075, AT 0.07 per segment; the block without a country has no segments.
    expect(platform.moneySaved).toEqual({ amount: 5 * 0.075 + 3 * 0.07, currency: 'EUR' });
    expect(platform.networks.map((row) => row.value)).toEqual(['198.51.100.0/24', '', INITECH_NETWORK]);
    const initech = (await operator.get(`/api/fraud?brand=initech&${period}`)).body as FraudOverview;
    expect(initech.totals.blocked).toBe(1);
    expect(initech.runningBlocks.map((block) => block.subject)).toEqual([INITECH_BLOCKED]);
  });

  it("an analyst's view is their brand's: reasons, top lists, running blocks (OWASP ASVS V4.1.2)", async () => {
    const response = await analyst.get(`/api/fraud?${period}`);
    expect(response.status).toBe(200);
    const fraud = response.body as FraudOverview;
    expect(fraud.filter.brand).toBe('acme');
    expect(fraud.totals).toEqual({ blocked: 4, blockedSegments: 5, challenged: 1, dryRunSends: 1 });
    expect(fraud.reasons).toEqual([
      { reason: 'velocity_prefix', blocked: 2, challenged: 0, dryRunHits: 0 },
      { reason: 'number_type', blocked: 1, challenged: 0, dryRunHits: 0 },
      { reason: 'unknown', blocked: 1, challenged: 0, dryRunHits: 0 },
      { reason: 'velocity_ip', blocked: 0, challenged: 1, dryRunHits: 0 },
      { reason: 'sim_swap', blocked: 0, challenged: 0, dryRunHits: 1 },
    ]);
    expect(fraud.prefixes.map((row) => [row.value, row.blocked])).toEqual([
      ['+4990012', 3],
      ['', 1],
    ]);
    expect(fraud.countries.map((row) => [row.value, row.blocked, row.moneySaved])).toEqual([
      ['DE', 3, 0.375],
      ['', 1, 0],
    ]);
    expect(fraud.runningBlocks.map((block) => block.subject)).toEqual(['+4915112']);
    expect(fraud.series.reasons).toEqual(['velocity_prefix', 'number_type', 'unknown']);
    const text = JSON.stringify(fraud);
    for (const secret of ['initech', INITECH_NETWORK, INITECH_PREFIX, INITECH_BLOCKED, 'spend_hour']) {
      expect(text).not.toContain(secret);
    }
  });

  it.each(FRAUD_TABLES)("the %s CSV holds the analyst's brand only", async (table) => {
    const response = await analyst.get(`/api/export/fraud/${table}.csv?${period}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(`fraud-${table}-acme-2030-01-14.csv`);
    for (const secret of ['initech', INITECH_NETWORK, INITECH_PREFIX, INITECH_BLOCKED, 'spend_hour']) {
      expect(response.text).not.toContain(secret);
    }
  });

  it('the networks CSV lists the brand’s networks with their blocks and savings', async () => {
    const response = await analyst.get(`/api/export/fraud/networks.csv?${period}`);
    expect(response.text).toBe(
      'network,blocked,blocked_segments,money_saved,currency\r\n198.51.100.0/24,3,5,0.375,EUR\r\n,1,0,0,EUR\r\n',
    );
  });

  it.each(['/api/fraud', '/api/export/fraud/networks.csv'])(
    'GET %s?brand=initech is refused to the analyst with 403 forbidden_brand',
    async (path) => {
      const response = await analyst.get(`${path}?brand=initech&${period}`);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'forbidden_brand' });
    },
  );

  it('an unknown table is 404, and the view needs a sign-in', async () => {
    expect((await operator.get(`/api/export/fraud/sessions.csv?${period}`)).status).toBe(404);
    expect((await stack.client().get(`/api/fraud?${period}`)).status).toBe(401);
  });
});
