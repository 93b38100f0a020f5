import { defineConfig } from 'vite';

// Library build: one ES module for bundlers and <script type="module">, one IIFE for a plain <script> tag.
// Lit and libphonenumber-js are bundled in; the phone metadata is not (the verifier serves the brand's part).
export default defineConfig({
  build: {
    target: 'es2022',
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
