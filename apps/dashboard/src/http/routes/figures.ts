import { Router } from 'express';
import { alertsTable, EXPORT_TABLES, overviewTable } from '../../export-tables.js';
import type { ExportTable, Table } from '../../export-tables.js';
import { scopedBrand, visibleBrands } from '../brand-scope.js';
import type { DashboardContext } from '../context.js';
import { analyticsFilter, parseFilter } from '../filters.js';
import { signedIn } from '../guards.js';
import { HttpProblem } from '../problem.js';
import { viewerOverview } from '../viewer-overview.js';
import { sendCsv } from './csv-response.js';

const MAX_EXPORTED_ALERTS = 10_000;

/** Brands, countries, the overview and its CSV exports; every one scoped to what the user may see. */
export function figuresRoutes(context: DashboardContext): Router {
  const router = Router();
  const { analytics, brands, clock } = context;
  const scopedFilter = (query: unknown, user: Parameters<typeof scopedBrand>[0]) => {
    const filter = parseFilter(query, clock());
    return { filter, brand: scopedBrand(user, filter.brand, brands) };
  };

  router.get('/api/brands', (_req, res) => {
    res.json(visibleBrands(signedIn(res).user, brands));
  });

  router.get('/api/countries', (req, res) => {
    const { filter, brand } = scopedFilter(req.query, signedIn(res).user);
    res.json(analytics.countries({ from: filter.from, to: filter.to, ...(brand === undefined ? {} : { brand }) }));
  });

  router.get('/api/overview', (req, res) => {
    const { user } = signedIn(res);
    const { filter, brand } = scopedFilter(req.query, user);
    const overview = analytics.overview(analyticsFilter(filter, brand), filter.granularity);
    res.set('Cache-Control', 'no-store').json(viewerOverview(user, overview));
  });

  router.get('/api/export/:table.csv', (req, res) => {
    const table = req.params.table as ExportTable;
    if (!EXPORT_TABLES.includes(table)) throw new HttpProblem('not_found', `No table "${table}".`);
    const { user } = signedIn(res);
    const { filter, brand } = scopedFilter(req.query, user);
    let rows: Table;
    if (table === 'alerts') {
      const alerts = context.alerts.list({ ...(brand === undefined ? {} : { brand }), limit: MAX_EXPORTED_ALERTS });
      rows = alertsTable(alerts.filter((alert) => alert.at >= filter.from && alert.at < filter.to));
    } else {
      const overview = analytics.overview(analyticsFilter(filter, brand), filter.granularity);
      rows = overviewTable(viewerOverview(user, overview), table);
    }
    sendCsv(res, [table], filter, brand, rows);
  });
  return router;
}
