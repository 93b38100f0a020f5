import type { Translation } from './template.js';

export const de: Translation = {
  sms: '{brand}: Ihr Code für Ihre Bestellung über {amount} lautet {code}. Er gilt {minutes}. Geben Sie ihn nicht weiter.',
  email: {
    subject: 'Ihre Bestellung über {amount} bei {brand} bestätigen',
    text:
      'Guten Tag,\n\n' +
      'um Ihre Bestellung über {amount} bei {brand} zu bestätigen, geben Sie diesen Code ein:\n\n' +
      '{code}\n\n' +
      'Er gilt {minutes}. Geben Sie ihn nicht weiter: {brand} fragt Sie nie danach.\n\n' +
      'Wenn Sie diese Bestellung nicht aufgegeben haben, können Sie diese E-Mail ignorieren.',
  },
};
