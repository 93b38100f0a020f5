import { translation } from '../catalog.js';

export const fr = translation({
  legend: 'Vérifiez votre numéro de téléphone',
  intro: '{brand} va vous envoyer un code par SMS pour confirmer cette commande.',
  loading: 'Chargement de la vérification par téléphone…',
  country: 'Pays',
  countryOption: '{country} (+{callingCode})',
  noMatchingCountry: 'Aucun pays correspondant',
  phone: 'Numéro de mobile',
  phoneHint: 'Nous l’utilisons uniquement pour vous envoyer le code.',
  sendCode: 'Envoyer le code',
  registeredNumber: 'Nous allons envoyer un code par SMS à votre numéro enregistré {phone}.',
  registeredNumberHidden: 'Nous allons envoyer un code par SMS à votre numéro enregistré.',
  usePhone: 'Utiliser un autre numéro',
  codeLabel: 'Saisissez le code à {length} chiffres que nous avons envoyé au {phone}',
  codeHint: 'Consultez vos SMS. Le code peut mettre une minute à arriver.',
  verify: 'Vérifier',
  resend: 'Envoyer un nouveau code',
  resendIn: 'Nouveau code dans {seconds} s',
  sendsLeft: { one: '{count} nouveau code restant.', other: '{count} nouveaux codes restants.' },
  noSendsLeft: 'Plus aucun nouveau code disponible.',
  changeNumber: 'Modifier le numéro',
  startAgain: 'Recommencer',
  tryAgain: 'Réessayer',
  codeSent: 'Code envoyé au {phone}.',
  newCodeSent: {
    one: 'Nouveau code envoyé au {phone}. {count} nouveau code restant.',
    other: 'Nouveau code envoyé au {phone}. {count} nouveaux codes restants.',
  },
  verified: 'Téléphone vérifié',
  verifiedHint: 'Vous pouvez maintenant passer votre commande.',
  valueMissing: 'Vérifiez votre numéro de téléphone pour passer la commande',

  networkError: 'Impossible de joindre le service de vérification. Vérifiez votre connexion et réessayez.',
  notConfigured:
    'La vérification par téléphone n’est pas correctement configurée sur cette page. Veuillez contacter la boutique.',
  unknownBrand:
    'La vérification par téléphone n’est pas disponible pour cette boutique. Veuillez contacter la boutique.',
  guestCheckoutDisabled:
    'Cette boutique envoie les codes uniquement au numéro de mobile de votre compte. Connectez-vous pour vérifier cette commande.',
  invalidCustomerToken: 'Nous n’avons pas pu confirmer votre connexion. Reconnectez-vous pour vérifier cette commande.',
  directoryUnavailable:
    'Nous ne pouvons pas accéder aux informations de votre compte pour le moment. Réessayez dans un instant.',
  phoneMissing: 'Saisissez votre numéro de mobile.',
  invalidPhone: 'Saisissez un numéro de mobile valide pour le pays choisi.',
  countryNotAllowed:
    'Nous ne pouvons pas envoyer de codes aux numéros de ce pays. Utilisez un numéro de l’un des pays proposés.',
  blocked: 'Nous ne pouvons pas vérifier cette commande par téléphone. Veuillez contacter la boutique.',
  deliveryUnavailable: 'Nous n’avons pas pu envoyer le code pour le moment. Réessayez dans quelques minutes.',
  rateLimited: 'Trop de tentatives. Réessayez plus tard.',
  rateLimitedRetryIn: 'Trop de tentatives. Réessayez {retryIn}.',
  codeIncomplete: 'Saisissez le code à {length} chiffres.',
  wrongCode: 'Code incorrect. Réessayez.',
  wrongCodeAttemptsLeft: {
    one: 'Code incorrect. Il vous reste {count} tentative.',
    other: 'Code incorrect. Il vous reste {count} tentatives.',
  },
  wrongCodeNoAttemptsStartAgain: 'Code incorrect et plus aucune tentative. Recommencez pour obtenir un nouveau code.',
  wrongCodeNoAttemptsReload: 'Code incorrect et plus aucune tentative. Rechargez la page pour obtenir un nouveau code.',
  lockedStartAgain: 'Trop de codes incorrects. Recommencez pour obtenir un nouveau code.',
  lockedReload: 'Trop de codes incorrects. Rechargez la page pour obtenir un nouveau code.',
  codeExpired: 'Ce code a expiré. Demandez un nouveau code.',
  sessionExpiredStartAgain: 'Ce code a expiré. Recommencez pour obtenir un nouveau code.',
  sessionExpiredReload: 'Ce code a expiré. Rechargez la page pour obtenir un nouveau code.',
  sessionEndedStartAgain: 'Cette vérification est terminée. Recommencez.',
  sessionEndedReload: 'Cette vérification est terminée. Rechargez la page.',
  tokenExpiredStartAgain:
    'Votre vérification a expiré avant que la commande ne soit passée. Vérifiez à nouveau votre numéro de téléphone.',
  tokenExpiredReload:
    'Votre vérification a expiré avant que la commande ne soit passée. Rechargez la page pour effectuer une nouvelle vérification.',
  internalError: 'Un problème est survenu de notre côté. Réessayez dans un instant.',
  unknownError: 'Un problème est survenu. Réessayez.',
});
