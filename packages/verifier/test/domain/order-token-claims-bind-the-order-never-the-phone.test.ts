import fc from 'fast-check';
import { tokenClaimsSchema } from '@otp-verify/protocol';
import { describe, expect, it } from 'vitest';
import { orderTokenClaims } from '../../src/domain/claims.js';
import { maskPhone, phoneReference } from '../../src/domain/phone-ref.js';
import { CLOCK_START } from '../support/clock.js';
import { makeSession } from '../support/sessions.js';

const context = {
  issuer: 'https://verify.test',
  audience: 'https://shop.acme.test/checkout',
  jti: 'otk_1',
  channel: 'sms' as const,
};

describe('orderTokenClaims', () => {
  it('binds issuer, audience, session, brand, order and phone reference; exp = iat + token lifetime', () => {
    const session = makeSession({ status: 'sent' });
    const now = CLOCK_START + 1_234;
    const claims = tokenClaimsSchema.parse(orderTokenClaims(session, { ...context, now }));
    const iat = Math.floor(now / 1000);
    expect(claims).toEqual({
      iss: 'https://verify.test',
      aud: 'https://shop.acme.test/checkout',
      iat,
      nbf: iat,
      exp: iat + 300,
      jti: 'otk_1',
      sid: session.id,
      brand: 'acme',
      order: { id: 'order-1001', amount: 12999, currency: 'EUR' },
      phone_ref: 'phone-ref',
      amr: ['sms'],
    });
  });

  it('uses the brand’s shorter token lifetime', () => {
    const session = makeSession({ policy: { ...makeSession().policy, tokenLifetimeSeconds: 60 } });
    const claims = orderTokenClaims(session, { ...context, now: CLOCK_START });
    expect(claims.exp - claims.iat).toBe(60);
  });

  it('carries no phone number in any form (property over German mobile numbers)', () => {
    const key = Buffer.alloc(32, 3);
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{7,8}$/), fc.constantFrom('151', '160', '170', '176'), (rest, prefix) => {
        const e164 = `+49${prefix}${rest}`;
        const session = makeSession({
          phoneE164: e164,
          phoneRef: phoneReference(key, 'acme', e164),
          phoneMasked: maskPhone(e164),
        });
        const text = JSON.stringify(orderTokenClaims(session, { ...context, now: CLOCK_START }));
        expect(text).not.toContain(e164.slice(1));
        expect(text).not.toContain(`0${prefix}${rest}`);
        expect(text).not.toContain(`${prefix}${rest}`);
        expect(text).not.toContain('phone_e164');
      }),
    );
  });

  it('refuses a session without a phone reference', () => {
    expect(() => orderTokenClaims(makeSession({ phoneRef: null }), { ...context, now: CLOCK_START })).toThrow(
      /no phone reference/,
    );
  });
});
