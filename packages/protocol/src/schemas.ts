import { z } from 'zod';

export const BRAND_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
export const ORDER_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const CODE_LENGTH = { min: 6, max: 10, default: 6 } as const;
/** The largest order amount, in minor units: 100,000,000,000.00 EUR, 10,000,000,000,000 JPY. */
export const MAX_ORDER_AMOUNT = 1e13;

const isoTimestamp = z.iso.datetime();
const seconds = z.number().int().nonnegative();

export const brandIdSchema = z.string().regex(BRAND_ID_PATTERN, 'a brand id: lower-case letters, digits and dashes');
export const countrySchema = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code');
export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code')
  .refine((code) => Intl.supportedValuesOf('currency').includes(code), 'an ISO 4217 currency code');
export const localeSchema = z
  .string()
  .max(35)
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, 'a BCP 47 language tag');
export const phoneInputSchema = z.string().min(1).max(32);
export const channelSchema = z.enum(['sms', 'email']);

export const orderSchema = z.strictObject({
  id: z.string().regex(ORDER_ID_PATTERN, '1-128 characters of A-Z a-z 0-9 . _ : -'),
  amount: z.number().int().nonnegative().max(MAX_ORDER_AMOUNT),
  currency: currencySchema,
});

export const createSessionRequestSchema = z.strictObject({
  brand: brandIdSchema,
  order: orderSchema,
  locale: localeSchema.optional(),
  phone: phoneInputSchema.optional(),
  country: countrySchema.optional(),
  customerToken: z.string().min(1).max(8192).optional(),
  customerRef: z.string().min(1).max(256).optional(),
  email: z.email().max(254).optional(),
});

export const createSessionResponseSchema = z.object({
  id: z.string(),
  clientSecret: z.string(),
  status: z.literal('created'),
  expiresAt: isoTimestamp,
  codeLength: z.number().int(),
  phoneMasked: z.string().optional(),
});

export const sendRequestSchema = z.strictObject({
  phone: phoneInputSchema.optional(),
  country: countrySchema.optional(),
  channel: channelSchema.optional(),
  challengeToken: z
    .string()
    .min(1)
    .max(4096)
    .optional()
    .describe("The brand's captcha response, after a 403 challenge_required with challenge captcha"),
  fingerprint: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,128}$/)
    .optional()
    .describe('A hash of the browser traits the element sees (no storage on the device), for per-client velocity'),
});

export const challengeSchema = z.enum(['captcha', 'step_up']);

export const stepUpRequestSchema = z.strictObject({
  method: z
    .string()
    .regex(/^[a-z0-9_.-]{1,64}$/)
    .describe('How the brand re-verified its customer (password, id_document, store_visit, ...), for the record'),
  orderId: orderSchema.shape.id
    .optional()
    .describe(
      "The order the brand re-verified its customer for: refused with 422 order_mismatch unless it is the session's",
    ),
});

export const stepUpResponseSchema = z.object({
  id: z.string(),
  challengesPassed: z.array(challengeSchema),
});

export const sendResponseSchema = z.object({
  status: z.literal('sent'),
  phoneMasked: z.string(),
  retryAfter: seconds,
  expiresAt: isoTimestamp,
  sendsLeft: seconds,
});

/** Codes are ASCII digits only; a client normalises other digit forms before sending (API.md). */
export const checkRequestSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[0-9]+$/, 'ASCII digits only')
    .min(CODE_LENGTH.min)
    .max(CODE_LENGTH.max),
});

export const checkResponseSchema = z.object({
  status: z.literal('verified'),
  token: z.string(),
  tokenExpiresAt: isoTimestamp,
});

export const SESSION_STATUSES = ['created', 'sent', 'verified', 'redeemed', 'locked', 'expired', 'blocked'] as const;
export const sessionStatusSchema = z.enum(SESSION_STATUSES);

export const sessionViewSchema = z.object({
  id: z.string(),
  status: sessionStatusSchema,
  phoneMasked: z.string().optional(),
  expiresAt: isoTimestamp,
  attemptsLeft: seconds,
  sendsLeft: seconds,
  retryAfter: seconds,
});

export const redemptionRequestSchema = z.strictObject({
  token: z.string().min(1).max(8192),
  order: orderSchema.optional(),
});

/** Where the element reports that it was shown (a beacon: fetch keepalive or sendBeacon, no credentials). */
export const SHOWN_BEACON_PATH = '/v1/beacons/shown';
/** Largest shown-beacon body, in bytes. */
export const SHOWN_BEACON_MAX_BYTES = 1024;

/** `POST /v1/beacons/shown`: the element was shown on one of the brand's pages (JSON, also sent as text/plain). */
export const shownBeaconRequestSchema = z.strictObject({
  brand: brandIdSchema,
  locale: localeSchema.optional(),
});

/** Where a checkout guard reports the tokens it refused before any redemption (brand secret key). */
export const TOKEN_REFUSALS_PATH = '/v1/token-refusals';

/** Why a token was refused: by a checkout guard (most, before any redemption) or by the verifier's redemption. */
export const TOKEN_REFUSAL_REASONS = [
  'missing',
  'malformed',
  'algorithm_not_allowed',
  'unknown_key',
  'bad_signature',
  'wrong_type',
  'wrong_issuer',
  'wrong_audience',
  'not_yet_valid',
  'expired',
  'order_mismatch',
  'already_redeemed',
] as const;
export const tokenRefusalReasonSchema = z.enum(TOKEN_REFUSAL_REASONS);

/**
 * `POST /v1/token-refusals`: a token a checkout guard refused. `jti` only when the token's signature verified
 * (the refusal came after it): the claims of a token that did not verify are anybody's.
 */
export const tokenRefusalReportSchema = z.strictObject({
  reason: tokenRefusalReasonSchema,
  jti: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,128}$/, '1-128 characters of A-Z a-z 0-9 _ -')
    .optional(),
});

export const tokenClaimsSchema = z.object({
  iss: z.string(),
  aud: z.string(),
  iat: z.number(),
  nbf: z.number(),
  exp: z.number(),
  jti: z.string(),
  sid: z.string(),
  brand: z.string(),
  order: orderSchema,
  phone_ref: z.string(),
  amr: z.array(channelSchema),
});

export const redemptionResponseSchema = z.object({
  redeemed: z.literal(true),
  claims: tokenClaimsSchema,
});

/**
 * One message of the element's text: a string with `{placeholder}`s, or counted text with one full sentence per
 * Intl.PluralRules category (`other` is the fallback).
 */
export const messageSchema = z.union(
  [
    z.string(),
    z.strictObject({
      zero: z.string().optional(),
      one: z.string().optional(),
      two: z.string().optional(),
      few: z.string().optional(),
      many: z.string().optional(),
      other: z.string(),
    }),
  ],
  { error: 'text, or counted text: { "one": …, "other": … } by Intl.PluralRules category, "other" required' },
);

export const brandSettingsSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  countries: z.array(countrySchema),
  defaultCountry: countrySchema,
  locales: z.array(z.string()),
  codeLength: z.number().int(),
  guestCheckout: z.boolean(),
  channels: z.array(channelSchema),
  locale: z.string().describe("The locale of `messages`: the brand's locale matching ?locale=, else the brand's first"),
  messages: z
    .record(z.string(), messageSchema)
    .describe("The element's text in that locale, with the brand's overrides, by message key"),
  countryNames: z
    .array(z.object({ code: countrySchema, name: z.string() }))
    .describe("The brand's countries named in that locale, in its alphabetical order"),
  phoneMetadata: z.record(z.string(), z.unknown()).describe("libphonenumber-js metadata for the brand's countries"),
  captcha: z
    .object({ siteKey: z.string() })
    .optional()
    .describe('The site key of the captcha the page shows after a challenge_required with challenge captcha'),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  attemptsLeft: seconds.optional(),
  retryAfter: seconds.optional(),
  reasons: z.array(z.string()).optional(),
  challenge: challengeSchema.optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const devInboxMessageSchema = z.object({
  to: z.string(),
  channel: channelSchema,
  body: z.string(),
  sentAt: isoTimestamp,
  sessionId: z.string(),
});

export type Order = z.infer<typeof orderSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type SessionStatus = z.infer<typeof sessionStatusSchema>;
export type CreateSessionRequest = z.infer<typeof createSessionRequestSchema>;
export type CreateSessionResponse = z.infer<typeof createSessionResponseSchema>;
export type SendRequest = z.infer<typeof sendRequestSchema>;
export type SendResponse = z.infer<typeof sendResponseSchema>;
export type Challenge = z.infer<typeof challengeSchema>;
export type StepUpRequest = z.infer<typeof stepUpRequestSchema>;
export type StepUpResponse = z.infer<typeof stepUpResponseSchema>;
export type CheckRequest = z.infer<typeof checkRequestSchema>;
export type CheckResponse = z.infer<typeof checkResponseSchema>;
export type SessionView = z.infer<typeof sessionViewSchema>;
export type RedemptionRequest = z.infer<typeof redemptionRequestSchema>;
export type RedemptionResponse = z.infer<typeof redemptionResponseSchema>;
export type BrandSettings = z.infer<typeof brandSettingsSchema>;
export type Problem = z.infer<typeof problemSchema>;
export type DevInboxMessage = z.infer<typeof devInboxMessageSchema>;
export type ShownBeaconRequest = z.infer<typeof shownBeaconRequestSchema>;
export type TokenRefusalReason = z.infer<typeof tokenRefusalReasonSchema>;
export type TokenRefusalReport = z.infer<typeof tokenRefusalReportSchema>;
