import { describe, expect, it } from 'vitest';
import { ApiClient, order, sessionWithCode } from '../support/api.js';
import { ACME, INITECH, uniqueMobile } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';

const fixture = useTestVerifier();

async function smsFor(api: ApiClient, extra: Record<string, unknown>, brand: string = ACME.id) {
  const phone = uniqueMobile();
  const session = await sessionWithCode(api, phone, extra, brand);
  const [message] = await api.inbox(phone);
  return { body: message?.body ?? '', code: session.code, phone };
}

describe('the verification SMS', () => {
  it('names the brand and the amount and ends with "@<checkout host> #<code>"', async () => {
    const { body, code, phone } = await smsFor(fixture.api, { locale: 'en' });
    expect(body.startsWith('Acme Mobile')).toBe(true);
    expect(body).toContain('€129.99');
    expect(body.split('\n').at(-1)).toBe(`@${ACME.host} #${code}`);
    expect(body.endsWith(`@${ACME.host} #${code}`)).toBe(true);
    expect(body).not.toContain(phone.slice(3));
  });

  it('formats the amount in the session’s locale, with the currency’s own minor units', async () => {
    expect((await smsFor(fixture.api, { locale: 'de' })).body).toMatch(/129,99\s€/u);
    expect(
      (await smsFor(fixture.api, { locale: 'en', order: order({ amount: 5000, currency: 'JPY' }) })).body,
    ).toContain('¥5,000');
    expect((await smsFor(fixture.api, { locale: 'en', order: order({ amount: 1234, currency: 'KWD' }) })).body).toMatch(
      /KWD\s1\.234/u,
    );
  });

  it('uses the page’s host in the WebOTP line, per brand', async () => {
    const api = new ApiClient(fixture.url, INITECH.origin);
    const { body, code } = await smsFor(api, {}, INITECH.id);
    expect(body.startsWith('Initech Mobilfunk')).toBe(true);
    expect(body.split('\n').at(-1)).toBe(`@${INITECH.host} #${code}`);
  });
});
