import type {
  Challenge,
  RiskAction,
  RiskRuleId,
  RiskSettings,
  RuleAction,
  RuleMode,
  VelocityScope,
} from './risk-rules.js';
import { VELOCITY_SCOPES } from './risk-rules.js';

/** What the SIM-swap service said of the number (CAMARA check with the rule's maximum age). */
export type SimSwapFact = 'not_checked' | 'swapped' | 'not_swapped' | 'unavailable';

/** A prefix or a country the low-conversion rule blocked, until `until` (epoch ms). */
export interface RiskBlock {
  brand: string;
  scope: 'prefix' | 'country';
  subject: string;
  startedAt: number;
  until: number;
  /** The look-back's figures that started the block, shown as its reason. */
  sends: number;
  verified: number;
}

/** The conversion of the number's prefix or country in the look-back, and a block of it still running. */
export interface ConversionFact {
  subject: string;
  sends: number;
  verified: number;
  activeBlock: RiskBlock | undefined;
}

/**
 * Everything the engine knows of one send. The use case gathers it (counters already counting this attempt, the
 * store's sums, the SIM-swap answer); the engine itself reads no clock, store or network.
 */
export interface RiskFacts {
  brand: string;
  now: number;
  /** The number's ISO 3166-1 alpha-2 region and the brand's countries. */
  country: string;
  brandCountries: readonly string[];
  /** libphonenumber-js's type of the number; undefined when it cannot tell. */
  numberType: string | undefined;
  /** Each scope's counts of send attempts, this one included, one per configured window in order. */
  velocity: Record<VelocityScope, readonly number[]>;
  /** Distinct numbers sent to from the client's network, this one included, one per window. */
  distinctNumbersPerIp: readonly number[];
  prefix: ConversionFact;
  countryConversion: ConversionFact;
  /** The estimated cost of this send, and the brand's spend before it in the current hour and day. */
  spend: { cost: number; hour: number; day: number };
  simSwap: SimSwapFact;
  /** Challenges this session already passed. */
  passed: readonly Challenge[];
}

/** One rule's hit: machine-readable (`rule`), with a sentence for the operator and the page where shown. */
export interface RiskReason {
  rule: RiskRuleId;
  action: RuleAction;
  detail: string;
  /** Epoch ms a timed block ends (low conversion). */
  until?: number;
}

export interface RiskDecision {
  action: RiskAction;
  /** The challenge to pass when the action is `challenge`: step-up wins over captcha. */
  challenge?: Challenge;
  /** The enforced hits that made the action (empty when allowed). */
  reasons: RiskReason[];
  /** Hits of rules in dry-run: logged, never enforced. */
  dryRun: RiskReason[];
  /** Low-conversion blocks this decision starts (only rules in enforce mode start one). */
  newBlocks: RiskBlock[];
}

interface Hit extends RiskReason {
  mode: RuleMode;
}

/** Decides one send: every rule that is not off is evaluated, so dry-run hits are logged beside enforced ones. */
export function decide(settings: RiskSettings, facts: RiskFacts): RiskDecision {
  const newBlocks: RiskBlock[] = [];
  const hits = [
    ...numberHits(settings, facts),
    ...VELOCITY_SCOPES.flatMap((scope) => velocityHits(settings, facts, scope)),
    ...countingHits('distinct_numbers_ip', settings.distinctNumbersPerIp, facts.distinctNumbersPerIp, 'numbers'),
    ...lowConversionHits(settings, facts, 'prefix', newBlocks),
    ...lowConversionHits(settings, facts, 'country', newBlocks),
    ...spendHits(settings, facts),
    ...simSwapHits(settings, facts),
  ];
  const { enforced, dryRun } = partition(hits, settings);
  const waived = enforced.filter((hit) => hit.action === 'block' || !facts.passed.includes(hit.action));
  return { ...verdict(waived), dryRun, newBlocks };
}

/** The number of a session, as the rules that judge it where it enters (creation or first send) see it. */
export type NumberFacts = Pick<RiskFacts, 'country' | 'brandCountries' | 'numberType'>;

/**
 * The rules that judge a number alone (its country and type), for the moment it enters a session: an enforced
 * hit refuses it there (the customer may type another), a dry-run hit is only reported.
 */
export function judgeNumber(
  settings: RiskSettings,
  number: NumberFacts,
): { enforced: RiskReason[]; dryRun: RiskReason[] } {
  return partition(numberHits(settings, number), settings);
}

/**
 * Enforced hits decide; dry-run hits are reported. A captcha challenge where the brand has no captcha cannot be
 * offered, and blocking instead would refuse every customer behind a busy address (carrier NAT): such a hit is
 * reported like a dry-run one until the brand configures a captcha.
 */
function partition(hits: Hit[], settings: RiskSettings): { enforced: RiskReason[]; dryRun: RiskReason[] } {
  const enforceable = (hit: Hit) => hit.mode === 'enforce' && (hit.action !== 'captcha' || settings.captchaAvailable);
  return {
    enforced: hits.filter(enforceable).map(withoutMode),
    dryRun: hits.filter((hit) => hit.mode !== 'off' && !enforceable(hit)).map(withoutMode),
  };
}

function numberHits(settings: RiskSettings, number: NumberFacts): Hit[] {
  return [...countryHits(settings, number), ...numberTypeHits(settings, number)];
}

function verdict(reasons: RiskReason[]): Pick<RiskDecision, 'action' | 'challenge' | 'reasons'> {
  if (reasons.length === 0) return { action: 'allow', reasons };
  if (reasons.some((reason) => reason.action === 'block')) {
    return { action: 'block', reasons: reasons.filter((reason) => reason.action === 'block') };
  }
  const challenge: Challenge = reasons.some((reason) => reason.action === 'step_up') ? 'step_up' : 'captcha';
  return { action: 'challenge', challenge, reasons };
}

function withoutMode({ mode: _mode, ...reason }: Hit): RiskReason {
  return reason;
}

function countryHits(settings: RiskSettings, facts: NumberFacts): Hit[] {
  const { mode } = settings.country;
  if (mode === 'off' || facts.brandCountries.includes(facts.country)) return [];
  return [
    {
      rule: 'country',
      action: 'block',
      mode,
      detail: `numbers of ${facts.country || 'no country'} are not among the brand's countries`,
    },
  ];
}

function numberTypeHits(settings: RiskSettings, facts: NumberFacts): Hit[] {
  const { mode, allowed } = settings.numberType;
  if (mode === 'off' || (allowed as readonly string[]).includes(facts.numberType ?? '')) return [];
  const type = facts.numberType ?? 'unknown';
  return [{ rule: 'number_type', action: 'block', mode, detail: `a ${type} number (allowed: ${allowed.join(', ')})` }];
}

function velocityHits(settings: RiskSettings, facts: RiskFacts, scope: VelocityScope): Hit[] {
  return countingHits(`velocity_${scope}`, settings.velocity[scope], facts.velocity[scope], `sends per ${scope}`);
}

function countingHits(
  rule: RiskRuleId,
  setting: { mode: RuleMode; action: RuleAction; windows: readonly { max: number; windowSeconds: number }[] },
  counts: readonly number[],
  what: string,
): Hit[] {
  if (setting.mode === 'off') return [];
  const over = setting.windows.find((window, index) => (counts[index] ?? 0) > window.max);
  if (over === undefined) return [];
  return [
    {
      rule,
      action: setting.action,
      mode: setting.mode,
      detail: `more than ${over.max} ${what} in ${describeWindow(over.windowSeconds)}`,
    },
  ];
}

function lowConversionHits(
  settings: RiskSettings,
  facts: RiskFacts,
  scope: 'prefix' | 'country',
  newBlocks: RiskBlock[],
): Hit[] {
  const rule = settings.lowConversion;
  const mode = scope === 'prefix' ? rule.mode : rule.countryMode;
  if (mode === 'off') return [];
  const fact = scope === 'prefix' ? facts.prefix : facts.countryConversion;
  const id: RiskRuleId = scope === 'prefix' ? 'low_conversion_prefix' : 'low_conversion_country';
  // A running block follows the rule's mode too: dry-run (or off) lifts it at once.
  if (fact.activeBlock !== undefined) {
    const block = fact.activeBlock;
    return [{ rule: id, action: 'block', mode, detail: blockDetail(scope, block), until: block.until }];
  }
  const minSends = scope === 'prefix' ? rule.minPrefixSends : rule.minCountrySends;
  if (fact.subject === '' || fact.sends < minSends || fact.verified >= fact.sends * rule.minConversion) return [];
  const block: RiskBlock = {
    brand: facts.brand,
    scope,
    subject: fact.subject,
    startedAt: facts.now,
    until: facts.now + rule.blockHours * 3_600_000,
    sends: fact.sends,
    verified: fact.verified,
  };
  if (mode === 'enforce') newBlocks.push(block);
  return [{ rule: id, action: 'block', mode, detail: blockDetail(scope, block), until: block.until }];
}

function blockDetail(scope: 'prefix' | 'country', block: RiskBlock): string {
  const until = new Date(block.until).toISOString().slice(0, 16).replace('T', ' ');
  return `${scope} ${block.subject} blocked until ${until} UTC: ${block.verified} of ${block.sends} sends verified`;
}

function spendHits(settings: RiskSettings, facts: RiskFacts): Hit[] {
  const { mode, perHour, perDay } = settings.spendCap;
  if (mode === 'off') return [];
  const { cost, hour, day } = facts.spend;
  const hits: Hit[] = [];
  if (perHour !== null && hour + cost > perHour) {
    hits.push({ rule: 'spend_hour', action: 'block', mode, detail: `the brand's spend cap of ${perHour} an hour` });
  }
  if (perDay !== null && day + cost > perDay) {
    hits.push({ rule: 'spend_day', action: 'block', mode, detail: `the brand's spend cap of ${perDay} a day` });
  }
  return hits;
}

function simSwapHits(settings: RiskSettings, facts: RiskFacts): Hit[] {
  const { mode, action, onUnavailable, maxAgeHours } = settings.simSwap;
  if (mode === 'off') return [];
  if (facts.simSwap === 'swapped') {
    return [{ rule: 'sim_swap', action, mode, detail: `the SIM changed in the last ${maxAgeHours} hours` }];
  }
  if (facts.simSwap === 'unavailable' && onUnavailable !== 'allow') {
    return [{ rule: 'sim_swap', action: onUnavailable, mode, detail: 'the SIM-swap check could not answer' }];
  }
  return [];
}

function describeWindow(seconds: number): string {
  if (seconds % 86_400 === 0) return seconds === 86_400 ? 'a day' : `${seconds / 86_400} days`;
  if (seconds % 3_600 === 0) return seconds === 3_600 ? 'an hour' : `${seconds / 3_600} hours`;
  return `${Math.round(seconds / 60)} minutes`;
}
