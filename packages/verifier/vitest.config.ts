import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Worker threads start faster than forks; better-sqlite3 and the HTTP servers are fine in them.
    pool: 'threads',
    // Each file starts its own verifier (SQLite file, ES256 key); a few seconds is normal.
    testTimeout: 15_000,
    hookTimeout: 15_000,
  },
});
