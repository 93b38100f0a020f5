import { createHash, timingSafeEqual } from 'node:crypto';
import type { Brand } from '../config/brands.js';
import type { Session } from '../domain/session.js';
import { VerificationError } from '../domain/errors.js';
import type { VerifierContext } from './context.js';

export function hashClientSecret(clientSecret: string): string {
  return createHash('sha256').update(clientSecret).digest('base64url');
}

/** The session a client secret opens; unknown ids and wrong secrets are refused. */
export function authenticateSession(
  context: VerifierContext,
  sessionId: string,
  clientSecret: string | undefined,
): Session {
  const session = context.store.findSession(sessionId);
  if (session === undefined) throw new VerificationError('session_not_found', 'No session has this id.');
  const presented = Buffer.from(hashClientSecret(clientSecret ?? ''), 'base64url');
  const stored = Buffer.from(session.clientSecretHash, 'base64url');
  if (clientSecret === undefined || !timingSafeEqual(presented, stored)) {
    throw new VerificationError('invalid_client_secret', 'Send the session’s clientSecret as a Bearer token.');
  }
  return session;
}

/** The brand a session belongs to; a brand removed from the configuration closes its sessions. */
export function brandOfSession(context: VerifierContext, session: Session): Brand {
  const brand = context.brands.get(session.brand);
  if (brand === undefined)
    throw new VerificationError('session_closed', 'This brand is no longer served: start again.');
  return brand;
}
