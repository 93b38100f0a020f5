import { z } from 'zod';
import type { ErrorCode } from '@otp-verify/protocol';
import {
  ERROR_STATUS,
  brandSettingsSchema,
  checkRequestSchema,
  checkResponseSchema,
  createSessionRequestSchema,
  createSessionResponseSchema,
  devInboxMessageSchema,
  problemSchema,
  redemptionRequestSchema,
  redemptionResponseSchema,
  sendRequestSchema,
  stepUpRequestSchema,
  stepUpResponseSchema,
  sendResponseSchema,
  sessionViewSchema,
  SHOWN_BEACON_PATH,
  shownBeaconRequestSchema,
  TOKEN_REFUSALS_PATH,
  tokenRefusalReportSchema,
} from '@otp-verify/protocol';

interface Operation {
  summary: string;
  security?: 'clientSecret' | 'secretKey';
  request?: z.ZodType;
  /** The request body's media types; default JSON only. */
  requestTypes?: string[];
  success: { status: number; schema?: z.ZodType; description: string };
  errors: ErrorCode[];
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

const sessionId = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];

/** A GET that takes nothing, answers 200 without a JSON schema and has no problem responses. */
const plainGet = (summary: string, description: string): Record<string, Operation> => ({
  get: { summary, success: { status: 200, description }, errors: [] },
});

const PATHS: Record<string, Record<string, Operation & { parameters?: object[] }>> = {
  '/v1/sessions': {
    post: {
      summary: 'Create a verification session',
      request: createSessionRequestSchema,
      success: { status: 201, schema: createSessionResponseSchema, description: 'Session created' },
      errors: [
        'invalid_request',
        'origin_not_allowed',
        'unknown_brand',
        'invalid_phone',
        'country_not_allowed',
        'invalid_customer_token',
        'guest_checkout_disabled',
        'invalid_secret_key',
        'rate_limited',
        'directory_unavailable',
        'payload_too_large',
        'unsupported_media_type',
      ],
    },
  },
  '/v1/sessions/{id}/send': {
    post: {
      summary: 'Send a code',
      security: 'clientSecret',
      parameters: sessionId,
      request: sendRequestSchema,
      success: {
        status: 202,
        schema: sendResponseSchema,
        description: 'The code is stored in the outbox (durable) and being delivered; `status` is "sent"',
      },
      errors: [
        'invalid_request',
        'invalid_client_secret',
        'session_not_found',
        'session_closed',
        'invalid_phone',
        'country_not_allowed',
        'rate_limited',
        'blocked',
        'challenge_required',
        'delivery_unavailable',
        'payload_too_large',
        'unsupported_media_type',
      ],
    },
  },
  '/v1/sessions/{id}/check': {
    post: {
      summary: 'Check a code',
      security: 'clientSecret',
      parameters: sessionId,
      request: checkRequestSchema,
      success: { status: 200, schema: checkResponseSchema, description: 'Verified: the order-verified token' },
      errors: [
        'invalid_code',
        'locked',
        'expired',
        'session_closed',
        'invalid_request',
        'rate_limited',
        'invalid_client_secret',
        'session_not_found',
        'payload_too_large',
        'unsupported_media_type',
      ],
    },
  },
  '/v1/sessions/{id}/step-up': {
    post: {
      summary:
        "The brand's server re-verified its customer (its step-up hook): the session's sends no longer need the " +
        'step-up a risk rule (SIM swap) asked for',
      security: 'secretKey',
      parameters: sessionId,
      request: stepUpRequestSchema,
      success: { status: 200, schema: stepUpResponseSchema, description: 'The challenges the session has passed' },
      errors: [
        'invalid_request',
        'invalid_secret_key',
        'session_not_found',
        'session_closed',
        'order_mismatch',
        'payload_too_large',
        'unsupported_media_type',
      ],
    },
  },
  '/v1/sessions/{id}': {
    get: {
      summary: 'Read a session',
      security: 'clientSecret',
      parameters: sessionId,
      success: { status: 200, schema: sessionViewSchema, description: 'The session' },
      errors: ['invalid_client_secret', 'session_not_found'],
    },
  },
  '/v1/redemptions': {
    post: {
      summary: 'Redeem an order-verified token once',
      security: 'secretKey',
      request: redemptionRequestSchema,
      success: { status: 200, schema: redemptionResponseSchema, description: 'Redeemed' },
      errors: [
        'invalid_request',
        'invalid_secret_key',
        'already_redeemed',
        'invalid_token',
        'order_mismatch',
        'payload_too_large',
        'unsupported_media_type',
      ],
    },
  },
  [TOKEN_REFUSALS_PATH]: {
    post: {
      summary:
        'A checkout guard reports a token it refused before redeeming it; `jti` only when the signature verified ' +
        '(the refusal is then attached to its session)',
      security: 'secretKey',
      request: tokenRefusalReportSchema,
      success: { status: 202, description: 'Recorded in the event log' },
      errors: ['invalid_request', 'invalid_secret_key', 'rate_limited', 'payload_too_large', 'unsupported_media_type'],
    },
  },
  [SHOWN_BEACON_PATH]: {
    post: {
      summary:
        "The element was shown on one of the brand's pages (its Origin must be one of the brand's); " +
        'JSON, also as text/plain (a beacon without preflight), at most 1 KB; limited per client address',
      request: shownBeaconRequestSchema,
      requestTypes: ['application/json', 'text/plain'],
      success: { status: 204, description: 'Recorded in the event log' },
      errors: [
        'invalid_request',
        'origin_not_allowed',
        'unknown_brand',
        'rate_limited',
        'payload_too_large',
        'unsupported_media_type',
      ],
    },
  },
  '/v1/delivery-receipts/{provider}': {
    post: {
      summary:
        "A gateway's delivery receipts, server to server: signed with the provider's receipts key (hex " +
        'HMAC-SHA256 of `${timestamp}.${body}`, the timestamp in unix seconds within the tolerance of now); ' +
        'the header names and the body mapping are the provider’s `receipts` configuration',
      parameters: [
        { name: 'provider', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'X-OTP-Verify-Signature', in: 'header', required: true, schema: { type: 'string' } },
        { name: 'X-OTP-Verify-Timestamp', in: 'header', required: true, schema: { type: 'string' } },
      ],
      request: z.unknown().describe("The gateway's receipts as it sends them, at most 64 KB"),
      success: { status: 204, description: 'Recorded' },
      errors: [
        'invalid_request',
        'invalid_signature',
        'unknown_provider',
        'payload_too_large',
        'unsupported_media_type',
      ],
    },
  },
  '/v1/brands/{brand}': {
    get: {
      summary: "A brand's public settings",
      parameters: [
        { name: 'brand', in: 'path', required: true, schema: { type: 'string' } },
        {
          name: 'locale',
          in: 'query',
          required: false,
          description:
            "A BCP 47 language tag, e.g. de-AT. The response's `locale` is the brand's locale with the same " +
            "language (de-AT gives de), else the brand's first locale (also for a missing or malformed tag).",
          schema: { type: 'string' },
          example: 'de-AT',
        },
      ],
      success: { status: 200, schema: brandSettingsSchema, description: 'Brand settings' },
      errors: ['unknown_brand'],
    },
  },
  '/.well-known/jwks.json': plainGet('Public signing keys', 'JWK set'),
  '/v1/openapi.json': plainGet('This OpenAPI document', 'OpenAPI 3.1'),
  '/healthz': plainGet('Liveness', 'The process answers'),
  '/readyz': plainGet('Readiness: the store answers (503 when it does not)', 'Ready'),
  '/metrics': plainGet('Prometheus metrics (text format)', 'Metrics'),
  '/dev/inbox': plainGet('Dev mode only: the dev inbox page (HTML)', 'HTML page'),
  '/dev/templates': {
    get: {
      summary: "Dev mode only: every brand's SMS and email per locale, with the SMS's encoding and segments (HTML)",
      parameters: [
        { name: 'brand', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'locale', in: 'query', required: false, schema: { type: 'string' } },
      ],
      success: { status: 200, description: 'HTML page' },
      errors: ['invalid_request', 'unknown_brand'],
    },
  },
  '/dev/inbox/messages': {
    get: {
      summary: 'Dev mode only: messages the dev inbox received',
      parameters: [{ name: 'to', in: 'query', required: false, schema: { type: 'string' } }],
      success: { status: 200, schema: z.array(devInboxMessageSchema), description: 'Newest first' },
      errors: ['invalid_request'],
    },
  },
};

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with. */
export function openApiDocument(serverUrl: string): object {
  const paths = Object.fromEntries(
    Object.entries(PATHS).map(([path, operations]) => [
      path,
      Object.fromEntries(Object.entries(operations).map(([method, operation]) => [method, operationObject(operation)])),
    ]),
  );
  return {
    openapi: '3.1.0',
    info: { title: 'otp-verify API', version: '1' },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        clientSecret: { type: 'http', scheme: 'bearer', description: "The session's clientSecret" },
        secretKey: { type: 'http', scheme: 'bearer', description: "The brand's secret key (sk_…)" },
      },
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
    },
    paths,
  };
}

function operationObject(operation: Operation & { parameters?: object[] }): object {
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  const responses: Record<string, object> = {
    [operation.success.status]: {
      description: operation.success.description,
      ...(operation.success.schema && {
        content: { 'application/json': { schema: jsonSchema(operation.success.schema, 'output') } },
      }),
    },
  };
  for (const code of operation.errors) {
    const status = String(ERROR_STATUS[code]);
    const existing = responses[status] as { description: string } | undefined;
    responses[status] = { description: existing ? `${existing.description}, ${code}` : code, content: problem };
  }
  return {
    summary: operation.summary,
    ...(operation.parameters && { parameters: operation.parameters }),
    ...(operation.security && { security: [{ [operation.security]: [] }] }),
    ...(operation.request && {
      requestBody: {
        required: true,
        content: Object.fromEntries(
          (operation.requestTypes ?? ['application/json']).map((type) => [
            type,
            { schema: jsonSchema(operation.request as z.ZodType, 'input') },
          ]),
        ),
      },
    }),
    responses,
  };
}
