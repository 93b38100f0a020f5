import type { Translation } from './template.js';

export const tr: Translation = {
  // ı, ş and ğ are outside the GSM alphabet: the SMS is UCS-2 (67 characters a segment), so it leaves out the
  // validity to stay within two segments for most brands. No suffix is attached to {brand} or {amount}: Turkish
  // suffixes follow the word's vowels, which a template cannot know.
  sms: '{brand} sipariş onay kodunuz: {code}. Tutar: {amount}. Kimseyle paylaşmayın.',
  email: {
    subject: '{brand}: {amount} tutarındaki siparişinizi onaylayın',
    text:
      'Merhaba,\n\n' +
      '{brand} üzerinden verdiğiniz {amount} tutarındaki siparişi onaylamak için bu kodu girin:\n\n' +
      '{code}\n\n' +
      'Kod {minutes} geçerlidir. Kimseyle paylaşmayın: {brand} bu kodu sizden asla istemez.\n\n' +
      'Bu siparişi siz vermediyseniz bu e-postayı dikkate almayın.',
  },
};
