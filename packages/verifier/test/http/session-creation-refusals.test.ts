import { describe, expect, it } from 'vitest';
import { order } from '../support/api.js';
import { ACME, FOREIGN_ORIGIN, GLOBEX, INITECH } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';
import { expectProblem } from '../support/problem.js';

const fixture = useTestVerifier();

const valid = () => ({ brand: ACME.id, order: order(), phone: '+491701234567' });

describe('POST /v1/sessions refusals', () => {
  it('400 invalid_request names each bad field', async () => {
    const response = await fixture.api.createSession({ brand: ACME.id, order: { ...order(), amount: '12999' } });
    const problem = expectProblem(response, 'invalid_request');
    expect(problem.errors).toEqual([{ path: 'order.amount', message: expect.any(String) }]);
    expect(problem.detail).toContain('order.amount');
  });

  it('400 invalid_request for an order id outside [A-Za-z0-9._:-]{1,128}', async () => {
    for (const id of ['', 'order 1', 'x'.repeat(129), 'order/1', 'ördér']) {
      expectProblem(await fixture.api.createSession({ ...valid(), order: order({ id }) }), 'invalid_request');
    }
    expect((await fixture.api.createSession({ ...valid(), order: order({ id: 'A-z_0.9:x' }) })).status).toBe(201);
  });

  it('400 invalid_request for customerRef at a brand without a customer directory', async () => {
    const response = await fixture.api.createSession(
      { brand: ACME.id, order: order(), customerRef: 'c-1' },
      { bearer: ACME.secretKey, origin: null },
    );
    expectProblem(response, 'invalid_request');
  });

  it('403 origin_not_allowed without an Origin, from a foreign origin, and from another brand’s origin', async () => {
    for (const origin of [null, FOREIGN_ORIGIN, INITECH.origin, `${ACME.origin}:443`, 'null', `${ACME.origin}/`]) {
      const problem = expectProblem(await fixture.api.createSession(valid(), { origin }), 'origin_not_allowed');
      expect(problem.detail).toContain(ACME.id);
    }
  });

  it('404 unknown_brand', async () => {
    expectProblem(await fixture.api.createSession({ ...valid(), brand: 'nope' }), 'unknown_brand');
  });

  it('422 invalid_phone for garbage, a landline and a too-short number', async () => {
    for (const phone of ['garbage', '+49 30 12345678', '+49 170', '0000000']) {
      expectProblem(await fixture.api.createSession({ ...valid(), phone }), 'invalid_phone');
    }
  });

  it('422 country_not_allowed for a number outside the brand’s countries', async () => {
    for (const phone of ['+1 202 555 0143', '+43 664 1234567']) {
      const problem = expectProblem(await fixture.api.createSession({ ...valid(), phone }), 'country_not_allowed');
      expect(problem.detail).toMatch(/US|AT/);
    }
  });

  it('403 guest_checkout_disabled for a typed number at a brand without guest checkout', async () => {
    const response = await fixture.api.createSession(
      { brand: GLOBEX.id, order: order(), phone: '+491701234567' },
      { origin: GLOBEX.origin },
    );
    expectProblem(response, 'guest_checkout_disabled');
  });

  it('401 invalid_customer_token at a brand without customer auth, and for an unreadable token', async () => {
    expectProblem(
      await fixture.api.createSession({ brand: ACME.id, order: order(), customerToken: 'eyJhbGciOiJub25lIn0.e30.' }),
      'invalid_customer_token',
    );
    expectProblem(
      await fixture.api.createSession(
        { brand: GLOBEX.id, order: order(), customerToken: 'not-a-jwt' },
        { origin: GLOBEX.origin },
      ),
      'invalid_customer_token',
    );
  });

  it('401 invalid_secret_key for an unknown key or another brand’s key', async () => {
    expectProblem(
      await fixture.api.createSession(valid(), { bearer: 'sk_test_unknown', origin: null }),
      'invalid_secret_key',
    );
    expectProblem(
      await fixture.api.createSession(valid(), { bearer: GLOBEX.secretKey, origin: null }),
      'invalid_secret_key',
    );
  });
});
