import type { Brand } from '../config/brands.js';
import { VerificationError } from '../domain/errors.js';
import type { RiskReason } from '../domain/risk/risk-decision.js';
import { judgeNumber } from '../domain/risk/risk-decision.js';
import type { RiskEventData } from '../domain/risk/risk-events.js';
import { reportedNetwork } from '../domain/risk/reported-network.js';
import type { ParsedNumber } from '../directory/typed-phone.js';
import type { VerifierContext } from './context.js';
import type { RequestClient } from './limits.js';
import { numberPrefix } from './phone-region.js';

/** Where a number enters: the session it is bound to (none yet at creation), who sent it, what an SMS would cost. */
export interface NumberEntry {
  sessionId: string | null;
  client: RequestClient;
  segments: () => number;
}

/**
 * Refuses a number the brand's enforced `country` or `number_type` rule rejects, where it enters a session, with the
 * contract's errors (422 country_not_allowed, 422 invalid_phone): the customer can type another. The refusal is
 * recorded (`risk.number_refused`). Rules in dry-run let it through; the send's decision reports their hits.
 */
export function refuseJudgedNumber(
  context: VerifierContext,
  brand: Brand,
  number: ParsedNumber,
  entry: NumberEntry,
): void {
  const refusal = enforcedRefusal(brand, number);
  if (refusal === undefined) return;
  const data: RiskEventData['risk.number_refused'] = {
    reason: refusal.rule as RiskEventData['risk.number_refused']['reason'],
    country: number.country,
    prefix: numberPrefix(number.e164),
    segments: entry.segments(),
    network: reportedNetwork(entry.client.ip),
  };
  context.store.appendEvent({
    at: context.clock(),
    type: 'risk.number_refused',
    brand: brand.id,
    sessionId: entry.sessionId,
    data,
  });
  if (refusal.rule === 'country') {
    throw new VerificationError(
      'country_not_allowed',
      `Numbers from ${number.country || 'this country'} are not served.`,
    );
  }
  throw new VerificationError('invalid_phone', 'This number cannot receive text messages: use a mobile number.');
}

/** Whether the brand's enforced number rules accept the number (a directory's number: no refusal is told). */
export function isAcceptedNumber(brand: Brand, number: ParsedNumber): boolean {
  return enforcedRefusal(brand, number) === undefined;
}

function enforcedRefusal(brand: Brand, number: ParsedNumber): RiskReason | undefined {
  const facts = { country: number.country, brandCountries: brand.countries, numberType: number.type };
  return judgeNumber(brand.riskSettings, facts).enforced[0];
}
