import { afterEach, describe, expect, it } from 'vitest';
import type { SimSwapServiceConfig } from '../../src/config/risk-services-schema.js';
import { camaraSimSwap } from '../../src/directory/sim-swap/camara-sim-swap.js';
import type { CamaraStandIn, CamaraStandInOptions } from '../../src/directory/sim-swap/camara-stand-in.js';
import { startCamaraStandIn } from '../../src/directory/sim-swap/camara-stand-in.js';
import { testClock } from '../support/clock.js';
import { recordingLogger } from './recording-logger.js';

const SWAPPED = '+447400000099';
const CLIENT = { clientId: 'otp-verify', clientSecret: 's3cret:with/odd+chars' };
const LIFETIME_SECONDS = 3600;

// RFC 6749 4.4 (client credentials, client authenticated by HTTP Basic, 2.3.1) and 5.1 (expires_in).
describe('OAuth 2.0 client-credentials tokens for the CAMARA SIM Swap API are cached, refreshed once and refetched on a 401', () => {
  let standIn: CamaraStandIn | undefined;
  afterEach(() => standIn?.stop());

  async function setUp(options: Partial<CamaraStandInOptions> = {}, secret = CLIENT.clientSecret) {
    const clock = testClock();
    const standInClock = testClock();
    standIn = await startCamaraStandIn({
      swaps: new Map([[SWAPPED, new Date(standInClock() - 3_600_000)]]),
      auth: CLIENT,
      tokenLifetimeSeconds: LIFETIME_SECONDS,
      clock: standInClock,
      ...options,
    });
    const service: SimSwapServiceConfig = {
      url: standIn.url,
      auth: {
        type: 'client_credentials',
        tokenUrl: standIn.tokenUrl,
        clientId: CLIENT.clientId,
        secretEnv: 'CAMARA_SECRET',
      },
      timeoutMs: 2000,
    };
    const log = recordingLogger();
    const simSwap = camaraSimSwap(service, { env: { CAMARA_SECRET: secret }, logger: log.logger, clock });
    return { simSwap, clock, standInClock, standIn, log };
  }

  it('asks for one token and reuses it until shortly before it expires', async () => {
    const { simSwap, clock, standIn } = await setUp();
    for (let check = 0; check < 5; check += 1) expect(await simSwap.check(SWAPPED, 240)).toBe('swapped');
    expect(standIn.tokensIssued).toBe(1);
    clock.advanceSeconds(LIFETIME_SECONDS - 60);
    await simSwap.check(SWAPPED, 240);
    expect(standIn.tokensIssued).toBe(1);
    clock.advanceSeconds(45);
    await simSwap.check(SWAPPED, 240);
    expect(standIn.tokensIssued).toBe(2);
  });

  it('fetches one token for many checks that start at once', async () => {
    const { simSwap, standIn } = await setUp();
    const answers = await Promise.all(Array.from({ length: 8 }, () => simSwap.check(SWAPPED, 240)));
    expect(answers).toEqual(Array(8).fill('swapped'));
    expect(standIn.tokensIssued).toBe(1);
  });

  it('fetches a new token once when the service refuses the cached one, and answers', async () => {
    const { simSwap, standInClock, standIn } = await setUp();
    expect(await simSwap.check(SWAPPED, 240)).toBe('swapped');
    // The operator ends the token early (its clock runs ahead): the next check gets a 401 UNAUTHENTICATED.
    standInClock.advanceSeconds(LIFETIME_SECONDS + 1);
    expect(await simSwap.check(SWAPPED, 240)).toBe('swapped');
    expect(standIn.tokensIssued).toBe(2);
  });

  it('is unavailable when even a fresh token is refused, after exactly one refetch', async () => {
    // Tokens that expire on issue: every API call is a 401.
    const { simSwap, standIn, log } = await setUp({ tokenLifetimeSeconds: 0 });
    expect(await simSwap.check(SWAPPED, 240)).toBe('unavailable');
    expect(standIn.tokensIssued).toBe(2);
    expect(log.entries().at(-1)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('is unavailable when the token endpoint refuses the client secret, and never logs the secret', async () => {
    const { simSwap, standIn, log } = await setUp({}, 'a-wrong-secret');
    expect(await simSwap.check(SWAPPED, 240)).toBe('unavailable');
    expect(standIn.tokensIssued).toBe(0);
    expect(log.entries().at(-1)?.problem).toBe('the token endpoint answered HTTP 401 without an access token');
    expect(log.lines.join('\n')).not.toContain('a-wrong-secret');
  });
});
