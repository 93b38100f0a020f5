import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galleryColumns } from '../src/gallery/columns.js';
import { galleryRoutes } from '../src/gallery/routes.js';
import { GALLERY_STATES } from '../src/gallery/states.js';
import { scopeTheme } from '../src/gallery/theme-scope.js';
import type { ShopBrand } from '../src/shop-config.js';

const shopBrand = (id: string): ShopBrand => ({
  id,
  displayName: `${id} Mobile`,
  audience: `https://${id}.example`,
  secretKey: 'sk_test',
  currency: 'EUR',
  locale: 'en-IE',
  products: [],
  customerAuthAudience: `${id}-shop`,
  signedInCustomer: { sub: 'c1', name: 'Alex', phoneNumber: '+491701234567' },
});

const THEME = `:root {\n  --shop-bg: #fff;\n  color-scheme: light dark;\n}\n\notp-verify {\n  --otp-color-brand: #1d4ed8;\n}\n`;

let themesDir: string;
let server: Server;
let shopUrl: string;
// zeta has a shop entry and a theme; acme too; draft has a theme but no brand yet; plain has no theme.
const brands = ['zeta', 'acme', 'plain'].map(shopBrand);

beforeAll(async () => {
  themesDir = mkdtempSync(join(tmpdir(), 'gallery-themes-'));
  for (const id of ['zeta', 'acme', 'draft']) {
    mkdirSync(join(themesDir, id));
    writeFileSync(join(themesDir, id, 'theme.css'), THEME);
  }
  writeFileSync(join(themesDir, 'README.md'), '# Themes');
  const app = express().use('/gallery', galleryRoutes({ brands, themesDir, verifierUrl: 'http://127.0.0.1:9' }));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  shopUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(themesDir, { recursive: true, force: true });
});

describe('the gallery scopes each brand’s theme to its own cells', () => {
  it('wraps the theme in @scope for the brand’s cells and moves :root onto the cell', () => {
    const scoped = scopeTheme('acme', ':root, :root otp-verify { --x: 1; }\n.rootless, --not:rooted {}');
    expect(scoped).toBe(
      '@scope ([data-theme="acme"]) {\n:scope, :scope otp-verify { --x: 1; }\n.rootless, --not:rooted {}\n}\n',
    );
  });

  it('refuses an id that could break out of the scope selector', () => {
    expect(() => scopeTheme('acme"]) , (*', THEME)).toThrow(/not a brand id/);
  });

  it('serves the scoped theme of every theme folder, and nothing else', async () => {
    const acme = await fetch(`${shopUrl}/gallery/themes/acme.css`);
    expect(acme.status).toBe(200);
    expect(acme.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await acme.text()).toBe(scopeTheme('acme', THEME));

    expect((await fetch(`${shopUrl}/gallery/themes/draft.css`)).status, 'a theme without its brand yet').toBe(200);
    for (const path of ['plain.css', 'README.css', 'acme', 'acme.css.map', '..%2Facme%2Ftheme.css', 'ACME.css']) {
      expect((await fetch(`${shopUrl}/gallery/themes/${path}`)).status, path).toBe(404);
    }
  });

  it('has a column for the element’s defaults, then every theme folder by id (one without a brand yet in the first brand’s settings), each on a light and a dark page', () => {
    const columns = galleryColumns(themesDir, brands).map(
      (column) => `${column.theme ?? 'none'}:${column.brand.id}:${column.scheme}`,
    );
    expect(columns).toEqual([
      'none:zeta:light',
      'none:zeta:dark',
      'acme:acme:light',
      'acme:acme:dark',
      'draft:zeta:light',
      'draft:zeta:dark',
      'zeta:zeta:light',
      'zeta:zeta:dark',
    ]);
  });

  it('links each themed brand’s scoped theme and marks every cell with its theme, scheme and state', async () => {
    const page = await (await fetch(`${shopUrl}/gallery`)).text();
    const links = [...page.matchAll(/<link rel="stylesheet" href="(\/gallery\/themes\/[^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual(['/gallery/themes/acme.css', '/gallery/themes/draft.css', '/gallery/themes/zeta.css']);

    const cells = [...page.matchAll(/data-gallery-cell="([^"]+)"/g)].map((m) => m[1]);
    expect(cells).toHaveLength(8 * GALLERY_STATES.length);
    expect(page).toContain('draft (no brand yet)');
    expect(cells).toContain('no-theme-dark-loading');
    expect(cells).toContain('acme-light-closed-expired');
    expect(page).toMatch(/data-gallery-cell="zeta-dark-verified"\s+data-theme="zeta"\s+data-scheme="dark"/);
    expect(page).toMatch(/data-gallery-cell="no-theme-light-phone"\s+data-scheme="light"/);
  });
});
