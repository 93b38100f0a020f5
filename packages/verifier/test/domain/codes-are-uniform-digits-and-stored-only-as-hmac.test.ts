import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeMatches, generateCode, hashCode } from '../../src/domain/code.js';
import type { CodeSecret } from '../../src/domain/code.js';

const secret: CodeSecret = { id: 'ck_a', key: Buffer.alloc(32, 1) };
const otherSecret: CodeSecret = { id: 'ck_b', key: Buffer.alloc(32, 2) };

describe('generateCode', () => {
  it('zero-pads the drawn number to the code length', () => {
    expect(generateCode(6, () => 42)).toBe('000042');
    expect(generateCode(8, () => 0)).toBe('00000000');
    expect(generateCode(6, () => 999_999)).toBe('999999');
  });

  it('draws from the injected randomness over exactly 10^length values', () => {
    const asked: number[] = [];
    const code = generateCode(7, (max) => {
      asked.push(max);
      return 1_234_567;
    });
    expect(asked).toEqual([10_000_000]);
    expect(code).toBe('1234567');
  });

  it('gives exactly `length` ASCII digits for every draw in range, for every allowed length', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 6, max: 10 })
          .chain((length) => fc.tuple(fc.constant(length), fc.integer({ min: 0, max: 10 ** length - 1 }))),
        ([length, drawn]) => {
          const code = generateCode(length, () => drawn);
          expect(code).toMatch(new RegExp(`^[0-9]{${length}}$`));
          expect(Number(code)).toBe(drawn);
        },
      ),
    );
  });

  it('with the CSPRNG, codes vary and keep their length', () => {
    const codes = Array.from({ length: 200 }, () => generateCode(6, (max) => randomInt(max)));
    for (const code of codes) expect(code).toMatch(/^[0-9]{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });
});

describe('hashCode and codeMatches', () => {
  it('stores neither the code nor anything that contains it', () => {
    const hash = hashCode(secret, 'ses_1', '123456');
    expect(hash).not.toContain('123456');
    expect(Buffer.from(hash, 'base64url')).toHaveLength(32);
    expect(hashCode(secret, 'ses_1', '123456')).toBe(hash);
  });

  it('accepts the right code for its session and key', () => {
    expect(codeMatches(secret, 'ses_1', '123456', hashCode(secret, 'ses_1', '123456'))).toBe(true);
  });

  it('refuses a wrong code, the code of another session, and a hash made with another key', () => {
    const stored = hashCode(secret, 'ses_1', '123456');
    expect(codeMatches(secret, 'ses_1', '123457', stored)).toBe(false);
    expect(codeMatches(secret, 'ses_2', '123456', stored)).toBe(false);
    expect(codeMatches(otherSecret, 'ses_1', '123456', stored)).toBe(false);
    expect(codeMatches(secret, 'ses_1', '123456', hashCode(otherSecret, 'ses_1', '123456'))).toBe(false);
  });

  it('does not confuse session id and code boundaries', () => {
    // "ses_1" + "1234567" must not hash like "ses_11" + "234567".
    expect(hashCode(secret, 'ses_1', '1234567')).not.toBe(hashCode(secret, 'ses_11', '234567'));
  });

  it('refuses a malformed stored hash without throwing', () => {
    expect(codeMatches(secret, 'ses_1', '123456', '')).toBe(false);
    expect(codeMatches(secret, 'ses_1', '123456', 'short')).toBe(false);
  });

  it('matches if and only if session and code are the same (property)', () => {
    const sessionId = fc.stringMatching(/^ses_[A-Za-z0-9_-]{1,32}$/);
    const code = fc.stringMatching(/^[0-9]{6,10}$/);
    fc.assert(
      fc.property(sessionId, code, sessionId, code, (s1, c1, s2, c2) => {
        expect(codeMatches(secret, s2, c2, hashCode(secret, s1, c1))).toBe(s1 === s2 && c1 === c2);
      }),
    );
  });
});
