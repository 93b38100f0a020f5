import type { Translation } from './template.js';

/** Brazilian Portuguese. */
export const pt: Translation = {
  // Worded without ã, á or ó so the SMS stays in the GSM alphabet (é is in it): one segment instead of two.
  sms: '{brand}: use {code} para confirmar seu pedido de {amount}. Expira em {minutes}. Nunca o compartilhe com ninguém.',
  email: {
    subject: '{brand}: confirme seu pedido de {amount}',
    text:
      'Olá,\n\n' +
      'Para confirmar seu pedido de {amount} na loja {brand}, digite este código:\n\n' +
      '{code}\n\n' +
      'Ele expira em {minutes}. Não compartilhe com ninguém: {brand} nunca vai pedir esse código a você.\n\n' +
      'Se você não fez este pedido, ignore este e-mail.',
  },
};
