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
 * Refuses a request whose Host is not the dashboard's own (DNS rebinding: a foreign site's name resolved to this
 * server makes the browser send the foreign Host and Origin, which would then look same-origin). The own hosts are
 * the public origin's when it is set, else the address the request reached plus `localhost` and `127.0.0.1` on
 * that port.
 */
export function ownHost(publicOrigin: string | undefined): RequestHandler {
  const publicHost = publicOrigin === undefined ? undefined : new URL(publicOrigin);
  return (req: Request, _res: Response, next: NextFunction) => {
    const given = hostOf(req.headers.host, publicHost?.protocol ?? 'http:');
    const allowed = publicHost === undefined ? listeningHosts(req) : [publicHost.host];
    if (given === undefined || !allowed.includes(given)) {
      throw new HttpProblem('misdirected_request', 'The Host header names another site.');
    }
    next();
  };
}

function listeningHosts(req: Request): string[] {
  const { localAddress = '', localPort } = req.socket;
  const address = localAddress.replace(/^::ffff:(?=\d+\.)/i, '');
  const listening = address.includes(':') ? `[${address}]` : address;
  return [listening, 'localhost', '127.0.0.1'].flatMap((name) => hostOf(`${name}:${localPort}`, 'http:') ?? []);
}

/** The Host header as a URL would print it (lowercase, default port left out); undefined when it is not a host. */
function hostOf(header: string | undefined, protocol: string): string | undefined {
  if (header === undefined || !/^[A-Za-z0-9.:[\]-]+$/.test(header)) return undefined;
  try {
    return new URL(`${protocol}//${header}`).host;
  } catch {
    return undefined;
  }
}

/** The API's answers carry sessions' data and CSRF tokens: no cache may keep them (OWASP ASVS V8.2.1). */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.set('Cache-Control', 'no-store');
  next();
}

/**
 * Refuses a state-changing request whose Origin is not the dashboard's own (OWASP CSRF Prevention Cheat Sheet:
 * verifying origin with standard headers). The own origin is the configured public one, else this request's host
 * (which `ownHost` has checked).
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
