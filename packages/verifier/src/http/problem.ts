import type { ErrorRequestHandler, Response } from 'express';
import type { ErrorCode, Problem } from '@otp-verify/protocol';
import { ERROR_STATUS, ERROR_TITLES, problemType } from '@otp-verify/protocol';
import type { VerificationErrorDetails } from '../domain/errors.js';
import { VerificationError } from '../domain/errors.js';
import type { Logger } from 'pino';

export function sendProblem(
  res: Response,
  code: ErrorCode,
  detail: string,
  details: VerificationErrorDetails = {},
): void {
  const status = ERROR_STATUS[code];
  const body: Problem = { type: problemType(code), title: ERROR_TITLES[code], status, code, detail, ...details };
  if (details.retryAfter !== undefined) res.set('Retry-After', String(details.retryAfter));
  res.status(status).type('application/problem+json').send(JSON.stringify(body));
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Turns every error into problem+json; internals go to the log, never to the client. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof VerificationError) {
      sendProblem(res, error.code, error.message, error.details);
      return;
    }
    const parserError = error as BodyParserError;
    switch (parserError.type) {
      case 'entity.too.large':
        sendProblem(res, 'payload_too_large', 'The body is larger than 16 KB.');
        return;
      case 'entity.parse.failed':
        sendProblem(res, 'invalid_request', 'The body is not valid JSON.');
        return;
      case 'charset.unsupported':
      case 'encoding.unsupported':
        sendProblem(res, 'unsupported_media_type', 'Send the body as UTF-8 JSON without content encoding.');
        return;
    }
    if (error instanceof URIError || parserError.status === 400) {
      sendProblem(res, 'invalid_request', 'The request could not be read.');
      return;
    }
    logger.error({ err: error }, 'unhandled error');
    sendProblem(res, 'internal_error', 'Something went wrong on our side. Try again later.');
  };
}
