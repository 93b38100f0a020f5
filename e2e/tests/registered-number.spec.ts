import { CheckoutPage } from '../support/checkout-page.js';
import { expect, recordSessions, test } from '../support/fixtures.js';

// Issue 3, "Where the phone number comes from": for a signed-in customer the code goes to the number registered
// with the brand's customer-auth service (an OIDC ID token with phone_number_verified), and the element shows it
// masked, never in full.
test('a signed-in customer gets the code on the registered number, shown masked, and the order is accepted', async ({
  page,
  stack,
}, testInfo) => {
  const registered = '+491701234567';
  const checkout = new CheckoutPage(page, stack, 'acme');
  const sessionIds = await recordSessions(page);
  const verifierAnswers: string[] = [];
  page.on('response', async (response) => {
    if (response.url().startsWith(stack.verifierUrl)) verifierAnswers.push(await response.text().catch(() => ''));
  });

  await page.goto(`${stack.shopUrl}/checkout/acme/signed-in`);
  await expect(page.getByText('Signed in as Alex Example')).toBeVisible();
  await expect(checkout.element.getByText(/registered number ••• 67/).first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Mobile number' })).toHaveCount(0);
  await checkout.element.screenshot({ path: testInfo.outputPath('registered-number.png') });

  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(checkout.codeInput).toBeFocused();
  await expect(checkout.codeInput).toHaveAccessibleName(/••• 67/);
  // Another test may text the same demo customer at the same time: take this session's code.
  const [sessionId = ''] = await sessionIds();
  await checkout.typeCode(await stack.codeSentInSession(registered, sessionId));
  await checkout.expectVerified();
  await checkout.placeOrder();
  await expect(checkout.outcome).toContainText('Order accepted');

  // The verifier never told the page the number: only its last two digits.
  expect(verifierAnswers.length).toBeGreaterThan(0);
  for (const answer of verifierAnswers) expect(answer).not.toContain(registered.slice(1));
});
