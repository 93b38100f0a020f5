import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { ApiClient, verifiedToken } from '../support/api.js';
import { INITECH } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';

const fixture = useTestVerifier();

describe('typed phone numbers', () => {
  it('international, 00-prefixed and national (country DE, or the brand default) forms reach +491701234567', async () => {
    const { api } = fixture;
    const inputs: Record<string, unknown>[] = [
      { phone: '+49 170 1234567' },
      { phone: '0049 170 1234567', country: 'DE' },
      { phone: '0170 1234567', country: 'DE' },
      { phone: '0170 1234567' },
      { phone: '+49 (0)170 123-45-67' },
    ];
    const sessions = [];
    for (const input of inputs) {
      const session = await verifiedToken(api, '+491701234567', input);
      sessions.push(session);
    }
    const inbox = await api.inbox('+491701234567');
    expect(inbox.map((message) => message.sessionId).sort()).toEqual(sessions.map((session) => session.id).sort());
    // The same customer gets the same pseudonymous reference at one brand, whatever they typed.
    const refs = new Set(sessions.map((session) => decodeJwt(session.token).phone_ref));
    expect(refs.size).toBe(1);
  });

  it('the same number has a different phone_ref at another brand', async () => {
    const { api } = fixture;
    const acme = await verifiedToken(api, '+491701112233', { phone: '+491701112233' });
    const initechApi = new ApiClient(api.baseUrl, INITECH.origin);
    const initech = await verifiedToken(initechApi, '+491701112233', { phone: '+491701112233' }, INITECH.id);
    expect(decodeJwt(acme.token).phone_ref).not.toBe(decodeJwt(initech.token).phone_ref);
  });
});
