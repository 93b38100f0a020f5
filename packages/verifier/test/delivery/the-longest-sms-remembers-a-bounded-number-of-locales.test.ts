import { describe, expect, it } from 'vitest';
import { longestSms } from '../../src/delivery/longest-sms.js';

const TEMPLATE = '{brand}: {code} for {amount}';
const SAMPLE = { brandName: 'Acme', codeLength: 6, validitySeconds: 300, checkoutHost: 'shop.acme.test' };

/** How many number formats judging the template for `tag` builds: none when its amounts are remembered. */
function formatsBuilt(tag: string): number {
  const RealNumberFormat = Intl.NumberFormat;
  let built = 0;
  Intl.NumberFormat = new Proxy(RealNumberFormat, {
    construct(target, args) {
      built += 1;
      return Reflect.construct(target, args) as object;
    },
  });
  try {
    longestSms(TEMPLATE, SAMPLE, tag);
  } finally {
    Intl.NumberFormat = RealNumberFormat;
  }
  return built;
}

describe('the longest SMS per locale (the preview’s ?locale= comes from anyone in dev mode)', () => {
  it('remembers the amounts of a locale it was asked for', () => {
    formatsBuilt('de-AT');
    expect(formatsBuilt('de-AT')).toBe(0);
  });

  it('does not keep every locale: many distinct tags do not grow what it remembers', { timeout: 60_000 }, () => {
    formatsBuilt('de-CH');
    const otherTags = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].flatMap((letter) => [`de-X${letter}`, `de-Y${letter}`]);
    for (const tag of otherTags) longestSms(TEMPLATE, SAMPLE, tag);
    expect(formatsBuilt('de-CH')).toBeGreaterThan(0);
  });
});
