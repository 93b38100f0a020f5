import { createHash, timingSafeEqual } from 'node:crypto';
import express from 'express';
import type { Request, Response, Router } from 'express';
import type { StepUpRequest } from '@otp-verify/protocol';
import type { ShopBrand } from './shop-config.js';

/** The password of every demo customer account, printed on the checkout page: the demo has no real accounts. */
export const DEMO_ACCOUNT_PASSWORD = 'demo';

/** Consecutive wrong passwords a cart may send before its step-up locks (NIST SP 800-63B §5.2.2, rate limiting). */
export const WRONG_PASSWORDS_PER_CART = 5;

/** Sessions one cart may claim: its page makes one per number the customer tries. */
const SESSIONS_PER_CART = 10;

const VERIFIER_TIMEOUT_MS = 5000;

/** A checkout's cart, found by the shop's own httpOnly `cart_<brand>` cookie, never by an id the page sends. */
export interface CheckoutCart {
  brand: ShopBrand;
  cartId: string;
}

export type CartOfRequest = (req: Request, brandId: string) => CheckoutCart | undefined;

/**
 * Which cart's checkout created which verifier session. The verifier has no secret-key read of a session's order,
 * so the shop cannot look up the order a session was made for: the checkout page reports each session the moment
 * the element creates it (before its first send, so before any step-up is asked for), and the first cart to claim a
 * session id owns it. A cart that learns another cart's session id later cannot take it over (OWASP ASVS 4.0.3
 * V4.2.1, IDOR).
 */
class SessionClaims {
  readonly #cartOfSession = new Map<string, string>();
  readonly #claimsOfCart = new Map<string, number>();

  claim(cartId: string, sessionId: string): 'claimed' | 'taken' | 'full' {
    const owner = this.#cartOfSession.get(sessionId);
    if (owner !== undefined) return owner === cartId ? 'claimed' : 'taken';
    const claims = this.#claimsOfCart.get(cartId) ?? 0;
    if (claims >= SESSIONS_PER_CART) return 'full';
    this.#cartOfSession.set(sessionId, cartId);
    this.#claimsOfCart.set(cartId, claims + 1);
    return 'claimed';
  }

  owns(cartId: string, sessionId: string): boolean {
    return this.#cartOfSession.get(sessionId) === cartId;
  }
}

/** Compares digests in constant time, so the answer time tells nothing about the password (CWE-208). */
function isAccountPassword(password: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(password), digest(DEMO_ACCOUNT_PASSWORD));
}

/**
 * Tells the verifier, server to server with the brand's secret key, that the brand re-verified its customer.
 * True when the verifier recorded it; false when it refused (another brand's session, a closed one) or is down.
 */
async function reportStepUp(verifierUrl: string, cart: CheckoutCart, sessionId: string): Promise<boolean> {
  // The verifier refuses a session of another order: the cart's id is the order's.
  const body: StepUpRequest = { method: 'password', orderId: cart.cartId };
  const secretKey = cart.brand.secretKey;
  try {
    const response = await fetch(`${verifierUrl}/v1/sessions/${encodeURIComponent(sessionId)}/step-up`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      // Never follow a redirect with the secret key in the request.
      redirect: 'manual',
      signal: AbortSignal.timeout(VERIFIER_TIMEOUT_MS),
    });
    return response.ok;
  } catch {
    return false;
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

const refuse = (res: Response, status: number, error: string, extra: object = {}) =>
  res.status(status).json({ error, ...extra });

const NO_CART = 'no open cart of this shop in your cookies: open its checkout page first';

/**
 * The shop plays the brand's step-up hook. When the verifier asks for a step-up before it texts a number (a recent
 * SIM swap), the checkout page asks the customer for their account password; the shop checks it and vouches for the
 * session to the verifier, only for a session its checkout created for the cart in the request's cookie.
 *
 * `POST /checkout/{brand}/sessions` `{ sessionId }`: the page reports a session the element created. 204: claimed
 * for this cart; 409: another cart claimed it first; 429: this cart claimed too many.
 *
 * `POST /checkout/{brand}/step-up` `{ sessionId, password }`. 204: done, the page repeats the send; 401: wrong
 * password; 403: no cart in the cookie, or a session this cart did not claim; 423: too many wrong passwords for
 * this cart; 502: the verifier refused or did not answer.
 */
export function stepUpRoutes(verifierUrl: string, cartOf: CartOfRequest): Router {
  const claims = new SessionClaims();
  const wrongPasswords = new Map<string, number>();
  const router = express.Router();
  const json = express.json({ limit: '2kb' });

  router.post('/checkout/:brand/sessions', json, (req, res) => {
    const cart = cartOf(req, String(req.params.brand));
    const sessionId = text((req.body as Record<string, unknown> | undefined)?.sessionId);
    if (cart === undefined) {
      refuse(res, 403, NO_CART);
      return;
    }
    if (sessionId === undefined) {
      refuse(res, 400, 'sessionId is required');
      return;
    }
    const claim = claims.claim(cart.cartId, sessionId);
    if (claim === 'claimed') res.status(204).end();
    else if (claim === 'taken') refuse(res, 409, 'another checkout created this session');
    else refuse(res, 429, 'this cart has claimed too many sessions');
  });

  router.post('/checkout/:brand/step-up', json, async (req, res) => {
    const cart = cartOf(req, String(req.params.brand));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const [sessionId, password] = [text(body.sessionId), text(body.password)];
    if (cart === undefined) {
      refuse(res, 403, NO_CART);
      return;
    }
    if (sessionId === undefined || password === undefined) {
      refuse(res, 400, 'sessionId and password are required');
      return;
    }
    if (!claims.owns(cart.cartId, sessionId)) {
      refuse(res, 403, 'this session was not created by the checkout of your cart');
      return;
    }
    const failures = wrongPasswords.get(cart.cartId) ?? 0;
    if (failures >= WRONG_PASSWORDS_PER_CART) {
      refuse(res, 423, 'Too many wrong passwords: this cart can no longer confirm it’s you.');
      return;
    }
    if (!isAccountPassword(password)) {
      wrongPasswords.set(cart.cartId, failures + 1);
      refuse(res, 401, 'wrong password', { attemptsLeft: WRONG_PASSWORDS_PER_CART - failures - 1 });
      return;
    }
    wrongPasswords.delete(cart.cartId);
    const recorded = await reportStepUp(verifierUrl, cart, sessionId);
    if (recorded) res.status(204).end();
    else refuse(res, 502, 'the verifier did not record the step-up');
  });
  return router;
}
