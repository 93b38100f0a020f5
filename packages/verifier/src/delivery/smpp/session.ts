import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import smpp from 'smpp';
import type { BackOff } from './back-off.js';
import { backOffDelay } from './back-off.js';
import { commandStatusName, ESME_ROK } from './command-status.js';
import { SmppConnection, within } from './connection.js';

/** The SMSC answered bind_transceiver with an error (wrong password, unknown system id…): retrying will not help. */
export class SmppBindRefusedError extends Error {
  constructor(systemId: string, status: number) {
    super(`the SMSC refused to bind ${systemId} as a transceiver: ${commandStatusName(status)}`);
    this.name = 'SmppBindRefusedError';
  }
}

export interface SmppSessionOptions {
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType?: string;
  enquireLinkMs: number;
  connectTimeoutMs: number;
  reconnect: BackOff;
  logger: Logger;
  /** A deliver_sm from the SMSC; the session answers it once this returns. */
  onDeliverSm(pdu: smpp.PDU): void;
}

const SMPP_3_4 = 0x34;

/**
 * A transceiver bind kept alive: bound lazily on the first request, probed with enquire_link, and bound again with
 * back-off when the connection drops. Requests made meanwhile wait for the new bind.
 */
export class SmppSession {
  private bound: Promise<SmppConnection> | undefined;
  private readonly stopping = new AbortController();

  constructor(private readonly options: SmppSessionOptions) {}

  /** Sends `pdu` once bound; rejects if the bind and the answer do not both come before `deadline` (epoch ms). */
  async request(pdu: smpp.PDU, deadline: number): Promise<smpp.PDU> {
    const connection = await within(this.bind(), deadline - Date.now(), `no SMPP bind before the submit timeout`);
    return connection.request(pdu, deadline - Date.now());
  }

  /** Unbinds and closes; requests after this fail. */
  async close(): Promise<void> {
    if (this.stopping.signal.aborted) return;
    this.stopping.abort();
    const connection = await this.bound?.catch(() => undefined);
    if (!connection?.isOpen) return;
    await connection.request(new smpp.PDU('unbind'), this.options.connectTimeoutMs).catch((error: unknown) => {
      this.options.logger.warn({ err: error }, 'SMPP unbind unanswered');
    });
    await connection.end();
  }

  private bind(): Promise<SmppConnection> {
    if (this.stopping.signal.aborted) return Promise.reject(new Error('the SMPP provider is closed'));
    return (this.bound ??= this.bindUntilBound(0));
  }

  private bindUntilBound(firstAttempt: number): Promise<SmppConnection> {
    const bound = (async () => {
      for (let attempt = firstAttempt; ; attempt += 1) {
        if (attempt > 0)
          await sleep(backOffDelay(this.options.reconnect, attempt - 1), undefined, { signal: this.stopping.signal });
        try {
          return await this.connectAndBind();
        } catch (error) {
          if (error instanceof SmppBindRefusedError || this.stopping.signal.aborted) throw error;
          this.options.logger.warn({ err: error, attempt }, 'SMPP connection failed; retrying');
        }
      }
    })();
    // A refused bind is not retried in the background: the next request tries again.
    bound.catch(() => {
      if (this.bound === bound) this.bound = undefined;
    });
    return bound;
  }

  private async connectAndBind(): Promise<SmppConnection> {
    const { host, port, systemId, password, systemType, connectTimeoutMs } = this.options;
    const connection = await SmppConnection.open({ host, port }, connectTimeoutMs);
    this.serve(connection);
    const response = await connection.request(
      new smpp.PDU('bind_transceiver', {
        system_id: systemId,
        password,
        system_type: systemType ?? '',
        interface_version: SMPP_3_4,
      }),
      connectTimeoutMs,
    );
    if (response.command_status !== ESME_ROK) {
      connection.destroy();
      throw new SmppBindRefusedError(systemId, response.command_status);
    }
    if (this.stopping.signal.aborted) connection.destroy();
    else this.keepAlive(connection);
    this.options.logger.info({ host, port, systemId }, 'SMPP bound as transceiver');
    return connection;
  }

  /** Answers what the SMSC asks of us. */
  private serve(connection: SmppConnection): void {
    connection.onRequest('enquire_link', (pdu) => connection.respond(pdu));
    connection.onRequest('unbind', (pdu) => {
      connection.respond(pdu);
      void connection.end();
    });
    connection.onRequest('deliver_sm', (pdu) => {
      try {
        this.options.onDeliverSm(pdu);
      } catch (error) {
        this.options.logger.error({ err: error }, 'SMPP deliver_sm not handled');
      }
      connection.respond(pdu);
    });
  }

  private keepAlive(connection: SmppConnection): void {
    const probe = setInterval(() => {
      connection.request(new smpp.PDU('enquire_link'), this.options.connectTimeoutMs).catch((error: unknown) => {
        this.options.logger.warn({ err: error }, 'SMPP enquire_link unanswered; dropping the connection');
        connection.destroy();
      });
    }, this.options.enquireLinkMs);
    connection.onClose(() => {
      clearInterval(probe);
      if (this.stopping.signal.aborted) return;
      this.options.logger.warn({ host: this.options.host }, 'SMPP connection dropped; binding again');
      this.bound = this.bindUntilBound(1);
    });
  }
}
