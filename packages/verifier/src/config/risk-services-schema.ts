import { z } from 'zod';
import { envNameSchema } from './env-name.js';

const httpUrlSchema = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });
const timeoutSchema = z.number().int().min(100).max(10_000);

/**
 * platform.json's `simSwap`: the GSMA CAMARA SIM Swap API the verifier asks before sending to a number
 * (`POST {url}/check` with `{ phoneNumber, maxAge }`). Credentials come from the environment: a bearer token, or
 * OAuth 2.0 client credentials as CAMARA operators issue them.
 */
export const simSwapServiceSchema = z.strictObject({
  url: httpUrlSchema,
  auth: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('bearer'), secretEnv: envNameSchema }),
    z.strictObject({
      type: z.literal('client_credentials'),
      tokenUrl: httpUrlSchema,
      clientId: z.string().min(1).max(256),
      secretEnv: envNameSchema,
      scope: z.string().max(512).optional(),
    }),
  ]),
  timeoutMs: timeoutSchema.default(1500),
});

/**
 * A brand's `captcha`: the site key its page shows the widget with, and the siteverify endpoint (the protocol of
 * reCAPTCHA, hCaptcha and Turnstile: POST `secret`, `response`, `remoteip`; JSON `{ success }`) with the secret
 * from the environment.
 */
export const captchaSchema = z.strictObject({
  siteKey: z.string().min(1).max(256),
  verifyUrl: httpUrlSchema,
  secretEnv: envNameSchema,
  timeoutMs: timeoutSchema.default(3000),
});

/** platform.json's `prices`: an SMS segment by country (and a default) and an email, for spend caps. */
export const pricesSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code'),
  smsSegment: z
    .record(
      z.string().regex(/^([A-Z]{2}|default)$/, 'a country (ISO 3166-1 alpha-2) or "default"'),
      z.number().min(0).max(100),
    )
    .refine((prices) => prices.default !== undefined, 'needs a "default" price'),
  email: z.number().min(0).max(100),
});

export type SimSwapServiceConfig = z.infer<typeof simSwapServiceSchema>;
export type CaptchaConfig = z.infer<typeof captchaSchema>;
export type PriceTable = z.infer<typeof pricesSchema>;
