import { formatMinorUnits } from '@otp-verify/protocol';
import type { Cart } from './carts.js';
import { MAX_QUANTITY, cartTotal } from './carts.js';
import type { SafeHtml } from './html.js';
import { html } from './html.js';
import type { ShopBrand } from './shop-config.js';
import type { ShopText } from './shop-text.js';
import { shopTextFor } from './shop-text.js';
import { DEMO_ACCOUNT_PASSWORD } from './step-up.js';

function layout(title: string, body: SafeHtml, brand?: ShopBrand): string {
  const text = shopTextFor(brand?.locale);
  const [beforeLink, linkText, afterLink] = text.devInboxNote;
  return html`<!doctype html>
    <html lang="${text.lang}" dir="${text.dir}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/shop.css" />
        ${brand && html`<link rel="stylesheet" href="/themes/${brand.id}/theme.css" />`}
        ${brand && html`<script src="/assets/otp-verify.iife.js" defer></script>`}
      </head>
      <body class="${brand ? `brand-${brand.id}` : 'brand-none'}">
        <header class="masthead">
          <a href="/">${brand ? brandLogo(brand) : 'otp-verify demo shop'}</a>
        </header>
        <main>${body}</main>
        <footer>${beforeLink}<a href="${'/dev-inbox'}">${linkText}</a>${afterLink}</footer>
      </body>
    </html>`.markup;
}

/** The brand's logo from its theme folder; its alternative text is the brand's name. */
function brandLogo(brand: ShopBrand): SafeHtml {
  return html`<img class="logo" src="/themes/${brand.id}/logo.svg" alt="${brand.displayName}" height="40" />`;
}

export function indexPage(brands: ShopBrand[]): string {
  return layout(
    'otp-verify demo shop',
    html`<h1>Pick a shop</h1>
      <p>Each brand’s checkout asks for a code sent by SMS before it accepts the order.</p>
      <ul class="brands">
        ${brands.map(
          (brand) =>
            html`<li class="brand-card">
              <h2>${brandLogo(brand)}</h2>
              <p>
                <a href="/checkout/${brand.id}">${brand.displayName} checkout</a><br />
                <a href="/checkout/${brand.id}/signed-in">${brand.displayName} checkout, signed in</a>
              </p>
            </li>`,
        )}
      </ul>
      <p>
        Designers: the <a href="/gallery">theme gallery</a> shows every brand in every state of the element, light and
        dark.
      </p>`,
  );
}

export interface CheckoutPageInput {
  brand: ShopBrand;
  cart: Cart;
  verifierUrl: string;
  /** For a signed-in customer: their name and the customer-auth ID token the element sends instead of a number. */
  signedIn?: { name: string; idToken: string };
}

export function checkoutPage({ brand, cart, verifierUrl, signedIn }: CheckoutPageInput): string {
  const money = (amount: number) => formatMinorUnits(amount, cart.currency, brand.locale);
  const text = shopTextFor(brand.locale);
  return layout(
    `${text.checkout} · ${brand.displayName}`,
    html`<h1>${text.checkout}</h1>
      ${signedIn && html`<p class="signed-in">${text.signedInAs} <strong>${signedIn.name}</strong></p>`}
      <section aria-labelledby="cart-heading">
        <h2 id="cart-heading">${text.yourCart}</h2>
        <form method="post" action="/cart" class="cart">
          <input type="hidden" name="cartId" value="${cart.id}" />
          ${signedIn && html`<input type="hidden" name="view" value="signed-in" />`}
          <table>
            <thead>
              <tr>
                <th scope="col">${text.item}</th>
                <th scope="col">${text.price}</th>
                <th scope="col">${text.quantity}</th>
              </tr>
            </thead>
            <tbody>
              ${cart.lines.map(
                (line) =>
                  html`<tr>
                    <td>${line.name}</td>
                    <td>${money(line.price)}</td>
                    <td>
                      <input
                        type="number"
                        name="qty:${line.sku}"
                        value="${line.quantity}"
                        min="0"
                        max="${MAX_QUANTITY}"
                        aria-label="${text.quantityOf(line.name)}"
                      />
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
          <button type="submit" class="secondary">${text.updateCart}</button>
        </form>
        <p class="total">${text.total}: <strong data-testid="cart-total">${money(cartTotal(cart))}</strong></p>
      </section>
      <section aria-labelledby="verify-heading">
        <h2 id="verify-heading">${text.confirmItsYou}</h2>
        <form method="post" action="/orders" id="checkout">
          <input type="hidden" name="cartId" value="${cart.id}" />
          <otp-verify
            brand="${brand.id}"
            order-id="${cart.id}"
            amount="${cartTotal(cart)}"
            currency="${cart.currency}"
            locale="${brand.locale}"
            verifier="${verifierUrl}"
            name="otpToken"
            ${signedIn && html`customer-token="${signedIn.idToken}"`}
            required
          ></otp-verify>
          <button type="submit" class="primary">${text.placeOrder}</button>
        </form>
        ${stepUpForm(cart, text)}
      </section>
      <script src="/assets/step-up.js" defer></script>`,
    brand,
  );
}

/**
 * The brand's step-up, hidden until the element asks for it (`otp-verify-challenge` with `step_up`, see
 * public/step-up.js): the customer confirms it's them with their account password before the code is sent.
 */
function stepUpForm(cart: Cart, text: ShopText): SafeHtml {
  return html`<section id="step-up" class="step-up" aria-labelledby="step-up-heading" hidden>
    <h3 id="step-up-heading">${text.stepUpHeading}</h3>
    <form data-wrong-password="${text.wrongPassword}" data-failed="${text.stepUpFailed}">
      <input type="hidden" name="cartId" value="${cart.id}" />
      <p><label for="step-up-password">${text.accountPassword}</label></p>
      <p>
        <input
          id="step-up-password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          aria-describedby="step-up-hint step-up-error"
        />
      </p>
      <p id="step-up-hint">${text.demoPassword(DEMO_ACCOUNT_PASSWORD)}</p>
      <p id="step-up-error" role="alert"></p>
      <p><button type="submit" class="primary">${text.confirm}</button></p>
    </form>
  </section>`;
}

export interface OutcomePageInput {
  brand: ShopBrand;
  accepted: boolean;
  heading: string;
  detail: string;
  cart: Cart;
}

export function outcomePage({ brand, accepted, heading, detail, cart }: OutcomePageInput): string {
  const text = shopTextFor(brand.locale);
  const amount = formatMinorUnits(cartTotal(cart), cart.currency, brand.locale);
  return layout(
    `${heading} · ${brand.displayName}`,
    html`<div
        class="outcome ${accepted ? 'accepted' : 'refused'}"
        role="${accepted ? 'status' : 'alert'}"
        data-testid="order-outcome"
      >
        <div lang="en" dir="ltr">
          <h1>${heading}</h1>
          <p>${detail}</p>
        </div>
        <p>${text.order} <code>${cart.id}</code>, ${amount}.</p>
      </div>
      <p><a href="/checkout/${brand.id}">${accepted ? text.shopAgain : text.backToCheckout}</a></p>`,
    brand,
  );
}

export function notFoundPage(what: string): string {
  return layout(
    'Not found',
    html`<h1>Not found</h1>
      <p>${what}</p>
      <p><a href="/">All shops</a></p>`,
  );
}
