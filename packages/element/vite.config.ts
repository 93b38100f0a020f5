import { defineConfig } from 'vite';

// Library build: one ES module for bundlers and <script type="module">, one IIFE for a plain <script> tag.
// Lit and the element's own phone formatter are bundled in; the phone metadata (the verifier serves the brand's
// part) and the catalogs other than English (the verifier serves them with the brand's settings) are not.
export default defineConfig({
  build: {
    target: 'es2022',
    // dist/ also holds the i18n export (tsconfig.i18n.json) the verifier imports: a build must not delete it.
    emptyOutDir: false,
    lib: {
      entry: 'src/index.ts',
      name: 'OtpVerify',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'otp-verify.js' : 'otp-verify.iife.js'),
    },
    rolldownOptions: {
      // The IIFE has no import.meta; script-origin.ts reads document.currentScript there instead.
      checks: { emptyImportMeta: false },
      // Vite leaves whitespace in ES library output for downstream tree-shaking; this bundle is loaded
      // as is by <script type="module">, and its only export is the element, so minify it fully.
      output: { minify: true },
    },
    minify: true,
    sourcemap: true,
    reportCompressedSize: true,
  },
});
