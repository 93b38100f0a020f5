import type { Translation } from './template.js';

export const it: Translation = {
  sms: '{brand}: {code} è il codice per confermare il tuo ordine di {amount}. Valido per {minutes}. Non condividerlo con nessuno.',
  email: {
    subject: 'Conferma il tuo ordine di {amount} presso {brand}',
    text:
      'Ciao,\n\n' +
      'per confermare il tuo ordine di {amount} presso {brand}, inserisci questo codice:\n\n' +
      '{code}\n\n' +
      'È valido per {minutes}. Non condividerlo con nessuno: {brand} non te lo chiederà mai.\n\n' +
      'Se non hai effettuato tu questo ordine, ignora questa email.',
  },
};
