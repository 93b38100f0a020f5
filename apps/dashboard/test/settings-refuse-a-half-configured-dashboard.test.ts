import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../src/settings.js';

const BASE = { OTP_VERIFY_DATA_DIR: '/srv/otp', OTP_VERIFY_BRANDS: '/srv/brands' };

describe('settings from the environment', () => {
  it('defaults to 127.0.0.1:3100, the verifier data dir’s dashboard folder and the packaged config', () => {
    const settings = settingsFromEnv(BASE);
    expect(settings).toMatchObject({
      host: '127.0.0.1',
      port: 3100,
      verifierDataDir: '/srv/otp',
      dataDir: join('/srv/otp', 'dashboard'),
      brands: '/srv/brands',
    });
    // No price table of its own: the dashboard prices by the verifier's DEFAULT_PRICES.
    expect(settings.pricesFile).toBeUndefined();
    expect(settings.alertRulesFile).toMatch(/config\/alert-rules\.json$/);
    expect(settings.smtp).toBeUndefined();
    expect(settings.webhook).toBeUndefined();
  });

  it('refuses a missing brands directory, a bad port, a bad public origin', () => {
    expect(() => settingsFromEnv({})).toThrow(/OTP_VERIFY_BRANDS/);
    expect(() => settingsFromEnv({ ...BASE, DASHBOARD_PORT: 'eighty' })).toThrow(/DASHBOARD_PORT/);
    expect(() => settingsFromEnv({ ...BASE, DASHBOARD_PUBLIC_ORIGIN: 'https://dash.test/path' })).toThrow(
      /DASHBOARD_PUBLIC_ORIGIN/,
    );
  });

  it('refuses alert email without sender or recipients, and a webhook without a long secret', () => {
    expect(() => settingsFromEnv({ ...BASE, DASHBOARD_SMTP_HOST: 'smtp.test' })).toThrow(/DASHBOARD_ALERT_EMAIL_FROM/);
    expect(() =>
      settingsFromEnv({ ...BASE, DASHBOARD_WEBHOOK_URL: 'https://hooks.test/otp', DASHBOARD_WEBHOOK_SECRET: 'short' }),
    ).toThrow(/at least 32/);
    expect(() => settingsFromEnv({ ...BASE, DASHBOARD_WEBHOOK_URL: 'ftp://hooks.test' })).toThrow(
      /DASHBOARD_WEBHOOK_URL/,
    );
  });

  it('refuses notifications in clear across a network: a plain http webhook, an SMTP password without TLS', () => {
    const webhook = { DASHBOARD_WEBHOOK_SECRET: 'x'.repeat(32) };
    expect(() => settingsFromEnv({ ...BASE, ...webhook, DASHBOARD_WEBHOOK_URL: 'http://hooks.test/otp' })).toThrow(
      /DASHBOARD_WEBHOOK_URL: use https/,
    );
    for (const loopback of ['http://127.0.0.1:8080/otp', 'http://localhost/otp', 'http://[::1]:9000/otp']) {
      expect(settingsFromEnv({ ...BASE, ...webhook, DASHBOARD_WEBHOOK_URL: loopback }).webhook?.url).toBe(loopback);
    }
    const email = { DASHBOARD_ALERT_EMAIL_FROM: 'alerts@otp.test', DASHBOARD_ALERT_EMAIL_TO: 'ops@otp.test' };
    const plain = { ...BASE, ...email, DASHBOARD_SMTP_SECURITY: 'none', DASHBOARD_SMTP_USER: 'alerts' };
    expect(() =>
      settingsFromEnv({ ...plain, DASHBOARD_SMTP_HOST: 'smtp.test', DASHBOARD_SMTP_PASSWORD: 'pw' }),
    ).toThrow(/password in clear/);
    expect(settingsFromEnv({ ...plain, DASHBOARD_SMTP_HOST: '127.0.0.1' }).smtp?.security).toBe('none');
    const relay = { ...BASE, ...email, DASHBOARD_SMTP_SECURITY: 'none', DASHBOARD_SMTP_HOST: 'relay.test' };
    expect(settingsFromEnv(relay).smtp).toMatchObject({ host: 'relay.test', security: 'none', port: 25 });
  });

  it('reads a complete email and webhook configuration', () => {
    const settings = settingsFromEnv({
      ...BASE,
      DASHBOARD_SMTP_HOST: 'smtp.test',
      DASHBOARD_SMTP_SECURITY: 'tls',
      DASHBOARD_ALERT_EMAIL_FROM: 'alerts@otp.test',
      DASHBOARD_ALERT_EMAIL_TO: 'fraud@acme.test, ops@otp.test',
      DASHBOARD_WEBHOOK_URL: 'https://hooks.test/otp',
      DASHBOARD_WEBHOOK_SECRET: 'x'.repeat(32),
    });
    expect(settings.smtp).toEqual({
      host: 'smtp.test',
      port: 465,
      security: 'tls',
      from: 'alerts@otp.test',
      to: ['fraud@acme.test', 'ops@otp.test'],
    });
    expect(settings.webhook).toEqual({ url: 'https://hooks.test/otp', secret: 'x'.repeat(32) });
  });
});
