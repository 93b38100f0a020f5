import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimSwapServiceConfig } from '../../src/config/risk-services-schema.js';
import { ConfigError } from '../../src/config/config-error.js';
import { camaraSimSwap } from '../../src/directory/sim-swap/camara-sim-swap.js';
import type { CamaraStandIn } from '../../src/directory/sim-swap/camara-stand-in.js';
import { startCamaraStandIn } from '../../src/directory/sim-swap/camara-stand-in.js';
import { CLOCK_START, testClock } from '../support/clock.js';
import { recordingLogger } from './recording-logger.js';

const HOUR = 3_600_000;
const SWAPPED_TWO_HOURS_AGO = '+491700000099';
const SWAPPED_THIRTY_DAYS_AGO = '+491700000098';
const NEVER_SWAPPED = '+491701234567';
const TOKEN = 'camara-test-token-7f3a';

describe('the CAMARA SIM Swap adapter answers what the operator knows (CAMARA SIM Swap v2 POST /check)', () => {
  const clock = testClock();
  const log = recordingLogger();
  let standIn: CamaraStandIn;
  let service: SimSwapServiceConfig;

  beforeAll(async () => {
    standIn = await startCamaraStandIn({
      swaps: new Map([
        [SWAPPED_TWO_HOURS_AGO, new Date(CLOCK_START - 2 * HOUR)],
        [SWAPPED_THIRTY_DAYS_AGO, new Date(CLOCK_START - 30 * 24 * HOUR)],
      ]),
      auth: { bearer: TOKEN },
      clock,
    });
    service = { url: standIn.url, auth: { type: 'bearer', secretEnv: 'SIM_SWAP_TOKEN' }, timeoutMs: 2000 };
  });
  afterAll(() => standIn.stop());

  const checker = (env: NodeJS.ProcessEnv = { SIM_SWAP_TOKEN: TOKEN }) =>
    camaraSimSwap(service, { env, logger: log.logger, clock });

  it('says swapped for a SIM changed within maxAge and not swapped for an older change or none', async () => {
    const simSwap = checker();
    expect(await simSwap.check(SWAPPED_TWO_HOURS_AGO, 240)).toBe('swapped');
    expect(await simSwap.check(SWAPPED_TWO_HOURS_AGO, 1)).toBe('not_swapped');
    expect(await simSwap.check(SWAPPED_THIRTY_DAYS_AGO, 240)).toBe('not_swapped');
    expect(await simSwap.check(SWAPPED_THIRTY_DAYS_AGO, 2400)).toBe('swapped');
    expect(await simSwap.check(NEVER_SWAPPED, 2400)).toBe('not_swapped');
  });

  it('follows the operator: a swap reported after start counts, one withdrawn no longer does', async () => {
    const simSwap = checker();
    standIn.setSwap(NEVER_SWAPPED, new Date(clock() - HOUR));
    expect(await simSwap.check(NEVER_SWAPPED, 240)).toBe('swapped');
    standIn.setSwap(NEVER_SWAPPED, null);
    expect(await simSwap.check(NEVER_SWAPPED, 240)).toBe('not_swapped');
  });

  it('is unavailable when the service refuses its bearer token (RFC 6750 3.1), without asking again', async () => {
    const simSwap = checker({ SIM_SWAP_TOKEN: 'a-revoked-token' });
    expect(await simSwap.check(SWAPPED_TWO_HOURS_AGO, 240)).toBe('unavailable');
    expect(log.entries().at(-1)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('is unavailable for a maxAge CAMARA refuses (1 to 2400 hours)', async () => {
    expect(await checker().check(SWAPPED_TWO_HOURS_AGO, 2401)).toBe('unavailable');
    expect(log.entries().at(-1)).toMatchObject({ status: 400, code: 'INVALID_ARGUMENT' });
  });

  it('stops the start when the token variable is missing, naming the field and the variable', () => {
    expect(() => checker({})).toThrow(ConfigError);
    expect(() => checker({})).toThrow(
      'platform.json simSwap.auth.secretEnv: the environment variable SIM_SWAP_TOKEN is not set',
    );
  });

  // OWASP ASVS v4.0.3 7.1.2: no personal data in logs; the number only travels to the operator.
  it('never writes the number or the token in its logs', () => {
    expect(log.lines.length).toBeGreaterThan(0);
    for (const line of log.lines) {
      for (const secret of [SWAPPED_TWO_HOURS_AGO, SWAPPED_TWO_HOURS_AGO.slice(3), TOKEN, 'a-revoked-token']) {
        expect(line).not.toContain(secret);
      }
    }
  });
});
