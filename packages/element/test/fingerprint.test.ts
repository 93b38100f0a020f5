import { createHash } from 'node:crypto';
import { sendRequestSchema } from '@otp-verify/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserFingerprint, browserTraits } from '../src/fingerprint.js';

function stubBrowser(overrides: { languages?: string[]; width?: number; height?: number } = {}) {
  vi.stubGlobal('navigator', {
    userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/126',
    languages: overrides.languages ?? ['de-AT', 'de', 'en'],
    hardwareConcurrency: 8,
    platform: 'Linux armv8l',
  });
  vi.stubGlobal('screen', { width: overrides.width ?? 412, height: overrides.height ?? 915, colorDepth: 24 });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('browserFingerprint', () => {
  it('is the base64url SHA-256 of the traits, in the shape the send request accepts', async () => {
    stubBrowser();
    const fingerprint = await browserFingerprint();
    expect(fingerprint).toBe(createHash('sha256').update(browserTraits()).digest('base64url'));
    expect(sendRequestSchema.safeParse({ fingerprint }).success).toBe(true);
  });

  it('stays the same when the phone is turned, and changes with another browser language', async () => {
    stubBrowser();
    const portrait = await browserFingerprint();
    stubBrowser({ width: 915, height: 412 });
    expect(await browserFingerprint()).toBe(portrait);
    stubBrowser({ languages: ['en-GB'] });
    expect(await browserFingerprint()).not.toBe(portrait);
  });

  it('is not sent where there is no crypto.subtle (a page over http: not a secure context)', async () => {
    stubBrowser();
    vi.stubGlobal('crypto', {});
    expect(await browserFingerprint()).toBeUndefined();
  });
});
