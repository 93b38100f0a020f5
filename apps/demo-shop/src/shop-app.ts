import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import express from 'express';
import type { RequestHandler } from 'express';
import { createOrderGuard, requireVerifiedOrder } from '@otp-verify/checkout-guard';
import type { Cart } from './carts.js';
import { CartStore, orderOf } from './carts.js';
import { readCookie } from './cookies.js';
import type { DemoCustomerAuth } from './customer-auth.js';
import { checkoutPage, indexPage, notFoundPage, outcomePage } from './pages.js';
import { galleryRoutes } from './gallery/routes.js';
import { explainRefusal } from './refusals.js';
import type { ShopBrand } from './shop-config.js';
import type { CheckoutCart } from './step-up.js';
import { stepUpRoutes } from './step-up.js';

export interface ShopOptions {
  brands: ShopBrand[];
  /** The verifier's public URL: the element calls it, and the guard fetches its JWKS and redeems there. */
  verifierUrl: string;
  themesDir: string;
  /** The brands' customer-auth service, played by the shop for signed-in customers. */
  customerAuth: DemoCustomerAuth;
}

const elementDir = dirname(fileURLToPath(import.meta.resolve('@otp-verify/element/otp-verify.iife.js')));
const publicDir = fileURLToPath(new URL('../public/', import.meta.url));

export function createShopApp(options: ShopOptions): express.Express {
  const brands = new Map(options.brands.map((brand) => [brand.id, brand]));
  const carts = new CartStore();
  const orderGuards = new Map(options.brands.map((brand) => [brand.id, orderGuardFor(brand, options.verifierUrl)]));
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(new URL(options.verifierUrl).origin));
  app.use('/assets', express.static(elementDir, { fallthrough: true }), express.static(publicDir));
  app.use('/themes', express.static(options.themesDir));
  app.use('/gallery', galleryRoutes(options));
  const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 50 });

  const cartOf = (req: express.Request): Cart | undefined =>
    carts.get(typeof req.body?.cartId === 'string' ? req.body.cartId : undefined);

  app.get('/', (_req, res) => {
    res.send(indexPage(options.brands));
  });
  app.get('/dev-inbox', (_req, res) => {
    res.redirect(`${options.verifierUrl}/dev/inbox`);
  });
  app.get('/.well-known/jwks.json', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(options.customerAuth.jwks);
  });
  const checkout =
    (signedIn: boolean): RequestHandler =>
    async (req, res) => {
      const brand = brands.get(String(req.params.brand));
      if (brand === undefined) {
        res.status(404).send(notFoundPage(`There is no shop called “${String(req.params.brand)}”.`));
        return;
      }
      let cart = carts.get(readCookie(req, `cart_${brand.id}`));
      if (cart === undefined || cart.orderedAt !== undefined) {
        cart = carts.open(brand);
        res.cookie(`cart_${brand.id}`, cart.id, { httpOnly: true, sameSite: 'lax', path: '/' });
      }
      const customer = brand.signedInCustomer;
      const page = checkoutPage({
        brand,
        cart,
        verifierUrl: options.verifierUrl,
        ...(signedIn && {
          signedIn: { name: customer.name, idToken: await options.customerAuth.idToken(brand, customer) },
        }),
      });
      res.set('Cache-Control', 'no-store').send(page);
    };
  app.get('/checkout/:brand', checkout(false));
  app.get('/checkout/:brand/signed-in', checkout(true));
  const openCartInCookie = (req: express.Request, brandId: string): CheckoutCart | undefined => {
    const cart = carts.get(readCookie(req, `cart_${brandId}`));
    const brand = cart?.orderedAt === undefined && cart?.brand === brandId ? brands.get(brandId) : undefined;
    return brand && cart && { brand, cartId: cart.id };
  };
  app.use(stepUpRoutes(options.verifierUrl, openCartInCookie));
  app.post('/cart', form, (req, res) => {
    const cart = cartOf(req);
    if (cart === undefined) {
      res.status(404).send(notFoundPage('This cart no longer exists.'));
      return;
    }
    const quantities = Object.fromEntries(
      Object.entries(req.body as Record<string, string>)
        .filter(([name]) => name.startsWith('qty:'))
        .map(([name, value]) => [name.slice(4), Number(value)]),
    );
    carts.setQuantities(cart, quantities);
    res.redirect(303, `/checkout/${cart.brand}${req.body.view === 'signed-in' ? '/signed-in' : ''}`);
  });
  app.post(
    '/orders',
    form,
    (req, res, next) => {
      const cart = cartOf(req);
      if (cart === undefined) {
        res.status(404).send(notFoundPage('This cart no longer exists.'));
        return;
      }
      res.locals.cart = cart;
      (orderGuards.get(cart.brand) as RequestHandler)(req, res, next);
    },
    (_req, res) => {
      const cart = res.locals.cart as Cart;
      cart.orderedAt = Date.now();
      res.status(201).send(
        outcomePage({
          brand: brands.get(cart.brand) as ShopBrand,
          accepted: true,
          heading: 'Order accepted',
          detail: 'Thank you! Your phone number was verified and your order is on its way.',
          cart,
        }),
      );
    },
  );
  app.use((_req, res) => {
    res.status(404).send(notFoundPage('Nothing here.'));
  });
  return app;
}

function orderGuardFor(brand: ShopBrand, verifierUrl: string): RequestHandler {
  const guard = createOrderGuard({ verifierUrl, audience: brand.audience, secretKey: brand.secretKey });
  return requireVerifiedOrder(guard, {
    token: (req) =>
      typeof req.body?.otpToken === 'string' && req.body.otpToken !== '' ? req.body.otpToken : undefined,
    order: (_req, res) => orderOf(res.locals.cart as Cart),
    onRefused: (error, _req, res) => {
      res
        .status(error.status)
        .set('X-Refusal-Reason', error.code)
        .send(
          outcomePage({
            brand,
            accepted: false,
            heading: 'Order refused',
            detail: explainRefusal(error),
            cart: res.locals.cart as Cart,
          }),
        );
    },
  });
}

function securityHeaders(verifierOrigin: string): RequestHandler {
  const policy = [
    "default-src 'self'",
    `connect-src 'self' ${verifierOrigin}`,
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    // The element renders with Lit, whose only Trusted Types policy is "lit-html".
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
  return (_req, res, next) => {
    res.set({
      'Content-Security-Policy': policy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    next();
  };
}
