import { describe, expect, it } from 'vitest';
import { smsSize } from '../../src/delivery/sms-size.js';
import { order, sessionWithCode, verifiedToken } from '../support/api.js';
import { ACME, uniqueMobile } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';

const fixture = useTestVerifier();

function eventsOf(sessionId: string) {
  return fixture.verifier.context.store.listEvents({ sessionId, limit: 100 });
}

function wrongCode(code: string): string {
  return code === '000000' ? '000001' : '000000';
}

describe('the event log (issue 7): every step of a session, in order, never a number or a code', () => {
  it('created, queued, sent, a wrong code with its attempt number, verified, redeemed', async () => {
    const { api } = fixture;
    // Its own last 4 digits, which nothing else in the events' data (amounts, durations) spells by chance.
    const phone = '+491701298765';
    const session = await sessionWithCode(api, phone);
    await fixture.verifier.context.outbox.idle();
    expect((await api.check(session.id, session.clientSecret, wrongCode(session.code))).status).toBe(422);
    const checked = await api.check(session.id, session.clientSecret, session.code);
    const { token } = checked.body as { token: string };
    expect((await api.redeem(ACME.secretKey, { token, order: order() })).status).toBe(200);

    const events = eventsOf(session.id);
    expect(events.map((event) => event.type)).toEqual([
      'session.created',
      'message.queued',
      'message.sent',
      'code.wrong',
      'session.verified',
      'token.redeemed',
      'session.ended',
    ]);
    expect(events.at(-1)?.data).toEqual({ outcome: 'order_accepted' });
    expect(events[0]?.data).toEqual({ source: 'typed', locale: 'en', amount: 12999, currency: 'EUR', country: 'DE' });
    const [sms] = await api.inbox(phone);
    expect(events[1]?.data).toEqual({
      channel: 'sms',
      fallback: false,
      country: 'DE',
      prefix: '+49170129',
      segments: smsSize(sms?.body ?? '').segments,
    });
    expect(events[3]?.data).toEqual({ attempt: 1 });
    expect(events[4]?.data).toMatchObject({ attempts: 2 });
    expect(events.every((event) => event.brand === ACME.id)).toBe(true);
    const text = JSON.stringify(events);
    for (const secret of [phone, phone.slice(1), phone.slice(-9), session.code]) expect(text).not.toContain(secret);
    // The prefix is the operator's range, not the number: the last 4 digits are nowhere in what the events say.
    expect(JSON.stringify(events.map((event) => event.data))).not.toContain(phone.slice(-4));
  });

  it('a number given only at the first send: session.phone_bound with its country, before the message', async () => {
    const { api } = fixture;
    const phone = uniqueMobile();
    const created = await api.createSession({ brand: ACME.id, order: order() });
    const { id, clientSecret } = created.body as { id: string; clientSecret: string };
    expect((await api.send(id, clientSecret, { phone })).status).toBe(202);
    await fixture.verifier.context.outbox.idle();

    const events = eventsOf(id);
    expect(events.map((event) => [event.type, event.data.country])).toEqual([
      ['session.created', undefined],
      ['session.phone_bound', 'DE'],
      ['message.queued', 'DE'],
      ['message.sent', undefined],
    ]);
    expect(events[0]?.data).toMatchObject({ source: 'later' });
    expect(events[2]?.data).toMatchObject({ prefix: phone.slice(0, -4) });
    const text = JSON.stringify(events);
    for (const secret of [phone, phone.slice(1), phone.slice(-9)]) expect(text).not.toContain(secret);
  });

  it('a session locked by wrong codes: session.locked after its fifth code.wrong, then its end', async () => {
    const session = await sessionWithCode(fixture.api, uniqueMobile());
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await fixture.api.check(session.id, session.clientSecret, wrongCode(session.code));
    }
    const types = eventsOf(session.id).map((event) => event.type);
    expect(types.filter((type) => type === 'code.wrong')).toHaveLength(5);
    expect(types.slice(-2)).toEqual(['session.locked', 'session.ended']);
  });

  it('a token refused by the redemption says why: already redeemed, another order', async () => {
    const session = await verifiedToken(fixture.api, uniqueMobile());
    expect(
      (await fixture.api.redeem(ACME.secretKey, { token: session.token, order: order({ amount: 1 }) })).status,
    ).toBe(422);
    expect((await fixture.api.redeem(ACME.secretKey, { token: session.token })).status).toBe(200);
    expect((await fixture.api.redeem(ACME.secretKey, { token: session.token })).status).toBe(409);
    const refusals = eventsOf(session.id).filter((event) => event.type.startsWith('token.'));
    expect(refusals.map((event) => [event.type, event.data])).toEqual([
      ['token.refused', { reason: 'order_mismatch', reportedBy: 'verifier' }],
      ['token.redeemed', {}],
      ['token.refused', { reason: 'already_redeemed', reportedBy: 'verifier' }],
    ]);
  });
});
