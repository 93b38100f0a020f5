import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import { createSession, sessionWithCode } from '../support/api.js';
import { ACME, INITECH, rawTestBrands, uniqueMobile } from '../support/brands.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';
import { expectProblem } from '../support/problem.js';
import { ApiClient } from '../support/api.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function started(options: Parameters<typeof startTestVerifier>[0]): Promise<VerifierFixture> {
  const fixture = await startTestVerifier(options);
  cleanups.unshift(() => fixture.dispose());
  return fixture;
}

describe('configuration changes close sessions cleanly instead of failing', () => {
  it('a brand that offers email is refused channel "email" rather than sent an SMS (no email provider yet)', async () => {
    const raw = rawTestBrands();
    Object.assign(raw.brands[0] as object, {
      channels: ['sms', 'email'],
      delivery: { sms: ['dev-inbox'], email: ['dev-inbox'] },
    });
    const { api } = await started({ brands: brandRegistry(raw, 'email brand') });
    const session = await createSession(api, uniqueMobile());
    const refused = expectProblem(
      await api.send(session.id, session.clientSecret, { channel: 'email' }),
      'invalid_request',
    );
    expect(refused.detail).toMatch(/email/);
    expect(await api.inbox(session.phone)).toHaveLength(0);
  });

  it('a session of a brand removed from the configuration answers 409 session_closed, never a 500', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'otp-verify-removed-brand-'));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    const dataDir = join(directory, 'data');
    const before = await started({ dataDir });
    const initech = new ApiClient(before.url, INITECH.origin);
    const session = await sessionWithCode(initech, uniqueMobile(), {}, INITECH.id);
    await before.stop();

    const raw = rawTestBrands();
    raw.brands = raw.brands.filter((brand) => brand.id !== INITECH.id);
    const after = await started({ dataDir, brands: brandRegistry(raw, 'without initech') });
    const client = new ApiClient(after.url, ACME.origin);
    expectProblem(await client.send(session.id, session.clientSecret), 'session_closed');
    expectProblem(await client.check(session.id, session.clientSecret, session.code), 'session_closed');
  });
});
