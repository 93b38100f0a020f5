import type { Challenge, RiskRuleId } from './risk-rules.js';

/**
 * The event log's record of the risk engine (issue 8), read by the fraud view and bench/fraud-sim. Like every
 * event, never a number, address or code: a number only as its prefix (E.164 minus its last 4 digits), a client
 * only as its network (IPv4 /24, IPv6 /48: `reportedNetwork`), and only on refusals.
 */
export interface RiskEventData {
  /** `session.blocked`: a send refused by an enforced rule (or a send limit: reason = the limit's name). */
  'session.blocked': {
    /** The first rule that refused it; `reasons` has them all. */
    reason: string;
    reasons: string[];
    country: string;
    prefix?: string;
    /** SMS segments the refused message would have been billed as (0 for email): the money saved. */
    segments: number;
    network: string;
  };
  /** `risk.number_refused`: a number refused where it entered (creation or first send) by `country` or `number_type`. */
  'risk.number_refused': {
    reason: Extract<RiskRuleId, 'country' | 'number_type'>;
    country: string;
    prefix: string;
    segments: number;
    network: string;
  };
  /** `session.challenged`: a send held until the session passes `challenge`. */
  'session.challenged': { challenge: Challenge; reasons: string[]; country: string; prefix?: string; network: string };
  /** `session.challenge_passed`: a captcha verified, or the brand's server stepped the session up (`method`). */
  'session.challenge_passed': { challenge: Challenge; method?: string };
  /** `risk.dry_run`: rules in dry-run that hit on a send (whatever the enforced decision was). */
  'risk.dry_run': {
    rules: string[];
    /** What the dry-run rules alone would have done. */
    wouldBe: 'block' | 'challenge';
    country: string;
    prefix?: string;
    segments: number;
  };
  /** `risk.block_started`: the low-conversion rule blocked a prefix or a country of the brand for a period. */
  'risk.block_started': {
    rule: Extract<RiskRuleId, 'low_conversion_prefix' | 'low_conversion_country'>;
    scope: 'prefix' | 'country';
    subject: string;
    until: number;
    sends: number;
    verified: number;
  };
}

export type RiskEventType = keyof RiskEventData;
