import { existsSync } from 'node:fs';
import { ConfigError } from '../config/config-error.js';
import { keySettingsFromEnv } from '../config/settings.js';
import type { Store } from '../store/port.js';
import { databaseFile, openSqliteStore } from '../store/sqlite/sqlite-store.js';

/**
 * Runs `work` on the store in OTP_VERIFY_DATA_DIR and closes it. A missing database is an error naming where it was
 * looked for: an empty one is never created (a wrong directory would otherwise look like an empty outbox).
 */
export function withDataDirStore<T>(env: NodeJS.ProcessEnv, work: (store: Store, file: string) => T): T {
  const file = databaseFile(keySettingsFromEnv(env).dataDir);
  if (!existsSync(file)) {
    throw new ConfigError(
      `no database at ${file}: set OTP_VERIFY_DATA_DIR to the verifier's data directory (the database is created when the verifier first starts)`,
    );
  }
  const store = openSqliteStore(file);
  try {
    return work(store, file);
  } finally {
    store.close();
  }
}
