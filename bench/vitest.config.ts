import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    // The fraud simulation runs a verifier and a day of traffic: about 20 s here, bounded well under 2 minutes.
    testTimeout: 110_000,
  },
});
