import type * as Crypto from 'node:crypto';
import { timingSafeEqual } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { codeMatches, hashCode } from '../../src/domain/code.js';

vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof Crypto>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const secret = { id: 'ck_a', key: Buffer.alloc(32, 7) };

describe('codeMatches', () => {
  beforeEach(() => {
    vi.mocked(timingSafeEqual).mockClear();
  });

  it('compares a right code with timingSafeEqual over full-length HMACs', () => {
    expect(codeMatches(secret, 'ses_1', '123456', hashCode(secret, 'ses_1', '123456'))).toBe(true);
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
    const [a, b] = vi.mocked(timingSafeEqual).mock.calls[0] ?? [];
    expect(a).toHaveLength(32);
    expect(b).toHaveLength(32);
  });

  it('takes the same constant-time path for a wrong code (no early string comparison)', () => {
    expect(codeMatches(secret, 'ses_1', '000000', hashCode(secret, 'ses_1', '123456'))).toBe(false);
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
  });
});
