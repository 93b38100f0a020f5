import type { Translation } from './template.js';

export const fr: Translation = {
  sms: '{brand} : {code} est votre code pour valider votre commande de {amount}. Valable {minutes}. Ne le communiquez à personne.',
  email: {
    subject: 'Validez votre commande de {amount} chez {brand}',
    text:
      'Bonjour,\n\n' +
      'Pour valider votre commande d’un montant de {amount} chez {brand}, saisissez ce code :\n\n' +
      '{code}\n\n' +
      'Il est valable {minutes}. Ne le communiquez à personne : {brand} ne vous le demandera jamais.\n\n' +
      'Si vous n’êtes pas à l’origine de cette commande, ignorez cet e-mail.',
  },
};
