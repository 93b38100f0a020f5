import type { Locator, Page } from '@playwright/test';
import type { ElementWords } from '../support/checkout-page.js';
import { wcagViolations } from '../support/accessibility.js';
import { CheckoutPage, ENGLISH } from '../support/checkout-page.js';
import type { DemoStack } from '../support/fixtures.js';
import { expect, test } from '../support/fixtures.js';

/** A sample brand as a customer meets it: its name, its numbers' country, its language and its theme's button. */
interface SampleBrand {
  id: string;
  name: string;
  country: Parameters<DemoStack['uniquePhone']>[0];
  words: ElementWords;
  /** The primary button's background and corner radius, as the brand's theme.css sets them. */
  button: { background: string; radius: string };
}

const DUTCH: ElementWords = {
  phone: 'Mobiel nummer',
  sendCode: 'Code versturen',
  codeLabel: /^Voer de \d+-cijferige code in/,
  verified: 'Telefoonnummer bevestigd',
};

const ARABIC: ElementWords = {
  phone: 'رقم الهاتف المحمول',
  sendCode: 'إرسال الرمز',
  codeLabel: /^أدخل الرمز المكوّن من \d+ أرقام/,
  verified: 'تم التحقق من الهاتف',
};

const BRANDS: readonly SampleBrand[] = [
  {
    id: 'acme',
    name: 'Acme Mobile',
    country: 'DE',
    words: ENGLISH,
    button: { background: 'rgb(29, 78, 216)', radius: '12px' },
  },
  {
    id: 'nova',
    name: 'Nova Telecom',
    country: 'GB',
    words: ENGLISH,
    button: { background: 'rgb(192, 38, 211)', radius: '2px' },
  },
  {
    id: 'kiwi',
    name: 'Kiwi Mobile',
    country: 'NZ',
    words: ENGLISH,
    button: { background: 'rgb(163, 230, 53)', radius: '999px' },
  },
  {
    id: 'granite',
    name: 'Granite Telecom',
    country: 'NL',
    words: DUTCH,
    button: { background: 'rgb(17, 17, 17)', radius: '0px' },
  },
  {
    id: 'noor',
    name: 'Noor Telecom',
    country: 'AE',
    words: ARABIC,
    button: { background: 'rgb(11, 92, 88)', radius: '10px' },
  },
];

const checkoutOf = (page: Page, stack: DemoStack, brand: SampleBrand) =>
  new CheckoutPage(page, stack, brand.id, brand.words);

/** The logo image was fetched and decoded (a CSP or a missing file would leave it broken). */
async function expectLoaded(logo: Locator): Promise<void> {
  await expect
    .poll(() => logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0))
    .toBe(true);
}

async function primaryButtonLook(checkout: CheckoutPage) {
  return checkout.page.getByRole('button', { name: checkout.words.sendCode }).evaluate((button) => {
    const style = getComputedStyle(button);
    return { background: style.backgroundColor, text: style.color, radius: style.borderTopLeftRadius };
  });
}

test('the home page lists every brand with its logo', async ({ page, stack }, testInfo) => {
  await page.goto(stack.shopUrl);
  for (const brand of BRANDS) {
    const logo = page.getByRole('heading', { name: brand.name }).getByRole('img', { name: brand.name });
    await expect(logo).toHaveAttribute('src', `/themes/${brand.id}/logo.svg`);
    await expectLoaded(logo);
    await expect(page.getByRole('link', { name: `${brand.name} checkout`, exact: true })).toHaveAttribute(
      'href',
      `/checkout/${brand.id}`,
    );
  }
  await page.screenshot({ path: testInfo.outputPath('home.png'), fullPage: true });
});

test('each brand’s checkout shows its own logo and theme', async ({ page, stack }) => {
  const looks: string[] = [];
  for (const brand of BRANDS) {
    const checkout = checkoutOf(page, stack, brand);
    await checkout.open();
    const logo = page.getByRole('banner').getByRole('img', { name: brand.name });
    await expect(logo).toHaveAttribute('src', `/themes/${brand.id}/logo.svg`);
    await expectLoaded(logo);
    const look = await primaryButtonLook(checkout);
    expect({ background: look.background, radius: look.radius }, brand.id).toEqual(brand.button);
    looks.push(`${look.background} / ${look.text}`);
  }
  expect(new Set(looks).size, looks.join(', ')).toBe(BRANDS.length);
});

test('Acme follows a dark page with its dark variant, still WCAG AA clean', async ({ page, stack }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const acme = new CheckoutPage(page, stack, 'acme');
  await acme.open();
  expect(await primaryButtonLook(acme)).toMatchObject({ background: 'rgb(147, 180, 253)', text: 'rgb(10, 22, 51)' });
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('acme-dark-phone-step.png'), fullPage: true });
});

for (const brand of BRANDS) {
  test(`the ${brand.name} checkout has no WCAG 2.2 AA violations (axe-core) at the phone and code steps`, async ({
    page,
    stack,
  }, testInfo) => {
    const checkout = checkoutOf(page, stack, brand);
    await checkout.open();
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`${brand.id}-phone-step.png`), fullPage: true });
    await checkout.requestCode(stack.uniquePhone(brand.country).national);
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`${brand.id}-code-step.png`), fullPage: true });
  });
}

test('Noor: a right-to-left checkout in Arabic verifies a UAE number end to end', async ({ page, stack }) => {
  const noor = new CheckoutPage(page, stack, 'noor', ARABIC);
  await noor.open();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar-AE');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('إتمام الشراء');
  await expect(noor.element.locator('form')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('group', { name: 'تحقّق من رقم هاتفك' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'البلد' })).toHaveValue(/\+971/);
  // The page mirrors: the logo starts the masthead on the right.
  const logo = await page.getByRole('banner').getByRole('img').boundingBox();
  expect(logo?.x).toBeGreaterThan((page.viewportSize()?.width ?? 0) / 2);

  await noor.verify(stack.uniquePhone('AE'));
  await page.getByRole('button', { name: 'تأكيد الطلب' }).click();
  await expect(noor.outcome).toContainText('Order accepted');
});

test('Kiwi: a New Zealand number verifies and the order is accepted', async ({ page, stack }) => {
  const kiwi = new CheckoutPage(page, stack, 'kiwi');
  await kiwi.open();
  await expect(page.getByRole('combobox', { name: 'Country' })).toHaveValue('New Zealand (+64)');
  await kiwi.verify(stack.uniquePhone('NZ'));
  await kiwi.placeOrder();
  await expect(kiwi.outcome).toContainText('Order accepted');
});

test('Nova runs its own rules: 8-digit codes to a UK number', async ({ page, stack }) => {
  const nova = new CheckoutPage(page, stack, 'nova');
  await nova.open();
  await expect(page.getByRole('combobox', { name: 'Country' })).toHaveValue('United Kingdom (+44)');
  const phone = stack.uniquePhone('GB');
  await nova.requestCode(phone.national);
  await expect(nova.codeInput).toHaveAccessibleName(/^Enter the 8-digit code/);
  const code = await stack.codeSentTo(phone.e164);
  expect(code).toMatch(/^\d{8}$/);
  await nova.typeCode(code);
  await nova.expectVerified();
  await nova.placeOrder();
  await expect(nova.outcome).toContainText('Order accepted');
});
