import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';

const PROBLEMS = {
  invalid_request: { status: 400, title: 'The request could not be read' },
  invalid_filter: { status: 400, title: 'A filter is not valid' },
  unauthenticated: { status: 401, title: 'Sign in first' },
  invalid_credentials: { status: 401, title: 'Wrong username or password' },
  csrf: { status: 403, title: 'The request did not come from the dashboard' },
  forbidden_brand: { status: 403, title: 'This brand is not yours to see' },
  forbidden: { status: 403, title: 'Your role may not do this' },
  not_found: { status: 404, title: 'Not found' },
  payload_too_large: { status: 413, title: 'The body is too large' },
  unsupported_media_type: { status: 415, title: 'Send JSON' },
  misdirected_request: { status: 421, title: 'This server does not answer for that host' },
  too_many_attempts: { status: 429, title: 'Too many failed sign-ins' },
  internal_error: { status: 500, title: 'Something went wrong on our side' },
  too_many_subscribers: { status: 503, title: 'Too many live views are open' },
  not_ready: { status: 503, title: 'Not ready' },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

/** An error a route throws to answer with problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    detail: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
  }
}

export function sendProblem(res: Response, code: ProblemCode, detail: string, retryAfterSeconds?: number): void {
  const { status, title } = PROBLEMS[code];
  if (retryAfterSeconds !== undefined) res.set('Retry-After', String(retryAfterSeconds));
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: `about:blank#${code}`, title, status, detail, code }));
}

/** Every error becomes problem+json; internals go to the log, never to the client. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof HttpProblem) {
      sendProblem(res, error.code, error.message, error.retryAfterSeconds);
      return;
    }
    const parserError = error as { type?: string; status?: number };
    if (parserError.type === 'entity.too.large') return sendProblem(res, 'payload_too_large', 'At most 4 KB.');
    if (parserError.type === 'charset.unsupported' || parserError.type === 'encoding.unsupported') {
      return sendProblem(res, 'unsupported_media_type', 'Send the body as UTF-8 JSON.');
    }
    if (error instanceof URIError || parserError.status === 400) {
      return sendProblem(res, 'invalid_request', 'The request could not be read.');
    }
    logger.error({ err: error }, 'unhandled error');
    sendProblem(res, 'internal_error', 'Try again later.');
  };
}
