import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import { providerNames } from '../../src/delivery/providers.js';
import { createServerSession, createSession, order } from '../support/api.js';
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
    const session = await createServerSession(fixture.api, ACME, uniqueMobile(), {
      email: 'kim@example.com',
      locale: 'de-DE',
    });
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

  it('a page may not add an address: the code would prove it, not the phone in the token (NIST 800-63B 5.1.3.1)', async () => {
    const refused = await fixture.api.createSession({
      brand: ACME.id,
      order: order(),
      phone: uniqueMobile(),
      email: 'attacker@example.com',
    });
    expect(expectProblem(refused, 'invalid_request').detail).toMatch(/server-to-server/);
  });
});
