import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SiteverifyStandInOptions {
  host?: string;
  /** 0 (the default): a free port. */
  port?: number;
  /** The secret the brand's verifier must send. */
  secret: string;
  /** Which tokens pass; by default the ones `issueToken` made, each once. */
  acceptTokens?: (token: string, remoteIp: string | undefined) => boolean;
}

export interface SiteverifyStandIn {
  /** The siteverify endpoint (a brand's `captcha.verifyUrl`). */
  url: string;
  /** A token as the widget would give the page after a solved challenge (`pass-…`). */
  issueToken(): string;
  stop(): Promise<void>;
}

/**
 * A stand-in siteverify endpoint (the protocol of reCAPTCHA, hCaptcha and Turnstile) for tests and the demo:
 * POST form `secret`, `response`, `remoteip`; answers `{ success, "error-codes" }`. Like the real ones, a token
 * passes once: a second verification is `timeout-or-duplicate`.
 */
export async function startSiteverifyStandIn(options: SiteverifyStandInOptions): Promise<SiteverifyStandIn> {
  const issued = new Set<string>();
  const accepts = options.acceptTokens ?? ((token: string) => issued.has(token));
  const used = new Set<string>();
  const answer = (form: URLSearchParams): { success: boolean; 'error-codes': string[] } => {
    const secret = form.get('secret');
    const token = form.get('response');
    if (secret === null || secret === '') return { success: false, 'error-codes': ['missing-input-secret'] };
    if (secret !== options.secret) return { success: false, 'error-codes': ['invalid-input-secret'] };
    if (token === null || token === '') return { success: false, 'error-codes': ['missing-input-response'] };
    if (used.has(token)) return { success: false, 'error-codes': ['timeout-or-duplicate'] };
    if (!accepts(token, form.get('remoteip') ?? undefined)) {
      return { success: false, 'error-codes': ['invalid-input-response'] };
    }
    used.add(token);
    return { success: true, 'error-codes': [] };
  };
  const server = createServer((request, response) => {
    void readForm(request).then((form) => {
      if (request.method !== 'POST' || request.url !== '/siteverify') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer(form)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}/siteverify`,
    issueToken: () => {
      const token = `pass-${randomBytes(16).toString('base64url')}`;
      issued.add(token);
      return token;
    },
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
  });
}
