import type { Translation } from './template.js';

export const nl: Translation = {
  sms: '{brand}: {code} is je code om je bestelling van {amount} te bevestigen. De code is {minutes} geldig. Deel hem met niemand.',
  email: {
    subject: 'Bevestig je bestelling van {amount} bij {brand}',
    text:
      'Hallo,\n\n' +
      'Voer deze code in om je bestelling van {amount} bij {brand} te bevestigen:\n\n' +
      '{code}\n\n' +
      'De code is {minutes} geldig. Deel hem met niemand: {brand} zal er nooit om vragen.\n\n' +
      'Heb je deze bestelling niet geplaatst? Dan kun je deze e-mail negeren.',
  },
};
