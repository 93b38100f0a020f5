import { Router } from 'express';
import {
  checkRequestSchema,
  createSessionRequestSchema,
  sendRequestSchema,
  stepUpRequestSchema,
} from '@otp-verify/protocol';
import { sessionView } from '../../domain/session.js';
import { VerificationError } from '../../domain/errors.js';
import type { Brand } from '../../config/brands.js';
import { authenticateSession } from '../../usecases/authenticate-session.js';
import { checkCode } from '../../usecases/check-code.js';
import { stepUpSession } from '../../usecases/challenges.js';
import type { VerifierContext } from '../../usecases/context.js';
import type { SessionCreator } from '../../usecases/create-session.js';
import { createSession } from '../../usecases/create-session.js';
import { sendCode } from '../../usecases/send-code.js';
import { bearerToken, clientOf, isSecretKey, parseBody } from '../request-parts.js';
import { methodNotAllowed } from './method-not-allowed.js';

export function sessionRoutes(context: VerifierContext): Router {
  const router = Router();
  router
    .route('/v1/sessions')
    .post(async (req, res) => {
      const request = parseBody(req, createSessionRequestSchema);
      const credential = bearerToken(req);
      const creator: SessionCreator = isSecretKey(credential)
        ? { kind: 'server', brand: brandOfSecretKey(context, credential) }
        : { kind: 'page', origin: req.headers.origin };
      res.status(201).json(await createSession(context, request, creator, clientOf(req)));
    })
    .all(methodNotAllowed('POST'));
  router
    .route('/v1/sessions/:id/send')
    .post(async (req, res) => {
      const request = parseBody(req, sendRequestSchema);
      const client = clientOf(req);
      const fingerprint = request.fingerprint === undefined ? client.fingerprint : `element\0${request.fingerprint}`;
      res
        .status(202)
        .json(await sendCode(context, req.params.id, bearerToken(req), request, { ...client, fingerprint }));
    })
    .all(methodNotAllowed('POST'));
  router
    .route('/v1/sessions/:id/check')
    .post(async (req, res) => {
      const { code } = parseBody(req, checkRequestSchema);
      res.status(200).json(await checkCode(context, req.params.id, bearerToken(req), code, clientOf(req)));
    })
    .all(methodNotAllowed('POST'));
  router
    .route('/v1/sessions/:id/step-up')
    .post((req, res) => {
      const brand = brandOfSecretKey(context, bearerToken(req));
      const request = parseBody(req, stepUpRequestSchema);
      res.status(200).json(stepUpSession(context, brand, req.params.id, request));
    })
    .all(methodNotAllowed('POST'));
  router
    .route('/v1/sessions/:id')
    .get((req, res) => {
      const session = authenticateSession(context, req.params.id, bearerToken(req));
      res.set('Cache-Control', 'no-store').json(sessionView(session, context.clock()));
    })
    .all(methodNotAllowed('GET'));
  return router;
}

export function brandOfSecretKey(context: VerifierContext, credential: string | undefined): Brand {
  const brand = isSecretKey(credential) ? context.brands.bySecretKey(credential) : undefined;
  if (brand === undefined)
    throw new VerificationError('invalid_secret_key', 'Send a valid brand secret key (sk_…) as a Bearer token.');
  return brand;
}
