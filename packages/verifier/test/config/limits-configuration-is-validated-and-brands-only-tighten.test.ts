import { describe, expect, it } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import { settingsFromEnv } from '../../src/config/settings.js';
import { DEFAULT_LIMITS } from '../../src/domain/limits.js';
import { rawTestBrands } from '../support/brands.js';

function load(limits: unknown, acmeLimits?: unknown) {
  const raw = rawTestBrands() as { limits?: unknown; brands: Record<string, unknown>[] };
  if (limits === undefined) delete raw.limits;
  else raw.limits = limits;
  if (acmeLimits !== undefined) (raw.brands[0] as Record<string, unknown>).limits = acmeLimits;
  return brandRegistry(raw, 'brands.json');
}

describe('limits configuration', () => {
  it('defaults to the safe numbers without a limits section', () => {
    expect(load(undefined).get('acme')?.effectiveLimits).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS.sendsPerPhone).toEqual([
      { max: 5, windowSeconds: 3600 },
      { max: 10, windowSeconds: 86400 },
    ]);
  });

  it.each([
    [{ sendsPerIp: [{ max: 0, windowSeconds: 3600 }] }, 'limits.sendsPerIp[0].max'],
    [{ sendsPerIp: [{ max: 5, windowSeconds: 10 }] }, 'limits.sendsPerIp[0].windowSeconds'],
    [{ sendsPerIp: [] }, 'limits.sendsPerIp'],
    [
      {
        sendsPerPhone: [
          { max: 5, windowSeconds: 3600 },
          { max: 6, windowSeconds: 3600 },
        ],
      },
      'limits.sendsPerPhone[1]',
    ],
    [{ perPhone: [{ max: 5, windowSeconds: 3600 }] }, 'limits'],
  ])('refuses %j naming the file and %s', (limits, field) => {
    expect(() => load(limits)).toThrow(/^brands file brands\.json: /);
    expect(() => load(limits)).toThrow(field);
  });

  it('a brand may only tighten shared limits, may set its own budget, never the global one', () => {
    expect(() => load(undefined, { sendsPerPhone: [{ max: 50, windowSeconds: 3600 }] })).toThrow(
      /brands\[0\]\.limits\.sendsPerPhone\[0\]\.max: a brand may only tighten sendsPerPhone: at most 5/,
    );
    expect(() => load(undefined, { sendsPerIp: [{ max: 5, windowSeconds: 60 }] })).toThrow(
      /brands\[0\]\.limits\.sendsPerIp\[0\]\.windowSeconds/,
    );
    expect(() => load(undefined, { sendsGlobal: [{ max: 5, windowSeconds: 60 }] })).toThrow(/brands\[0\]\.limits/);
    const acme = load(undefined, {
      sendsPerPhone: [{ max: 3, windowSeconds: 3600 }],
      sendsPerBrand: [{ max: 99, windowSeconds: 60 }],
    }).get('acme');
    expect(acme?.effectiveLimits.sendsPerPhone).toEqual([
      { max: 3, windowSeconds: 3600 },
      { max: 10, windowSeconds: 86400 },
    ]);
    expect(acme?.effectiveLimits.sendsPerBrand).toEqual([{ max: 99, windowSeconds: 60 }]);
  });
});

describe('OTP_VERIFY_TRUST_PROXY', () => {
  const env = (value?: string) =>
    settingsFromEnv({
      OTP_VERIFY_BRANDS: 'b.json',
      ...(value === undefined ? {} : { OTP_VERIFY_TRUST_PROXY: value }),
    });

  it('is off by default and accepts off, a hop count, or proxy addresses', () => {
    expect(env().trustProxy).toBe(false);
    expect(env('off').trustProxy).toBe(false);
    expect(env('1').trustProxy).toBe(1);
    expect(env('loopback, 10.0.0.0/8, fd00::/8').trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
  });

  it.each(['true', '10.0.0.0/33', 'proxy.example'])('refuses %s naming the variable', (value) => {
    expect(() => env(value)).toThrow(/^environment: OTP_VERIFY_TRUST_PROXY: /);
  });
});
