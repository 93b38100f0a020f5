import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError, describeIssues } from './config-error.js';

export interface VerifierSettings {
  /** Where the database, keys and secrets live; created on first start. */
  dataDir: string;
  /** The brands directory (one `<id>.json` per brand) or a brands file. */
  brands: string;
  /** The verifier's public URL: the `iss` of its tokens. */
  publicUrl: string;
  mode: 'dev' | 'production';
  host: string;
  port: number;
  /**
   * Express `trust proxy`: whom to believe about the client address in X-Forwarded-For. Off (the
   * default) uses the socket's address and ignores the header; a hop count or a list of proxy
   * addresses/subnets (or loopback, linklocal, uniquelocal) trusts only those proxies.
   */
  trustProxy?: TrustProxy;
  /** The algorithm of new signing keys: ES256 (default) or EdDSA (Ed25519). */
  signingAlg?: 'ES256' | 'EdDSA';
}

export type TrustProxy = false | number | string[];

const NAMED_PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (NAMED_PROXY_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** OTP_VERIFY_TRUST_PROXY: off, a hop count, or proxy addresses; "true" (believe anyone) is refused. */
const trustProxySchema = z
  .string()
  .trim()
  .transform((value, context): TrustProxy => {
    if (/^(?:false|off|no|0)$/i.test(value)) return false;
    if (/^[1-9]\d?$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isProxyAddress(entry));
    if (bad.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `"${bad.join(', ')}": not off, a hop count (1-99), or proxy addresses, subnets, loopback, linklocal, uniquelocal`,
      });
      return z.NEVER;
    }
    return entries;
  });

const envSchema = z.object({
  OTP_VERIFY_DATA_DIR: z.string().min(1).default('.data'),
  OTP_VERIFY_BRANDS: z.string().min(1, 'the path of the brands directory (one <id>.json per brand) or brands file'),
  OTP_VERIFY_MODE: z.enum(['dev', 'production']).default('production'),
  OTP_VERIFY_HOST: z.string().min(1).default('127.0.0.1'),
  OTP_VERIFY_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  OTP_VERIFY_PUBLIC_URL: z.url().optional(),
  OTP_VERIFY_TRUST_PROXY: trustProxySchema.default(false),
  OTP_VERIFY_SIGNING_ALG: z.enum(['ES256', 'EdDSA']).default('ES256'),
});

/** Settings from environment variables, with defaults; a bad value stops start-up with its name. */
export function settingsFromEnv(
  env: NodeJS.ProcessEnv,
  defaults: Partial<Record<keyof z.input<typeof envSchema>, string>> = {},
): VerifierSettings {
  const parsed = envSchema.safeParse({ ...defaults, ...stripEmpty(env) });
  if (!parsed.success) throw new ConfigError(`environment: ${describeIssues(parsed.error.issues)}`);
  const values = parsed.data;
  return {
    dataDir: resolve(values.OTP_VERIFY_DATA_DIR),
    brands: resolve(values.OTP_VERIFY_BRANDS),
    mode: values.OTP_VERIFY_MODE,
    host: values.OTP_VERIFY_HOST,
    port: values.OTP_VERIFY_PORT,
    trustProxy: values.OTP_VERIFY_TRUST_PROXY,
    signingAlg: values.OTP_VERIFY_SIGNING_ALG,
    publicUrl: (values.OTP_VERIFY_PUBLIC_URL ?? `http://${values.OTP_VERIFY_HOST}:${values.OTP_VERIFY_PORT}`).replace(
      /\/$/,
      '',
    ),
  };
}

function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

/** What the `otp-verify keys` commands need: the data directory and the algorithm of new keys. */
export function keySettingsFromEnv(env: NodeJS.ProcessEnv): { dataDir: string; signingAlg: 'ES256' | 'EdDSA' } {
  const parsed = envSchema.pick({ OTP_VERIFY_DATA_DIR: true, OTP_VERIFY_SIGNING_ALG: true }).safeParse(stripEmpty(env));
  if (!parsed.success) throw new ConfigError(`environment: ${describeIssues(parsed.error.issues)}`);
  return { dataDir: resolve(parsed.data.OTP_VERIFY_DATA_DIR), signingAlg: parsed.data.OTP_VERIFY_SIGNING_ALG };
}
