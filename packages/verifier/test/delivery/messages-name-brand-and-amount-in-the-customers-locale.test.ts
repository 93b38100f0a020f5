import type { Locale } from '@otp-verify/element/i18n';
import { describe, expect, it } from 'vitest';
import type { MessageInput } from '../../src/delivery/message-values.js';
import { messageValues } from '../../src/delivery/message-values.js';
import { renderEmail } from '../../src/delivery/render-email.js';
import { renderSms } from '../../src/delivery/render-sms.js';
import type { SmsEncoding } from '../../src/delivery/sms-size.js';
import { smsSize } from '../../src/delivery/sms-size.js';
import { DEFAULT_TEMPLATES } from '../../src/delivery/templates/index.js';

const HOST = 'shop.acme.example';
const WEBOTP_LINE = `@${HOST} #481516`;

function input(tag: string, currency: string, overrides: Partial<MessageInput> = {}): MessageInput {
  return {
    brandName: 'Acme Mobile',
    code: '481516',
    order: { amount: 150899, currency },
    tag,
    validitySeconds: 300,
    ...overrides,
  };
}

function sms(template: string, messageInput: MessageInput): string {
  return renderSms(template, messageValues(messageInput), HOST);
}

function email(locale: Locale, messageInput: MessageInput) {
  return renderEmail(DEFAULT_TEMPLATES[locale].email, messageValues(messageInput), messageInput.tag);
}

// [locale, customer's tag, currency, the amount in the SMS, in the email, encoding, segments]
const LOCALES: [Locale, string, string, string, string, SmsEncoding, number][] = [
  ['en', 'en-IE', 'EUR', '€1,508.99', '€1,508.99', 'GSM-7', 1],
  ['de', 'de-DE', 'EUR', '1.508,99 €', '1.508,99\u00a0€', 'GSM-7', 1],
  ['fr', 'fr-FR', 'EUR', '1 508,99 €', '1\u202f508,99\u00a0€', 'GSM-7', 1],
  ['es', 'es-ES', 'EUR', '1508,99 €', '1508,99\u00a0€', 'GSM-7', 1],
  ['it', 'it-IT', 'EUR', '1508,99 €', '1508,99\u00a0€', 'GSM-7', 1],
  ['nl', 'nl-NL', 'EUR', '€ 1.508,99', '€\u00a01.508,99', 'GSM-7', 1],
  ['pt', 'pt-BR', 'BRL', 'R$ 1.508,99', 'R$\u00a01.508,99', 'GSM-7', 1],
  // Polish, Turkish and Arabic letters are outside the GSM alphabet: UCS-2, so typography stays as Intl writes it.
  ['pl', 'pl-PL', 'PLN', '1508,99\u00a0zł', '1508,99\u00a0zł', 'UCS-2', 2],
  ['tr', 'tr-TR', 'TRY', '₺1.508,99', '₺1.508,99', 'UCS-2', 2],
  ['ar', 'ar', 'AED', '\u200f1,508.99\u00a0د.إ.\u200f', '\u200f1,508.99\u00a0د.إ.\u200f', 'UCS-2', 2],
];

describe('the default SMS of every locale', () => {
  it.each(LOCALES)(
    '%s (%s, %s): names the brand and the amount %j, carries the code, ends with the WebOTP line',
    (locale, tag, currency, amount, _emailAmount, encoding, segments) => {
      const text = sms(DEFAULT_TEMPLATES[locale].sms, input(tag, currency));
      const [message, ...rest] = text.split('\n\n');
      expect(message).toContain('Acme Mobile');
      expect(message).toContain(amount);
      expect(message).toContain('481516');
      expect(rest).toEqual([WEBOTP_LINE]);
      expect(smsSize(text)).toMatchObject({ encoding, segments });
    },
  );

  it('says how long the code is valid in the locale’s words, never promising more than it has', () => {
    expect(sms(DEFAULT_TEMPLATES.en.sms, input('en-IE', 'EUR'))).toContain('Valid for 5 minutes.');
    expect(sms(DEFAULT_TEMPLATES.en.sms, input('en-IE', 'EUR', { validitySeconds: 60 }))).toContain(
      'Valid for 1 minute.',
    );
    expect(sms(DEFAULT_TEMPLATES.en.sms, input('en-IE', 'EUR', { validitySeconds: 179 }))).toContain('2 minutes');
    expect(sms(DEFAULT_TEMPLATES.de.sms, input('de-DE', 'EUR', { validitySeconds: 60 }))).toContain(
      'Er gilt 1 Minute.',
    );
  });
});

describe('an SMS stays in the GSM alphabet when a faithful stand-in allows it', () => {
  const french = '{brand} : votre code d’accès « {code} » pour la commande de {amount} – valable {minutes}…';

  it('writes typographic apostrophes, quotes, dashes and the ellipsis plainly (French), and stays one GSM-7 SMS', () => {
    const text = sms(french, input('fr-FR', 'EUR'));
    expect(text).toContain('code d\'accès " 481516 " pour la commande de 1 508,99 € - valable 5 minutes...');
    expect(smsSize(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('names a currency whose symbol is outside the alphabet by its ISO code (₹ would make a German SMS UCS-2)', () => {
    const text = sms(DEFAULT_TEMPLATES.de.sms, input('de-DE', 'INR'));
    expect(text).toContain('über 1.508,99 INR lautet');
    expect(smsSize(text).encoding).toBe('GSM-7');
  });

  it('sends the text as written when it is UCS-2 anyway: a brand name outside the alphabet keeps the typography', () => {
    const text = sms(french, input('fr-FR', 'EUR', { brandName: 'Łączność Mobile' }));
    expect(text).toContain('code d’accès « 481516 » pour la commande de 1\u202f508,99\u00a0€ – valable 5 minutes…');
    expect(smsSize(text).encoding).toBe('UCS-2');
  });
});

describe('the default email of every locale', () => {
  it.each(LOCALES)(
    '%s (%s, %s): subject, text and HTML name the brand and the amount',
    (locale, tag, currency, _sms, amount) => {
      const rendered = email(locale, input(tag, currency));
      expect(rendered.subject).toContain('Acme Mobile');
      for (const body of [rendered.text, rendered.html]) {
        expect(body).toContain('Acme Mobile');
        expect(body).toContain(amount);
        expect(body).toContain('481516');
      }
      expect(rendered.html).toContain(`<html lang="${tag}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`);
      expect(rendered.html).toMatch(/<p style="[^"]+">481516<\/p>/);
    },
  );

  it('uses each language’s plural forms for the validity (Polish and Arabic have more than two)', () => {
    const polish = (seconds: number) => email('pl', input('pl-PL', 'PLN', { validitySeconds: seconds })).text;
    expect(polish(60)).toContain('Ważność kodu: 1 minuta.');
    expect(polish(120)).toContain('Ważność kodu: 2 minuty.');
    expect(polish(300)).toContain('Ważność kodu: 5 minut.');
    expect(email('ar', input('ar', 'AED', { validitySeconds: 120 })).text).toContain('صلاحيته دقيقتان.');
  });
});
