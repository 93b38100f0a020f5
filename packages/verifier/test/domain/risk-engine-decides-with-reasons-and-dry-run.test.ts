import { describe, expect, it } from 'vitest';
import type { RiskFacts } from '../../src/domain/risk/risk-decision.js';
import { decide, judgeNumber } from '../../src/domain/risk/risk-decision.js';
import type { RiskSettings } from '../../src/domain/risk/risk-rules.js';
import { DEFAULT_RISK_SETTINGS } from '../../src/domain/risk/risk-rules.js';

const NOW = Date.UTC(2026, 10, 22, 12, 30);

/** A quiet, ordinary send: a German mobile, first attempt everywhere, nothing swapped. */
function facts(overrides: Partial<RiskFacts> = {}): RiskFacts {
  return {
    brand: 'acme',
    now: NOW,
    country: 'DE',
    brandCountries: ['DE', 'AT'],
    numberType: 'MOBILE',
    velocity: { ip: [1], phone: [1], prefix: [1, 1], brand: [1], fingerprint: [1] },
    distinctNumbersPerIp: [1],
    prefix: { subject: '+49170123', sends: 0, verified: 0, activeBlock: undefined },
    countryConversion: { subject: 'DE', sends: 0, verified: 0, activeBlock: undefined },
    spend: { cost: 0.075, hour: 0, day: 0 },
    simSwap: 'not_swapped',
    passed: [],
    ...overrides,
  };
}

function settings(overrides: Partial<RiskSettings> = {}): RiskSettings {
  return { ...DEFAULT_RISK_SETTINGS, ...overrides };
}

const rules = (reasons: { rule: string }[]) => reasons.map((reason) => reason.rule);

describe('the risk engine decides allow, challenge or block with machine-readable reasons', () => {
  it('allows an ordinary send with no reason and no dry-run hit', () => {
    expect(decide(settings(), facts())).toEqual({ action: 'allow', reasons: [], dryRun: [], newBlocks: [] });
  });

  it('blocks a premium-rate number by default (number_type: mobile only), naming the type', () => {
    const decision = decide(settings(), facts({ numberType: 'PREMIUM_RATE' }));
    expect(decision.action).toBe('block');
    expect(rules(decision.reasons)).toEqual(['number_type']);
    expect(decision.reasons[0]?.detail).toContain('PREMIUM_RATE');
  });

  it('lets a brand allow VoIP numbers by policy', () => {
    const policy = settings({ numberType: { mode: 'enforce', allowed: ['MOBILE', 'VOIP'] } });
    expect(decide(policy, facts({ numberType: 'VOIP' })).action).toBe('allow');
    expect(decide(policy, facts({ numberType: 'SHARED_COST' })).action).toBe('block');
  });

  it('blocks a number outside the brand countries (country)', () => {
    expect(rules(decide(settings(), facts({ country: 'GB' })).reasons)).toEqual(['country']);
  });

  it('blocks a prefix over its velocity (SMS pumping across a number range)', () => {
    expect(decide(settings(), facts({ velocity: { ...facts().velocity, prefix: [8, 8] } })).action).toBe('allow');
    const decision = decide(settings(), facts({ velocity: { ...facts().velocity, prefix: [9, 9] } }));
    expect(decision.action).toBe('block');
    expect(rules(decision.reasons)).toEqual(['velocity_prefix']);
    expect(decision.reasons[0]?.detail).toBe('more than 8 sends per prefix in an hour');
  });

  it('reports a captcha rule where the brand has no captcha (a busy carrier NAT is not blocked), challenges where it has one', () => {
    const busyIp = facts({ velocity: { ...facts().velocity, ip: [11] } });
    expect(decide(settings(), busyIp)).toMatchObject({ action: 'allow', dryRun: [{ rule: 'velocity_ip' }] });
    const withCaptcha = decide(settings({ captchaAvailable: true }), busyIp);
    expect(withCaptcha).toMatchObject({ action: 'challenge', challenge: 'captcha' });
    expect(rules(withCaptcha.reasons)).toEqual(['velocity_ip']);
  });

  it('waives a challenge the session already passed, never a block', () => {
    const busy = facts({ velocity: { ...facts().velocity, ip: [11], prefix: [1, 1] }, passed: ['captcha'] });
    expect(decide(settings({ captchaAvailable: true }), busy).action).toBe('allow');
    const pumping = facts({ velocity: { ...facts().velocity, prefix: [9, 9] }, passed: ['captcha', 'step_up'] });
    expect(decide(settings({ captchaAvailable: true }), pumping).action).toBe('block');
  });

  it('requires the step-up for a recent SIM swap, and step-up wins over a captcha', () => {
    const swapped = facts({ simSwap: 'swapped', velocity: { ...facts().velocity, ip: [11] } });
    const decision = decide(settings({ captchaAvailable: true }), swapped);
    expect(decision).toMatchObject({ action: 'challenge', challenge: 'step_up' });
    expect(rules(decision.reasons).sort()).toEqual(['sim_swap', 'velocity_ip']);
    expect(decide(settings(), facts({ simSwap: 'swapped', passed: ['step_up'] })).action).toBe('allow');
  });

  it('blocks a recent SIM swap where the brand policy says block, even after a step-up', () => {
    const policy = settings({ simSwap: { ...DEFAULT_RISK_SETTINGS.simSwap, action: 'block' } });
    expect(decide(policy, facts({ simSwap: 'swapped', passed: ['step_up'] })).action).toBe('block');
  });

  it('follows the brand policy when the SIM-swap service cannot answer', () => {
    expect(decide(settings(), facts({ simSwap: 'unavailable' })).action).toBe('allow');
    const cautious = settings({ simSwap: { ...DEFAULT_RISK_SETTINGS.simSwap, onUnavailable: 'step_up' } });
    expect(decide(cautious, facts({ simSwap: 'unavailable' }))).toMatchObject({ challenge: 'step_up' });
  });

  it('caps the brand spend per hour and per day', () => {
    const capped = settings({ spendCap: { mode: 'enforce', perHour: 10, perDay: 100 } });
    expect(decide(capped, facts({ spend: { cost: 0.08, hour: 9.9, day: 50 } })).action).toBe('allow');
    expect(rules(decide(capped, facts({ spend: { cost: 0.08, hour: 9.95, day: 50 } })).reasons)).toEqual([
      'spend_hour',
    ]);
    expect(rules(decide(capped, facts({ spend: { cost: 0.08, hour: 0, day: 99.95 } })).reasons)).toEqual(['spend_day']);
  });

  it('counts distinct numbers per network', () => {
    const decision = decide(settings({ captchaAvailable: true }), facts({ distinctNumbersPerIp: [4] }));
    expect(rules(decision.reasons)).toEqual(['distinct_numbers_ip']);
  });
});

describe('low-conversion prefixes and countries are blocked for a period, with the reason shown', () => {
  const lowPrefix = { subject: '+49170123', sends: 20, verified: 1, activeBlock: undefined };

  it('starts a block of a prefix whose sends hardly ever verify, until the block period ends', () => {
    const decision = decide(settings(), facts({ prefix: lowPrefix }));
    expect(decision.action).toBe('block');
    expect(rules(decision.reasons)).toEqual(['low_conversion_prefix']);
    expect(decision.newBlocks).toEqual([
      {
        brand: 'acme',
        scope: 'prefix',
        subject: '+49170123',
        startedAt: NOW,
        until: NOW + 6 * 3_600_000,
        sends: 20,
        verified: 1,
      },
    ]);
    expect(decision.reasons[0]?.detail).toBe(
      'prefix +49170123 blocked until 2026-11-22 18:30 UTC: 1 of 20 sends verified',
    );
  });

  it('judges no prefix before it has enough sends, nor one that converts', () => {
    expect(decide(settings(), facts({ prefix: { ...lowPrefix, sends: 14, verified: 0 } })).action).toBe('allow');
    expect(decide(settings(), facts({ prefix: { ...lowPrefix, verified: 4 } })).action).toBe('allow');
  });

  it('only reports a low-converting country by default: an attacker flooding the home country cannot shut it', () => {
    const country = { subject: 'DE', sends: 300, verified: 3, activeBlock: undefined };
    const decision = decide(settings(), facts({ countryConversion: country }));
    expect(decision).toMatchObject({ action: 'allow', newBlocks: [] });
    expect(rules(decision.dryRun)).toEqual(['low_conversion_country']);
    const enforced = settings({ lowConversion: { ...DEFAULT_RISK_SETTINGS.lowConversion, countryMode: 'enforce' } });
    expect(decide(enforced, facts({ countryConversion: country })).newBlocks).toHaveLength(1);
  });

  it('lifts a running block at once when its rule goes to dry-run', () => {
    const block = {
      brand: 'acme',
      scope: 'prefix' as const,
      subject: '+49170123',
      startedAt: NOW - 1,
      until: NOW + 60_000,
      sends: 30,
      verified: 0,
    };
    const dry = settings({ lowConversion: { ...DEFAULT_RISK_SETTINGS.lowConversion, mode: 'dry-run' } });
    const decision = decide(
      dry,
      facts({ prefix: { subject: '+49170123', sends: 0, verified: 0, activeBlock: block } }),
    );
    expect(decision.action).toBe('allow');
    expect(rules(decision.dryRun)).toEqual(['low_conversion_prefix']);
  });

  it('keeps blocking while a block runs, whatever the figures now', () => {
    const block = {
      brand: 'acme',
      scope: 'country' as const,
      subject: 'DE',
      startedAt: NOW - 1,
      until: NOW + 60_000,
      sends: 300,
      verified: 3,
    };
    const countries = settings({ lowConversion: { ...DEFAULT_RISK_SETTINGS.lowConversion, countryMode: 'enforce' } });
    const decision = decide(
      countries,
      facts({ countryConversion: { subject: 'DE', sends: 0, verified: 0, activeBlock: block } }),
    );
    expect(rules(decision.reasons)).toEqual(['low_conversion_country']);
    expect(decision.reasons[0]?.until).toBe(NOW + 60_000);
    expect(decision.newBlocks).toEqual([]);
  });
});

describe('every rule can run in dry-run: logged, never enforced', () => {
  it('reports a dry-run hit beside an allow, and starts no block', () => {
    const dry = settings({
      velocity: {
        ...DEFAULT_RISK_SETTINGS.velocity,
        prefix: { ...DEFAULT_RISK_SETTINGS.velocity.prefix, mode: 'dry-run' },
      },
      lowConversion: { ...DEFAULT_RISK_SETTINGS.lowConversion, mode: 'dry-run' },
    });
    const decision = decide(
      dry,
      facts({
        velocity: { ...facts().velocity, prefix: [9, 9] },
        prefix: { subject: '+49170123', sends: 30, verified: 0, activeBlock: undefined },
      }),
    );
    expect(decision.action).toBe('allow');
    expect(rules(decision.dryRun)).toEqual(['velocity_prefix', 'low_conversion_prefix']);
    expect(decision.newBlocks).toEqual([]);
  });

  it('reports dry-run hits beside an enforced block', () => {
    const dry = settings({ numberType: { mode: 'dry-run', allowed: ['MOBILE'] } });
    const decision = decide(
      dry,
      facts({ numberType: 'FIXED_LINE_OR_MOBILE', velocity: { ...facts().velocity, prefix: [9, 9] } }),
    );
    expect(decision.action).toBe('block');
    expect(rules(decision.reasons)).toEqual(['velocity_prefix']);
    expect(rules(decision.dryRun)).toEqual(['number_type']);
  });

  it('judges nothing of a rule that is off', () => {
    const off = settings({ country: { mode: 'off' } });
    expect(decide(off, facts({ country: 'GB' }))).toMatchObject({ action: 'allow', dryRun: [] });
  });

  it('judges a number where it enters by its country and type only', () => {
    const dry = settings({ country: { mode: 'dry-run' } });
    expect(judgeNumber(dry, { country: 'GB', brandCountries: ['DE'], numberType: 'PREMIUM_RATE' })).toEqual({
      enforced: [expect.objectContaining({ rule: 'number_type', action: 'block' })],
      dryRun: [expect.objectContaining({ rule: 'country' })],
    });
  });
});
