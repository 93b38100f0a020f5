import express, { Router } from 'express';
import type { Request, RequestHandler } from 'express';
import { SHOWN_BEACON_MAX_BYTES, SHOWN_BEACON_PATH, shownBeaconRequestSchema } from '@otp-verify/protocol';
import { VerificationError } from '../../domain/errors.js';
import type { VerifierContext } from '../../usecases/context.js';
import { recordShown } from '../../usecases/record-shown.js';
import { clientOf, refuseNonUtf8, validated } from '../request-parts.js';
import { methodNotAllowed } from './method-not-allowed.js';

/**
 * `POST /v1/beacons/shown`, public: the element reports it was shown. A beacon (fetch keepalive, sendBeacon)
 * sends JSON as text/plain to go without a CORS preflight, so both are read, as UTF-8, up to 1 KB.
 */
export function shownBeaconRoutes(context: VerifierContext): Router {
  const router = Router();
  router
    .route(SHOWN_BEACON_PATH)
    .post(readSmallText, (req, res) => {
      const beacon = validated(shownBeaconRequestSchema, beaconBody(req));
      recordShown(context, beacon, req.headers.origin, clientOf(req));
      res.status(204).end();
    })
    .all(methodNotAllowed('POST'));
  return router;
}

const textParser = express.text({
  type: ['application/json', 'text/plain'],
  limit: SHOWN_BEACON_MAX_BYTES,
  defaultCharset: 'utf-8',
  verify: refuseNonUtf8,
});

const readSmallText: RequestHandler = (req, res, next) => {
  textParser(req, res, (error?: unknown) => {
    const tooLarge = (error as { type?: string } | undefined)?.type === 'entity.too.large';
    next(tooLarge ? new VerificationError('payload_too_large', 'A beacon is at most 1 KB.') : error);
  });
};

function beaconBody(req: Request): unknown {
  const text: unknown = req.body;
  if (typeof text !== 'string') {
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (hasBody) throw new VerificationError('unsupported_media_type', 'Send the beacon as JSON (or text/plain).');
    return {};
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new VerificationError('invalid_request', 'The body is not valid JSON.');
  }
}
