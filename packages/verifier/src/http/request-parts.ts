import type { Request } from 'express';
import type { z } from 'zod';
import { VerificationError } from '../domain/errors.js';
import { formatPath } from '../config/config-error.js';
import type { RequestClient } from '../usecases/limits.js';

/** The JSON body validated against a protocol schema; a missing body counts as `{}`. */
export function parseBody<Schema extends z.ZodType>(req: Request, schema: Schema): z.infer<Schema> {
  const hasBody = req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0';
  if ((hasBody || req.headers['transfer-encoding'] !== undefined) && !req.is('application/json')) {
    throw new VerificationError('unsupported_media_type', 'Send the body as application/json.');
  }
  return validated(schema, req.body ?? {});
}

/** A parsed body checked against a protocol schema: 400 invalid_request naming each wrong field. */
export function validated<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const errors = result.error.issues.map((issue) => ({
      path: formatPath(issue.path) || '(body)',
      message: issue.message,
    }));
    throw new VerificationError(
      'invalid_request',
      errors.map((error) => `${error.path}: ${error.message}`).join('; '),
      {
        errors,
      },
    );
  }
  return result.data;
}

/** The credential of an `Authorization: Bearer …` header. */
export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Bearer ([\x21-\x7e]{1,512})$/.exec(header);
  return match?.[1];
}

export function isSecretKey(credential: string | undefined): credential is string {
  return credential?.startsWith('sk_') === true;
}

/**
 * The client the per-IP limits count: `req.ip`, which follows X-Forwarded-For only as far as Express's
 * `trust proxy` (OTP_VERIFY_TRUST_PROXY) allows, and is the socket's address when it is off.
 */
export function clientOf(req: Request): RequestClient {
  return { ip: req.ip ?? req.socket.remoteAddress ?? 'unknown' };
}

/**
 * The contract's bodies are UTF-8 (API.md); body-parser would also decode UTF-16 and UTF-32, which lets a
 * body look different to anything in front of the verifier that reads it as UTF-8. A body parser's `verify`.
 */
export function refuseNonUtf8(_req: unknown, _res: unknown, _body: Buffer, encoding: string): void {
  if (encoding.toLowerCase() !== 'utf-8') {
    throw Object.assign(new Error(`charset ${encoding} is not supported`), {
      status: 415,
      type: 'charset.unsupported',
    });
  }
}
