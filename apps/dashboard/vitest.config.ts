import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    // Each file starts a real verifier and a dashboard on SQLite files; scrypt costs ~100 ms per sign-in.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
