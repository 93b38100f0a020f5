import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeSecret } from '../domain/code.js';
import { writePrivateFile } from './private-files.js';

interface SecretsFile {
  codeKeys: { id: string; key: string; createdAt: string }[];
  phoneRefKey: string;
}

export interface ServerSecrets {
  /** The key new codes are hashed with. */
  currentCodeKey: CodeSecret;
  codeKey(id: string): CodeSecret | undefined;
  phoneRefKey: Buffer;
  /** Seals the outbox's messages (AES-256-GCM); derived, so existing data directories need no new secret. */
  outboxKey: Buffer;
}

/** Loads the server's HMAC secrets from the data directory, creating them (mode 0600) on first start. */
export function loadOrCreateSecrets(dataDir: string, now: Date = new Date()): ServerSecrets {
  const file = join(dataDir, 'secrets.json');
  if (!existsSync(file)) {
    const fresh: SecretsFile = {
      codeKeys: [
        {
          id: `ck_${randomBytes(6).toString('hex')}`,
          key: randomBytes(32).toString('base64url'),
          createdAt: now.toISOString(),
        },
      ],
      phoneRefKey: randomBytes(32).toString('base64url'),
    };
    writePrivateFile(file, JSON.stringify(fresh, null, 2));
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as SecretsFile;
  const codeKeys = new Map(
    stored.codeKeys.map((entry) => [entry.id, { id: entry.id, key: Buffer.from(entry.key, 'base64url') }]),
  );
  const newest = stored.codeKeys.at(-1);
  if (newest === undefined) throw new Error(`${file} holds no code key`);
  return {
    currentCodeKey: { id: newest.id, key: Buffer.from(newest.key, 'base64url') },
    codeKey: (id) => codeKeys.get(id),
    phoneRefKey: Buffer.from(stored.phoneRefKey, 'base64url'),
    outboxKey: Buffer.from(
      hkdfSync('sha256', Buffer.from(stored.phoneRefKey, 'base64url'), '', 'otp-verify outbox', 32),
    ),
  };
}
