import type { Request, Response } from 'express';
import express, { Router } from 'express';
import type { Logger } from 'pino';
import type { MessageProvider } from '../../delivery/provider.js';
import { ReceiptRefusedError } from '../../delivery/provider.js';
import { VerificationError } from '../../domain/errors.js';
import type { VerifierContext } from '../../usecases/context.js';
import { methodNotAllowed } from './method-not-allowed.js';

const MAX_BODY_KB = 64;
// The signature covers the bytes as sent: no inflating (a gzip body is refused with 415).
const readRawJson = express.raw({ limit: `${MAX_BODY_KB}kb`, type: 'application/json', inflate: false });

/**
 * `POST /v1/delivery-receipts/{provider}`: a gateway's signed delivery receipts, server to server (no CORS, in
 * every mode). The provider checks the signature on the raw bytes before anything is parsed; each receipt is then
 * recorded by the outbox. Mounted before the JSON parser, which would consume the body.
 */
export function deliveryReceiptRoutes(context: VerifierContext, logger: Logger): Router {
  const router = Router();
  router
    .route('/v1/delivery-receipts/:provider')
    .post(async (req, res) => {
      const name = req.params.provider ?? '';
      const readReceipts = receiptReader(context, name);
      if (!req.is('application/json')) {
        throw new VerificationError('unsupported_media_type', 'Send the receipts as application/json.');
      }
      const body = await rawBody(req, res);
      try {
        for (const receipt of readReceipts({ body, headers: req.headers }, context.clock())) {
          context.outbox.recordReceipt(name, receipt);
        }
      } catch (error) {
        if (!(error instanceof ReceiptRefusedError)) throw error;
        logger.warn({ provider: name, reason: error.message }, 'delivery receipts refused');
        if (error.reason === 'signature') {
          throw new VerificationError('invalid_signature', 'The signature is missing, wrong or too old.');
        }
        throw new VerificationError('invalid_request', `The receipts could not be read: ${error.message}.`);
      }
      res.status(204).end();
    })
    .all(methodNotAllowed('POST'));
  return router;
}

function receiptReader(context: VerifierContext, name: string): NonNullable<MessageProvider['readReceipts']> {
  const provider = Object.hasOwn(context.providers, name) ? context.providers[name] : undefined;
  const readReceipts = provider?.readReceipts?.bind(provider);
  if (readReceipts === undefined) {
    throw new VerificationError('unknown_provider', 'No provider of this name takes delivery receipts.');
  }
  return readReceipts;
}

function rawBody(req: Request, res: Response): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    void readRawJson(req, res, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
        reject(new VerificationError('payload_too_large', `The body is larger than ${MAX_BODY_KB} KB.`));
      } else if (error !== undefined) reject(error);
      else resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    });
  });
}
