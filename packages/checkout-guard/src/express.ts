/**
 * Express 5 middleware. Express is an optional peer dependency: only its types are imported, so this module
 * loads (and the rest of the package works) without Express installed.
 */
import type { Order, OrderTokenClaims } from '@otp-verify/protocol';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { OrderTokenError } from './errors.js';
import type { OrderGuard } from './guard.js';
import { orderTokenProblem, PROBLEM_CONTENT_TYPE } from './problem.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express declares Locals in this global namespace.
  namespace Express {
    interface Locals {
      /** Set by requireVerifiedOrder(): the claims of the order-verified token accepted for this request. */
      orderVerification?: OrderTokenClaims;
    }
  }
}

export interface RequireVerifiedOrderOptions {
  /** Where the token is in the request, e.g. `(req) => req.body?.otpToken`. */
  token: (req: Request, res: Response) => string | undefined;
  /**
   * The cart's order as the server knows it (never the amount the client claims): `{ id, amount, currency }`.
   * `res` is passed so an order loaded by earlier middleware can be read from `res.locals`.
   */
  order: (req: Request, res: Response) => Order | Promise<Order>;
  /** Answers a refused order. Default: `error.status` with an application/problem+json body. */
  onRefused?: (error: OrderTokenError, req: Request, res: Response, next: NextFunction) => void;
}

/** The default refusal: `error.status` with `{ type, title, status, code, detail }` as application/problem+json. */
export function sendOrderTokenProblem(error: OrderTokenError, _req: Request, res: Response): void {
  res
    .status(error.status)
    .set('Cache-Control', 'no-store')
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(orderTokenProblem(error)));
}

/**
 * Lets a request through only with a valid, unused order-verified token for the cart's order:
 * `app.post('/orders', express.json(), requireVerifiedOrder(guard, { token, order }), handler)`.
 * On success the claims are in `res.locals.orderVerification` and `next()` is called; a refusal is answered
 * by `onRefused` (default: problem+json). Any other error (a bug, a misconfiguration) goes to `next(error)`.
 */
export function requireVerifiedOrder(
  guard: Pick<OrderGuard, 'accept'>,
  options: RequireVerifiedOrderOptions,
): RequestHandler {
  if (typeof guard?.accept !== 'function')
    throw new TypeError('checkout-guard: guard must come from createOrderGuard()');
  if (typeof options?.token !== 'function' || typeof options.order !== 'function') {
    throw new TypeError('checkout-guard: requireVerifiedOrder needs token(req) and order(req) functions');
  }
  const onRefused = options.onRefused ?? sendOrderTokenProblem;

  return async function verifiedOrder(req, res, next) {
    let claims: OrderTokenClaims;
    try {
      const token = options.token(req, res);
      const order = await options.order(req, res);
      claims = await guard.accept(token, order);
    } catch (error) {
      if (error instanceof OrderTokenError) {
        onRefused(error, req, res, next);
      } else {
        next(error);
      }
      return;
    }
    res.locals.orderVerification = claims;
    next();
  };
}
