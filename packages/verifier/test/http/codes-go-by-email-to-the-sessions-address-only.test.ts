import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import { providerNames } from '../../src/delivery/providers.js';
import { ApiClient, createSession, order } from '../support/api.js';
import { ACME, rawTestBrands, uniqueMobile } from '../support/brands.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';
import { expectProblem } from '../support/problem.js';
import type { ScriptedProvider } from '../support/scripted-provider.js';
import { scriptedProvider } from '../support/scripted-provider.js';

let fixture: VerifierFixture;
let mailer: ScriptedProvider;

beforeAll(async () => {
  mailer = scriptedProvider('mailer');
  const raw = rawTestBrands();
  Object.assign(raw.brands[0] as Record<string, unknown>, {
    channels: ['sms', 'email'],
    delivery: { sms: ['dev-inbox'], email: ['mailer'] },
  });
  fixture = await startTestVerifier({
    brands: brandRegistry(raw, 'email brands', providerNames({ mailer })),
    providers: { mailer },
  });
});
afterAll(() => fixture.dispose());

/** The code in an email's text part. */
function codeIn(text: string): string {
  const match = /\b(\d{6})\b/.exec(text);
  if (match?.[1] === undefined) throw new Error(`no code in ${text}`);
  return match[1];
}

describe('codes by email (channel "email")', () => {
  it('go to the session’s address as text and HTML in the brand’s language; the token says email', async () => {
    const session = await createSession(fixture.api, uniqueMobile(), { email: 'kim@example.com', locale: 'de-DE' });
    const sent = await fixture.api.send(session.id, session.clientSecret, { channel: 'email' });
    expect(sent.status).toBe(202);
    await fixture.verifier.context.outbox.idle();
    const mail = mailer.accepted().at(-1);
    expect(mail).toMatchObject({ to: 'kim@example.com', channel: 'email', sender: ACME.displayName });
    expect(mail?.html).toMatch(/<html lang="de[^"]*" dir="ltr">/);
    expect(await fixture.api.inbox(session.phone)).toEqual([]);

    const checked = await fixture.api.check(session.id, session.clientSecret, codeIn(mail?.body ?? ''));
    expect(checked.status).toBe(200);
    expect(decodeJwt((checked.body as { token: string }).token).amr).toEqual(['email']);
    expect(fixture.verifier.context.store.findSession(session.id)).toMatchObject({ email: null, phoneE164: null });
  });

  it('are refused for a session without an address', async () => {
    const session = await createSession(fixture.api, uniqueMobile());
    const refused = await fixture.api.send(session.id, session.clientSecret, { channel: 'email' });
    expect(expectProblem(refused, 'invalid_request').detail).toMatch(/no email address/);
  });

  it('take the address a checkout server gives with its secret key', async () => {
    const server = new ApiClient(fixture.url, null);
    const created = await server.createSession(
      { brand: ACME.id, order: order(), phone: uniqueMobile(), email: 'server@example.com' },
      { bearer: ACME.secretKey },
    );
    expect(created.status).toBe(201);
    const { id, clientSecret } = created.body as { id: string; clientSecret: string };
    expect((await fixture.api.send(id, clientSecret, { channel: 'email' })).status).toBe(202);
    await fixture.verifier.context.outbox.idle();
    expect(mailer.accepted().at(-1)).toMatchObject({ to: 'server@example.com' });
  });
});
