import { z } from 'zod';
import { envNameSchema } from '../../config/env-name.js';
import { recordWithKeys } from '../../config/record-keys.js';
import { PLACEHOLDERS, unknownPlaceholders } from './placeholders.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * https, or plain http to this machine only (a gateway stub, a local relay): codes never cross a network in clear
 * (OWASP ASVS v4.0.3 9.2.2).
 */
const gatewayUrlSchema = z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname) || url.hostname.startsWith('127.');
}, 'must be https (plain http only to localhost / 127.0.0.1 / [::1])');

const headerNameSchema = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, 'an HTTP header name');

/** Secrets are read from the environment at start, never from files (OWASP ASVS v4.0.3 2.10.4). */
const authSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bearer'), secretEnv: envNameSchema }),
  z.strictObject({ type: z.literal('basic'), username: z.string().min(1).max(256), secretEnv: envNameSchema }),
  z.strictObject({ type: z.literal('header'), name: headerNameSchema, secretEnv: envNameSchema }),
]);

const templateString = z
  .string()
  .max(2048)
  .superRefine((template, context) => {
    for (const name of unknownPlaceholders(template)) {
      context.addIssue({
        code: 'custom',
        message: `{${name}} is not a placeholder (${PLACEHOLDERS.map((known) => `{${known}}`).join(', ')})`,
      });
    }
  });

type JsonTemplate = string | number | boolean | null | JsonTemplate[] | { [key: string]: JsonTemplate };
const jsonTemplateSchema: z.ZodType<JsonTemplate> = z.lazy(() =>
  z.union([
    templateString,
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonTemplateSchema),
    z.record(z.string(), jsonTemplateSchema),
  ]),
);

/** A small dotted path into the gateway's JSON answer; a segment of digits is an array index (`messages.0.id`). */
const jsonPathSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9_-]{1,64}){0,9}$/, 'a dotted path such as messages.0.id');

/** Headers the provider sets itself, or that would carry a secret in the file. */
const RESERVED_HEADERS = new Set(['authorization', 'content-type', 'content-length', 'host']);
const ownHeaderNameSchema = headerNameSchema.refine(
  (name) => !RESERVED_HEADERS.has(name.toLowerCase()),
  'set by the provider (authorization: use "auth" with a secretEnv)',
);

const TIMEOUT_BOUNDS = 'a whole number of milliseconds from 500 to 30000';

/** A status value in the gateway's receipts, such as `DELIVERED` or `3`. */
const receiptStatusSchema = z.union([z.string().min(1).max(64), z.number()]);

/**
 * Delivery receipts the gateway posts to `POST /v1/delivery-receipts/{provider}`, each request signed with a
 * key from the environment: hex HMAC-SHA256 of `${timestamp}.${body}`.
 */
const receiptsSchema = z
  .strictObject({
    secretEnv: envNameSchema,
    signatureHeader: headerNameSchema.default('x-otp-verify-signature'),
    /** Unix seconds; a request more than `toleranceSeconds` away from now is refused (a replay). */
    timestampHeader: headerNameSchema.default('x-otp-verify-timestamp'),
    toleranceSeconds: z.number().int().min(30).max(3600).default(300),
    /** Where the list of receipts is; absent: a JSON array is the list, an object is one receipt. */
    itemsPath: jsonPathSchema.optional(),
    messageIdPath: jsonPathSchema,
    statusPath: jsonPathSchema,
    errorPath: jsonPathSchema.optional(),
    /** The gateway's status values that mean delivered, and failed; others (queued, sent…) are left out. */
    delivered: z.array(receiptStatusSchema).min(1),
    failed: z.array(receiptStatusSchema).min(1),
  })
  .refine((receipts) => !receipts.failed.some((status) => receipts.delivered.map(String).includes(String(status))), {
    path: ['failed'],
    message: 'a status cannot mean both delivered and failed',
  });

export const httpGatewayConfigSchema = z
  .strictObject({
    type: z.literal('http'),
    method: z.enum(['POST', 'GET']).default('POST'),
    url: gatewayUrlSchema,
    headers: recordWithKeys(
      ownHeaderNameSchema,
      z.string().regex(/^[\t\x20-\x7e]{0,1024}$/, 'printable ASCII on one line'),
    ).default({}),
    auth: authSchema.optional(),
    /** The header that carries the message's idempotency key, e.g. `Idempotency-Key`. */
    idempotencyKeyHeader: headerNameSchema.optional(),
    /** The body as JSON, placeholders in its strings… */
    json: jsonTemplateSchema.optional(),
    /** …or as form fields (`application/x-www-form-urlencoded`; the query string for GET). */
    form: z.record(z.string().min(1).max(128), templateString).optional(),
    response: z.strictObject({
      successStatuses: z.array(z.number().int().min(200).max(299)).min(1).default([200, 201, 202]),
      messageIdPath: jsonPathSchema,
      /** Where a refusing gateway says why; quoted (redacted, shortened) in the error. */
      errorPath: jsonPathSchema.optional(),
      /** The statuses that refuse the message itself; absent: the default of `isRejectedStatus`. */
      rejectedStatuses: z.array(z.number().int().min(400).max(599)).optional(),
    }),
    receipts: receiptsSchema.optional(),
    /** Each attempt's limit, answer included. */
    timeoutMs: z.number().int().min(500, TIMEOUT_BOUNDS).max(30_000, TIMEOUT_BOUNDS).default(5000),
  })
  .refine((config) => (config.json === undefined) !== (config.form === undefined), {
    path: ['json'],
    message: 'give the body as either "json" or "form" (one of them)',
  })
  .refine((config) => config.method === 'POST' || config.json === undefined, {
    path: ['json'],
    message: 'a GET request has no body: give "form" (sent as the query string)',
  });

export type HttpGatewayConfig = z.infer<typeof httpGatewayConfigSchema>;
export type HttpGatewayAuth = z.infer<typeof authSchema>;
export type HttpGatewayReceipts = z.infer<typeof receiptsSchema>;
export type { JsonTemplate };
