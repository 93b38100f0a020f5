/**
 * Single use without the verifier (offline mode): a store that remembers which token ids (`jti`) were already
 * used. Every checkout instance that must refuse a replay has to share one store (a database or Redis); the
 * in-memory store below protects one process only.
 */
export interface JtiStore {
  /**
   * Records `jti` as used and resolves true, or resolves false when it was recorded before (a replay).
   * Must be atomic: of two concurrent claims of one jti exactly one resolves true. `expiresAt` (epoch seconds) is
   * when the token can no longer be accepted anywhere; the entry may be forgotten after that, never before.
   * Rejecting (a store outage, a full store) refuses the order with `verifier_unavailable`: it fails closed.
   */
  claimOnce(jti: string, expiresAt: number): Promise<boolean>;
}

export interface MemoryJtiStoreOptions {
  /** Most token ids remembered at once; when all are still live, claims are refused (fail closed). Default 100000. */
  maxEntries?: number;
  /** The clock, epoch milliseconds (tests). Default Date.now. */
  now?: () => number;
}

/** The store is full of live token ids: refusing is safer than forgetting one that could then be replayed. */
export class JtiStoreFullError extends Error {
  override readonly name = 'JtiStoreFullError';
}

/**
 * A JtiStore in this process's memory: bounded (`maxEntries`), entries dropped once expired. For a single
 * checkout process, or tests; several instances need a shared store.
 */
export function createMemoryJtiStore(options: MemoryJtiStoreOptions = {}): JtiStore {
  const maxEntries = options.maxEntries ?? 100_000;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`checkout-guard: maxEntries must be a positive integer (got ${String(maxEntries)})`);
  }
  const now = options.now ?? Date.now;
  /** jti → expiry in epoch ms. Insertion order is roughly expiry order, so a sweep from the start is cheap. */
  const used = new Map<string, number>();

  const sweep = (at: number, all: boolean) => {
    for (const [jti, expiresAt] of used) {
      if (expiresAt <= at) used.delete(jti);
      else if (!all) break;
    }
  };

  return {
    async claimOnce(jti, expiresAt) {
      if (typeof jti !== 'string' || jti === '') throw new TypeError('checkout-guard: jti must be a non-empty string');
      if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) {
        throw new TypeError('checkout-guard: expiresAt must be epoch seconds');
      }
      const at = now();
      sweep(at, false);
      const known = used.get(jti);
      if (known !== undefined && known > at) return false;
      if (used.size >= maxEntries) sweep(at, true);
      if (used.size >= maxEntries) {
        throw new JtiStoreFullError(`checkout-guard: the in-memory jti store holds ${maxEntries} live token ids`);
      }
      used.delete(jti);
      used.set(jti, expiresAt * 1000);
      return true;
    },
  };
}
