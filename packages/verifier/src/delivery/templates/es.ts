import type { Translation } from './template.js';

export const es: Translation = {
  // "Clave" rather than "código": the SMS stays in the GSM alphabet (no ó), one segment instead of two.
  sms: '{brand}: {code} es tu clave para confirmar tu pedido de {amount}. Caduca en {minutes}. No la compartas con nadie.',
  email: {
    subject: 'Confirma tu pedido de {amount} en {brand}',
    text:
      'Hola:\n\n' +
      'Para confirmar tu pedido de {amount} en {brand}, introduce este código:\n\n' +
      '{code}\n\n' +
      'Caduca en {minutes}. No lo compartas con nadie: {brand} nunca te lo pedirá.\n\n' +
      'Si no has hecho este pedido, ignora este correo.',
  },
};
