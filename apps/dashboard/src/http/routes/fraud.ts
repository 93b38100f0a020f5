import { Router } from 'express';
import { FRAUD_TABLES, fraudTable } from '../../fraud-tables.js';
import type { FraudTable } from '../../fraud-tables.js';
import { scopedBrand } from '../brand-scope.js';
import type { DashboardContext } from '../context.js';
import { analyticsFilter, parseFilter } from '../filters.js';
import { signedIn } from '../guards.js';
import { HttpProblem } from '../problem.js';
import { sendCsv } from './csv-response.js';

/**
 * The fraud view and the CSV of its tables, scoped like the overview (OWASP ASVS V4.1: an analyst reads their own
 * brand's blocks, prefixes and client networks only; an operator one brand or the platform).
 */
export function fraudRoutes(context: DashboardContext): Router {
  const router = Router();
  const { analytics, brands, clock } = context;
  const fraudOf = (query: unknown, res: Parameters<typeof signedIn>[0]) => {
    const filter = parseFilter(query, clock());
    const brand = scopedBrand(signedIn(res).user, filter.brand, brands);
    return { filter, brand, fraud: analytics.fraud(analyticsFilter(filter, brand), filter.granularity, clock()) };
  };

  router.get('/api/fraud', (req, res) => {
    res.set('Cache-Control', 'no-store').json(fraudOf(req.query, res).fraud);
  });

  router.get('/api/export/fraud/:table.csv', (req, res) => {
    const table = req.params.table as FraudTable;
    if (!FRAUD_TABLES.includes(table)) throw new HttpProblem('not_found', `No fraud table "${table}".`);
    const { filter, brand, fraud } = fraudOf(req.query, res);
    sendCsv(res, ['fraud', table], filter, brand, fraudTable(fraud, table));
  });
  return router;
}
