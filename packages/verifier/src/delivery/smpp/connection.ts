import smpp from 'smpp';

/** The connection closed while a request waited for its response: the SMSC may or may not have acted on it. */
export class SmppConnectionLostError extends Error {
  constructor(command: string) {
    super(`the SMPP connection closed before the SMSC answered ${command}`);
    this.name = 'SmppConnectionLostError';
  }
}

/** Rejects with `message` unless `promise` settles within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Rejects with the signal's reason as soon as `signal` aborts, whenever `promise` settles. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([promise, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

/** One TCP connection to an SMSC: requests matched to their responses, and failed when the connection goes. */
export class SmppConnection {
  private readonly pending = new Set<() => void>();
  private closed = false;

  private constructor(private readonly session: smpp.Session) {
    session.on('close', () => {
      this.closed = true;
      for (const fail of this.pending) fail();
      this.pending.clear();
    });
  }

  static async open(address: { host: string; port: number }, timeoutMs: number): Promise<SmppConnection> {
    const session = smpp.connect(address);
    const connected = new Promise<void>((resolve, reject) => {
      session.on('connect', resolve);
      // Stays on for the connection's life: an 'error' event without a listener would crash the process.
      session.on('error', reject);
      session.on('close', () => reject(new Error('the SMPP connection closed while opening')));
    });
    try {
      await within(
        connected,
        timeoutMs,
        `no SMPP connection to ${address.host}:${address.port} within ${timeoutMs} ms`,
      );
    } catch (error) {
      session.destroy();
      throw error;
    }
    return new SmppConnection(session);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Sends a request and resolves with the SMSC's response (whatever its command_status). */
  request(pdu: smpp.PDU, timeoutMs: number): Promise<smpp.PDU> {
    const answered = new Promise<smpp.PDU>((resolve, reject) => {
      const fail = () => reject(new SmppConnectionLostError(pdu.command));
      if (this.closed) return fail();
      this.pending.add(fail);
      const sent = this.session.send(pdu, (response) => {
        this.pending.delete(fail);
        resolve(response);
      });
      if (!sent) {
        this.pending.delete(fail);
        fail();
      }
    });
    return within(answered, timeoutMs, `the SMSC did not answer ${pdu.command} within ${Math.round(timeoutMs)} ms`);
  }

  respond(request: smpp.PDU, params: smpp.PduParams = {}): void {
    this.session.send(request.response(params));
  }

  onRequest(command: string, listener: (pdu: smpp.PDU) => void): void {
    this.session.on(command, listener);
  }

  onClose(listener: () => void): void {
    this.session.on('close', listener);
  }

  /** Ends the connection politely: the SMSC sees the close after what was already written. */
  end(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => this.session.close(resolve));
  }

  destroy(): void {
    this.session.destroy();
  }
}
