import type { ShownBeaconRequest } from '@otp-verify/protocol';
import { VerificationError } from '../domain/errors.js';
import { pageOrigin } from './brand-origin.js';
import type { VerifierContext } from './context.js';
import type { RequestClient } from './limits.js';
import { takeReportLimit } from './limits.js';

/**
 * The element's beacon: it was shown on one of the brand's pages (the funnel's first step, before any session).
 * Only from the brand's origins, and bounded per client address; the count and the event are one transaction,
 * so a refused beacon records nothing.
 */
export function recordShown(
  context: VerifierContext,
  beacon: ShownBeaconRequest,
  origin: string | undefined,
  client: RequestClient,
): void {
  const brand = context.brands.get(beacon.brand);
  if (brand === undefined) throw new VerificationError('unknown_brand', `No brand has the id "${beacon.brand}".`);
  pageOrigin(brand, origin);
  const now = context.clock();
  context.store.transaction(() => {
    takeReportLimit(context, 'shownPerIp', client, now);
    context.store.appendEvent({
      at: now,
      type: 'element.shown',
      brand: brand.id,
      sessionId: null,
      data: beacon.locale === undefined ? {} : { locale: beacon.locale },
    });
  });
}
