import type { FSWatcher } from 'node:fs';
import { readdirSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import type { CryptoKey, JSONWebKeySet, JWK, JWTVerifyGetKey } from 'jose';
import { createLocalJWKSet, importJWK } from 'jose';
import type { Logger } from 'pino';
import type { OrderTokenAlgorithm } from '@otp-verify/protocol';
import { ConfigError } from '../config/config-error.js';
import type { StoredKey } from './key-files.js';
import { keysDirectory, readStoredKeys, removalTime, rotateSigningKey, signingKeyOf } from './key-files.js';

export interface SigningKey {
  kid: string;
  alg: OrderTokenAlgorithm;
  privateKey: CryptoKey;
}

/**
 * The verifier's signing keys, held in memory and kept in step with `<dataDir>/keys`: a key added by
 * `otp-verify keys rotate` signs as soon as the running verifier sees it, and a retired key leaves the JWKS (and
 * stops verifying) once its grace period has passed by the verifier's clock. Requests never touch the disk.
 */
export interface SigningKeys {
  /** The key that signs new tokens: the newest one not retired. */
  readonly current: SigningKey;
  /** The public keys published now at /.well-known/jwks.json: the signing key and retired keys in their grace. */
  readonly jwks: JSONWebKeySet;
  /** Finds a published key by kid and alg; a key that has left the JWKS is not found. */
  readonly verificationKeys: JWTVerifyGetKey;
  /** Reads the key directory again now (also done on change and every poll interval). */
  reload(): Promise<void>;
  /** Stops watching the key directory. */
  close(): void;
}

export interface SigningKeysOptions {
  /** The algorithm of new keys. When the signing key has another, a key of this one is rotated in at start. */
  alg?: OrderTokenAlgorithm;
  clock?: () => number;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /**
   * How often the key directory is checked for changes besides fs.watch (which is not reliable on every file
   * system): one readdir and a stat per key file. 0 turns both off (reload() only). Default 2000 ms.
   */
  pollIntervalMs?: number;
}

interface LoadedKey {
  stored: StoredKey;
  publicJwk: JWK;
  /** Epoch ms at which it leaves the JWKS; undefined while it signs. */
  removeAt: number | undefined;
}

interface KeySet {
  keys: LoadedKey[];
  current: SigningKey;
  fingerprint: string;
}

interface Published {
  jwks: JSONWebKeySet;
  getKey: JWTVerifyGetKey;
  /** The set is valid until this time (the next removal), epoch ms. */
  validUntil: number;
}

/**
 * Opens the signing keys in `<dataDir>/keys`, creating the first one (or one of `alg`, if the signing key has
 * another algorithm) on start. Private keys are written mode 0600 in a 0700 directory and never leave it.
 */
export async function openSigningKeys(dataDir: string, options: SigningKeysOptions = {}): Promise<SigningKeys> {
  const alg = options.alg ?? 'ES256';
  const clock = options.clock ?? Date.now;
  const directory = keysDirectory(dataDir);
  const signing = signingKeyOf(readStoredKeys(directory));
  if (signing === undefined || signing.alg !== alg) {
    const rotation = await rotateSigningKey(dataDir, { alg, now: new Date(clock()) });
    options.logger?.info(
      { kid: rotation.created.kid, alg, retired: rotation.retired.map((key) => key.kid) },
      'signing key created',
    );
  }
  const keyring = new SigningKeyring(directory, clock, options.logger);
  await keyring.load();
  keyring.watch(options.pollIntervalMs ?? 2000);
  return keyring;
}

class SigningKeyring implements SigningKeys {
  private set: KeySet | undefined;
  private published: Published | undefined;
  private reloading: Promise<void> = Promise.resolve();
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private debounce: NodeJS.Timeout | undefined;

  constructor(
    private readonly directory: string,
    private readonly clock: () => number,
    private readonly logger: SigningKeysOptions['logger'],
  ) {}

  get current(): SigningKey {
    return this.loaded().current;
  }

  get jwks(): JSONWebKeySet {
    return this.publishedNow().jwks;
  }

  readonly verificationKeys: JWTVerifyGetKey = (header, token) => this.publishedNow().getKey(header, token);

  /** Loads the directory, throwing on any problem (start-up). */
  async load(): Promise<void> {
    const fingerprint = this.fingerprint();
    const stored = readStoredKeys(this.directory);
    const signing = signingKeyOf(stored);
    if (signing === undefined) {
      throw new ConfigError(`${this.directory} holds no signing key: run \`otp-verify keys rotate\` to create one`);
    }
    const current: SigningKey = {
      kid: signing.kid,
      alg: signing.alg,
      privateKey: (await importJWK(signing.privateJwk, signing.alg)) as CryptoKey,
    };
    const keys = stored.map((key) => ({ stored: key, publicJwk: publicJwk(key), removeAt: removalTime(key) }));
    const previous = this.set?.current.kid;
    this.set = { keys, current, fingerprint };
    this.published = undefined;
    if (previous !== undefined && previous !== current.kid) {
      this.logger?.info({ kid: current.kid, alg: current.alg, previous }, 'signing key rotated in');
    }
  }

  reload(): Promise<void> {
    this.reloading = this.reloading.then(async () => {
      try {
        await this.load();
      } catch (error) {
        this.logger?.error(
          { err: error instanceof Error ? error.message : String(error) },
          'could not reload the signing keys; keeping the previous ones',
        );
      }
    });
    return this.reloading;
  }

  /** Reloads when the directory changes: fs.watch for promptness, a cheap poll for robustness. */
  watch(pollIntervalMs: number): void {
    if (pollIntervalMs <= 0) return;
    const check = () => {
      let changed: boolean;
      try {
        changed = this.fingerprint() !== this.set?.fingerprint;
      } catch {
        changed = true;
      }
      if (changed) void this.reload();
    };
    try {
      this.watcher = watch(this.directory, { persistent: false }, () => {
        clearTimeout(this.debounce);
        this.debounce = setTimeout(check, 25);
        this.debounce.unref();
      });
      this.watcher.on('error', () => {
        this.watcher?.close();
        this.watcher = undefined;
      });
    } catch {
      this.watcher = undefined; // polling alone
    }
    this.timer = setInterval(check, pollIntervalMs);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
    clearTimeout(this.debounce);
    this.watcher?.close();
  }

  private loaded(): KeySet {
    if (this.set === undefined) throw new Error('signing keys used before they were loaded');
    return this.set;
  }

  /** The published set at the verifier's clock, rebuilt only when a retired key's grace ends (or on reload). */
  private publishedNow(): Published {
    const now = this.clock();
    if (this.published !== undefined && now < this.published.validUntil) return this.published;
    const live = this.loaded().keys.filter((key) => key.removeAt === undefined || now < key.removeAt);
    const jwks: JSONWebKeySet = { keys: live.map((key) => key.publicJwk) };
    const removals = live.flatMap((key) => (key.removeAt === undefined ? [] : [key.removeAt]));
    this.published = {
      jwks,
      getKey: createLocalJWKSet(jwks),
      validUntil: removals.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...removals),
    };
    return this.published;
  }

  /** Names, sizes and modification times of the key files: changes when a key is added, retired or removed. */
  private fingerprint(): string {
    return readdirSync(this.directory)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => {
        const stat = statSync(join(this.directory, name));
        return `${name}:${stat.size}:${stat.mtimeMs}:${stat.mode}`;
      })
      .join('|');
  }
}

function publicJwk({ privateJwk, kid, alg }: StoredKey): JWK {
  const { kty, crv, x, y } = privateJwk;
  return { kty, crv, x, ...(y === undefined ? {} : { y }), kid, alg, use: 'sig' };
}
