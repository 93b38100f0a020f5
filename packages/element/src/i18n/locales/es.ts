import { translation } from '../catalog.js';

export const es = translation({
  legend: 'Verifique su número de teléfono',
  intro: '{brand} le enviará un código por SMS para confirmar este pedido.',
  loading: 'Cargando la verificación por teléfono…',
  country: 'País',
  countryOption: '{country} (+{callingCode})',
  noMatchingCountry: 'No se encontró ningún país',
  phone: 'Número de móvil',
  phoneHint: 'Solo lo usamos para enviarle el código.',
  sendCode: 'Enviar código',
  registeredNumber: 'Le enviaremos un código por SMS a su número registrado {phone}.',
  registeredNumberHidden: 'Le enviaremos un código por SMS a su número registrado.',
  usePhone: 'Usar otro número',
  codeLabel: 'Introduzca el código de {length} dígitos que enviamos al {phone}',
  codeHint: 'Revise sus SMS. El código puede tardar un minuto en llegar.',
  verify: 'Verificar',
  resend: 'Enviar un código nuevo',
  resendIn: 'Nuevo código en {seconds} s',
  resendAvailable: 'Ya puede solicitar un nuevo código.',
  sendsLeft: { one: 'Queda {count} código nuevo.', other: 'Quedan {count} códigos nuevos.' },
  noSendsLeft: 'No quedan códigos nuevos.',
  changeNumber: 'Cambiar número',
  startAgain: 'Empezar de nuevo',
  tryAgain: 'Volver a intentarlo',
  codeSent: 'Código enviado al {phone}.',
  newCodeSent: {
    one: 'Nuevo código enviado al {phone}. Queda {count} código nuevo.',
    other: 'Nuevo código enviado al {phone}. Quedan {count} códigos nuevos.',
  },
  verified: 'Teléfono verificado',
  verifiedHint: 'Ya puede realizar su pedido.',
  valueMissing: 'Verifique su número de teléfono para realizar el pedido',

  networkError: 'No se pudo conectar con el servicio de verificación. Compruebe su conexión e inténtelo de nuevo.',
  notConfigured:
    'La verificación por teléfono no está bien configurada en esta página. Póngase en contacto con la tienda.',
  unknownBrand: 'La verificación por teléfono no está disponible para esta tienda. Póngase en contacto con la tienda.',
  guestCheckoutDisabled:
    'Esta tienda solo envía códigos al número de móvil de su cuenta. Inicie sesión para verificar este pedido.',
  invalidCustomerToken:
    'No hemos podido confirmar su inicio de sesión. Vuelva a iniciar sesión para verificar este pedido.',
  directoryUnavailable: 'Ahora mismo no podemos acceder a los datos de su cuenta. Inténtelo de nuevo en un momento.',
  phoneMissing: 'Introduzca su número de móvil.',
  invalidPhone: 'Introduzca un número de móvil válido para el país elegido.',
  countryNotAllowed:
    'No podemos enviar códigos a números de este país. Use un número de uno de los países de la lista.',
  blocked: 'No podemos verificar este pedido por teléfono. Póngase en contacto con la tienda.',
  challengeStepUp: 'La tienda debe confirmar que es usted antes de que enviemos un código.',
  challengeCaptcha: 'Complete la verificación de abajo para recibir su código.',
  deliveryUnavailable: 'Ahora mismo no hemos podido enviar el código. Inténtelo de nuevo en unos minutos.',
  rateLimited: 'Demasiados intentos. Inténtelo de nuevo más tarde.',
  rateLimitedRetryIn: 'Demasiados intentos. Inténtelo de nuevo {retryIn}.',
  codeIncomplete: 'Introduzca el código de {length} dígitos.',
  wrongCode: 'Código incorrecto. Inténtelo de nuevo.',
  wrongCodeAttemptsLeft: {
    one: 'Código incorrecto. Le queda {count} intento.',
    other: 'Código incorrecto. Le quedan {count} intentos.',
  },
  wrongCodeNoAttemptsStartAgain:
    'Código incorrecto y no le quedan intentos. Empiece de nuevo para obtener un código nuevo.',
  wrongCodeNoAttemptsReload:
    'Código incorrecto y no le quedan intentos. Vuelva a cargar la página para obtener un código nuevo.',
  lockedStartAgain: 'Demasiados códigos incorrectos. Empiece de nuevo para obtener un código nuevo.',
  lockedReload: 'Demasiados códigos incorrectos. Vuelva a cargar la página para obtener un código nuevo.',
  codeExpired: 'Este código ha caducado. Solicite un código nuevo.',
  sessionExpiredStartAgain: 'Este código ha caducado. Empiece de nuevo para obtener un código nuevo.',
  sessionExpiredReload: 'Este código ha caducado. Vuelva a cargar la página para obtener un código nuevo.',
  sessionEndedStartAgain: 'Esta verificación ha finalizado. Empiece de nuevo.',
  sessionEndedReload: 'Esta verificación ha finalizado. Vuelva a cargar la página.',
  tokenExpiredStartAgain:
    'Su verificación ha caducado antes de realizar el pedido. Vuelva a verificar su número de teléfono.',
  tokenExpiredReload:
    'Su verificación ha caducado antes de realizar el pedido. Vuelva a cargar la página para verificarlo de nuevo.',
  internalError: 'Algo ha fallado por nuestra parte. Inténtelo de nuevo en un momento.',
  unknownError: 'Algo ha fallado. Inténtelo de nuevo.',
});
