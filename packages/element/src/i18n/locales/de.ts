import { translation } from '../catalog.js';

export const de = translation({
  legend: 'Telefonnummer bestätigen',
  intro: '{brand} schickt Ihnen per SMS einen Code, um diese Bestellung zu bestätigen.',
  loading: 'Telefonbestätigung wird geladen…',
  country: 'Land',
  countryOption: '{country} (+{callingCode})',
  noMatchingCountry: 'Kein passendes Land',
  phone: 'Mobilnummer',
  phoneHint: 'Wir verwenden sie nur, um Ihnen den Code zu senden.',
  sendCode: 'Code senden',
  registeredNumber: 'Wir senden Ihnen einen Code per SMS an Ihre hinterlegte Nummer {phone}.',
  registeredNumberHidden: 'Wir senden Ihnen einen Code per SMS an Ihre hinterlegte Nummer.',
  usePhone: 'Andere Nummer verwenden',
  codeLabel: 'Geben Sie den {length}-stelligen Code ein, den wir an {phone} gesendet haben',
  codeHint: 'Sehen Sie in Ihren SMS nach. Es kann eine Minute dauern, bis der Code ankommt.',
  verify: 'Bestätigen',
  resend: 'Neuen Code senden',
  resendIn: 'Neuer Code in {seconds} s',
  resendAvailable: 'Sie können jetzt einen neuen Code anfordern.',
  sendsLeft: { one: 'Noch {count} neuer Code möglich.', other: 'Noch {count} neue Codes möglich.' },
  noSendsLeft: 'Keine neuen Codes mehr möglich.',
  changeNumber: 'Nummer ändern',
  startAgain: 'Neu beginnen',
  tryAgain: 'Erneut versuchen',
  codeSent: 'Code an {phone} gesendet.',
  newCodeSent: {
    one: 'Neuer Code an {phone} gesendet. Noch {count} neuer Code möglich.',
    other: 'Neuer Code an {phone} gesendet. Noch {count} neue Codes möglich.',
  },
  verified: 'Telefonnummer bestätigt',
  verifiedHint: 'Sie können Ihre Bestellung jetzt abschicken.',
  valueMissing: 'Bestätigen Sie Ihre Telefonnummer, um die Bestellung abzuschicken',

  networkError:
    'Der Bestätigungsdienst ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  notConfigured:
    'Die Telefonbestätigung ist auf dieser Seite nicht richtig eingerichtet. Bitte wenden Sie sich an den Shop.',
  unknownBrand: 'Die Telefonbestätigung ist für diesen Shop nicht verfügbar. Bitte wenden Sie sich an den Shop.',
  guestCheckoutDisabled:
    'Dieser Shop sendet Codes nur an die Mobilnummer in Ihrem Kundenkonto. Melden Sie sich an, um diese Bestellung zu bestätigen.',
  invalidCustomerToken:
    'Ihre Anmeldung konnte nicht bestätigt werden. Melden Sie sich erneut an, um diese Bestellung zu bestätigen.',
  directoryUnavailable: 'Ihre Kontodaten sind gerade nicht erreichbar. Versuchen Sie es gleich noch einmal.',
  phoneMissing: 'Geben Sie Ihre Mobilnummer ein.',
  invalidPhone: 'Geben Sie eine gültige Mobilnummer für das gewählte Land ein.',
  countryNotAllowed:
    'An Nummern aus diesem Land können wir keine Codes senden. Verwenden Sie eine Nummer aus einem der aufgeführten Länder.',
  blocked: 'Diese Bestellung kann nicht per Telefon bestätigt werden. Bitte wenden Sie sich an den Shop.',
  challengeStepUp: 'Der Shop muss bestätigen, dass Sie es sind, bevor wir einen Code senden.',
  challengeCaptcha: 'Bitte schließen Sie die Prüfung unten ab, um Ihren Code zu erhalten.',
  deliveryUnavailable: 'Der Code konnte gerade nicht gesendet werden. Versuchen Sie es in ein paar Minuten erneut.',
  rateLimited: 'Zu viele Versuche. Versuchen Sie es später erneut.',
  rateLimitedRetryIn: 'Zu viele Versuche. Versuchen Sie es {retryIn} erneut.',
  codeIncomplete: 'Geben Sie den {length}-stelligen Code ein.',
  wrongCode: 'Falscher Code. Versuchen Sie es erneut.',
  wrongCodeAttemptsLeft: {
    one: 'Falscher Code. Noch {count} Versuch.',
    other: 'Falscher Code. Noch {count} Versuche.',
  },
  wrongCodeNoAttemptsStartAgain:
    'Falscher Code und keine Versuche mehr. Beginnen Sie neu, um einen neuen Code zu erhalten.',
  wrongCodeNoAttemptsReload:
    'Falscher Code und keine Versuche mehr. Laden Sie die Seite neu, um einen neuen Code zu erhalten.',
  lockedStartAgain: 'Zu viele falsche Codes. Beginnen Sie neu, um einen neuen Code zu erhalten.',
  lockedReload: 'Zu viele falsche Codes. Laden Sie die Seite neu, um einen neuen Code zu erhalten.',
  codeExpired: 'Dieser Code ist abgelaufen. Fordern Sie einen neuen Code an.',
  sessionExpiredStartAgain: 'Dieser Code ist abgelaufen. Beginnen Sie neu, um einen neuen Code zu erhalten.',
  sessionExpiredReload: 'Dieser Code ist abgelaufen. Laden Sie die Seite neu, um einen neuen Code zu erhalten.',
  sessionEndedStartAgain: 'Diese Bestätigung ist beendet. Beginnen Sie neu.',
  sessionEndedReload: 'Diese Bestätigung ist beendet. Laden Sie die Seite neu.',
  tokenExpiredStartAgain:
    'Ihre Bestätigung ist abgelaufen, bevor die Bestellung abgeschickt wurde. Bestätigen Sie Ihre Telefonnummer erneut.',
  tokenExpiredReload:
    'Ihre Bestätigung ist abgelaufen, bevor die Bestellung abgeschickt wurde. Laden Sie die Seite neu, um erneut zu bestätigen.',
  internalError: 'Bei uns ist etwas schiefgelaufen. Versuchen Sie es gleich noch einmal.',
  unknownError: 'Etwas ist schiefgelaufen. Versuchen Sie es erneut.',
});
