import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smsSize } from '../../src/delivery/sms-size.js';
import { smppProviderConfigSchema } from '../../src/delivery/smpp/index.js';
import { parseReceiptText } from '../../src/delivery/smpp/receipt-text.js';
import { encodeUserData } from '../../src/delivery/smpp/user-data.js';

const gsmCharacter = fc.constantFrom(...'aZ0 @£€{}[]~|^\\\fΔÄß\n');
const otherCharacter = fc.constantFrom('ł', 'م', '😀', '’', 'ç');
const gsmText = fc.array(gsmCharacter, { maxLength: 500, size: 'max' });
const ucs2Text = fc.array(fc.oneof(gsmCharacter, otherCharacter), { minLength: 1, maxLength: 250, size: 'max' });

describe('SMPP user data', () => {
  it('sends as many parts as smsSize bills, within the bytes an SMS holds', () => {
    fc.assert(
      fc.property(fc.oneof(gsmText, ucs2Text), (characters) => {
        const text = characters.join('');
        const { parts } = encodeUserData(text);
        expect(parts.length).toBe(Math.max(1, smsSize(text).segments));
        const bytes = parts.length === 1 ? { 'GSM-7': 160, 'UCS-2': 140 } : { 'GSM-7': 153, 'UCS-2': 134 };
        for (const part of parts) expect(part.length).toBeLessThanOrEqual(bytes[smsSize(text).encoding]);
      }),
    );
  });
});

describe('SMPP receipt text', () => {
  it('prefers the receipted_message_id TLV to the id in the text, and ignores a text that is no receipt', () => {
    expect(parseReceiptText('id:0A1B stat:EXPIRED err:000', 'msg-7')).toEqual({
      messageId: 'msg-7',
      state: 'expired',
      error: 'EXPIRED err:000',
    });
    expect(parseReceiptText('Hello from the SMSC')).toBeUndefined();
  });
});

describe('SMPP provider configuration', () => {
  it('takes the password only from the environment: a password in the file is refused', () => {
    const config = { host: 'smsc.example', systemId: 'acme', passwordEnv: 'SMPP_PASSWORD' };
    expect(smppProviderConfigSchema.safeParse(config).success).toBe(true);
    expect(smppProviderConfigSchema.safeParse({ ...config, password: 'hunter2' }).success).toBe(false);
  });
});
