import express from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { TrustProxy } from '../config/settings.js';
import type { VerifierContext } from '../usecases/context.js';
import { brandCors } from './cors.js';
import { openApiDocument } from './openapi.js';
import { problemHandler, sendProblem } from './problem.js';
import { refuseNonUtf8 } from './request-parts.js';
import { deliveryReceiptRoutes } from './routes/delivery-receipts.js';
import { devInboxRoutes } from './routes/dev-inbox.js';
import { devTemplateRoutes } from './routes/dev-templates.js';
import { operationsRoutes } from './routes/operations.js';
import { publicDocumentRoutes } from './routes/public-documents.js';
import { redemptionRoutes } from './routes/redemptions.js';
import { sessionRoutes } from './routes/sessions.js';
import { shownBeaconRoutes } from './routes/shown-beacons.js';
import { tokenRefusalRoutes } from './routes/token-refusals.js';

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
  // Reads its own small bodies (JSON sent as text/plain too): before the JSON parser.
  app.use(shownBeaconRoutes(context));
  app.use(express.json({ limit: '16kb', strict: true, type: 'application/json', verify: refuseNonUtf8 }));
  app.use(sessionRoutes(context));
  app.use(redemptionRoutes(context));
  app.use(tokenRefusalRoutes(context));
  app.use(publicDocumentRoutes(context, openApiDocument(context.issuer)));
  app.use(operationsRoutes(context));
  if (options.mode === 'dev') app.use(devInboxRoutes(context.store), devTemplateRoutes(context.brands));
  app.use((req, res) => sendProblem(res, 'not_found', `Nothing at ${req.method} ${req.path}.`));
  app.use(problemHandler(options.logger));
  return app;
}
