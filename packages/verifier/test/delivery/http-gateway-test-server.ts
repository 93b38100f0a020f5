import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Path and query string. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type GatewayBehaviour = (request: ReceivedRequest, response: ServerResponse) => void;

export interface TestGateway {
  /** http://127.0.0.1:<port> */
  url: string;
  received: ReceivedRequest[];
  /** How the gateway answers from now on; by default 202 `{ "messages": [{ "id": "gw-1" }] }`. */
  behave(behaviour: GatewayBehaviour): void;
  close(): Promise<void>;
}

export const acceptWithId =
  (id: unknown, status = 202): GatewayBehaviour =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ messages: [{ id }] }));
  };

export const answer =
  (status: number, body: string, contentType = 'application/json'): GatewayBehaviour =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  };

/** Takes the request and never answers. */
export const neverAnswer: GatewayBehaviour = () => {};

/** A real HTTP SMS gateway stand-in on 127.0.0.1 (a free port) that records every request it gets. */
export async function startTestGateway(): Promise<TestGateway> {
  const received: ReceivedRequest[] = [];
  let behaviour = acceptWithId('gw-1');
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const got = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(got);
      behaviour(got, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    behave: (next) => {
      behaviour = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A loopback address where nothing listens: a gateway that is down. */
export async function closedGatewayUrl(): Promise<string> {
  const gateway = await startTestGateway();
  await gateway.close();
  return gateway.url;
}
