import { randomBytes } from 'node:crypto';
import type { VerifierOptions } from '@otp-verify/verifier';
import { startCamaraStandIn } from '@otp-verify/verifier/stand-ins';

const HOUR_MS = 3_600_000;

/**
 * The demo's "recently swapped" numbers, one per brand's home country: the demo's CAMARA SIM Swap stand-in says
 * their SIM changed 2 hours before the demo started, well within the `sim_swap` rule's default maxAge (240 h), so
 * the verifier challenges a send to them with the brand's step-up (README's demo section; the e2e tests use them).
 * Every other number was never swapped.
 */
export const DEMO_SIM_SWAPS = [
  { brand: 'acme', e164: '+491700000099', typed: '0170 0000099' },
  { brand: 'nova', e164: '+447400000099', typed: '07400 000099' },
  { brand: 'granite', e164: '+31612000099', typed: '06 12000099' },
  { brand: 'kiwi', e164: '+64210000099', typed: '0210 000 099' },
  { brand: 'noor', e164: '+971500000099', typed: '050 000 0099' },
] as const;

/** Acme's number whose SIM changed 30 days before start: older than maxAge, so its code is sent as usual. */
export const DEMO_OLD_SIM_SWAP = { brand: 'acme', e164: '+491700000098', typed: '0170 0000098' } as const;

const RECENT_SWAP_HOURS = 2;
const OLD_SWAP_HOURS = 30 * 24;
/** The verifier reads the stand-in's token from its environment like any `secretEnv`; set in-process only. */
const TOKEN_ENV = 'DEMO_SIM_SWAP_TOKEN';

export interface DemoSimSwapService {
  /** What the verifier is started with: the stand-in's URL and the variable holding its token. */
  simSwapService: NonNullable<VerifierOptions['simSwapService']>;
  /** The verifier's environment: the process's, with the token generated at start. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** Starts the CAMARA SIM Swap stand-in on 127.0.0.1 (`port` 0: a free one) with the demo's swapped numbers. */
export async function startDemoSimSwapService(port: number, now = Date.now()): Promise<DemoSimSwapService> {
  const token = randomBytes(24).toString('base64url');
  const swaps = new Map<string, Date>(
    DEMO_SIM_SWAPS.map(({ e164 }) => [e164, new Date(now - RECENT_SWAP_HOURS * HOUR_MS)]),
  );
  swaps.set(DEMO_OLD_SIM_SWAP.e164, new Date(now - OLD_SWAP_HOURS * HOUR_MS));
  const standIn = await startCamaraStandIn({ host: '127.0.0.1', port, swaps, auth: { bearer: token } });
  return {
    simSwapService: { url: standIn.url, auth: { type: 'bearer', secretEnv: TOKEN_ENV }, timeoutMs: 1500 },
    env: { ...process.env, [TOKEN_ENV]: token },
    stop: () => standIn.stop(),
  };
}
