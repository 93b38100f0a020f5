import { z } from 'zod';
import type { ErrorCode } from '@otp-verify/protocol';
import {
  ERROR_STATUS,
  checkRequestSchema,
  createSessionRequestSchema,
  redemptionRequestSchema,
  sendRequestSchema,
} from '@otp-verify/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_URL } from '../support/brands.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';

let fixture: VerifierFixture;
let document: OpenApi;
beforeAll(async () => {
  fixture = await startTestVerifier();
  const response = await fixture.api.request('GET', '/v1/openapi.json', { origin: null });
  expect(response.status).toBe(200);
  document = response.body as OpenApi;
});
afterAll(() => fixture.dispose());

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: unknown;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
}
interface OpenApi {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** Every endpoint of API.md, with the method it answers. */
const API_MD_ENDPOINTS: [string, string][] = [
  ['/v1/sessions', 'post'],
  ['/v1/sessions/{id}/send', 'post'],
  ['/v1/sessions/{id}/check', 'post'],
  ['/v1/sessions/{id}', 'get'],
  ['/v1/redemptions', 'post'],
  ['/v1/brands/{brand}', 'get'],
  ['/.well-known/jwks.json', 'get'],
  ['/healthz', 'get'],
  ['/readyz', 'get'],
  ['/metrics', 'get'],
  ['/dev/inbox', 'get'],
  ['/dev/inbox/messages', 'get'],
  ['/v1/openapi.json', 'get'],
];

const REQUEST_SCHEMAS: [string, z.ZodType][] = [
  ['/v1/sessions', createSessionRequestSchema],
  ['/v1/sessions/{id}/send', sendRequestSchema],
  ['/v1/sessions/{id}/check', checkRequestSchema],
  ['/v1/redemptions', redemptionRequestSchema],
];

/** The errors each operation is shown (by the HTTP tests of this suite) to produce. */
const PRODUCED_ERRORS: [string, string, ErrorCode[]][] = [
  [
    '/v1/sessions',
    'post',
    [
      'invalid_request',
      'origin_not_allowed',
      'unknown_brand',
      'invalid_phone',
      'country_not_allowed',
      'guest_checkout_disabled',
      'invalid_customer_token',
      'invalid_secret_key',
      'payload_too_large',
      'unsupported_media_type',
    ],
  ],
  [
    '/v1/sessions/{id}/send',
    'post',
    [
      'invalid_request',
      'invalid_client_secret',
      'session_not_found',
      'session_closed',
      'invalid_phone',
      'country_not_allowed',
      'rate_limited',
      'payload_too_large',
      'unsupported_media_type',
    ],
  ],
  [
    '/v1/sessions/{id}/check',
    'post',
    [
      'invalid_request',
      'invalid_client_secret',
      'session_not_found',
      'session_closed',
      'invalid_code',
      'locked',
      'expired',
      'payload_too_large',
      'unsupported_media_type',
    ],
  ],
  ['/v1/sessions/{id}', 'get', ['invalid_client_secret', 'session_not_found']],
  [
    '/v1/redemptions',
    'post',
    [
      'invalid_request',
      'invalid_secret_key',
      'invalid_token',
      'already_redeemed',
      'order_mismatch',
      'payload_too_large',
      'unsupported_media_type',
    ],
  ],
  ['/v1/brands/{brand}', 'get', ['unknown_brand']],
];

describe('GET /v1/openapi.json', () => {
  it('is OpenAPI 3.1 with the verifier’s public URL as server', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: PUBLIC_URL }]);
  });

  it.each(API_MD_ENDPOINTS)('documents %s (%s)', (path, method) => {
    expect(document.paths[path]?.[method]).toBeDefined();
  });

  it.each(API_MD_ENDPOINTS)(
    '%s (%s) documents each {parameter} of its path as a required path parameter',
    (path, method) => {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const documented = (document.paths[path]?.[method]?.parameters ?? []).filter(
        (parameter) => parameter.in === 'path',
      );
      expect(documented.map((parameter) => parameter.name).sort()).toEqual(inPath.sort());
      for (const parameter of documented) expect(parameter.required).toBe(true);
    },
  );

  it('GET /v1/brands/{brand} documents its optional ?locale= query parameter', () => {
    const parameters = document.paths['/v1/brands/{brand}']?.get?.parameters ?? [];
    expect(parameters.filter((parameter) => parameter.in === 'query')).toEqual([
      expect.objectContaining({ name: 'locale', required: false, schema: { type: 'string' } }),
    ]);
  });

  it.each(REQUEST_SCHEMAS)('the %s request body is the protocol schema as JSON Schema', (path, schema) => {
    const operation = document.paths[path]?.post;
    expect(operation?.requestBody?.content['application/json']?.schema).toEqual(
      z.toJSONSchema(schema, { io: 'input' }),
    );
  });

  it.each(PRODUCED_ERRORS)('%s (%s) documents the status of every error it produces', (path, method, codes) => {
    const responses = document.paths[path]?.[method]?.responses ?? {};
    const missing = codes.filter((code) => {
      const response = responses[String(ERROR_STATUS[code])];
      return response === undefined || !response.description.includes(code);
    });
    expect(missing).toEqual([]);
    for (const code of codes) {
      expect(responses[String(ERROR_STATUS[code])]?.content).toHaveProperty(['application/problem+json']);
    }
  });
});
