import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const CONFIG_DIR = fileURLToPath(new URL('../config/', import.meta.url));

export interface SmtpSettings {
  host: string;
  port: number;
  /** tls: TLS from the first byte; starttls: upgrade required; none: plain (a local relay). */
  security: 'tls' | 'starttls' | 'none';
  user?: string;
  password?: string;
  from: string;
  to: string[];
}

export interface WebhookSettings {
  url: string;
  /** The HMAC-SHA256 key of the `X-Otp-Signature` header. */
  secret: string;
}

export interface DashboardSettings {
  host: string;
  port: number;
  /** The verifier's data directory: its SQLite file holds the events the analytics fold. */
  verifierDataDir: string;
  /** The verifier's brands directory or file, for the brands' names. */
  brands: string;
  /** The dashboard's own SQLite (operators, sign-in sessions, alerts). */
  dataDir: string;
  /** An operator's price table (DASHBOARD_PRICES); else the verifier's default, DEFAULT_PRICES. */
  pricesFile?: string;
  alertRulesFile: string;
  /** The dashboard's origin as browsers see it behind a proxy (DASHBOARD_PUBLIC_ORIGIN); else each request's. */
  publicOrigin?: string;
  /** Express `trust proxy` hops (DASHBOARD_TRUST_PROXY): the sign-in throttle then counts the proxied address. */
  trustProxy?: number;
  smtp?: SmtpSettings;
  webhook?: WebhookSettings;
}

export class SettingsError extends Error {}

const port = z.coerce.number().int().min(0).max(65_535);
const hops = z.coerce.number().int().min(0).max(10);
/** An origin: scheme, host and port only, as a browser's Origin header gives it. */
const origin = z
  .url({ protocol: /^https?$/ })
  .refine((value) => new URL(value).origin === value, 'an origin such as https://dashboard.example.com');

/** Reads DASHBOARD_* and OTP_VERIFY_* variables; refuses a half-configured notification channel. */
export function settingsFromEnv(env: NodeJS.ProcessEnv): DashboardSettings {
  const verifierDataDir = verifierDataDirFromEnv(env);
  const brands = env.OTP_VERIFY_BRANDS;
  if (brands === undefined || brands === '') {
    throw new SettingsError('OTP_VERIFY_BRANDS is required: the verifier brands directory (for the brand names)');
  }
  return {
    host: env.DASHBOARD_HOST ?? '127.0.0.1',
    port: parse(port, env.DASHBOARD_PORT ?? '3100', 'DASHBOARD_PORT'),
    verifierDataDir,
    brands,
    dataDir: dashboardDataDirFromEnv(env),
    ...(env.DASHBOARD_PRICES === undefined ? {} : { pricesFile: env.DASHBOARD_PRICES }),
    alertRulesFile: env.DASHBOARD_ALERT_RULES ?? join(CONFIG_DIR, 'alert-rules.json'),
    ...(env.DASHBOARD_PUBLIC_ORIGIN === undefined
      ? {}
      : { publicOrigin: parse(origin, env.DASHBOARD_PUBLIC_ORIGIN, 'DASHBOARD_PUBLIC_ORIGIN') }),
    ...(env.DASHBOARD_TRUST_PROXY === undefined
      ? {}
      : { trustProxy: parse(hops, env.DASHBOARD_TRUST_PROXY, 'DASHBOARD_TRUST_PROXY') }),
    ...smtpFromEnv(env),
    ...webhookFromEnv(env),
  };
}

function verifierDataDirFromEnv(env: NodeJS.ProcessEnv): string {
  return env.OTP_VERIFY_DATA_DIR ?? '.data';
}

/** DASHBOARD_DATA_DIR, else `<OTP_VERIFY_DATA_DIR>/dashboard`: all the user commands need. */
export function dashboardDataDirFromEnv(env: NodeJS.ProcessEnv): string {
  return env.DASHBOARD_DATA_DIR ?? join(verifierDataDirFromEnv(env), 'dashboard');
}

function smtpFromEnv(env: NodeJS.ProcessEnv): { smtp?: SmtpSettings } {
  if (env.DASHBOARD_SMTP_HOST === undefined) return {};
  const from = required(env, 'DASHBOARD_ALERT_EMAIL_FROM');
  const to = required(env, 'DASHBOARD_ALERT_EMAIL_TO')
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
  const security = parse(
    z.enum(['tls', 'starttls', 'none']),
    env.DASHBOARD_SMTP_SECURITY ?? 'starttls',
    'DASHBOARD_SMTP_SECURITY',
  );
  const defaultPort = { tls: 465, starttls: 587, none: 25 }[security];
  const signsIn = env.DASHBOARD_SMTP_USER !== undefined || env.DASHBOARD_SMTP_PASSWORD !== undefined;
  if (security === 'none' && signsIn && !isLoopback(env.DASHBOARD_SMTP_HOST)) {
    throw new SettingsError(
      'DASHBOARD_SMTP_SECURITY=none would send the SMTP password in clear: use tls or starttls (none only for a relay on this machine)',
    );
  }
  return {
    smtp: {
      host: env.DASHBOARD_SMTP_HOST,
      port: parse(port, env.DASHBOARD_SMTP_PORT ?? String(defaultPort), 'DASHBOARD_SMTP_PORT'),
      security,
      ...(env.DASHBOARD_SMTP_USER === undefined ? {} : { user: env.DASHBOARD_SMTP_USER }),
      ...(env.DASHBOARD_SMTP_PASSWORD === undefined ? {} : { password: env.DASHBOARD_SMTP_PASSWORD }),
      from,
      to,
    },
  };
}

function webhookFromEnv(env: NodeJS.ProcessEnv): { webhook?: WebhookSettings } {
  if (env.DASHBOARD_WEBHOOK_URL === undefined) return {};
  const url = parse(z.url({ protocol: /^https?$/ }), env.DASHBOARD_WEBHOOK_URL, 'DASHBOARD_WEBHOOK_URL');
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'https:' && !isLoopback(hostname)) {
    throw new SettingsError('DASHBOARD_WEBHOOK_URL: use https (plain http only for a receiver on this machine)');
  }
  const secret = required(env, 'DASHBOARD_WEBHOOK_SECRET');
  if (secret.length < 32) throw new SettingsError('DASHBOARD_WEBHOOK_SECRET: use at least 32 characters');
  return { webhook: { url, secret } };
}

/** Whether a host name or address is this machine (then traffic to it never crosses a network). */
function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new SettingsError(`${name} is required`);
  return value;
}

function parse<T>(schema: z.ZodType<T>, value: string, name: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new SettingsError(`${name}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}
