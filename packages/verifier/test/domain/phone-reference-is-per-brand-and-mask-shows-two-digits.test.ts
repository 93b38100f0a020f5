import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone, phoneReference } from '../../src/domain/phone-ref.js';

const key = Buffer.alloc(32, 9);

describe('maskPhone', () => {
  it('shows only the last two digits', () => {
    expect(maskPhone('+491701234567')).toBe('••• 67');
    expect(maskPhone('+436641234508').replace(/\D/g, '')).toBe('08');
  });
});

describe('phoneReference', () => {
  it('is stable for the same brand and number', () => {
    expect(phoneReference(key, 'acme', '+491701234567')).toBe(
      phoneReference(Buffer.alloc(32, 9), 'acme', '+491701234567'),
    );
  });

  it('differs across brands, numbers and server keys, so brands cannot link customers', () => {
    const ref = phoneReference(key, 'acme', '+491701234567');
    expect(phoneReference(key, 'initech', '+491701234567')).not.toBe(ref);
    expect(phoneReference(key, 'acme', '+491701234568')).not.toBe(ref);
    expect(phoneReference(Buffer.alloc(32, 8), 'acme', '+491701234567')).not.toBe(ref);
  });

  it('does not contain the number', () => {
    const ref = phoneReference(key, 'acme', '+491701234567');
    expect(ref).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ref).not.toContain('1701234567');
  });

  it('never collides between two brands for the same number (property)', () => {
    const brand = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
    fc.assert(
      fc.property(brand, brand, fc.stringMatching(/^\+49[0-9]{10}$/), (a, b, e164) => {
        fc.pre(a !== b);
        expect(phoneReference(key, a, e164)).not.toBe(phoneReference(key, b, e164));
      }),
    );
  });
});
