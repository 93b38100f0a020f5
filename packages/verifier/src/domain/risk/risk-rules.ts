import type { Challenge } from '@otp-verify/protocol';
import type { LimitWindow } from '../limits.js';

/**
 * The fraud rules the risk engine runs before every send (issue 8; docs/fraud.md). Each has a mode: `enforce`
 * (its hit decides), `dry-run` (its hit is logged, never enforced) or `off`.
 */
export const RISK_RULES = [
  'country',
  'number_type',
  'velocity_ip',
  'velocity_phone',
  'velocity_prefix',
  'velocity_brand',
  'velocity_fingerprint',
  'distinct_numbers_ip',
  'low_conversion_prefix',
  'low_conversion_country',
  'spend_hour',
  'spend_day',
  'sim_swap',
] as const;
export type RiskRuleId = (typeof RISK_RULES)[number];

export type RuleMode = 'enforce' | 'dry-run' | 'off';
/** What a session must pass before a challenged send goes out: the brand's captcha, or its step-up hook. */
export type { Challenge };
/** What an enforced hit of a rule does. */
export type RuleAction = 'block' | Challenge;
/** The engine's answer for one send. */
export type RiskAction = 'allow' | 'challenge' | 'block';

export const VELOCITY_SCOPES = ['ip', 'phone', 'prefix', 'brand', 'fingerprint'] as const;
export type VelocityScope = (typeof VELOCITY_SCOPES)[number];

/** libphonenumber-js's number types (NumberType), as the brand's policy names them. */
export const NUMBER_TYPES = [
  'MOBILE',
  'FIXED_LINE_OR_MOBILE',
  'FIXED_LINE',
  'PREMIUM_RATE',
  'SHARED_COST',
  'TOLL_FREE',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;
export type NumberTypeName = (typeof NUMBER_TYPES)[number];

export interface CountingRule {
  mode: RuleMode;
  action: RuleAction;
  /** A hit when an attempt makes a window's count exceed its max. */
  windows: readonly LimitWindow[];
}

/** A brand's resolved risk settings: platform.json's `risk`, overridden rule by rule by the brand's own. */
export interface RiskSettings {
  /** Whether a refused send tells the page the rules that refused it (API.md: "only where the brand shows them"). */
  showReasons: boolean;
  /** Whether the brand has a captcha to challenge with; without one, captcha rules are only reported (dry-run). */
  captchaAvailable: boolean;
  country: { mode: RuleMode };
  numberType: { mode: RuleMode; allowed: readonly NumberTypeName[] };
  velocity: Record<VelocityScope, CountingRule>;
  distinctNumbersPerIp: CountingRule;
  lowConversion: {
    /** The mode of the prefix rule (low_conversion_prefix). */
    mode: RuleMode;
    /**
     * The mode of the country rule (low_conversion_country). Dry-run by default: an attacker who floods a brand's
     * home country with unverified sends would otherwise shut that whole country out.
     */
    countryMode: RuleMode;
    /** Complete hours looked back over (the current hour is left out: its codes may still be typed). */
    lookbackHours: number;
    /** Sends a prefix (a country) needs in the look-back before its conversion is judged. */
    minPrefixSends: number;
    minCountrySends: number;
    /** Verified sessions per send below which the prefix (country) is blocked. */
    minConversion: number;
    blockHours: number;
  };
  /** Estimated spend of the brand (segments × the price table), in the price table's currency; null: no cap. */
  spendCap: { mode: RuleMode; perHour: number | null; perDay: number | null };
  simSwap: {
    mode: RuleMode;
    /** A SIM changed within this many hours counts as a recent swap (CAMARA `maxAge`, 1 to 2400). */
    maxAgeHours: number;
    action: 'block' | 'step_up';
    /** When the SIM-swap service cannot answer: send anyway (logged), or require the step-up, or block. */
    onUnavailable: 'allow' | 'step_up' | 'block';
  };
}

const captcha = (windows: LimitWindow[]): CountingRule => ({ mode: 'enforce', action: 'captcha', windows });
const block = (windows: LimitWindow[]): CountingRule => ({ mode: 'enforce', action: 'block', windows });

/**
 * Defaults tuned in bench/fraud-sim: they block at least 95 % of an SMS pumping run and at most 1 % of legitimate
 * sends. Every number here is documented with its reasoning in docs/fraud.md.
 */
export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  showReasons: false,
  captchaAvailable: false,
  country: { mode: 'enforce' },
  numberType: { mode: 'enforce', allowed: ['MOBILE', 'FIXED_LINE_OR_MOBILE'] },
  velocity: {
    ip: captcha([{ max: 10, windowSeconds: 3_600 }]),
    phone: captcha([{ max: 4, windowSeconds: 3_600 }]),
    prefix: block([
      { max: 8, windowSeconds: 3_600 },
      { max: 24, windowSeconds: 86_400 },
    ]),
    brand: captcha([{ max: 5_000, windowSeconds: 3_600 }]),
    fingerprint: captcha([{ max: 6, windowSeconds: 3_600 }]),
  },
  distinctNumbersPerIp: captcha([{ max: 3, windowSeconds: 3_600 }]),
  lowConversion: {
    mode: 'enforce',
    countryMode: 'dry-run',
    lookbackHours: 24,
    minPrefixSends: 15,
    minCountrySends: 200,
    minConversion: 0.2,
    blockHours: 6,
  },
  spendCap: { mode: 'enforce', perHour: 200, perDay: 2_000 },
  simSwap: { mode: 'enforce', maxAgeHours: 240, action: 'step_up', onUnavailable: 'allow' },
};
