import { Router } from 'express';
import { redemptionRequestSchema } from '@otp-verify/protocol';
import type { VerifierContext } from '../../usecases/context.js';
import { redeemToken } from '../../usecases/redeem-token.js';
import { bearerToken, parseBody } from '../request-parts.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { brandOfSecretKey } from './sessions.js';

export function redemptionRoutes(context: VerifierContext): Router {
  const router = Router();
  router
    .route('/v1/redemptions')
    .post(async (req, res) => {
      const brand = brandOfSecretKey(context, bearerToken(req));
      const request = parseBody(req, redemptionRequestSchema);
      res.status(200).json({ redeemed: true, claims: await redeemToken(context, brand, request) });
    })
    .all(methodNotAllowed('POST'));
  return router;
}
