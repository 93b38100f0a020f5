import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryFailure } from '../../src/delivery/provider.js';
import type { SmppProvider, SmppProviderConfig } from '../../src/delivery/smpp/index.js';
import { createSmppProvider } from '../../src/delivery/smpp/index.js';
import type { TestSmsc } from './smpp-test-smsc.js';
import { commandStatus, PASSWORD, silentLogger, startTestSmsc, TEST_SMS, testConfig } from './smpp-test-smsc.js';

let smsc: TestSmsc;
let provider: SmppProvider | undefined;
beforeEach(async () => {
  smsc = await startTestSmsc();
});
afterEach(async () => {
  await provider?.close();
  provider = undefined;
  await smsc.close();
});

function connect(overrides: Partial<SmppProviderConfig> = {}, password = PASSWORD): SmppProvider {
  provider = createSmppProvider(testConfig(smsc.port, overrides), {
    password,
    logger: silentLogger,
    onReceipt: () => undefined,
  });
  return provider;
}

/** What a failed send threw: whether it says the SMSC refused the message itself. */
async function refusal(send: Promise<unknown>): Promise<{ message: string; rejected: boolean }> {
  const error = await send.then(
    () => expect.unreachable('the send succeeded'),
    (thrown: unknown) => thrown as Error,
  );
  return { message: error.message, rejected: error instanceof DeliveryFailure && error.rejected };
}

describe('an SMPP failure says whether the SMSC refused the message itself (SMPP 3.4 section 5.1.3)', () => {
  it.each([
    'ESME_RINVDSTADR',
    'ESME_RINVDSTTON',
    'ESME_RINVDSTNPI',
    'ESME_RINVSRCADR',
    'ESME_RINVSRCTON',
    'ESME_RINVSRCNPI',
    'ESME_RINVMSGLEN',
    'ESME_RINVDCS',
    'ESME_RINVESMCLASS',
    'ESME_RX_P_APPN',
    'ESME_RX_R_APPN',
  ])('%s refuses the message: submitting it there again is pointless', async (name) => {
    smsc.submitStatuses.push(commandStatus(name));
    expect(await refusal(connect().send(TEST_SMS))).toEqual({
      message: expect.stringContaining(`refused submit_sm: ${name}`),
      rejected: true,
    });
  });

  it.each(['ESME_RSYSERR', 'ESME_RMSGQFUL', 'ESME_RX_T_APPN', 'ESME_RSUBMITFAIL'])(
    '%s is the SMSC’s condition and counts against it',
    async (name) => {
      smsc.submitStatuses.push(commandStatus(name));
      expect(await refusal(connect().send(TEST_SMS))).toEqual({
        message: expect.stringContaining(name),
        rejected: false,
      });
    },
  );

  it('throttling past the submit timeout counts against the SMSC', async () => {
    smsc.submitStatuses.push(...Array<number>(500).fill(commandStatus('ESME_RTHROTTLED')));
    expect(await refusal(connect({ submitTimeoutMs: 1_000 }).send(TEST_SMS))).toEqual({
      message: expect.stringContaining('ESME_RTHROTTLED'),
      rejected: false,
    });
  });

  it('a refused bind counts against the SMSC', async () => {
    expect(await refusal(connect({}, 'wrong').send(TEST_SMS))).toEqual({
      message: expect.stringContaining('ESME_RINVPASWD'),
      rejected: false,
    });
  });

  it('an SMSC that cannot be reached within the submit timeout counts against it', async () => {
    const port = smsc.port;
    await smsc.close();
    provider = createSmppProvider(testConfig(port, { submitTimeoutMs: 300 }), {
      password: PASSWORD,
      logger: silentLogger,
      onReceipt: () => undefined,
    });
    expect(await refusal(provider.send(TEST_SMS))).toEqual({
      message: 'no SMPP bind before the submit timeout',
      rejected: false,
    });
    smsc = await startTestSmsc();
  });
});

describe('the outbox’s signal ends an SMPP attempt', () => {
  it('stops resubmitting through throttling as soon as the signal aborts, well before the submit timeout', async () => {
    smsc.submitStatuses.push(...Array<number>(10_000).fill(commandStatus('ESME_RTHROTTLED')));
    const send = connect({ submitTimeoutMs: 60_000 }).send(TEST_SMS, { signal: AbortSignal.timeout(150) });
    expect(await refusal(send)).toEqual({
      message: 'the SMPP submit was not waited for: the attempt was cancelled',
      rejected: false,
    });
    const submitted = smsc.submits.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smsc.submits).toHaveLength(submitted);
  });

  it('submits nothing when the attempt was cancelled before it started', async () => {
    await connect().send(TEST_SMS);
    const submitted = smsc.submits.length;
    await expect(provider?.send(TEST_SMS, { signal: AbortSignal.abort() })).rejects.toThrow(/cancelled/);
    expect(smsc.submits).toHaveLength(submitted);
  });
});
