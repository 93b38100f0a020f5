import { beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '@otp-verify/verifier/analytics';
import type { Alert } from '../src/alerts/alert-store.js';
import type { AlertRule } from '../src/alerts/alert-rules.js';
import type { ViewerOverview } from '../src/http/viewer-overview.js';
import { viewerOverview } from '../src/http/viewer-overview.js';
import { ACME, INITECH, uniqueMobile } from './support/brands.js';
import type { DashboardClient } from './support/dashboard-client.js';
import { alertRule } from './support/rules.js';
import { useStack } from './support/stack.js';

const rule = (id: string, brand: string | null): AlertRule =>
  alertRule({
    id,
    kind: 'wrong_code_spike',
    brand,
    threshold: 3,
    windowMinutes: 15,
    minCount: 10,
    by: 'country',
    baselineHours: 24,
    severity: 'warning',
    channels: [],
  });

const period = () => `from=2030-01-14&to=2030-01-16`;

// OWASP ASVS V4.1.2 / V4.2.1: every route enforces the analyst's brand on the server, whatever the query says.
describe('an analyst sees their own brand only', () => {
  const stack = useStack({
    alertRules: [rule('everyone', null), rule('acme-only', 'acme'), rule('initech-only', 'initech')],
  });
  let analyst: DashboardClient;

  beforeAll(async () => {
    await stack.shop.orderAccepted(ACME, uniqueMobile());
    await stack.shop.orderAccepted(INITECH, uniqueMobile('AT'));
    await stack.shop.orderAccepted(INITECH, uniqueMobile('AT'));
    for (const brand of ['acme', 'initech']) {
      stack.dashboard.context.alerts.open({
        at: stack.clock(),
        rule: 'everyone',
        brand,
        subject: '',
        severity: 'warning',
        title: `Wrong codes spike for ${brand}`,
        detail: 'test',
        value: 12,
        threshold: 10,
      });
    }
    analyst = await stack.signedIn('acme-analyst');
  });

  it.each([
    '/api/overview',
    '/api/countries',
    '/api/export/funnel.csv',
    '/api/export/countries.csv',
    '/api/export/alerts.csv',
    '/api/live',
    '/api/alerts',
  ])('GET %s?brand=initech is refused with 403 forbidden_brand', async (path) => {
    const response = await analyst.get(`${path}?brand=initech&${period()}`);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'forbidden_brand' });
  });

  it('the overview without a brand is the own brand’s; a market of one other brand is withheld', async () => {
    const response = await analyst.get(`/api/overview?${period()}`);
    expect(response.status).toBe(200);
    const overview = response.body as ViewerOverview;
    expect(overview.filter.brand).toBe('acme');
    expect(overview.figures.funnel.created).toBe(1);
    // The market minus acme's own figures would be initech's: withheld.
    expect(overview.marketBrands).toBe(2);
    expect(overview.market).toBeNull();
    expect(overview.countries.map((row) => row.country)).toEqual(['DE']);
    expect(JSON.stringify(overview)).not.toContain('initech');
    const funnel = await analyst.get(`/api/export/funnel.csv?${period()}`);
    expect(funnel.text.split('\r\n')[2]).toBe('created,1,,,');
  });

  it('an analyst sees the market once at least 3 other brands are in it; an operator always does', async () => {
    const operator = await stack.signedIn('operator');
    const overview = (await operator.get(`/api/overview?brand=acme&${period()}`)).body as Overview;
    expect(overview.market.funnel.created).toBe(3);
    const analystUser = { username: 'a', role: 'analyst' as const, brand: 'acme' };
    expect(viewerOverview(analystUser, { ...overview, marketBrands: 4 }).market).toEqual(overview.market);
    expect(viewerOverview(analystUser, { ...overview, marketBrands: 3 }).market).toBeNull();
    const quietAnalyst = {
      ...overview,
      figures: { ...overview.figures, funnel: { ...overview.figures.funnel, created: 0 } },
    };
    expect(viewerOverview(analystUser, { ...quietAnalyst, marketBrands: 3 }).market).toEqual(overview.market);
  });

  it('countries are the own brand’s', async () => {
    expect((await analyst.get(`/api/countries?${period()}`)).body).toEqual(['DE']);
    const operator = await stack.signedIn('operator');
    expect((await operator.get(`/api/countries?brand=initech&${period()}`)).body).toEqual(['AT']);
  });

  it('an export is the own brand’s', async () => {
    const response = await analyst.get(`/api/export/countries.csv?${period()}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('countries-acme-');
    expect(response.text.split('\r\n')[1]).toMatch(/^DE,1,1,1,/);
    expect(response.text).not.toContain('AT');
    const alerts = await analyst.get(`/api/export/alerts.csv?${period()}`);
    expect(alerts.text).toContain('acme');
    expect(alerts.text).not.toContain('initech');
  });

  it('alerts and alert rules are the own brand’s and the platform-wide ones', async () => {
    const alerts = (await analyst.get('/api/alerts')).body as Alert[];
    expect(alerts.map((alert) => alert.brand)).toEqual(['acme']);
    const rules = (await analyst.get('/api/alert-rules')).body as AlertRule[];
    expect(rules.map((candidate) => candidate.id)).toEqual(['everyone', 'acme-only']);
  });

  it('the brand list holds the own brand only; an operator sees every brand', async () => {
    expect((await analyst.get('/api/brands')).body).toEqual([{ id: 'acme', name: 'Acme Mobile' }]);
    const operator = await stack.signedIn('operator');
    expect((await operator.get('/api/brands')).body).toEqual([
      { id: 'acme', name: 'Acme Mobile' },
      { id: 'initech', name: 'Initech Mobilfunk' },
    ]);
    const overview = (await operator.get(`/api/overview?brand=initech&${period()}`)).body as Overview;
    expect(overview.figures.funnel.created).toBe(2);
  });

  it('every figures route needs a signed-in user', async () => {
    for (const path of ['/api/overview', '/api/countries', '/api/export/funnel.csv', '/api/alerts', '/api/brands']) {
      expect((await stack.client().get(path)).status).toBe(401);
    }
  });
});
