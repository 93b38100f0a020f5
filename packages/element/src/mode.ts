import type { SessionStatus } from '@otp-verify/protocol';
import type { Failure } from './api/failure.js';

/**
 * Where the number comes from. `phone`: the customer types it (guest checkout). `customer`: the verifier
 * resolves the registered number from the brand's customer-auth ID token. `session`: the checkout server
 * created the session (server to server) and gave the page its id and client secret.
 * In the last two the element only ever receives the masked number.
 */
export type Mode =
  | { kind: 'phone' }
  | { kind: 'customer'; customerToken: string }
  | { kind: 'session'; sessionId: string; clientSecret: string }
  | { kind: 'incomplete' };

const value = (attribute: string | undefined | null): string => attribute?.trim() ?? '';

/**
 * Picks the mode from the attributes. A server-made session wins over a customer token (the server already
 * chose the number); half of a session (an id without its secret or the reverse) is a set-up mistake.
 */
export function selectMode(
  customerToken: string | undefined | null,
  sessionId: string | undefined | null,
  clientSecret: string | undefined | null,
): Mode {
  const id = value(sessionId);
  const secret = value(clientSecret);
  if (id && secret) return { kind: 'session', sessionId: id, clientSecret: secret };
  if (id || secret) return { kind: 'incomplete' };
  const token = value(customerToken);
  return token ? { kind: 'customer', customerToken: token } : { kind: 'phone' };
}

/** What a session read back from the verifier allows: send a code, enter one, or nothing (and why). */
export type SessionState = { next: 'send' } | { next: 'code' } | { next: 'none'; failure: Failure };

export function sessionState(status: SessionStatus | (string & {})): SessionState {
  switch (status) {
    case 'created':
      return { next: 'send' };
    case 'sent':
      return { next: 'code' };
    case 'locked':
      return { next: 'none', failure: { code: 'locked' } };
    case 'expired':
      return { next: 'none', failure: { code: 'session_expired' } };
    case 'blocked':
      return { next: 'none', failure: { code: 'blocked' } };
    default:
      // verified, redeemed, or a status a newer verifier added: this session cannot be used for a code.
      return { next: 'none', failure: { code: 'session_closed' } };
  }
}
