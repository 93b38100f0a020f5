import type { TokenRefusalReport } from '@otp-verify/protocol';
import type { Brand } from '../config/brands.js';
import type { VerifierContext } from './context.js';
import { takeReportLimit } from './limits.js';

/**
 * A token a checkout guard refused before redeeming it (expired, forged, for another audience or order…),
 * recorded as `token.refused` reported by the guard. The session is attached only for a jti of one of this
 * brand's tokens: the guard sends a jti only for a token whose signature verified, and a brand's key says nothing
 * about another brand's sessions.
 */
export function recordTokenRefusal(context: VerifierContext, brand: Brand, report: TokenRefusalReport): void {
  const now = context.clock();
  const session = report.jti === undefined ? undefined : context.store.findSessionByTokenJti(report.jti);
  context.store.transaction(() => {
    takeReportLimit(context, 'tokenRefusalsPerBrand', { brand: brand.id }, now);
    context.store.appendEvent({
      at: now,
      type: 'token.refused',
      brand: brand.id,
      sessionId: session?.brand === brand.id ? session.id : null,
      data: { reason: report.reason, reportedBy: 'guard' },
    });
  });
}
