import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACME, uniqueMobile } from './support/brands.js';
import { openLive } from './support/live-stream.js';
import { startStack } from './support/stack.js';

describe('operations endpoints, the page and shutdown', () => {
  it('answers /healthz and /readyz, counts requests and live subscribers in /metrics', async () => {
    const stack = await startStack({ liveIntervalMs: 50 });
    try {
      const client = stack.client();
      expect((await client.get('/healthz')).body).toEqual({ status: 'ok' });
      expect((await client.get('/readyz')).body).toEqual({ status: 'ready' });
      const operator = await stack.signedIn('operator');
      const live = await openLive(operator);
      const flow = await stack.shop.orderAccepted(ACME, uniqueMobile());
      await live.waitFor((event) => (event.data as { sessionId?: string }).sessionId === flow.id);
      const metrics = (await client.get('/metrics')).text;
      expect(metrics).toContain('otp_dashboard_live_subscribers 1');
      expect(metrics).toMatch(
        /otp_dashboard_http_requests_total\{method="POST",route="\/api\/session",status="200"\} 1/,
      );
      expect(metrics).toMatch(/otp_dashboard_live_events_total [1-9]/);
      expect(metrics).toContain('otp_dashboard_fold_lag_seconds');
      expect(metrics).not.toContain('+49');
      live.close();
    } finally {
      await stack.dispose();
    }
  });

  it('answers /readyz 503 once its database is closed', async () => {
    const stack = await startStack();
    try {
      stack.dashboard.context.db.close();
      expect((await stack.client().get('/readyz')).status).toBe(503);
    } finally {
      await stack.dispose();
    }
  });

  it('serves the built page with a strict Content-Security-Policy (OWASP ASVS V14.4.3)', async () => {
    const stack = await startStack();
    const webDir = join(stack.dataDir, '..', 'web');
    mkdirSync(webDir, { recursive: true });
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>otp-verify dashboard</title>');
    try {
      const page = await stack.client().get('/');
      expect(page.status).toBe(200);
      expect(page.text).toContain('otp-verify dashboard');
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await stack.client().get('/no-such-file.js')).status).toBe(404);
    } finally {
      await stack.dispose();
    }
  });

  it('marks every /api answer, errors included, Cache-Control: no-store (OWASP ASVS V8.2.1)', async () => {
    const stack = await startStack();
    try {
      const operator = await stack.signedIn('operator');
      const answers = [
        await operator.get('/api/me'),
        await operator.get('/api/overview'),
        await operator.get('/api/no-such-route'),
        await operator.request('DELETE', '/api/session', { csrfToken: null }),
        await stack.client().get('/api/me'),
        await stack.client().signIn('operator', 'not the password at all'),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 404, 403, 401, 401]);
      for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('no-store');
    } finally {
      await stack.dispose();
    }
  });

  it('ends the open live streams when it shuts down', async () => {
    const stack = await startStack();
    const live = await openLive(await stack.signedIn('operator'));
    await stack.dispose();
    await live.ended;
    expect(live.status).toBe(200);
  });
});
