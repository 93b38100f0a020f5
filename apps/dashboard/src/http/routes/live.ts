import { Router } from 'express';
import { z } from 'zod';
import { TooManySubscribers } from '../../live/live-hub.js';
import { scopedBrand } from '../brand-scope.js';
import type { DashboardContext } from '../context.js';
import { signedIn } from '../guards.js';
import { HttpProblem } from '../problem.js';

const liveQuery = z.object({ brand: z.string().max(64).optional() });

export function liveRoutes(context: DashboardContext): Router {
  const router = Router();
  router.get('/api/live', (req, res) => {
    const query = liveQuery.safeParse(req.query);
    if (!query.success) throw new HttpProblem('invalid_filter', 'brand: a brand id.');
    const session = signedIn(res);
    const brand = scopedBrand(session.user, query.data.brand, context.brands);
    const viewer = {
      username: session.user.username,
      stillSignedIn: () => context.sessions.isActive(session.idHash),
    };
    const lastEventId = /^\d{1,15}$/.test(req.get('last-event-id') ?? '')
      ? Number(req.get('last-event-id'))
      : undefined;
    try {
      context.hub.subscribe(res, viewer, brand, lastEventId);
    } catch (error) {
      if (error instanceof TooManySubscribers) throw new HttpProblem('too_many_subscribers', 'Try again later.');
      throw error;
    }
  });
  return router;
}
