/**
 * A gateway's delivery receipts are taken only when signed with the provider's key and fresh: the hex
 * HMAC-SHA256 (RFC 2104) of `${timestamp}.${body}`, compared in constant time, the timestamp within the tolerance
 * of now. Everything else is refused as one kind ("signature"), which tells an attacker nothing more.
 *
 * Requirements: OWASP ASVS 5.0 V13.2.1 (backend communication is authenticated), V11.2 (vetted cryptography,
 * constant-time comparison of secrets); RFC 2104 section 3 (a key no shorter than the hash output).
 * Built in: src/delivery/http-gateway/receipt-signature.ts, gateway-receipts.ts.
 */
import type * as Crypto from 'node:crypto';
import { timingSafeEqual } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { httpGatewayConfigSchema } from '../../src/delivery/http-gateway/config-schema.js';
import { httpGatewayProvider } from '../../src/delivery/http-gateway/http-gateway-provider.js';
import type { ReceiptRequest } from '../../src/delivery/provider.js';
import { ReceiptRefusedError } from '../../src/delivery/provider.js';
import type { SignedCallback } from './delivery-receipts-signing.js';
import { RECEIPTS_KEY, signedCallback } from './delivery-receipts-signing.js';

vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof Crypto>();
  return { ...crypto, timingSafeEqual: vi.fn(crypto.timingSafeEqual) };
});

const NOW = Date.parse('2030-01-15T10:00:00.000Z');
const BODY = JSON.stringify({ id: 'gw-1', status: 'DELIVERED' });

function gateway(env: NodeJS.ProcessEnv = { ACME_RECEIPTS_KEY: RECEIPTS_KEY }) {
  const config = httpGatewayConfigSchema.parse({
    type: 'http',
    url: 'https://sms.example.com/v1/messages',
    json: { to: '{to}', text: '{text}' },
    response: { messageIdPath: 'id' },
    receipts: {
      secretEnv: 'ACME_RECEIPTS_KEY',
      messageIdPath: 'id',
      statusPath: 'status',
      delivered: ['DELIVERED'],
      failed: ['FAILED'],
    },
  });
  return httpGatewayProvider('acme-sms', config, env);
}

const read = (request: ReceiptRequest, now = NOW) => gateway().readReceipts?.(request, now);

/** The refusal `request` meets: always the same kind, whatever was wrong. */
function refusal(request: ReceiptRequest, now = NOW): ReceiptRefusedError {
  try {
    read(request, now);
  } catch (error) {
    expect(error).toBeInstanceOf(ReceiptRefusedError);
    expect((error as ReceiptRefusedError).reason).toBe('signature');
    return error as ReceiptRefusedError;
  }
  throw new Error('the callback was taken');
}

const signed = (options: Parameters<typeof signedCallback>[1] = {}) => signedCallback(BODY, { now: NOW, ...options });
/** The callback with one header replaced, or left out (undefined). */
const withHeader = (callback: SignedCallback, name: string, value: string | undefined): ReceiptRequest => {
  const others = Object.entries(callback.headers).filter(([header]) => header !== name);
  return {
    body: callback.body,
    headers: Object.fromEntries(value === undefined ? others : [...others, [name, value]]),
  };
};
const SIGNATURE = 'x-otp-verify-signature';
const TIMESTAMP = 'x-otp-verify-timestamp';

describe('a signed, fresh receipt callback is taken', () => {
  it('reads the receipts of a callback signed with the key, within the tolerance either way', () => {
    for (const offset of [0, -300, 300]) {
      expect(read(signed({ timestamp: NOW / 1000 + offset }))).toEqual([
        { providerMessageId: 'gw-1', state: 'delivered' },
      ]);
    }
  });

  it('takes the signature in upper-case hex too', () => {
    const callback = signed();
    expect(read(withHeader(callback, SIGNATURE, callback.headers[SIGNATURE]?.toUpperCase()))).toHaveLength(1);
  });
});

describe('everything else is refused', () => {
  it('without a signature', () => {
    refusal(withHeader(signed(), SIGNATURE, undefined));
  });

  it('with a signature made with another key', () => {
    refusal(signed({ key: `${RECEIPTS_KEY.slice(0, -1)}0` }));
  });

  it('with a signature for another body (a receipt changed in transit)', () => {
    const callback = signed();
    refusal({ ...callback, body: Buffer.from(JSON.stringify({ id: 'gw-2', status: 'DELIVERED' })) });
  });

  it('with a signature for another timestamp (an old request given a fresh one)', () => {
    const old = signed({ timestamp: NOW / 1000 - 3600 });
    refusal(withHeader(old, TIMESTAMP, String(NOW / 1000)));
  });

  it('replayed after the tolerance (300 s), or dated beyond it in the future', () => {
    refusal(signed({ timestamp: NOW / 1000 - 301 }));
    refusal(signed({ timestamp: NOW / 1000 + 301 }));
    const recorded = signed();
    expect(read(recorded)).toHaveLength(1);
    refusal(recorded, NOW + 301_000);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['in milliseconds beyond the tolerance', String(NOW)],
    ['not a number', 'yesterday'],
    ['a float', `${NOW / 1000}.5`],
  ])('with a timestamp %s', (_case, timestamp) => {
    refusal(withHeader(signed(), TIMESTAMP, timestamp));
  });

  it.each([
    ['truncated to 16 bytes', (hex: string) => hex.slice(0, 32)],
    ['one digit short', (hex: string) => hex.slice(0, -1)],
    ['one byte long', (hex: string) => `${hex}00`],
    ['prefixed', (hex: string) => `sha256=${hex}`],
    ['not hex', (hex: string) => `${hex.slice(0, -1)}g`],
    ['base64', (hex: string) => Buffer.from(hex, 'hex').toString('base64')],
    ['sent twice', (hex: string) => `${hex}, ${hex}`],
  ])('with a signature of the wrong length or form: %s', (_case, change) => {
    const callback = signed();
    refusal(withHeader(callback, SIGNATURE, change(callback.headers[SIGNATURE] ?? '')));
  });

  it('never says which check failed to the caller: one kind of refusal', () => {
    const kinds = [
      refusal(withHeader(signed(), SIGNATURE, undefined)),
      refusal(signed({ key: 'another key, 32 bytes or longer....' })),
      refusal(signed({ timestamp: NOW / 1000 - 3600 })),
    ].map((error) => error.reason);
    expect(new Set(kinds)).toEqual(new Set(['signature']));
  });
});

describe('the comparison takes the same time however much of the signature is right', () => {
  beforeEach(() => {
    vi.mocked(timingSafeEqual).mockClear();
  });

  it.each([
    ['first', 0],
    ['last', 63],
  ])('a signature wrong in its %s digit is compared in full by timingSafeEqual', (_case, index) => {
    const callback = signed();
    const right = callback.headers[SIGNATURE] ?? '';
    const wrong = `${right.slice(0, index)}${right[index] === '0' ? '1' : '0'}${right.slice(index + 1)}`;
    refusal(withHeader(callback, SIGNATURE, wrong));
    const compared = vi.mocked(timingSafeEqual).mock.calls.map((buffers) => buffers.map((buffer) => buffer.byteLength));
    expect(compared).toEqual([[32, 32]]);
  });
});

describe('the key is the operator’s, from the environment', () => {
  it('stops the start when the key’s variable is not set, naming it', () => {
    expect(() => gateway({})).toThrow(
      new ConfigError('provider "acme-sms": receipts.secretEnv: the environment variable ACME_RECEIPTS_KEY is not set'),
    );
  });

  it('stops the start when the key is shorter than 32 bytes (RFC 2104 section 3)', () => {
    expect(() => gateway({ ACME_RECEIPTS_KEY: 'short-key' })).toThrow(
      'provider "acme-sms": receipts.secretEnv: the key in ACME_RECEIPTS_KEY is shorter than 32 bytes',
    );
  });
});
