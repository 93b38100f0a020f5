import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError, describeIssues } from './config-error.js';

export interface VerifierSettings {
  /** Where the database, keys and secrets live; created on first start. */
  dataDir: string;
  brandsFile: string;
  /** The verifier's public URL: the `iss` of its tokens. */
  publicUrl: string;
  mode: 'dev' | 'production';
  host: string;
  port: number;
}

const envSchema = z.object({
  OTP_VERIFY_DATA_DIR: z.string().min(1).default('.data'),
  OTP_VERIFY_BRANDS_FILE: z.string().min(1, 'the path of the brands file'),
  OTP_VERIFY_MODE: z.enum(['dev', 'production']).default('production'),
  OTP_VERIFY_HOST: z.string().min(1).default('127.0.0.1'),
  OTP_VERIFY_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  OTP_VERIFY_PUBLIC_URL: z.url().optional(),
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
    brandsFile: resolve(values.OTP_VERIFY_BRANDS_FILE),
    mode: values.OTP_VERIFY_MODE,
    host: values.OTP_VERIFY_HOST,
    port: values.OTP_VERIFY_PORT,
    publicUrl: (values.OTP_VERIFY_PUBLIC_URL ?? `http://${values.OTP_VERIFY_HOST}:${values.OTP_VERIFY_PORT}`).replace(
      /\/$/,
      '',
    ),
  };
}

function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => Boolean(entry[1])));
}
