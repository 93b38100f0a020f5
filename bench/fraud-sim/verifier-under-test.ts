import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { BrandConfig, RunningVerifier } from '@otp-verify/verifier';
import { brandRegistry, sha256Hex, startVerifier } from '@otp-verify/verifier';
import type { CamaraStandIn, SiteverifyStandIn } from '@otp-verify/verifier/stand-ins';
import { startCamaraStandIn, startSiteverifyStandIn } from '@otp-verify/verifier/stand-ins';
import type { SimBrand } from './client.js';

/** How the verifier is set up for a run: the traffic is the same, the defence differs. */
export interface VerifierSetup {
  /** `defaults`: the verifier's default risk rules; `off`: every risk rule off (the baseline; the send limits stay). */
  rules: 'defaults' | 'off';
  /** Whether both brands have a captcha (the siteverify stand-in), so the captcha rules are enforced. */
  captcha: boolean;
}

export interface VerifierUnderTest {
  verifier: RunningVerifier;
  simSwap: CamaraStandIn;
  /** The captcha's siteverify stand-in when the brands have one: `issueToken()` is a solved challenge. */
  captcha: SiteverifyStandIn | undefined;
  brands: { de: SimBrand; at: SimBrand };
  stop(): Promise<void>;
}

const SIM_SWAP_TOKEN_ENV = 'FRAUD_SIM_CAMARA_TOKEN';
const CAPTCHA_SECRET_ENV = 'FRAUD_SIM_CAPTCHA_SECRET';

/** A brand's `risk` with every rule of the engine off: what the verifier did before issue 8. */
export const RISK_RULES_OFF: NonNullable<BrandConfig['risk']> = {
  country: { mode: 'off' },
  numberType: { mode: 'off' },
  velocity: {
    ip: { mode: 'off' },
    phone: { mode: 'off' },
    prefix: { mode: 'off' },
    brand: { mode: 'off' },
    fingerprint: { mode: 'off' },
  },
  distinctNumbersPerIp: { mode: 'off' },
  lowConversion: { mode: 'off', countryMode: 'off' },
  spendCap: { mode: 'off' },
  simSwap: { mode: 'off' },
};

/**
 * The real verifier, in this process, on 127.0.0.1 (port 0), dev mode (codes go to its dev inbox), a fresh data
 * directory, the simulated clock, the default limits, the risk rules `setup` asks for, and the CAMARA stand-in as
 * its SIM-swap service. It trusts one proxy hop, so each simulated client's X-Forwarded-For is the address it is
 * counted by.
 */
export async function startVerifierUnderTest(clock: () => number, setup: VerifierSetup): Promise<VerifierUnderTest> {
  const directory = mkdtempSync(join(tmpdir(), 'otp-verify-fraud-sim-'));
  const token = randomBytes(24).toString('base64url');
  const captchaSecret = randomBytes(24).toString('base64url');
  const simSwap = await startCamaraStandIn({ host: '127.0.0.1', auth: { bearer: token }, clock });
  const captcha = setup.captcha
    ? await startSiteverifyStandIn({ host: '127.0.0.1', secret: captchaSecret })
    : undefined;
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
        ...(setup.rules === 'off' ? { risk: RISK_RULES_OFF } : {}),
        ...(captcha === undefined
          ? {}
          : { captcha: { siteKey: `site-${brand.id}`, verifyUrl: captcha.url, secretEnv: CAPTCHA_SECRET_ENV } }),
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
      env: { [SIM_SWAP_TOKEN_ENV]: token, [CAPTCHA_SECRET_ENV]: captchaSecret },
    });
  } catch (error) {
    await simSwap.stop();
    await captcha?.stop();
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  return {
    verifier,
    simSwap,
    captcha,
    brands,
    stop: async () => {
      await verifier.stop();
      await simSwap.stop();
      await captcha?.stop();
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
