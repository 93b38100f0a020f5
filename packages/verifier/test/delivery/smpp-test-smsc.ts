import type { ProviderMessage } from '../../src/delivery/provider.js';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import smpp from 'smpp';
import type { SmppProviderConfig } from '../../src/delivery/smpp/index.js';
import { smppProviderConfigSchema } from '../../src/delivery/smpp/index.js';

export const SYSTEM_ID = 'acme-shop';
export const PASSWORD = 's3cret';

/** An SMSC on 127.0.0.1 built on the `smpp` package's server: records what it is sent, answers as told. */
export interface TestSmsc {
  port: number;
  binds: smpp.PDU[];
  submits: smpp.PDU[];
  /** Every PDU's command, in the order received (bind_transceiver, enquire_link, deliver_sm_resp, unbind…). */
  received: string[];
  /** The command_status for the next submit_sm answers, one per answer; ESME_ROK once empty. */
  submitStatuses: number[];
  /** Sends a deliver_sm on the first bound session; resolves with the ESME's deliver_sm_resp status. */
  deliver(params: smpp.PduParams): Promise<number>;
  /** Cuts every connection, as a crashed SMSC or a broken network would. */
  dropConnections(): void;
  close(): Promise<void>;
}

export async function startTestSmsc(): Promise<TestSmsc> {
  const sessions: smpp.Session[] = [];
  let messageIds = 0;
  const smsc: Omit<TestSmsc, 'port' | 'close'> = {
    binds: [],
    submits: [],
    received: [],
    submitStatuses: [],
    deliver: (params) =>
      new Promise((resolve, reject) => {
        const [session] = sessions;
        if (!session) return reject(new Error('no ESME bound'));
        session.send(new smpp.PDU('deliver_sm', params), (response) => resolve(response.command_status));
      }),
    dropConnections: () => sessions.forEach((session) => session.destroy()),
  };
  const server = smpp.createServer((session) => {
    session.on('error', () => undefined);
    session.on('close', () => sessions.splice(sessions.indexOf(session), 1));
    session.on('pdu', (pdu) => smsc.received.push(pdu.command));
    session.on('bind_transceiver', (pdu) => {
      smsc.binds.push(pdu);
      const accepted = pdu.system_id === SYSTEM_ID && pdu.password === PASSWORD;
      session.send(pdu.response({ command_status: accepted ? 0 : smpp.errors.ESME_RINVPASWD }));
      if (accepted) sessions.push(session);
    });
    session.on('submit_sm', (pdu) => {
      smsc.submits.push(pdu);
      const status = smsc.submitStatuses.shift() ?? 0;
      session.send(pdu.response(status ? { command_status: status } : { message_id: `msg-${++messageIds}` }));
    });
    for (const command of ['enquire_link', 'unbind']) {
      session.on(command, (pdu) => session.send(pdu.response()));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    ...smsc,
    port: (server.address() as AddressInfo).port,
    close: () => {
      smsc.dropConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Provider settings for the test SMSC, with intervals short enough for tests. */
export function testConfig(port: number, overrides: Partial<SmppProviderConfig> = {}): SmppProviderConfig {
  return smppProviderConfigSchema.parse({
    host: '127.0.0.1',
    port,
    systemId: SYSTEM_ID,
    passwordEnv: 'SMPP_PASSWORD',
    defaultSender: 'ACME',
    connectTimeoutMs: 500,
    submitTimeoutMs: 2000,
    reconnect: { initialMs: 20, maxMs: 100 },
    throttle: { initialMs: 20, maxMs: 50 },
    ...overrides,
  });
}

/** The test SMSC as an entry of platform.json's `providers`, its password in ACME_SMPP_PASSWORD. */
export function platformSmscEntry(port: number) {
  return {
    type: 'smpp',
    host: '127.0.0.1',
    port,
    systemId: SYSTEM_ID,
    passwordEnv: 'ACME_SMPP_PASSWORD',
    connectTimeoutMs: 1000,
    submitTimeoutMs: 2000,
  };
}

export const silentLogger = pino({ level: 'silent' });

/** A short GSM-7 SMS to a Swiss mobile number. */
export const TEST_SMS: ProviderMessage = {
  to: '+41791234567',
  channel: 'sms',
  body: 'Your code is 123456',
  sentAt: 0,
  sessionId: 's1',
  idempotencyKey: 'k1',
};

/** A command status by its SMPP name, e.g. ESME_RTHROTTLED. */
export function commandStatus(name: string): number {
  const status = smpp.errors[name];
  if (status === undefined) throw new Error(`no command status ${name}`);
  return status;
}

/** The text of a submit_sm as the SMSC decoded it, and its concatenation header if it has one. */
export function submitted(pdu: smpp.PDU | undefined): {
  text: string;
  concatenation?: { reference: number; total: number; part: number };
} {
  if (!pdu) throw new Error('no submit_sm received');
  const shortMessage = pdu.short_message as smpp.DecodedShortMessage;
  const header = shortMessage.udh?.find((element) => element[0] === 0x00);
  const text = shortMessage.message;
  if (!header) return { text };
  return { text, concatenation: { reference: header[2] ?? -1, total: header[3] ?? -1, part: header[4] ?? -1 } };
}
