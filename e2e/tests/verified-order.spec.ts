import { CheckoutPage } from '../support/checkout-page.js';
import { expect, submittedToken, test } from '../support/fixtures.js';

test.describe('a checkout accepts an order only after the SMS code', () => {
  test('happy path: phone, code from the dev inbox, order accepted', async ({ page, stack }, testInfo) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    const phone = stack.uniquePhone('DE');
    await checkout.open();

    await checkout.placeOrder();
    await expect(page).toHaveURL(/\/checkout\/acme$/);
    expect(await submittedToken(page)).toBeNull();

    await checkout.requestCode(phone.national);
    await expect(checkout.element.getByRole('status')).toContainText(`Code sent to ••• ${phone.e164.slice(-2)}`);
    await checkout.element.screenshot({ path: testInfo.outputPath('code-step.png') });
    await checkout.typeCode(await stack.codeSentTo(phone.e164));
    await checkout.expectVerified();
    await checkout.element.screenshot({ path: testInfo.outputPath('verified.png') });
    expect(await submittedToken(page)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    await checkout.placeOrder();
    await expect(page.getByRole('heading', { name: 'Order accepted' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('order-accepted.png') });
  });

  test('the SMS names the brand and the amount and carries the WebOTP line', async ({ page, stack, request }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    const phone = await checkout.openAtCodeStep();
    const code = await stack.codeSentTo(phone.e164);
    const [message] = await (
      await request.get(`${stack.verifierUrl}/dev/inbox/messages`, { params: { to: phone.e164 } })
    ).json();
    expect(message.body).toContain('Acme Mobile');
    expect(message.body).toContain('€508.99');
    expect(message.body).toMatch(new RegExp(`\\n@127\\.0\\.0\\.1 #${code}$`));
  });

  test('a wrong code is refused with the attempts left, then the right one works', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    const phone = await checkout.openAtCodeStep();
    const code = await stack.codeSentTo(phone.e164);
    const wrong = code === '000000' ? '111111' : '000000';

    await checkout.typeCode(wrong);
    await expect(checkout.alert).toHaveText('Wrong code. 4 attempts left.');
    expect(await submittedToken(page)).toBeNull();

    await checkout.typeCode(code);
    await checkout.expectVerified();
    await checkout.placeOrder();
    await expect(checkout.outcome).toContainText('Order accepted');
  });

  test('an order whose amount changed after verification is refused', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.open();
    await checkout.verify(stack.uniquePhone('DE'));

    // The cart grows in another tab after the code was typed: the server's cart no longer matches the token.
    const response = await page.request.post(`${stack.shopUrl}/cart`, {
      form: { cartId: await checkout.cartId(), 'qty:acme-x1': '3' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);

    await checkout.placeOrder();
    await expect(checkout.outcome).toContainText('Order refused');
    await expect(checkout.outcome).toContainText('Your cart changed after you verified');
  });

  test('a token used twice: the second order is refused', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.open();
    await checkout.verify(stack.uniquePhone('DE'));
    const token = (await submittedToken(page)) as string;
    const cartId = await checkout.cartId();

    await checkout.placeOrder();
    await expect(checkout.outcome).toContainText('Order accepted');

    const replay = await page.request.post(`${stack.shopUrl}/orders`, { form: { cartId, otpToken: token } });
    expect(replay.status()).toBe(409);
    expect(replay.headers()['x-refusal-reason']).toBe('already_redeemed');
    expect(await replay.text()).toContain('already used for an order');
  });

  test('an order with no token is refused, by the form and by the server', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.open();

    await checkout.placeOrder();
    await expect(page).toHaveURL(/\/checkout\/acme$/);
    const message = await checkout.element.evaluate((element) => (element as HTMLInputElement).validationMessage);
    expect(message).toBe('Verify your phone number to place the order');

    const direct = await page.request.post(`${stack.shopUrl}/orders`, { form: { cartId: await checkout.cartId() } });
    expect(direct.status()).toBe(401);
    expect(direct.headers()['x-refusal-reason']).toBe('invalid_token');

    const forged = await page.request.post(`${stack.shopUrl}/orders`, {
      form: { cartId: await checkout.cartId(), otpToken: 'eyJhbGciOiJub25lIn0.eyJicmFuZCI6ImFjbWUifQ.' },
    });
    expect(forged.status()).toBe(401);
  });
});
