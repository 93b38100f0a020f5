import type { Request } from '@playwright/test';
import { CheckoutPage } from '../support/checkout-page.js';
import { expect, test } from '../support/fixtures.js';

test.describe('the shown beacon', () => {
  test('goes once per element with its brand when the first step shows, and not again as it re-renders', async ({
    page,
    stack,
  }) => {
    const beaconUrl = `${stack.verifierUrl}/v1/beacons/shown`;
    const beacons: Request[] = [];
    page.on('request', (request) => {
      if (request.url() === beaconUrl) beacons.push(request);
    });
    const answered = page.waitForResponse(beaconUrl);
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.open();
    expect((await answered).status()).toBe(204);

    // Every key typed re-renders the element; sending the code opens another step and makes a session.
    await checkout.requestCode(stack.uniquePhone('DE').national);
    expect(beacons).toHaveLength(1);
    const [beacon] = beacons;
    expect(beacon?.method()).toBe('POST');
    expect(beacon?.postDataJSON()).toEqual({ brand: 'acme', locale: expect.any(String) });
    // A simple request (no preflight) without cookies.
    expect(beacon?.headers()['content-type']).toMatch(/^text\/plain/);
    expect(await beacon?.headerValue('cookie')).toBeNull();
  });

  test('each element on a page sends its own', async ({ page, stack }) => {
    const beaconUrl = `${stack.verifierUrl}/v1/beacons/shown`;
    let sent = 0;
    page.on('request', (request) => {
      if (request.url() === beaconUrl) sent += 1;
    });
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.open();
    await expect.poll(() => sent).toBe(1);
    const second = page.waitForResponse(beaconUrl);
    await checkout.element.evaluate((element) => {
      const copy = element.cloneNode() as HTMLElement;
      element.after(copy);
    });
    expect((await second).status()).toBe(204);
    expect(sent).toBe(2);
  });
});
