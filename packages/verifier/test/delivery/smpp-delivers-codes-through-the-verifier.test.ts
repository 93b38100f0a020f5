import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVerifier } from '../../src/verifier.js';
import { startVerifier } from '../../src/verifier.js';
import { ApiClient, codeFromSms, createSession } from '../support/api.js';
import { ACME, PUBLIC_URL, uniqueMobile, writeTestBrandsDirectory } from '../support/brands.js';
import { tempDir } from '../support/temp-dir.js';
import type { TestSmsc } from './smpp-test-smsc.js';
import { PASSWORD, platformSmscEntry, silentLogger, startTestSmsc, submitted } from './smpp-test-smsc.js';

let dir: ReturnType<typeof tempDir>;
let smsc: TestSmsc;

/** The test brands in a directory whose platform.json has the SMSC as provider "acme-smsc", acme routed to it. */
function brandsRoutedToTheSmsc(name: string): string {
  return writeTestBrandsDirectory(
    join(dir.path, name),
    (brand) => {
      if (brand.id === ACME.id) Object.assign(brand, { delivery: { sms: ['acme-smsc'] }, senderId: 'AcmeMobile' });
    },
    {
      providers: {
        'acme-smsc': platformSmscEntry(smsc.port),
      },
    },
  );
}

const start = (brands: string, env: NodeJS.ProcessEnv) =>
  startVerifier({
    dataDir: join(dir.path, `data-${Math.random()}`),
    brands,
    publicUrl: PUBLIC_URL,
    mode: 'dev',
    env,
    logger: silentLogger,
    keyPollIntervalMs: 0,
    host: '127.0.0.1',
    port: 0,
  });

beforeAll(async () => {
  dir = tempDir();
  smsc = await startTestSmsc();
});
afterAll(async () => {
  await smsc.close();
  dir.remove();
});

describe('a brand routed to an SMSC (platform.json providers, type smpp)', () => {
  let verifier: RunningVerifier;
  beforeAll(async () => {
    verifier = await start(brandsRoutedToTheSmsc('routed'), { ACME_SMPP_PASSWORD: PASSWORD });
  });
  afterAll(() => verifier.stop());

  it('sends its code over SMPP with the brand’s sender id, and the code checks', async () => {
    const api = new ApiClient(verifier.url, ACME.origin);
    const phone = uniqueMobile();
    const session = await createSession(api, phone);
    expect((await api.send(session.id, session.clientSecret)).status).toBe(202);
    await verifier.context.outbox.idle();
    const pdu = smsc.submits.at(-1);
    expect(pdu).toMatchObject({ source_addr: 'AcmeMobile', destination_addr: phone.slice(1) });
    const { text } = submitted(pdu);
    expect(text).toMatch(/^Acme Mobile: \d{6} is your code/);
    expect(text).toMatch(/\n\n@shop\.acme\.test #\d{6}$/);
    expect((await api.check(session.id, session.clientSecret, codeFromSms(text))).status).toBe(200);
  });

  it('unbinds from the SMSC when the verifier stops', async () => {
    const other = await start(brandsRoutedToTheSmsc('stopping'), { ACME_SMPP_PASSWORD: PASSWORD });
    const api = new ApiClient(other.url, ACME.origin);
    const session = await createSession(api, uniqueMobile());
    expect((await api.send(session.id, session.clientSecret)).status).toBe(202);
    await other.context.outbox.idle();
    const unbindsBefore = smsc.received.filter((command) => command === 'unbind').length;
    await other.stop();
    await expect.poll(() => smsc.received.filter((command) => command === 'unbind').length).toBe(unbindsBefore + 1);
  });
});

// OWASP ASVS 2.10.4: the SMSC password comes from the environment; without it the verifier does not start.
it('does not start when the SMPP password is missing from the environment, and says which variable', async () => {
  await expect(start(brandsRoutedToTheSmsc('no-password'), {})).rejects.toThrow(
    'provider "acme-smsc": ACME_SMPP_PASSWORD, its SMPP password, is not set in the environment',
  );
});
