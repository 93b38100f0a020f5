import { createHash, timingSafeEqual } from 'node:crypto';
import express from 'express';
import type { Router } from 'express';
import type { StepUpRequest } from '@otp-verify/protocol';
import type { ShopBrand } from './shop-config.js';

/** The password of every demo customer account, printed on the checkout page: the demo has no real accounts. */
export const DEMO_ACCOUNT_PASSWORD = 'demo';

const VERIFIER_TIMEOUT_MS = 5000;

/** Compares digests in constant time, so the answer time tells nothing about the password (CWE-208). */
function isAccountPassword(password: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(password), digest(DEMO_ACCOUNT_PASSWORD));
}

/**
 * Tells the verifier, server to server with the brand's secret key, that the brand re-verified its customer.
 * True when the verifier recorded it; false when it refused (another brand's session, a closed one) or is down.
 */
async function reportStepUp(verifierUrl: string, secretKey: string, sessionId: string): Promise<boolean> {
  const body: StepUpRequest = { method: 'password' };
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

/**
 * `POST /step-up` `{ cartId, sessionId, password }`: the shop plays the brand's step-up hook. When the verifier
 * asks for a step-up before it texts a number (a recent SIM swap), the checkout page asks the customer for their
 * account password; this checks it and vouches for the session to the verifier. 204: done, the page repeats the
 * send; 401: wrong password; 404: no such cart; 502: the verifier refused or did not answer.
 */
export function stepUpRoutes(verifierUrl: string, brandOfCart: (cartId: string) => ShopBrand | undefined): Router {
  const router = express.Router();
  router.post('/step-up', express.json({ limit: '2kb' }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const [cartId, sessionId, password] = [text(body.cartId), text(body.sessionId), text(body.password)];
    if (cartId === undefined || sessionId === undefined || password === undefined) {
      res.status(400).json({ error: 'cartId, sessionId and password are required' });
      return;
    }
    const brand = brandOfCart(cartId);
    if (brand === undefined) {
      res.status(404).json({ error: 'no such cart' });
      return;
    }
    if (!isAccountPassword(password)) {
      res.status(401).json({ error: 'wrong password' });
      return;
    }
    const recorded = await reportStepUp(verifierUrl, brand.secretKey, sessionId);
    if (recorded) res.status(204).end();
    else res.status(502).json({ error: 'the verifier did not record the step-up' });
  });
  return router;
}
