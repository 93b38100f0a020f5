import type { CheckResponse } from '@otp-verify/protocol';
import { orderTokenClaims } from '../domain/claims.js';
import { codeMatches } from '../domain/code.js';
import { VerificationError } from '../domain/errors.js';
import type { CounterHit } from '../domain/limits.js';
import type { Session } from '../domain/session.js';
import { attemptsLeft, effectiveStatus } from '../domain/session.js';
import { signOrderToken } from '../tokens/order-token.js';
import { authenticateSession, brandOfSession } from './authenticate-session.js';
import { recordVerifiedConversion } from './assess-risk.js';
import type { VerifierContext } from './context.js';
import type { RequestClient } from './limits.js';
import { rateLimited, wrongCheckHits } from './limits.js';

type CheckOutcome = { kind: 'verified'; session: Session; jti: string } | { kind: 'refused'; error: VerificationError };

export async function checkCode(
  context: VerifierContext,
  sessionId: string,
  clientSecret: string | undefined,
  code: string,
  client: RequestClient,
): Promise<CheckResponse> {
  const session = authenticateSession(context, sessionId, clientSecret);
  const brand = brandOfSession(context, session);
  if (code.length !== session.policy.codeLength) {
    throw new VerificationError('invalid_request', `The code has ${session.policy.codeLength} digits.`);
  }
  const now = context.clock();
  // The attempt is counted and committed before the code is compared, and a refusal is returned
  // rather than thrown so that the count survives the transaction.
  const ipHits = wrongCheckHits(context, brand.effectiveLimits, client, now);
  const outcome = context.store.transaction(() => countAndCompare(context, session.id, code, now, ipHits));
  const result = outcome.kind === 'verified' ? 'verified' : outcome.error.code;
  context.metrics.checks.inc({ brand: session.brand, result });
  if (outcome.kind === 'refused') throw outcome.error;

  const claims = orderTokenClaims(outcome.session, {
    issuer: context.issuer,
    audience: brand.audience,
    jti: outcome.jti,
    now,
    channel: outcome.session.codeChannel ?? 'sms',
  });
  return {
    status: 'verified',
    token: await signOrderToken(claims, context.keys),
    tokenExpiresAt: new Date(claims.exp * 1000).toISOString(),
  };
}

function countAndCompare(
  context: VerifierContext,
  sessionId: string,
  code: string,
  now: number,
  ipHits: CounterHit[],
): CheckOutcome {
  // Like the session's attempt, the client address's wrong-code counter (across all its sessions) is
  // taken from before the comparison; once full, every check from it is refused, even a right code.
  // A right code, or a check that compared nothing, gives it back.
  const full = context.store.takeFromCounters(ipHits, now);
  if (full.length > 0) {
    return { kind: 'refused', error: rateLimited(full, now, 'Too many wrong codes from this network: try later.') };
  }
  const counted = context.store.countAttempt(sessionId, now);
  if (counted === undefined) {
    context.store.returnToCounters(ipHits);
    return { kind: 'refused', error: whyNoCheck(context.store.findSession(sessionId) as Session, now) };
  }
  const secret = counted.codeKeyId === null ? undefined : context.secrets.codeKey(counted.codeKeyId);
  const storedHash = counted.codeHash as string;
  const event = (type: string, data: Record<string, unknown>) =>
    context.store.appendEvent({ at: now, type, brand: counted.brand, sessionId, data });
  if (secret !== undefined && codeMatches(secret, sessionId, code, storedHash)) {
    context.store.returnToCounters(ipHits);
    const jti = context.randomId('otk_');
    if (context.store.markVerified(sessionId, storedHash, jti, now)) {
      event('session.verified', { attempts: counted.attempts, msSinceCreated: now - counted.createdAt });
      recordVerifiedConversion(context, counted);
      return { kind: 'verified', session: counted, jti };
    }
    return { kind: 'refused', error: new VerificationError('session_closed', 'This session is already verified.') };
  }
  event('code.wrong', { attempt: counted.attempts });
  const left = attemptsLeft(counted);
  if (left === 0) {
    context.store.markLocked(sessionId);
    event('session.locked', { attempts: counted.attempts });
    context.store.recordOutcome(sessionId, 'locked', now);
    return { kind: 'refused', error: lockedError() };
  }
  return {
    kind: 'refused',
    error: new VerificationError('invalid_code', `Wrong code: ${left} ${left === 1 ? 'attempt' : 'attempts'} left.`, {
      attemptsLeft: left,
    }),
  };
}

function whyNoCheck(session: Session, now: number): VerificationError {
  const status = effectiveStatus(session, now);
  if (status === 'locked' || (status === 'sent' && attemptsLeft(session) === 0)) return lockedError();
  if (status === 'expired') return new VerificationError('expired', 'This session has expired: start again.');
  if (status === 'sent') return new VerificationError('expired', 'The code has expired: ask for a new one.');
  if (status === 'created')
    return new VerificationError('invalid_request', 'No code has been sent for this session yet.');
  return new VerificationError('session_closed', `This session is ${status}.`);
}

function lockedError(): VerificationError {
  return new VerificationError('locked', 'Too many wrong codes: start again with a new session.', { attemptsLeft: 0 });
}
