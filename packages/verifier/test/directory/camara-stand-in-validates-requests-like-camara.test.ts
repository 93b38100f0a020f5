import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CamaraStandIn } from '../../src/directory/sim-swap/camara-stand-in.js';
import { startCamaraStandIn } from '../../src/directory/sim-swap/camara-stand-in.js';

const TOKEN = 'stand-in-token';
const SWAP_DATE = new Date('2030-01-15T08:00:00.000Z');

/** The stand-in the demo and the tests ask answers like the CAMARA SIM Swap v2 specification, errors included. */
describe('the CAMARA stand-in validates requests like the SIM Swap v2 specification', () => {
  let standIn: CamaraStandIn;
  beforeAll(async () => {
    standIn = await startCamaraStandIn({
      swaps: new Map([['+491700000099', SWAP_DATE]]),
      auth: { bearer: TOKEN, clientId: 'client', clientSecret: 'secret' },
    });
  });
  afterAll(() => standIn.stop());

  const post = async (operation: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${standIn.url}/${operation}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
  };

  it.each([
    ['a national number', { phoneNumber: '01700000099', maxAge: 240 }],
    ['a number with spaces', { phoneNumber: '+49 170 0000099', maxAge: 240 }],
    ['maxAge 0', { phoneNumber: '+491700000099', maxAge: 0 }],
    ['maxAge 2401', { phoneNumber: '+491700000099', maxAge: 2401 }],
    ['a fractional maxAge', { phoneNumber: '+491700000099', maxAge: 1.5 }],
    ['a body that is not JSON', '{"phoneNumber":'],
  ])('refuses %s with 400 INVALID_ARGUMENT', async (_case, body) => {
    expect(await post('check', body)).toMatchObject({ status: 400, body: { status: 400, code: 'INVALID_ARGUMENT' } });
  });

  it('refuses a request without a number with 422 MISSING_IDENTIFIER (two-legged token)', async () => {
    expect(await post('check', { maxAge: 240 })).toMatchObject({ status: 422, body: { code: 'MISSING_IDENTIFIER' } });
  });

  it('refuses a request without a valid token with 401 UNAUTHENTICATED', async () => {
    const answer = await post('check', { phoneNumber: '+491700000099' }, { authorization: 'Bearer guessed' });
    expect(answer).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
  });

  it('answers retrieve-date with the latest change or null, and echoes the x-correlator', async () => {
    const swapped = await post('retrieve-date', { phoneNumber: '+491700000099' }, { 'x-correlator': 'corr-1' });
    expect(swapped.body).toEqual({ latestSimChange: SWAP_DATE.toISOString() });
    expect(swapped.headers.get('x-correlator')).toBe('corr-1');
    expect((await post('retrieve-date', { phoneNumber: '+491701234567' })).body).toEqual({ latestSimChange: null });
  });

  // RFC 6749 4.4 and 5.2: client credentials by HTTP Basic; a wrong secret is invalid_client.
  it('issues bearer tokens to its client only', async () => {
    const token = async (basic: string, grant = 'client_credentials') => {
      const response = await fetch(standIn.tokenUrl, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(basic).toString('base64')}` },
        body: new URLSearchParams({ grant_type: grant }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await token('client:wrong')).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await token('client:secret', 'password')).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });
    const issued = await token('client:secret');
    expect(issued).toMatchObject({ status: 200, body: { token_type: 'Bearer', expires_in: 3600 } });
    const answer = await post(
      'check',
      { phoneNumber: '+491700000099' },
      { authorization: `Bearer ${String(issued.body.access_token)}` },
    );
    expect(answer).toMatchObject({ status: 200, body: { swapped: expect.any(Boolean) as unknown } });
  });
});
