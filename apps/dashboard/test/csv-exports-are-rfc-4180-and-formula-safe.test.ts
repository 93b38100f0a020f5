import { describe, expect, it } from 'vitest';
import { toCsv } from '../src/csv.js';
import { ACME, sameRangeMobile } from './support/brands.js';
import { alertRule } from './support/rules.js';
import { useStack } from './support/stack.js';

describe('CSV (RFC 4180, OWASP CSV Injection)', () => {
  it('quotes fields with commas, quotes and line breaks, doubles quotes, ends lines with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['two\nlines', null],
          [1.5, 0],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"two\nlines",\r\n1.5,0\r\n');
  });

  it.each(['=1+1', '+49170', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', '=HYPERLINK("http://evil.test","x")'])(
    'prefixes the text cell %j with an apostrophe so no spreadsheet runs it',
    (cell) => {
      const line = toCsv(['cell'], [[cell]]).split('\r\n')[1] as string;
      expect(line.replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('writes numbers as numbers, negative ones too', () => {
    expect(toCsv(['n'], [[-3]])).toBe('n\r\n-3\r\n');
  });
});

const LOW_CONVERSION_BY_PREFIX = alertRule({
  id: 'low-conversion-prefix',
  kind: 'low_conversion',
  brand: null,
  by: 'prefix',
  threshold: 0.5,
  windowMinutes: 60,
  minCount: 5,
  baselineHours: 24,
  severity: 'warning',
  channels: [],
});

describe('CSV export over HTTP', () => {
  const stack = useStack({ alertRules: [LOW_CONVERSION_BY_PREFIX] });

  it('exports a number-prefix alert with its "+…" subject neutralised, as a text/csv attachment', async () => {
    for (let session = 0; session < 5; session += 1) {
      const flow = await stack.shop.create(ACME, sameRangeMobile());
      await stack.shop.send(flow);
    }
    // The rule judges sessions that have had the 10 minutes of its lag to verify.
    stack.clock.advance(11 * 60_000);
    const [alert] = stack.dashboard.alertEvaluator.evaluate();
    expect(alert).toMatchObject({ rule: 'low-conversion-prefix', brand: 'acme', value: 0 });
    expect(alert?.subject).toMatch(/^\+49170/);

    const operator = await stack.signedIn('operator');
    const response = await operator.get('/api/export/alerts.csv?from=2030-01-15&to=2030-01-16');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename=alerts-all-brands-2030-01-15.csv');
    const [header, row] = response.text.split('\r\n');
    expect(header).toBe('id,at,rule,brand,subject,severity,title,detail,value,threshold,cleared_at');
    expect(row?.split(',')[4]).toBe(`'${alert?.subject}`);
  });

  it('answers 404 for a table that does not exist and 400 for a bad filter', async () => {
    const operator = await stack.signedIn('operator');
    expect((await operator.get('/api/export/passwords.csv')).status).toBe(404);
    const badFilter = await operator.get('/api/export/funnel.csv?from=yesterday');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body).toMatchObject({ code: 'invalid_filter' });
  });

  it('exports every overview table with its header', async () => {
    const operator = await stack.signedIn('operator');
    const headers: Record<string, string> = {};
    for (const table of ['funnel', 'outcomes', 'series', 'delivery', 'reasons', 'countries']) {
      const response = await operator.get(`/api/export/${table}.csv?from=2030-01-15&to=2030-01-16`);
      expect(response.status).toBe(200);
      headers[table] = response.text.split('\r\n')[0] as string;
    }
    expect(headers.funnel).toBe('step,sessions,conversion,market_sessions,market_conversion');
    expect(headers.countries).toBe('country,created,verified,order_accepted,conversion,wrong_codes,sms_segments');
  });
});
