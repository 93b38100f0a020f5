import {
  checkResponseSchema,
  createSessionResponseSchema,
  devInboxMessageSchema,
  redemptionResponseSchema,
  sendResponseSchema,
  sessionViewSchema,
} from '@otp-verify/protocol';
import { describe, expect, it } from 'vitest';
import { codeFromSms, order } from '../support/api.js';
import { ACME, INITECH } from '../support/brands.js';
import { CLOCK_START } from '../support/clock.js';
import { useTestVerifier } from '../support/fixture.js';

const fixture = useTestVerifier();

describe('create → send → read inbox → check → redeem', () => {
  it('walks the whole flow with every body in the protocol’s shape', async () => {
    const { api, clock } = fixture;
    const phone = '+491701234567';

    const created = await api.createSession({ brand: ACME.id, order: order(), phone, locale: 'en' });
    expect(created.status).toBe(201);
    expect(created.contentType).toMatch(/^application\/json/);
    const session = createSessionResponseSchema.parse(created.body);
    expect(session).toMatchObject({ status: 'created', codeLength: 6, phoneMasked: '••• 67' });
    expect(session.expiresAt).toBe(new Date(CLOCK_START + 1800_000).toISOString());
    expect(session.clientSecret).not.toBe(session.id);

    const view0 = await api.getSession(session.id, session.clientSecret);
    expect(view0.status).toBe(200);
    expect(sessionViewSchema.parse(view0.body)).toMatchObject({ status: 'created', attemptsLeft: 5, sendsLeft: 5 });

    const sent = await api.send(session.id, session.clientSecret);
    expect(sent.status).toBe(202);
    expect(sendResponseSchema.parse(sent.body)).toEqual({
      status: 'sent',
      phoneMasked: '••• 67',
      retryAfter: 30,
      expiresAt: new Date(CLOCK_START + 300_000).toISOString(),
      sendsLeft: 4,
    });

    const inbox = await api.inbox(phone);
    expect(inbox).toHaveLength(1);
    const message = devInboxMessageSchema.parse(inbox[0]);
    expect(message).toMatchObject({ to: phone, channel: 'sms', sessionId: session.id });
    const code = codeFromSms(message.body);
    expect(code).toMatch(/^[0-9]{6}$/);

    clock.advanceSeconds(10);
    const view1 = sessionViewSchema.parse((await api.getSession(session.id, session.clientSecret)).body);
    expect(view1).toMatchObject({ status: 'sent', attemptsLeft: 5, sendsLeft: 4, retryAfter: 20 });

    const checked = await api.check(session.id, session.clientSecret, code);
    expect(checked.status).toBe(200);
    const verified = checkResponseSchema.parse(checked.body);
    expect(verified.tokenExpiresAt).toBe(new Date(CLOCK_START + 10_000 + 300_000).toISOString());
    const view2 = sessionViewSchema.parse((await api.getSession(session.id, session.clientSecret)).body);
    expect(view2).toMatchObject({ status: 'verified', sendsLeft: 0, retryAfter: 0 });

    const redeemed = await api.redeem(ACME.secretKey, { token: verified.token, order: order() });
    expect(redeemed.status).toBe(200);
    const redemption = redemptionResponseSchema.parse(redeemed.body);
    expect(redemption.claims).toMatchObject({ sid: session.id, brand: ACME.id, order: order() });
    const view3 = sessionViewSchema.parse((await api.getSession(session.id, session.clientSecret)).body);
    expect(view3.status).toBe('redeemed');
  });

  it('lets a checkout server create the session with its secret key (no Origin) and bind the phone at send', async () => {
    const { api } = fixture;
    const created = await api.createSession(
      { brand: ACME.id, order: order() },
      { bearer: ACME.secretKey, origin: null },
    );
    expect(created.status).toBe(201);
    const session = createSessionResponseSchema.parse(created.body);
    expect(session).not.toHaveProperty('phoneMasked');

    const sent = await api.send(session.id, session.clientSecret, { phone: '0170 7654321', country: 'DE' });
    expect(sent.status).toBe(202);
    expect(sendResponseSchema.parse(sent.body).phoneMasked).toBe('••• 21');
    const [message] = await api.inbox('+491707654321');
    // Without a page, the WebOTP line names the brand's first allowed origin.
    expect(message?.body.split('\n').at(-1)).toMatch(new RegExp(`^@${ACME.host} #[0-9]{6}$`));
  });

  it('uses the brand’s code length end to end (8 digits for initech)', async () => {
    const api = fixture.api;
    const created = await api.createSession(
      { brand: INITECH.id, order: order(), phone: '+436641234567' },
      { origin: INITECH.origin },
    );
    expect(created.status).toBe(201);
    const session = createSessionResponseSchema.parse(created.body);
    expect(session.codeLength).toBe(8);
    expect((await api.send(session.id, session.clientSecret)).status).toBe(202);
    const code = await api.latestCode('+436641234567');
    expect(code).toMatch(/^[0-9]{8}$/);
    const checked = await api.check(session.id, session.clientSecret, code);
    expect(checked.status).toBe(200);
    const redeemed = await api.redeem(INITECH.secretKey, { token: (checked.body as { token: string }).token });
    expect(redeemed.status).toBe(200);
  });
});
