import { Router } from 'express';
import type { DashboardContext } from '../context.js';

export function operationsRoutes(context: DashboardContext): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    try {
      context.db.prepare('SELECT 1').get();
      context.analytics.countries({ from: 0, to: 1 });
      res.json({ status: 'ready' });
    } catch (error) {
      context.logger.warn({ err: error }, 'not ready');
      res.status(503).json({ status: 'not_ready' });
    }
  });
  router.get('/metrics', async (_req, res) => {
    res.type(context.metrics.registry.contentType).send(await context.metrics.registry.metrics());
  });
  return router;
}
