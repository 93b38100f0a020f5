import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const HOST = '127.0.0.1';

/** When the gateway had one message: the request read whole, and its answer written (after the added latency). */
export interface GatewayReceipt {
  idempotencyKey: string;
  receivedAt: number;
  answeredAt: number | undefined;
}

/**
 * An HTTP SMS gateway on 127.0.0.1, in this process so its `performance.now()` is the load generator's clock.
 * It takes `POST /sms` `{to, text}` with an `Idempotency-Key`, answers `202 {"id": …}` after `latencyMs`, and keeps
 * one receipt per phone number (every send goes to a new number). A key it has seen gets the first answer again
 * and counts as a repeat, not as a second delivery. `down()` closes its port (connections refused), `up()`
 * opens the same port again.
 */
export class BenchGateway {
  latencyMs = 0;
  readonly receipts = new Map<string, GatewayReceipt>();
  private readonly idsByKey = new Map<string, string>();
  private repeatCount = 0;
  private secondDeliveryCount = 0;
  private server: Server | undefined;
  private port = 0;

  get url(): string {
    return `http://${HOST}:${this.port}`;
  }

  /** Requests whose idempotency key had been delivered already. */
  get repeats(): number {
    return this.repeatCount;
  }

  /** Messages delivered to a number that had had one already (under another key): a customer's second SMS. */
  get secondDeliveries(): number {
    return this.secondDeliveryCount;
  }

  /** Forgets the receipts of an earlier phase. */
  reset(): void {
    this.receipts.clear();
    this.idsByKey.clear();
    this.repeatCount = 0;
    this.secondDeliveryCount = 0;
  }

  async up(): Promise<void> {
    const server = createServer((request, response) => void this.receive(request, response));
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, HOST, resolve);
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async receive(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const receivedAt = performance.now();
    const key = request.headers['idempotency-key'];
    const { to } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to?: unknown };
    if (typeof key !== 'string' || typeof to !== 'string') {
      response
        .writeHead(400, { 'content-type': 'application/json' })
        .end('{"error":"Idempotency-Key and to expected"}');
      return;
    }
    let id = this.idsByKey.get(key);
    let receipt: GatewayReceipt | undefined;
    if (id === undefined) {
      id = `gw-${this.idsByKey.size + 1}`;
      this.idsByKey.set(key, id);
      receipt = { idempotencyKey: key, receivedAt, answeredAt: undefined };
      if (this.receipts.has(to)) this.secondDeliveryCount += 1;
      else this.receipts.set(to, receipt);
    } else {
      this.repeatCount += 1;
    }
    const answer = () => {
      if (receipt !== undefined) receipt.answeredAt = performance.now();
      response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
    };
    if (this.latencyMs > 0) setTimeout(answer, this.latencyMs);
    else answer();
  }
}
