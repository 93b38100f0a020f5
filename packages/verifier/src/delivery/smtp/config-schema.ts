import { z } from 'zod';

/** Hosts plain SMTP may go to: a relay on this machine, so codes never cross a network in clear. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

const TIMEOUT_BOUNDS = 'a whole number of milliseconds from 100 to 60000';

export const smtpConfigSchema = z
  .strictObject({
    type: z.literal('smtp'),
    host: z.string().min(1).max(255),
    /** Default: 465 for "tls", 587 for "starttls", 25 for "none". */
    port: z.number().int().min(1).max(65_535).optional(),
    /** "tls": TLS from the first byte (465); "starttls": STARTTLS required, never plain; "none": loopback only. */
    security: z.enum(['tls', 'starttls', 'none']),
    user: z.string().min(1).max(256).optional(),
    /** The environment variable holding the password, read when the verifier starts. */
    passwordEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]{0,127}$/, 'the name of an environment variable (A-Z, 0-9, _), never the password itself')
      .optional(),
    /** The envelope sender and the From address; the display name is the brand's. */
    from: z.email('an email address such as otp@example.com, without a display name'),
    /** Each of connecting, the server's greeting and any later silence of the socket. */
    timeoutMs: z.number().int().min(100, TIMEOUT_BOUNDS).max(60_000, TIMEOUT_BOUNDS).default(10_000),
    /** Keep up to this many connections open and reuse them; absent: one connection per message. */
    pool: z.number().int().min(1).max(50).optional(),
  })
  .refine((config) => config.security !== 'none' || LOOPBACK_HOSTS.has(config.host), {
    path: ['security'],
    message: 'plain SMTP ("none") only to localhost / 127.0.0.1 / ::1: use "tls" or "starttls"',
  })
  .refine((config) => (config.user === undefined) === (config.passwordEnv === undefined), {
    path: ['passwordEnv'],
    message: 'give "user" and "passwordEnv" together, or neither (no login)',
  });

export type SmtpConfig = z.infer<typeof smtpConfigSchema>;
