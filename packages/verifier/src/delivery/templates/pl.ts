import type { Translation } from './template.js';

export const pl: Translation = {
  // Polish letters (ą, ę, ł, ó, ż…) are outside the GSM alphabet: the SMS is UCS-2 (67 characters a segment),
  // so it leaves out the validity to stay within two segments for most brands.
  sms: '{brand}: kod {code} do zamówienia na {amount}. Nie podawaj go nikomu.',
  email: {
    subject: '{brand}: potwierdź zamówienie na {amount}',
    text:
      'Dzień dobry,\n\n' +
      'aby potwierdzić zamówienie na kwotę {amount} w sklepie {brand}, wpisz ten kod:\n\n' +
      '{code}\n\n' +
      'Ważność kodu: {minutes}. Nie podawaj go nikomu: {brand} nigdy nie poprosi Cię o ten kod.\n\n' +
      'Jeśli to zamówienie nie pochodzi od Ciebie, zignoruj tę wiadomość.',
  },
};
