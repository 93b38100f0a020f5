import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import { providerNames } from '../../src/delivery/providers.js';
import { createServerSession } from '../support/api.js';
import { ACME, rawTestBrands, uniqueMobile } from '../support/brands.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';
import type { ScriptedProvider } from '../support/scripted-provider.js';
import { scriptedProvider } from '../support/scripted-provider.js';

let fixture: VerifierFixture;
let texter: ScriptedProvider;

/** acme sends SMS through `texter` and email through `mailer`, and falls back to email. */
beforeAll(async () => {
  texter = scriptedProvider('texter');
  const mailer = scriptedProvider('mailer');
  const raw = rawTestBrands();
  Object.assign(raw.brands[0] as Record<string, unknown>, {
    channels: ['sms', 'email'],
    delivery: { sms: ['texter'], email: ['mailer'], fallbackToEmail: true },
  });
  fixture = await startTestVerifier({
    brands: brandRegistry(raw, 'email brands', providerNames({ texter, mailer })),
    providers: { texter, mailer },
  });
});
afterAll(() => fixture.dispose());

/** The data of the session's message.queued events, in order. */
function queued(sessionId: string) {
  return fixture.verifier.context.store
    .listEvents({ sessionId, limit: 100 })
    .filter((event) => event.type === 'message.queued')
    .map((event) => event.data);
}

describe('message.queued for an email (issue 7: delivery by country)', () => {
  it("names the country of the session's number, and no prefix or segments: those are an SMS's", async () => {
    const session = await createServerSession(fixture.api, ACME, uniqueMobile(), { email: 'kim@example.com' });
    expect((await fixture.api.send(session.id, session.clientSecret, { channel: 'email' })).status).toBe(202);
    expect(queued(session.id)).toEqual([{ channel: 'email', fallback: false, country: 'DE' }]);
  });

  it('the email standing in for an undeliverable SMS has the country of that SMS', async () => {
    texter.script(['reject']);
    const session = await createServerSession(fixture.api, ACME, uniqueMobile(), { email: 'kim@example.com' });
    expect((await fixture.api.send(session.id, session.clientSecret)).status).toBe(202);
    await fixture.verifier.context.outbox.idle();
    expect(queued(session.id)).toEqual([
      { channel: 'sms', fallback: true, country: 'DE', prefix: session.phone.slice(0, -4), segments: 1 },
      { channel: 'email', fallback: false, country: 'DE' },
    ]);
    expect(JSON.stringify(queued(session.id))).not.toContain('kim@');
  });
});
