import { negotiateLocale, textDirection } from '@otp-verify/element/i18n';

/** The shop page's own words (the element brings its own), in the languages the demo brands sell in. */
export interface ShopText {
  /** `<html lang>`: the brand's locale when the page speaks its language. */
  lang: string;
  dir: 'ltr' | 'rtl';
  checkout: string;
  signedInAs: string;
  yourCart: string;
  item: string;
  price: string;
  quantity: string;
  quantityOf: (product: string) => string;
  updateCart: string;
  total: string;
  confirmItsYou: string;
  placeOrder: string;
  /** The step-up form, shown when the verifier asks the shop to confirm the customer before it sends a code. */
  stepUpHeading: string;
  accountPassword: string;
  /** `{password}` is the demo accounts' password. */
  demoPassword: (password: string) => string;
  confirm: string;
  wrongPassword: string;
  stepUpFailed: string;
  order: string;
  shopAgain: string;
  backToCheckout: string;
  /** "A demo… the [dev inbox], not…": the text before the link, the link's text, the text after it. */
  devInboxNote: [string, string, string];
}

type Words = Omit<ShopText, 'lang' | 'dir'>;

const en: Words = {
  checkout: 'Checkout',
  signedInAs: 'Signed in as',
  yourCart: 'Your cart',
  item: 'Item',
  price: 'Price',
  quantity: 'Quantity',
  quantityOf: (product) => `Quantity of ${product}`,
  updateCart: 'Update cart',
  total: 'Total',
  confirmItsYou: 'Confirm it’s you',
  placeOrder: 'Place order',
  stepUpHeading: 'Confirm it’s you: enter your account password',
  accountPassword: 'Account password',
  demoPassword: (password) => `In this demo every account’s password is “${password}”.`,
  confirm: 'Confirm',
  wrongPassword: 'Wrong password. Try again.',
  stepUpFailed: 'We could not confirm it’s you just now. Try again in a moment.',
  order: 'Order',
  shopAgain: 'Shop again',
  backToCheckout: 'Back to checkout',
  devInboxNote: ['A demo of otp-verify. Codes go to the ', 'dev inbox', ', not to real phones.'],
};

const nl: Words = {
  checkout: 'Afrekenen',
  signedInAs: 'Ingelogd als',
  yourCart: 'Uw winkelwagen',
  item: 'Artikel',
  price: 'Prijs',
  quantity: 'Aantal',
  quantityOf: (product) => `Aantal ${product}`,
  updateCart: 'Winkelwagen bijwerken',
  total: 'Totaal',
  confirmItsYou: 'Bevestig dat u het bent',
  placeOrder: 'Bestelling plaatsen',
  stepUpHeading: 'Bevestig dat u het bent: voer het wachtwoord van uw account in',
  accountPassword: 'Wachtwoord van uw account',
  demoPassword: (password) => `In deze demo is het wachtwoord van elk account „${password}”.`,
  confirm: 'Bevestigen',
  wrongPassword: 'Onjuist wachtwoord. Probeer het opnieuw.',
  stepUpFailed: 'We konden nu niet bevestigen dat u het bent. Probeer het zo opnieuw.',
  order: 'Bestelling',
  shopAgain: 'Opnieuw winkelen',
  backToCheckout: 'Terug naar afrekenen',
  devInboxNote: ['Een demo van otp-verify. Codes gaan naar de ', 'dev-inbox', ', niet naar echte telefoons.'],
};

const ar: Words = {
  checkout: 'إتمام الشراء',
  signedInAs: 'تم تسجيل الدخول باسم',
  yourCart: 'سلة التسوق',
  item: 'المنتج',
  price: 'السعر',
  quantity: 'الكمية',
  quantityOf: (product) => `كمية ${product}`,
  updateCart: 'تحديث السلة',
  total: 'الإجمالي',
  confirmItsYou: 'تأكيد هويتك',
  placeOrder: 'تأكيد الطلب',
  stepUpHeading: 'تأكيد هويتك: أدخل كلمة مرور حسابك',
  accountPassword: 'كلمة مرور الحساب',
  demoPassword: (password) => `في هذا العرض التوضيحي، كلمة مرور كل حساب هي «${password}».`,
  confirm: 'تأكيد',
  wrongPassword: 'كلمة المرور غير صحيحة. حاول مرة أخرى.',
  stepUpFailed: 'تعذّر علينا تأكيد هويتك الآن. حاول مرة أخرى بعد قليل.',
  order: 'الطلب',
  shopAgain: 'تسوّق مرة أخرى',
  backToCheckout: 'العودة إلى إتمام الشراء',
  devInboxNote: ['عرض توضيحي لـ otp-verify. تصل الرموز إلى ', 'صندوق الرسائل التجريبي', '، لا إلى هواتف حقيقية.'],
};

const LANGUAGES: Readonly<Record<string, Words>> = { en, nl, ar };

/** The words for a brand's locale (`ar-AE`: Arabic, right to left); English where the demo has no translation. */
export function shopTextFor(locale = 'en'): ShopText {
  const words = LANGUAGES[negotiateLocale([locale])];
  return words ? { lang: locale, dir: textDirection(locale), ...words } : { lang: 'en', dir: 'ltr', ...en };
}
