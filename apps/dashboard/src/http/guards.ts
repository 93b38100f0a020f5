import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { SignedIn, SignInSessions } from '../auth/sign-in-sessions.js';
import { HttpProblem } from './problem.js';
import { sessionCookie } from './session-cookie.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The signed-in user of a request that passed `requireSignIn`. */
export function signedIn(res: Response): SignedIn {
  return res.locals.signedIn as SignedIn;
}

/**
 * Refuses a state-changing request whose Origin is not the dashboard's own (OWASP CSRF Prevention Cheat Sheet:
 * verifying origin with standard headers). The own origin is the configured public one, else this request's host.
 */
export function sameOrigin(publicOrigin: string | undefined): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const own = publicOrigin ?? `${req.protocol}://${req.headers.host ?? ''}`;
    if (req.headers.origin !== own) throw new HttpProblem('csrf', 'The Origin header is missing or foreign.');
    next();
  };
}

/** Resumes the session of the cookie, or answers 401; state-changing requests also need the CSRF token. */
export function requireSignIn(sessions: SignInSessions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const id = sessionCookie(req);
    const session = id === undefined ? undefined : sessions.resume(id);
    if (session === undefined) throw new HttpProblem('unauthenticated', 'Sign in first.');
    if (!SAFE_METHODS.has(req.method) && !sameToken(req.get('x-csrf-token'), session.csrfToken)) {
      throw new HttpProblem('csrf', 'The X-CSRF-Token header is missing or wrong.');
    }
    res.locals.signedIn = session;
    next();
  };
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
