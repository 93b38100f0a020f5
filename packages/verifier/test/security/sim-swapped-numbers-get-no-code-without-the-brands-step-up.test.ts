/**
 * Account takeover by SIM swap (issue 8; NIST SP 800-63B 5.1.3.3: a verifier should consider risk indicators such
 * as device swap, SIM change or number porting before using the PSTN for authentication): a number whose SIM
 * changed recently gets no code until the brand's server, with its secret key, vouches that it re-verified its
 * customer (step-up), or never where the brand's policy blocks. The SIM-swap service is the CAMARA stand-in.
 * Captcha challenges (OWASP ASVS 5 V2.4 anti-automation) pass only with an answer the brand's siteverify accepts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CamaraStandIn, SiteverifyStandIn } from '../../src/stand-ins.js';
import { startCamaraStandIn, startSiteverifyStandIn } from '../../src/stand-ins.js';
import { ACME, GLOBEX } from '../support/brands.js';
import type { VerifierFixture } from '../support/fixture.js';
import { createAndSend } from '../support/limits.js';
import { eventsOfType, freshIp, startRiskVerifier } from '../support/risk.js';

const SWAPPED = '+491700000199';
const SWAPPED_LONG_AGO = '+491700000198';
const TOKEN = 'camara-test-token-0123456789abcdef';

let camara: CamaraStandIn;
let fixture: VerifierFixture | undefined;
beforeAll(async () => {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
  camara = await startCamaraStandIn({
    swaps: new Map([
      [SWAPPED, hoursAgo(2)],
      [SWAPPED_LONG_AGO, hoursAgo(24 * 30)],
    ]),
    auth: { bearer: TOKEN },
  });
});
afterAll(() => camara.stop());
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

function withSimSwap(acme: Parameters<typeof startRiskVerifier>[0] = {}) {
  return startRiskVerifier(acme, {
    simSwapService: { url: camara.url, auth: { type: 'bearer', secretEnv: 'SIM_SWAP_TOKEN' }, timeoutMs: 2_000 },
    env: { SIM_SWAP_TOKEN: TOKEN },
  });
}

function stepUp(f: VerifierFixture, sessionId: string, secretKey: string, body: unknown = { method: 'password' }) {
  return f.api.request('POST', `/v1/sessions/${sessionId}/step-up`, { body, bearer: secretKey, origin: null });
}

describe('a recently swapped SIM gets no code without the brand’s step-up', () => {
  it('asks for the step-up (403 challenge_required), sends nothing, and sends once the brand vouched', async () => {
    fixture = await withSimSwap();
    const { session, sent } = await createAndSend(fixture.api, SWAPPED, { ip: freshIp() });
    expect(sent).toMatchObject({ status: 403, body: { code: 'challenge_required', challenge: 'step_up' } });
    expect(await fixture.api.inbox(SWAPPED)).toEqual([]);
    expect(eventsOfType(fixture, 'session.challenged')[0]).toMatchObject({
      sessionId: session.id,
      data: { challenge: 'step_up', reasons: ['sim_swap'], country: 'DE' },
    });

    expect(await stepUp(fixture, session.id, ACME.secretKey)).toMatchObject({
      status: 200,
      body: { id: session.id, challengesPassed: ['step_up'] },
    });
    expect((await fixture.api.send(session.id, session.clientSecret)).status).toBe(202);
    expect(await fixture.api.inbox(SWAPPED)).toHaveLength(1);
    expect(eventsOfType(fixture, 'session.challenge_passed')[0]?.data).toEqual({
      challenge: 'step_up',
      method: 'password',
    });
  });

  it('sends at once to a number whose SIM changed long ago, and to one never swapped', async () => {
    fixture = await withSimSwap();
    expect((await createAndSend(fixture.api, SWAPPED_LONG_AGO, { ip: freshIp() })).sent.status).toBe(202);
    expect((await createAndSend(fixture.api, '+491700000197', { ip: freshIp() })).sent.status).toBe(202);
  });

  it('blocks for good where the brand policy says block: a step-up does not help', async () => {
    fixture = await withSimSwap({ risk: { simSwap: { action: 'block' } } });
    const { session, sent } = await createAndSend(fixture.api, SWAPPED, { ip: freshIp() });
    expect(sent).toMatchObject({ status: 403, body: { code: 'blocked' } });
    expect((await stepUp(fixture, session.id, ACME.secretKey)).status).toBe(200);
    expect((await fixture.api.send(session.id, session.clientSecret)).status).toBe(403);
    expect(await fixture.api.inbox(SWAPPED)).toEqual([]);
  });

  it('refuses a step-up without the brand’s own secret key, for another brand’s session, or a closed one', async () => {
    fixture = await withSimSwap();
    const { session } = await createAndSend(fixture.api, SWAPPED, { ip: freshIp() });
    expect((await stepUp(fixture, session.id, session.clientSecret)).status).toBe(401);
    expect((await stepUp(fixture, session.id, 'sk_not_a_key')).status).toBe(401);
    expect(await stepUp(fixture, session.id, GLOBEX.secretKey)).toMatchObject({
      status: 404,
      body: { code: 'session_not_found' },
    });
    expect(await stepUp(fixture, session.id, ACME.secretKey, { method: 'Pass word!' })).toMatchObject({ status: 400 });
    // A shop naming the order it re-verified its customer for cannot vouch for another order's session.
    expect(
      await stepUp(fixture, session.id, ACME.secretKey, { method: 'password', orderId: 'another-cart' }),
    ).toMatchObject({
      status: 422,
      body: { code: 'order_mismatch' },
    });
    // Nor before the session has a number: the waiver would cover whatever number is typed next.
    const unbound = await fixture.api.createSession({
      brand: 'acme',
      order: { id: 'o-2', amount: 100, currency: 'EUR' },
    });
    expect(await stepUp(fixture, (unbound.body as { id: string }).id, ACME.secretKey)).toMatchObject({
      status: 400,
      body: { code: 'invalid_request' },
    });
    fixture.clock.advanceSeconds(3_600);
    expect(await stepUp(fixture, session.id, ACME.secretKey)).toMatchObject({
      status: 409,
      body: { code: 'session_closed' },
    });
    expect(await fixture.api.inbox(SWAPPED)).toEqual([]);
  });

  it('follows the brand policy when the SIM-swap service cannot answer', async () => {
    const down = {
      url: 'http://127.0.0.1:9/sim-swap/v2',
      auth: { type: 'bearer' as const, secretEnv: 'T' },
      timeoutMs: 500,
    };
    fixture = await startRiskVerifier({}, { simSwapService: down, env: { T: TOKEN } });
    expect((await createAndSend(fixture.api, SWAPPED, { ip: freshIp() })).sent.status).toBe(202);
    await fixture.dispose();
    fixture = await startRiskVerifier(
      { risk: { simSwap: { onUnavailable: 'step_up' } } },
      { simSwapService: down, env: { T: TOKEN } },
    );
    expect((await createAndSend(fixture.api, '+491700000196', { ip: freshIp() })).sent).toMatchObject({
      status: 403,
      body: { challenge: 'step_up' },
    });
  });
});

describe('a captcha challenge passes only with an answer the brand’s siteverify accepts', () => {
  let siteverify: SiteverifyStandIn;
  beforeAll(async () => {
    siteverify = await startSiteverifyStandIn({ secret: 'captcha-secret' });
  });
  afterAll(() => siteverify.stop());

  it('challenges a busy address, refuses a wrong or replayed answer, and sends after a right one', async () => {
    fixture = await startRiskVerifier(
      {
        risk: { velocity: { ip: { windows: [{ max: 1, windowSeconds: 3_600 }] } } },
        captcha: { siteKey: 'site-key', verifyUrl: siteverify.url, secretEnv: 'CAPTCHA_SECRET' },
      },
      { env: { CAPTCHA_SECRET: 'captcha-secret' } },
    );
    const ip = freshIp();
    expect((await createAndSend(fixture.api, '+491700000301', { ip })).sent.status).toBe(202);
    const { session, sent } = await createAndSend(fixture.api, '+491700000302', { ip });
    expect(sent).toMatchObject({ status: 403, body: { code: 'challenge_required', challenge: 'captcha' } });

    const send = (body: unknown) =>
      fixture?.api.request('POST', `/v1/sessions/${session.id}/send`, {
        body,
        bearer: session.clientSecret,
        headers: { 'x-forwarded-for': ip },
      });
    expect(await send({ challengeToken: 'pass-forged' })).toMatchObject({
      status: 403,
      body: { challenge: 'captcha' },
    });
    const answer = siteverify.issueToken();
    expect((await send({ challengeToken: answer }))?.status).toBe(202);
    expect(await fixture.api.inbox('+491700000302')).toHaveLength(1);

    const other = await createAndSend(fixture.api, '+491700000303', { ip });
    const replay = await fixture.api.request('POST', `/v1/sessions/${other.session.id}/send`, {
      body: { challengeToken: answer },
      bearer: other.session.clientSecret,
      headers: { 'x-forwarded-for': ip },
    });
    expect(replay).toMatchObject({ status: 403, body: { challenge: 'captcha' } });
  });

  it('checks at most 10 captcha answers a minute from one address (each is a call to the brand’s service)', async () => {
    fixture = await startRiskVerifier(
      {
        risk: { velocity: { ip: { windows: [{ max: 1, windowSeconds: 3_600 }] } } },
        captcha: { siteKey: 'site-key', verifyUrl: siteverify.url, secretEnv: 'CAPTCHA_SECRET' },
      },
      { env: { CAPTCHA_SECRET: 'captcha-secret' } },
    );
    const ip = freshIp();
    await createAndSend(fixture.api, '+491700000401', { ip });
    const { session } = await createAndSend(fixture.api, '+491700000402', { ip });
    const answers = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const response = await fixture.api.request('POST', `/v1/sessions/${session.id}/send`, {
        body: { challengeToken: `pass-forged-${attempt}` },
        bearer: session.clientSecret,
        headers: { 'x-forwarded-for': ip },
      });
      answers.push(response.status);
    }
    expect(answers).toEqual([...Array(10).fill(403), 429]);
  });

  it('publishes the site key with the brand settings, so the page can show the widget', async () => {
    fixture = await startRiskVerifier(
      { captcha: { siteKey: 'site-key', verifyUrl: siteverify.url, secretEnv: 'CAPTCHA_SECRET' } },
      { env: { CAPTCHA_SECRET: 'captcha-secret' } },
    );
    const settings = await fixture.api.request('GET', '/v1/brands/acme');
    expect(settings.body).toMatchObject({ captcha: { siteKey: 'site-key' } });
    expect(JSON.stringify(settings.body)).not.toContain('captcha-secret');
  });
});
