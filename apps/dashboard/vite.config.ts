import { defineConfig } from 'vite';

// The dashboard's page: web/index.html and its modules, built to dist/web/, which the dashboard server serves.
// Paths are relative to apps/dashboard, where `pnpm run build:web` runs.
export default defineConfig({
  root: 'web',
  base: '/',
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // No data: URLs: the page's CSP (default-src 'self') would block them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    reportCompressedSize: true,
  },
});
