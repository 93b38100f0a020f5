import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  // <otp-verify> is a custom element, not a Vue component: Vue renders it as is and sets its properties.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'otp-verify' } } })],
});
