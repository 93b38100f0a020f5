/**
 * The risk engine before every send (issue 8) against SMS pumping (OWASP Automated Threats OAT-009-style toll fraud;
 * OWASP ASVS 5 V2.4 anti-automation): premium-rate numbers are refused where they enter, a run over one number range
 * from rotating addresses stops at the prefix's velocity even when the sends race, a prefix whose codes are never
 * typed is blocked for a period with its reason, spend is capped, and every rule can run in dry-run first. Every
 * refusal is an event with its reasons and never the number.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { VerifierFixture } from '../support/fixture.js';
import { createAndSend } from '../support/limits.js';
import { eventsOfType, freshIp, sendFromFreshIp, startRiskVerifier } from '../support/risk.js';

let fixture: VerifierFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

let range = 0;
/** A mobile range (prefix) no other test uses, and its `n`th number. */
function freshRange(): (n: number) => string {
  range += 1;
  const prefix = `+4915${String(100 + range).padStart(3, '0')}99`;
  return (n) => `${prefix}${String(n).padStart(4, '0')}`;
}

const statuses = (responses: { status: number }[]) => responses.map((response) => response.status);

describe('SMS pumping is refused before any code is sent', () => {
  it('refuses a premium-rate number where it is typed (422 invalid_phone), recorded with reason and no number', async () => {
    fixture = await startRiskVerifier();
    const premium = '+499001234567';
    const refused = await fixture.api.createSession({
      brand: 'acme',
      order: { id: 'o-1', amount: 4999, currency: 'EUR' },
      phone: premium,
    });
    expect(refused).toMatchObject({ status: 422, body: { code: 'invalid_phone' } });
    const [event] = eventsOfType(fixture, 'risk.number_refused');
    expect(event).toMatchObject({
      sessionId: null,
      data: { reason: 'number_type', country: 'DE', prefix: '+49900123', segments: 1, network: '127.0.0.0/24' },
    });
    expect(JSON.stringify(fixture.verifier.context.store.listEvents({ limit: 100 }))).not.toContain('1234567');
    expect(await fixture.api.inbox(premium)).toEqual([]);
  });

  it('blocks a run over one number range from rotating addresses after the prefix velocity (8 an hour)', async () => {
    fixture = await startRiskVerifier();
    const number = freshRange();
    const sent = [];
    for (let n = 1; n <= 12; n += 1) sent.push(await sendFromFreshIp(fixture, number(n)));
    expect(statuses(sent)).toEqual([202, 202, 202, 202, 202, 202, 202, 202, 403, 403, 403, 403]);
    expect(sent[8]?.body).toEqual(expect.objectContaining({ code: 'blocked' }));
    expect(sent[8]?.body).not.toHaveProperty('reasons');
    const blocked = eventsOfType(fixture, 'session.blocked');
    expect(blocked).toHaveLength(4);
    expect(blocked[0]?.data).toMatchObject({ reason: 'velocity_prefix', reasons: ['velocity_prefix'], segments: 1 });
    for (let n = 9; n <= 12; n += 1) expect(await fixture.api.inbox(number(n))).toEqual([]);
    // The next hour the range gets its allowance again.
    fixture.clock.advanceSeconds(3_600);
    expect((await sendFromFreshIp(fixture, number(13))).status).toBe(202);
  });

  it('counts sends that went out, not refused attempts: hammering a range does not use up its day for others', async () => {
    fixture = await startRiskVerifier();
    const number = freshRange();
    for (let n = 1; n <= 8; n += 1) expect((await sendFromFreshIp(fixture, number(n))).status).toBe(202);
    for (let n = 9; n <= 18; n += 1) expect((await sendFromFreshIp(fixture, number(n))).status).toBe(403);
    fixture.clock.advanceSeconds(3_600);
    const nextHour = [];
    for (let n = 21; n <= 28; n += 1) nextHour.push(await sendFromFreshIp(fixture, number(n)));
    expect(statuses(nextHour)).toEqual(Array(8).fill(202));
  });

  it('tells the page the reasons where the brand shows them', async () => {
    fixture = await startRiskVerifier({ risk: { showReasons: true } });
    const number = freshRange();
    for (let n = 1; n <= 8; n += 1) await sendFromFreshIp(fixture, number(n));
    expect(await sendFromFreshIp(fixture, number(9))).toMatchObject({
      status: 403,
      body: { code: 'blocked', reasons: ['velocity_prefix'] },
    });
  });

  it('holds the prefix velocity when 24 sends to one range race (exactly 8 codes go out)', async () => {
    fixture = await startRiskVerifier();
    const number = freshRange();
    const sent = await Promise.all(
      Array.from({ length: 24 }, (_, n) => sendFromFreshIp(fixture as VerifierFixture, number(n))),
    );
    expect(statuses(sent).filter((status) => status === 202)).toHaveLength(8);
    expect(statuses(sent).filter((status) => status === 403)).toHaveLength(16);
    const delivered = await Promise.all(Array.from({ length: 24 }, (_, n) => fixture?.api.inbox(number(n))));
    expect(delivered.filter((messages) => (messages?.length ?? 0) > 0)).toHaveLength(8);
  });

  it('blocks a prefix whose codes are never typed for 6 hours, naming it, its figures and the end', async () => {
    fixture = await startRiskVerifier({ risk: { showReasons: true } });
    const number = freshRange();
    for (let hour = 0; hour < 2; hour += 1) {
      for (let n = 1; n <= 8; n += 1) expect((await sendFromFreshIp(fixture, number(hour * 10 + n))).status).toBe(202);
      fixture.clock.advanceSeconds(3_600);
    }
    const refused = await sendFromFreshIp(fixture, number(50));
    expect(refused).toMatchObject({ status: 403, body: { reasons: ['low_conversion_prefix'] } });
    const [started] = eventsOfType(fixture, 'risk.block_started');
    expect(started?.data).toMatchObject({
      rule: 'low_conversion_prefix',
      scope: 'prefix',
      subject: number(0).slice(0, -4),
      sends: 16,
      verified: 0,
      until: fixture.clock() + 6 * 3_600_000,
    });
    fixture.clock.advanceSeconds(5 * 3_600);
    expect((await sendFromFreshIp(fixture, number(51))).status).toBe(403);
    expect(eventsOfType(fixture, 'risk.block_started')).toHaveLength(1);
  });

  it('does not block a prefix whose customers type their codes', async () => {
    fixture = await startRiskVerifier();
    const number = freshRange();
    for (let hour = 0; hour < 2; hour += 1) {
      for (let n = 1; n <= 8; n += 1) {
        const phone = number(hour * 10 + n);
        const { session, sent } = await createAndSend(fixture.api, phone, { ip: freshIp() });
        expect(sent.status).toBe(202);
        if (n <= 2) {
          const code = await fixture.api.latestCode(phone);
          expect((await fixture.api.check(session.id, session.clientSecret, code)).status).toBe(200);
        }
      }
      fixture.clock.advanceSeconds(3_600);
    }
    expect((await sendFromFreshIp(fixture, number(50))).status).toBe(202);
  });

  it('caps the brand spend per hour: the send that would pass the cap is refused until the next hour', async () => {
    // The test brand's SMS is 1 segment at the German price, 0.075 EUR: 4 sends are 0.30.
    fixture = await startRiskVerifier({ risk: { spendCap: { perHour: 0.3 }, showReasons: true } });
    const sends = [];
    for (let n = 0; n < 5; n += 1) sends.push(await sendFromFreshIp(fixture, freshRange()(1)));
    expect(statuses(sends)).toEqual([202, 202, 202, 202, 403]);
    expect(sends[4]?.body).toMatchObject({ reasons: ['spend_hour'] });
    fixture.clock.advanceSeconds(3_600);
    expect((await sendFromFreshIp(fixture, freshRange()(1))).status).toBe(202);
  });
});

describe('per-browser velocity counts the element’s fingerprint only', () => {
  it('challenges the 7th send an hour from one fingerprint, and never lumps clients without one together', async () => {
    fixture = await startRiskVerifier(
      {
        captcha: { siteKey: 'k', verifyUrl: 'http://127.0.0.1:9/siteverify', secretEnv: 'CAPTCHA_SECRET' },
        risk: { showReasons: true },
      },
      { env: { CAPTCHA_SECRET: 'unused' } },
    );
    const withFingerprint = [];
    const withoutFingerprint = [];
    for (let n = 0; n < 7; n += 1) {
      const created = await fixture.api.createSession(
        { brand: 'acme', order: { id: `o-${n}`, amount: 100, currency: 'EUR' }, phone: freshRange()(1) },
        { headers: { 'x-forwarded-for': freshIp() } },
      );
      const { id, clientSecret } = created.body as { id: string; clientSecret: string };
      withFingerprint.push(
        await fixture.api.request('POST', `/v1/sessions/${id}/send`, {
          body: { fingerprint: 'same-browser-fingerprint-0123' },
          bearer: clientSecret,
          headers: { 'x-forwarded-for': freshIp() },
        }),
      );
      withoutFingerprint.push(await sendFromFreshIp(fixture, freshRange()(1)));
    }
    expect(statuses(withFingerprint)).toEqual([202, 202, 202, 202, 202, 202, 403]);
    expect(withFingerprint[6]?.body).toMatchObject({ code: 'challenge_required', reasons: ['velocity_fingerprint'] });
    expect(statuses(withoutFingerprint)).toEqual(Array(7).fill(202));
  });
});

describe('every rule can run in dry-run: logged, not enforced', () => {
  it('sends past a prefix velocity in dry-run and records each would-be block', async () => {
    fixture = await startRiskVerifier({ risk: { velocity: { prefix: { mode: 'dry-run' } } } });
    const number = freshRange();
    const sent = [];
    for (let n = 1; n <= 10; n += 1) sent.push(await sendFromFreshIp(fixture, number(n)));
    expect(statuses(sent)).toEqual(Array(10).fill(202));
    // (The other dry-run hits are the captcha rules of one scripted client: this brand has no captcha.)
    const prefixHits = eventsOfType(fixture, 'risk.dry_run').filter((event) =>
      (event.data.rules as string[]).includes('velocity_prefix'),
    );
    expect(prefixHits.map((event) => event.data)).toEqual([
      expect.objectContaining({ wouldBe: 'block', segments: 1, prefix: number(0).slice(0, -4) }),
      expect.objectContaining({ wouldBe: 'block', segments: 1, prefix: number(0).slice(0, -4) }),
    ]);
    expect(eventsOfType(fixture, 'session.blocked')).toEqual([]);
  });

  it('lets a premium-rate number through with number_type in dry-run, and reports it on the send', async () => {
    fixture = await startRiskVerifier({ risk: { numberType: { mode: 'dry-run' } } });
    const { sent } = await createAndSend(fixture.api, '+499001234568', { ip: freshIp() });
    expect(sent.status).toBe(202);
    expect(eventsOfType(fixture, 'risk.number_refused')).toEqual([]);
    expect(eventsOfType(fixture, 'risk.dry_run')[0]?.data).toMatchObject({ rules: ['number_type'], wouldBe: 'block' });
  });

  it('reports captcha rules as dry-run hits where the brand has no captcha (a busy carrier NAT is not blocked)', async () => {
    fixture = await startRiskVerifier();
    const ip = freshIp();
    const sent = [];
    for (let n = 0; n < 5; n += 1) sent.push((await createAndSend(fixture.api, freshRange()(1), { ip })).sent);
    expect(statuses(sent)).toEqual(Array(5).fill(202));
    expect(eventsOfType(fixture, 'risk.dry_run').at(-1)?.data).toMatchObject({
      rules: ['distinct_numbers_ip'],
      wouldBe: 'challenge',
    });
  });
});
