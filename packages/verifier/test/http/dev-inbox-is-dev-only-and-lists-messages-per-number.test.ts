import type { AddressInfo } from 'node:net';
import { devInboxMessageSchema } from '@otp-verify/protocol';
import { describe, expect, it } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import { providerNames } from '../../src/delivery/providers.js';
import { smsSize } from '../../src/delivery/sms-size.js';
import { createVerifier } from '../../src/verifier.js';
import { sessionWithCode } from '../support/api.js';
import { PUBLIC_URL, rawTestBrands, testBrands, uniqueMobile } from '../support/brands.js';
import { startTestVerifier, useTestVerifier } from '../support/fixture.js';
import { rawRequest } from '../support/raw-http.js';
import { scriptedProvider } from '../support/scripted-provider.js';
import { tempDir } from '../support/temp-dir.js';

const fixture = useTestVerifier();

describe('the dev inbox', () => {
  it('lists one number’s messages newest first, in the protocol shape', async () => {
    const { api, clock } = fixture;
    const phone = uniqueMobile();
    const first = await sessionWithCode(api, phone);
    clock.advanceSeconds(30);
    expect((await api.send(first.id, first.clientSecret)).status).toBe(202);
    const other = uniqueMobile();
    await sessionWithCode(api, other);

    const messages = (await api.inbox(phone)).map((message) => devInboxMessageSchema.parse(message));
    expect(messages).toHaveLength(2);
    expect(messages.every((message) => message.to === phone && message.sessionId === first.id)).toBe(true);
    expect(Date.parse(messages[0]?.sentAt ?? '')).toBeGreaterThan(Date.parse(messages[1]?.sentAt ?? ''));
    expect(await api.inbox(other)).toHaveLength(1);
  });

  it('also finds the number when the "+" of ?to= is not percent-encoded', async () => {
    const phone = uniqueMobile();
    await sessionWithCode(fixture.api, phone);
    const response = await rawRequest(fixture.url, { method: 'GET', path: `/dev/inbox/messages?to=${phone}` });
    expect(response.status).toBe(200);
    expect(response.body).toEqual([expect.objectContaining({ to: phone })]);
  });

  it('serves a no-store HTML page that escapes message text', async () => {
    const raw = rawTestBrands();
    raw.brands[0] = { ...raw.brands[0], displayName: 'Acme <img src=x onerror=alert(1)>' };
    const own = await startTestVerifier({ brands: brandRegistry(raw, 'xss brands') });
    try {
      await sessionWithCode(own.api, uniqueMobile());
      const page = await rawRequest(own.url, { method: 'GET', path: '/dev/inbox' });
      expect(page.status).toBe(200);
      expect(page.contentType).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toContain('Acme &lt;img src=x onerror=alert(1)&gt;');
      expect(page.text).not.toContain('<img src=x');
    } finally {
      await own.dispose();
    }
  });

  it('shows how each SMS would be billed: its encoding and segment count', async () => {
    const phone = uniqueMobile();
    await sessionWithCode(fixture.api, phone);
    const [message] = await fixture.api.inbox(phone);
    const { encoding, segments } = smsSize(devInboxMessageSchema.parse(message).body);
    const page = await rawRequest(fixture.url, { method: 'GET', path: '/dev/inbox' });
    expect(page.text).toContain('<th scope="col">Billed as</th>');
    expect(page.text).toContain(`<td>${encoding}, ${segments} segment${segments === 1 ? '' : 's'}</td>`);
  });

  it('does not exist outside dev mode: production refuses brands routed to it, naming them', async () => {
    const dir = tempDir();
    try {
      await expect(
        createVerifier({ dataDir: dir.path, brands: testBrands(), publicUrl: PUBLIC_URL, mode: 'production' }),
      ).rejects.toThrow(/brands acme, globex, initech route to the dev inbox/);
    } finally {
      dir.remove();
    }
  });

  it('production with every brand on a real provider starts, and has no /dev routes', async () => {
    const dir = tempDir();
    const gateway = scriptedProvider('gateway');
    const raw = rawTestBrands();
    for (const brand of raw.brands) Object.assign(brand, { delivery: { sms: ['gateway'] } });
    const verifier = await createVerifier({
      dataDir: dir.path,
      brands: brandRegistry(raw, 'production brands', providerNames({ gateway })),
      providers: { gateway },
      publicUrl: PUBLIC_URL,
      mode: 'production',
    });
    try {
      const server = verifier.app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      for (const path of ['/dev/inbox', '/dev/inbox/messages', '/dev/templates']) {
        expect((await rawRequest(`http://127.0.0.1:${port}`, { method: 'GET', path })).status).toBe(404);
      }
      await new Promise((resolve) => server.close(resolve));
    } finally {
      await verifier.close();
      dir.remove();
    }
  });
});
