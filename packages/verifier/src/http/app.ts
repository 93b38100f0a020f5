import express from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { TrustProxy } from '../config/settings.js';
import type { VerifierContext } from '../usecases/context.js';
import { brandCors } from './cors.js';
import { openApiDocument } from './openapi.js';
import { problemHandler, sendProblem } from './problem.js';
import { deliveryReceiptRoutes } from './routes/delivery-receipts.js';
import { devInboxRoutes } from './routes/dev-inbox.js';
import { devTemplateRoutes } from './routes/dev-templates.js';
import { operationsRoutes } from './routes/operations.js';
import { publicDocumentRoutes } from './routes/public-documents.js';
import { redemptionRoutes } from './routes/redemptions.js';
import { sessionRoutes } from './routes/sessions.js';

export interface AppOptions {
  mode: 'dev' | 'production';
  logger: Logger;
  /** Express `trust proxy` (OTP_VERIFY_TRUST_PROXY); off by default: X-Forwarded-For is ignored. */
  trustProxy?: TrustProxy;
}

export function createApp(context: VerifierContext, options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(helmet({ crossOriginResourcePolicy: { policy: 'cross-origin' } }));
  // Server to server, on the raw body: before CORS and the JSON parser.
  app.use(deliveryReceiptRoutes(context, options.logger));
  app.use(brandCors(context.brands));
  app.use(express.json({ limit: '16kb', strict: true, type: 'application/json', verify: refuseNonUtf8 }));
  app.use(sessionRoutes(context));
  app.use(redemptionRoutes(context));
  app.use(publicDocumentRoutes(context, openApiDocument(context.issuer)));
  app.use(operationsRoutes(context));
  if (options.mode === 'dev') app.use(devInboxRoutes(context.store), devTemplateRoutes(context.brands));
  app.use((req, res) => sendProblem(res, 'not_found', `Nothing at ${req.method} ${req.path}.`));
  app.use(problemHandler(options.logger));
  return app;
}

/**
 * The contract's bodies are UTF-8 (API.md); body-parser would also decode UTF-16 and UTF-32, which lets a
 * body look different to anything in front of the verifier that reads it as UTF-8.
 */
function refuseNonUtf8(_req: unknown, _res: unknown, _body: Buffer, encoding: string): void {
  if (encoding.toLowerCase() !== 'utf-8') {
    throw Object.assign(new Error(`charset ${encoding} is not supported`), {
      status: 415,
      type: 'charset.unsupported',
    });
  }
}
