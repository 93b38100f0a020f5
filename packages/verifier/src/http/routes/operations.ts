import { Router } from 'express';
import type { VerifierContext } from '../../usecases/context.js';
import { methodNotAllowed } from './method-not-allowed.js';

export function operationsRoutes(context: VerifierContext): Router {
  const router = Router();
  router
    .route('/healthz')
    .get((_req, res) => {
      res.json({ status: 'ok' });
    })
    .all(methodNotAllowed('GET'));
  router
    .route('/readyz')
    .get((_req, res) => {
      const ready = storeAnswers(context);
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'store unreachable' });
    })
    .all(methodNotAllowed('GET'));
  router
    .route('/metrics')
    .get(async (_req, res) => {
      res.type(context.metrics.registry.contentType).send(await context.metrics.registry.metrics());
    })
    .all(methodNotAllowed('GET'));
  return router;
}

function storeAnswers(context: VerifierContext): boolean {
  try {
    return context.store.ping();
  } catch {
    return false;
  }
}
