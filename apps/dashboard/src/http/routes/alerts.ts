import { Router } from 'express';
import { z } from 'zod';
import { scopedBrand } from '../brand-scope.js';
import type { DashboardContext } from '../context.js';
import { signedIn } from '../guards.js';
import { HttpProblem } from '../problem.js';

const alertsQuery = z.object({
  brand: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export function alertRoutes(context: DashboardContext): Router {
  const router = Router();
  router.get('/api/alerts', (req, res) => {
    const query = alertsQuery.safeParse(req.query);
    if (!query.success) throw new HttpProblem('invalid_filter', 'brand: a brand id; limit: 1 to 1000.');
    const brand = scopedBrand(signedIn(res).user, query.data.brand, context.brands);
    res.json(context.alerts.list({ ...(brand === undefined ? {} : { brand }), limit: query.data.limit }));
  });
  router.get('/api/alert-rules', (_req, res) => {
    const { user } = signedIn(res);
    res.json(
      context.rules.filter((rule) => user.role === 'operator' || rule.brand === null || rule.brand === user.brand),
    );
  });
  return router;
}
