import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, errors, jwtVerify, type JWK } from 'jose';
import { AUDIENCE } from './tokens.js';

export const SECRET_KEY = 'sk_test_brand_a_0123456789';

export interface RedemptionRequestSeen {
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

/**
 * A small real HTTP server that behaves like the verifier's contract (API.md): it serves
 * `/.well-known/jwks.json` and `POST /v1/redemptions` (first 200, then 409; 401 invalid_token or
 * invalid_secret_key; 422 order_mismatch), counts requests, and can be told to fail or hang.
 */
export class FakeVerifier {
  keys: JWK[] = [];
  issuer = '';
  jwksRequests = 0;
  redemptionRequests: RedemptionRequestSeen[] = [];
  /** Answer the JWKS with this status instead of 200 (an outage). */
  jwksStatus = 200;
  /** Answer redemptions with this status and problem code instead of the contract behaviour. */
  redemptionOverride: { status: number; code: string } | undefined;
  /** Never answer redemptions (a timeout). */
  hangRedemptions = false;
  readonly redeemed = new Set<string>();
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    this.issuer = this.url;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private problem(res: ServerResponse, status: number, code: string): void {
    res.writeHead(status, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify({ type: `https://otp-verify.dev/problems/${code}`, title: code, status, code }));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' && req.url === '/.well-known/jwks.json') {
      this.jwksRequests += 1;
      if (this.jwksStatus !== 200) return this.problem(res, this.jwksStatus, 'internal_error');
      res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
      res.end(JSON.stringify({ keys: this.keys }));
      return;
    }
    if (req.method === 'POST' && req.url === '/v1/redemptions') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return this.problem(res, 400, 'invalid_request');
      }
      this.redemptionRequests.push({
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
      });
      if (this.hangRedemptions) return; // never answers
      if (this.redemptionOverride) {
        return this.problem(res, this.redemptionOverride.status, this.redemptionOverride.code);
      }
      if (req.headers.authorization !== `Bearer ${SECRET_KEY}`) return this.problem(res, 401, 'invalid_secret_key');
      const { token, order } = body as { token: string; order?: Record<string, unknown> };
      let claims: Record<string, unknown>;
      try {
        ({ payload: claims } = await jwtVerify(token, createLocalJWKSet({ keys: this.keys }), {
          algorithms: ['ES256', 'EdDSA'],
          typ: 'order-verified+jwt',
          issuer: this.issuer,
          audience: AUDIENCE,
        }));
      } catch (error) {
        if (error instanceof errors.JOSEError) return this.problem(res, 401, 'invalid_token');
        throw error;
      }
      const bound = claims.order as Record<string, unknown>;
      if (order && (order.id !== bound.id || order.amount !== bound.amount || order.currency !== bound.currency)) {
        return this.problem(res, 422, 'order_mismatch');
      }
      const jti = claims.jti as string;
      if (this.redeemed.has(jti)) return this.problem(res, 409, 'already_redeemed');
      this.redeemed.add(jti);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ redeemed: true, claims }));
      return;
    }
    this.problem(res, 404, 'not_found');
  }
}
