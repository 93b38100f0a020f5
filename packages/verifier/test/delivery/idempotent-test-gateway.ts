import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the gateway passed on to a phone: one per idempotency key, however often the key is sent. */
export interface GatewayDelivery {
  idempotencyKey: string;
  to: string;
  text: string;
  /** The message id the gateway answered with, then and for every repeat of the key. */
  gatewayId: string;
}

interface HeldRequest {
  idempotencyKey: string;
  to: string;
  text: string;
  response: ServerResponse;
}

/**
 * An HTTP SMS gateway stand-in on 127.0.0.1 that behaves like a real one with idempotency keys: the first request
 * with a key is delivered and answered `202 {"id": …}`; a repeat gets the same answer and is not delivered again.
 * It can hold requests (record them, answer none), then deliver or drop what it holds, and it can go down (its
 * port refuses connections) and come back up on the same port. It expects the JSON body `{to, text}` and the key
 * in `Idempotency-Key`.
 */
export class IdempotentTestGateway {
  /** Every request's key, in arrival order, repeats included. */
  readonly requestedKeys: string[] = [];
  readonly deliveries = new Map<string, GatewayDelivery>();
  private readonly held: HeldRequest[] = [];
  private holding = false;
  private server: Server | undefined;
  /** 0 until the first start picks a free port; the same port after that. */
  private port = 0;

  private constructor() {}

  /** A gateway on a free port of 127.0.0.1, up (`up: true`) or down until `start()`. */
  static async create(options: { up: boolean }): Promise<IdempotentTestGateway> {
    const gateway = new IdempotentTestGateway();
    await gateway.start();
    if (!options.up) await gateway.stop();
    return gateway;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The keys of the requests held now, each once, in arrival order. */
  heldKeys(): string[] {
    return [...new Set(this.held.map((request) => request.idempotencyKey))];
  }

  /** Deliveries per phone number. */
  deliveriesTo(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { to } of this.deliveries.values()) counts.set(to, (counts.get(to) ?? 0) + 1);
    return counts;
  }

  /** From now on new requests are recorded and left unanswered (delivered only if released so). */
  hold(): void {
    this.holding = true;
  }

  /**
   * Stops holding. Each held request `deliver` picks is delivered and answered (the client may be gone: the
   * gateway took it all the same); the others are dropped unanswered, as if the gateway never accepted them.
   */
  release(deliver: (idempotencyKey: string) => boolean): void {
    this.holding = false;
    for (const request of this.held.splice(0)) {
      if (deliver(request.idempotencyKey)) this.accept(request);
      else request.response.destroy();
    }
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => void this.receive(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Closes the port: connections are refused until `start()`. */
  async stop(): Promise<void> {
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
    const idempotencyKey = request.headers['idempotency-key'];
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to?: unknown; text?: unknown };
    if (typeof idempotencyKey !== 'string' || typeof body.to !== 'string' || typeof body.text !== 'string') {
      response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"key, to and text expected"}');
      return;
    }
    this.requestedKeys.push(idempotencyKey);
    const held = { idempotencyKey, to: body.to, text: body.text, response };
    if (this.holding) this.held.push(held);
    else this.accept(held);
  }

  private accept({ idempotencyKey, to, text, response }: HeldRequest): void {
    let delivery = this.deliveries.get(idempotencyKey);
    if (delivery === undefined) {
      delivery = { idempotencyKey, to, text, gatewayId: `gw-${this.deliveries.size + 1}` };
      this.deliveries.set(idempotencyKey, delivery);
    }
    if (response.destroyed) return;
    response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: delivery.gatewayId }));
  }
}
