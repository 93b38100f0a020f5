import type { AuthenticationMethod, OrderTokenClaims } from '@otp-verify/protocol';
import type { Session } from './session.js';

export interface ClaimsContext {
  issuer: string;
  audience: string;
  jti: string;
  now: number;
  channel: AuthenticationMethod;
}

/** The claims binding a verified session to its order (API.md "The order-verified token"). */
export function orderTokenClaims(session: Session, context: ClaimsContext): OrderTokenClaims {
  if (session.phoneRef === null) throw new Error(`session ${session.id} has no phone reference`);
  const issuedAt = Math.floor(context.now / 1000);
  return {
    iss: context.issuer,
    aud: context.audience,
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + session.policy.tokenLifetimeSeconds,
    jti: context.jti,
    sid: session.id,
    brand: session.brand,
    order: session.order,
    phone_ref: session.phoneRef,
    amr: [context.channel],
  };
}
