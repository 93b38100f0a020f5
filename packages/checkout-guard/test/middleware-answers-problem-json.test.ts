/**
 * requireVerifiedOrder() in a real Express 5 app: the order handler runs only for a valid, unused token for
 * the cart, with the claims in res.locals.orderVerification; a refusal is answered as RFC 9457
 * application/problem+json with the error's status and code and no stack trace (OWASP ASVS 5.0 V16.5.1);
 * anything that is not a refusal goes to the app's error handler.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOrderGuard, requireVerifiedOrder, type Order } from '../src/index.js';
import { SECRET_KEY } from './support/fake-verifier.js';
import { AUDIENCE, goodClaims, ORDER, signToken } from './support/tokens.js';
import { useFakeVerifier } from './support/use-fake-verifier.js';

describe('requireVerifiedOrder middleware', () => {
  const fx = useFakeVerifier();
  const { verifier } = fx;
  let server: Server;
  let shop: string;
  let handled: unknown[] = [];
  let appErrors: unknown[] = [];
  const carts = new Map<string, Order>([
    ['cart-1', ORDER],
    ['cart-2', { id: 'ord_2002', amount: 5000, currency: 'EUR' }],
  ]);

  beforeAll(async () => {
    const guard = createOrderGuard({ verifierUrl: verifier.url, audience: AUDIENCE, secretKey: SECRET_KEY });

    const options = {
      token: (req: Request) => (req.body as { otpToken?: string } | undefined)?.otpToken,
      order: async (req: Request) => {
        const cart = carts.get((req.body as { cartId: string }).cartId);
        if (!cart) throw new Error('no such cart');
        return cart;
      },
    };
    const app = express();
    app.use(express.json());
    const handler = (_req: Request, res: Response) => {
      handled.push(res.locals.orderVerification);
      res.status(201).json({ accepted: true, verification: res.locals.orderVerification });
    };
    app.post('/orders', requireVerifiedOrder(guard, options), handler);
    app.post(
      '/custom',
      requireVerifiedOrder(guard, {
        ...options,
        onRefused: (error, _req, res) => {
          res.status(400).json({ refused: error.code });
        },
      }),
      handler,
    );
    app.post(
      '/carts/:cartId/order',
      (req, res, next) => {
        res.locals.cart = carts.get(String(req.params.cartId));
        next();
      },
      requireVerifiedOrder(guard, { token: options.token, order: (_req, res) => res.locals.cart as Order }),
      handler,
    );
    app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
      appErrors.push(error);
      res.status(500).json({ error: 'internal' });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    shop = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    handled = [];
    appErrors = [];
    verifier.redemptionOverride = undefined;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const token = (claims: Record<string, unknown> = {}) =>
    signToken(fx.key, { claims: goodClaims({ iss: verifier.issuer, ...claims }) });
  const post = (path: string, body: unknown) =>
    fetch(`${shop}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('calls next() with the claims in res.locals.orderVerification', async () => {
    const claims = goodClaims({ iss: verifier.issuer });
    const response = await post('/orders', { cartId: 'cart-1', otpToken: await signToken(fx.key, { claims }) });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ accepted: true, verification: claims });
    expect(handled).toEqual([claims]);
  });

  it('answers a missing token with 401 problem+json and does not run the handler', async () => {
    const response = await post('/orders', { cartId: 'cart-1' });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      type: 'https://otp-verify.dev/problems/invalid-token',
      title: 'The order-verified token is not valid',
      status: 401,
      code: 'invalid_token',
      detail: 'No order-verified token was sent with the order',
    });
    expect(handled).toEqual([]);
  });

  it('answers a token for another cart with 422 order_mismatch naming the field', async () => {
    const response = await post('/orders', { cartId: 'cart-2', otpToken: await token() });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ status: 422, code: 'order_mismatch' });
    expect(problem.detail).toMatch(/id differs.*amount differs/);
    expect(problem).not.toHaveProperty('stack');
    expect(handled).toEqual([]);
  });

  it('answers a replayed token with 409 already_redeemed', async () => {
    const t = await token();
    expect((await post('/orders', { cartId: 'cart-1', otpToken: t })).status).toBe(201);
    const replay = await post('/orders', { cartId: 'cart-1', otpToken: t });
    expect(replay.status).toBe(409);
    expect(await replay.json()).toMatchObject({ code: 'already_redeemed', status: 409 });
    expect(handled).toHaveLength(1);
  });

  it('answers an expired token with 401 token_expired', async () => {
    const past = Math.floor(Date.now() / 1000) - 1000;
    const response = await post('/orders', {
      cartId: 'cart-1',
      otpToken: await token({ iat: past, nbf: past, exp: past + 300 }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'token_expired' });
  });

  it('answers 503 verifier_unavailable when the redemption fails', async () => {
    verifier.redemptionOverride = { status: 503, code: 'internal_error' };
    const response = await post('/orders', { cartId: 'cart-1', otpToken: await token() });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'verifier_unavailable' });
    expect(handled).toEqual([]);
  });

  it('passes res to order(), so a cart loaded by earlier middleware can be used', async () => {
    const ok = await post('/carts/cart-1/order', { otpToken: await token() });
    expect(ok.status).toBe(201);
    const mismatch = await post('/carts/cart-2/order', { otpToken: await token() });
    expect(mismatch.status).toBe(422);
  });

  it('lets onRefused answer instead', async () => {
    const response = await post('/custom', { cartId: 'cart-1', otpToken: 'garbage' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ refused: 'invalid_token' });
  });

  it('passes errors that are not refusals to the app error handler', async () => {
    const response = await post('/orders', { cartId: 'no-such-cart', otpToken: await token() });
    expect(response.status).toBe(500);
    expect(appErrors).toHaveLength(1);
    expect((appErrors[0] as Error).message).toBe('no such cart');
    expect(handled).toEqual([]);
  });
});
