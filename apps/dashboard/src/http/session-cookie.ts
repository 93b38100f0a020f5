import type { Request, Response } from 'express';

/**
 * `__Host-` binds the cookie to this host, HTTPS-or-localhost, Path=/ (RFC 6265bis); HttpOnly keeps it from
 * scripts, SameSite=Strict from cross-site requests. No Max-Age: the server enforces the timeouts.
 */
export const SESSION_COOKIE = '__Host-otpd';
const ATTRIBUTES = 'Path=/; HttpOnly; Secure; SameSite=Strict';

export function setSessionCookie(res: Response, sessionId: string): void {
  res.append('Set-Cookie', `${SESSION_COOKIE}=${sessionId}; ${ATTRIBUTES}`);
}

export function clearSessionCookie(res: Response): void {
  res.append('Set-Cookie', `${SESSION_COOKIE}=; ${ATTRIBUTES}; Max-Age=0`);
}

export function sessionCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === SESSION_COOKIE) {
      const value = part.slice(separator + 1).trim();
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}
