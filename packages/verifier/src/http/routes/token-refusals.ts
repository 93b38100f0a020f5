import { Router } from 'express';
import { TOKEN_REFUSALS_PATH, tokenRefusalReportSchema } from '@otp-verify/protocol';
import type { VerifierContext } from '../../usecases/context.js';
import { recordTokenRefusal } from '../../usecases/record-token-refusal.js';
import { bearerToken, parseBody } from '../request-parts.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { brandOfSecretKey } from './sessions.js';

/** `POST /v1/token-refusals`, server to server with the brand's secret key: a checkout guard's refusals. */
export function tokenRefusalRoutes(context: VerifierContext): Router {
  const router = Router();
  router
    .route(TOKEN_REFUSALS_PATH)
    .post((req, res) => {
      const brand = brandOfSecretKey(context, bearerToken(req));
      recordTokenRefusal(context, brand, parseBody(req, tokenRefusalReportSchema));
      res.status(202).end();
    })
    .all(methodNotAllowed('POST'));
  return router;
}
