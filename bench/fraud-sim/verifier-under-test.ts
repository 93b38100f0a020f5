import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { RunningVerifier } from '@otp-verify/verifier';
import { brandRegistry, sha256Hex, startVerifier } from '@otp-verify/verifier';
import type { CamaraStandIn } from '@otp-verify/verifier/stand-ins';
import { startCamaraStandIn } from '@otp-verify/verifier/stand-ins';
import type { SimBrand } from './client.js';

export interface VerifierUnderTest {
  verifier: RunningVerifier;
  simSwap: CamaraStandIn;
  brands: { de: SimBrand; at: SimBrand };
  stop(): Promise<void>;
}

const SIM_SWAP_TOKEN_ENV = 'FRAUD_SIM_CAMARA_TOKEN';

/**
 * The real verifier, in this process, on 127.0.0.1 (port 0), dev mode (codes go to its dev inbox), a fresh data
 * directory, the simulated clock, the default limits and risk rules, and the CAMARA stand-in as its SIM-swap
 * service. It trusts one proxy hop, so each simulated client's X-Forwarded-For is the address it is counted by.
 */
export async function startVerifierUnderTest(clock: () => number): Promise<VerifierUnderTest> {
  const directory = mkdtempSync(join(tmpdir(), 'otp-verify-fraud-sim-'));
  const token = randomBytes(24).toString('base64url');
  const simSwap = await startCamaraStandIn({ host: '127.0.0.1', auth: { bearer: token }, clock });
  const brands = {
    de: simBrand('sim-shop-de', ['DE']),
    at: simBrand('sim-shop-at', ['AT', 'DE']),
  };
  const registry = brandRegistry(
    {
      brands: Object.values(brands).map((brand) => ({
        id: brand.id,
        displayName: brand.id === 'sim-shop-de' ? 'Simulated Mobilfunk DE' : 'Simulated Mobilfunk AT',
        allowedOrigins: [brand.origin],
        audience: `${brand.origin}/checkout`,
        countries: brand.countries,
        defaultCountry: brand.countries[0],
        locales: ['de'],
        guestCheckout: true,
        channels: ['sms'],
        secretKeys: [{ id: 'sim', sha256: sha256Hex(brand.secretKey) }],
      })),
    },
    'fraud-sim brands',
  );
  let verifier: RunningVerifier;
  try {
    verifier = await startVerifier({
      dataDir: join(directory, 'data'),
      brands: registry,
      publicUrl: 'https://verify.fraud-sim.test',
      mode: 'dev',
      logger: pino({ level: process.env.FRAUD_SIM_LOG ?? 'silent' }),
      clock,
      trustProxy: 1,
      host: '127.0.0.1',
      port: 0,
      simSwapService: { url: simSwap.url, auth: { type: 'bearer', secretEnv: SIM_SWAP_TOKEN_ENV }, timeoutMs: 1500 },
      env: { [SIM_SWAP_TOKEN_ENV]: token },
    });
  } catch (error) {
    await simSwap.stop();
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  return {
    verifier,
    simSwap,
    brands,
    stop: async () => {
      await verifier.stop();
      await simSwap.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

function simBrand(id: string, countries: SimBrand['countries']): SimBrand {
  return {
    id,
    origin: `https://${id}.test`,
    secretKey: `sk_sim_${randomBytes(16).toString('hex')}`,
    countries,
  };
}
