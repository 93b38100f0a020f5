import { describe, expect, it } from 'vitest';
import { openAnalytics } from '../../src/analytics/index.js';
import type { Figures, Overview } from '../../src/analytics/index.js';
import { brandRegistry } from '../../src/config/brands.js';
import { providerNames } from '../../src/delivery/providers.js';
import { ApiClient, codeFromSms, createSession, order, sessionWithCode, verifiedToken } from '../support/api.js';
import type { CreatedSession } from '../support/api.js';
import { ACME, INITECH, rawTestBrands, uniqueMobile } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';
import { scriptedProvider } from '../support/scripted-provider.js';
import { HOUR, PRICES } from './analytics-fixture.js';
import type { RawCounts } from './raw-event-counts.js';
import { outcomesPerSession, rawCounts } from './raw-event-counts.js';

// initech's SMS go through a provider the test scripts, to fail some deliveries.
const gateway = scriptedProvider('gateway');
const raw = rawTestBrands();
Object.assign(raw.brands[2] as Record<string, unknown>, { delivery: { sms: ['gateway'] } });
const fixture = useTestVerifier({
  brands: brandRegistry(raw, 'analytics brands', providerNames({ gateway })),
  providers: { gateway },
  outbox: { maxAttempts: 1 },
});

let austrian = 0;
const austrianMobile = () => `+43664${String((austrian += 1)).padStart(7, '0')}`;
const wrong = (code: string) => (code.startsWith('0') ? code.replace(/^0/, '1') : `0${code.slice(1)}`);

/** Sends initech's code through the scripted gateway and reads it back from what the gateway accepted. */
async function initechCode(api: ApiClient, session: CreatedSession): Promise<string> {
  const sent = await api.send(session.id, session.clientSecret);
  if (sent.status !== 202) throw new Error(`send answered ${sent.status}`);
  await fixture.verifier.context.outbox.idle();
  const last = gateway.attempts.at(-1);
  if (last?.outcome !== 'accept') return '';
  return codeFromSms(last.message.body);
}

async function scenario() {
  const { api } = fixture;
  const initech = new ApiClient(fixture.url, INITECH.origin);
  // acme (DE): orders, a verified session without order, wrong codes, a lock, a resend, abandoned and expired ones.
  for (let index = 0; index < 3; index += 1) {
    const verified = await verifiedToken(api, uniqueMobile());
    expect((await api.redeem(ACME.secretKey, { token: verified.token, order: order() })).status).toBe(200);
    if (index === 0)
      expect((await api.redeem(ACME.secretKey, { token: verified.token, order: order() })).status).toBe(409);
  }
  await verifiedToken(api, uniqueMobile());
  const twice = await sessionWithCode(api, uniqueMobile());
  expect((await api.check(twice.id, twice.clientSecret, wrong(twice.code))).status).toBe(422);
  expect((await api.check(twice.id, twice.clientSecret, wrong(twice.code))).status).toBe(422);
  expect((await api.check(twice.id, twice.clientSecret, twice.code)).status).toBe(200);
  const locked = await sessionWithCode(api, uniqueMobile());
  for (let attempt = 0; attempt < 5; attempt += 1) await api.check(locked.id, locked.clientSecret, wrong(locked.code));
  const resent = await sessionWithCode(api, uniqueMobile());
  fixture.clock.advanceSeconds(61);
  expect((await api.send(resent.id, resent.clientSecret)).status).toBe(202);
  await createSession(api, uniqueMobile());
  const expired = await sessionWithCode(api, uniqueMobile());
  await api.check(expired.id, expired.clientSecret, wrong(expired.code));
  // A number typed only at the send (source `later`).
  const later = (await api.createSession({ brand: ACME.id, order: order() })).body as {
    id: string;
    clientSecret: string;
  };
  expect((await api.send(later.id, later.clientSecret, { phone: uniqueMobile() })).status).toBe(202);

  // An hour later, initech in AT and DE through the scripted gateway: successes and failed deliveries.
  fixture.clock.advance(HOUR);
  for (const phone of [austrianMobile(), austrianMobile(), uniqueMobile()]) {
    gateway.script(['accept']);
    const session = await createSession(initech, phone, {}, INITECH.id);
    const code = await initechCode(initech, session);
    const checked = await initech.check(session.id, session.clientSecret, code);
    const { token } = checked.body as { token: string };
    expect((await initech.redeem(INITECH.secretKey, { token, order: order() })).status).toBe(200);
  }
  for (const phone of [austrianMobile(), uniqueMobile()]) {
    gateway.script(['fail']);
    await initechCode(initech, await createSession(initech, phone, {}, INITECH.id));
  }
  gateway.script(['reject']);
  await initechCode(initech, await createSession(initech, austrianMobile(), {}, INITECH.id));
  const mismatch = await createSession(initech, austrianMobile(), {}, INITECH.id);
  gateway.script(['accept']);
  const code = await initechCode(initech, mismatch);
  const { token } = (await initech.check(mismatch.id, mismatch.clientSecret, code)).body as { token: string };
  expect((await initech.redeem(INITECH.secretKey, { token, order: order({ amount: 1 }) })).status).not.toBe(200);

  // Every session's life ends; the sweep gives each open one its outcome.
  fixture.clock.advanceSeconds(1_800);
  fixture.verifier.context.store.endSessions(fixture.clock());
}

function expectFiguresEqualRaw(figures: Figures, expected: RawCounts, countrySelected: boolean) {
  expect(figures.funnel).toEqual({
    shown: countrySelected ? null : 0,
    created: expected.created,
    sent: expected.sent,
    delivered: expected.delivered,
    verified: expected.verified,
    orderAccepted: expected.orderAccepted,
  });
  expect(figures.outcomes).toEqual({
    order_accepted: expected.outcomes.order_accepted ?? 0,
    verified_no_order: expected.outcomes.verified_no_order ?? 0,
    abandoned: expected.outcomes.abandoned ?? 0,
    expired: expected.outcomes.expired ?? 0,
    locked: expected.outcomes.locked ?? 0,
    blocked: expected.outcomes.blocked ?? 0,
    failed_delivery: expected.outcomes.failed_delivery ?? 0,
  });
  expect(figures.open).toBe(expected.open);
  expect(figures.wrongCodes).toBe(expected.wrongCodes);
  const attempts = [...expected.attempts].sort((a, b) => a - b);
  expect(figures.attemptsPerVerification.count).toBe(attempts.length);
  expect(figures.attemptsPerVerification.mean).toBe(
    attempts.length === 0 ? null : attempts.reduce((sum, n) => sum + n, 0) / attempts.length,
  );
  expect(figures.attemptsPerVerification.p50).toBe(attempts[Math.ceil(attempts.length / 2) - 1] ?? null);
  expect(figures.attemptsPerVerification.histogram.reduce((sum, n) => sum + n, 0)).toBe(attempts.length);
  expect(figures.timeToVerifyMs.count).toBe(expected.timeToVerifyMs.length);
  if (expected.timeToVerifyMs.length > 0) {
    const mean = expected.timeToVerifyMs.reduce((sum, n) => sum + n, 0) / expected.timeToVerifyMs.length;
    expect(figures.timeToVerifyMs.mean).toBeCloseTo(mean, 6);
  }
  expect(figures.sends).toMatchObject({
    messages: expected.messages,
    smsSegments: expected.smsSegments,
    emails: expected.emails,
    perOrder: expected.orderAccepted === 0 ? null : expected.messages / expected.orderAccepted,
  });
}

function expectTablesEqualRaw(overview: Overview, expected: RawCounts) {
  expect(
    overview.delivery.map((row) => ({
      provider: row.provider,
      channel: row.channel,
      country: row.country,
      sent: row.sent,
      delivered: row.delivered,
      failed: row.failed,
      attemptFailures: row.attemptFailures,
      latencyCount: row.latencyMs.count,
    })),
  ).toEqual(
    expected.delivery
      .map((row) => ({ ...row, latencyCount: row.latencies.length, latencies: undefined }))
      .map(({ latencies: _latencies, ...row }) => row)
      .sort(
        (a, b) =>
          a.provider.localeCompare(b.provider) ||
          a.channel.localeCompare(b.channel) ||
          a.country.localeCompare(b.country),
      ),
  );
  expect(overview.reasons).toEqual(expected.reasons);
  expect(overview.series.reduce((sum, point) => sum + point.created, 0)).toBe(expected.created);
  expect(overview.series.reduce((sum, point) => sum + point.wrongCodes, 0)).toBe(expected.wrongCodes);
}

describe('every figure of the overview equals the count over the raw events (issue 7, done when)', () => {
  it('per brand, against the market and per country; each session has exactly one outcome', async () => {
    await scenario();
    const analytics = openAnalytics({ dataDir: fixture.dataDir, prices: PRICES });
    try {
      const period = {
        from: Math.floor(fixture.clock() / HOUR) * HOUR - 3 * HOUR,
        to: Math.ceil(fixture.clock() / HOUR) * HOUR,
      };
      for (const brand of [ACME.id, INITECH.id, undefined]) {
        const overview = analytics.overview({ ...period, ...(brand === undefined ? {} : { brand }) }, 'hour');
        expectFiguresEqualRaw(overview.figures, rawCounts(fixture.dataDir, { brand }), false);
        expectFiguresEqualRaw(overview.market, rawCounts(fixture.dataDir, {}), false);
        expectTablesEqualRaw(overview, rawCounts(fixture.dataDir, { brand }));
        const countries = analytics.countries({ ...period, ...(brand === undefined ? {} : { brand }) });
        for (const country of countries) {
          const byCountry = analytics.overview(
            { ...period, ...(brand === undefined ? {} : { brand }), country },
            'day',
          );
          expectFiguresEqualRaw(byCountry.figures, rawCounts(fixture.dataDir, { brand, country }), true);
          expectFiguresEqualRaw(byCountry.market, rawCounts(fixture.dataDir, { country }), true);
          expect(overview.countries.find((row) => row.country === country)?.created).toBe(
            byCountry.figures.funnel.created,
          );
        }
      }
      expect(analytics.countries(period)).toEqual(['AT', 'DE']);
      const market = analytics.overview(period, 'day').figures;
      expect(market.funnel.created).toBe(17);
      expect(market.open).toBe(0);
      expect(Object.values(market.outcomes).reduce((sum, n) => sum + n, 0)).toBe(17);
      expect(market.sends.estimatedCost.amount).toBeGreaterThan(0);
      const sessions = outcomesPerSession(fixture.dataDir);
      expect(sessions).toHaveLength(17);
      for (const session of sessions) expect(session).toMatchObject({ ended: 1, outcome: expect.any(String) });
    } finally {
      analytics.close();
    }
  });
});
