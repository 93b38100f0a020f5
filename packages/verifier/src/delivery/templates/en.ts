import type { Translation } from './template.js';

export const en: Translation = {
  sms: '{brand}: {code} is your code to confirm your order of {amount}. Valid for {minutes}. Never share it.',
  email: {
    subject: 'Confirm your {brand} order of {amount}',
    text:
      'Hello,\n\n' +
      'To confirm your order of {amount} with {brand}, enter this code:\n\n' +
      '{code}\n\n' +
      'It is valid for {minutes}. Never share it: {brand} will never ask you for it.\n\n' +
      'If you did not place this order, you can ignore this email.',
  },
};
