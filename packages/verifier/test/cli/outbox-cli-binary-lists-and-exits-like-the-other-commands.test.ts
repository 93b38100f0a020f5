import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../support/attacker.js';
import type { OutboxDataDir } from './outbox-test-store.js';
import { outboxDataDir } from './outbox-test-store.js';

let data: OutboxDataDir;
let dead: string;

beforeAll(() => {
  if (!existsSync(CLI_PATH))
    throw new Error(`${CLI_PATH} does not exist: build the verifier (npx tsc -b packages/verifier)`);
  data = outboxDataDir();
  data.message('sent');
  dead = data.message('dead');
});
afterAll(() => data.remove());

function cli(args: string[], env: NodeJS.ProcessEnv = data.env) {
  const result = spawnSync(process.execPath, [CLI_PATH, 'outbox', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('node dist/cli.js outbox', () => {
  it('lists the messages of OTP_VERIFY_DATA_DIR and exits 0', () => {
    const { status, stdout, stderr } = cli(['list']);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +STATE +CHANNEL +TO +BRAND +ATTEMPTS +PROVIDER +REASON +CREATED +UPDATED$/);
    expect(lines[1]).toMatch(new RegExp(`^${dead} +dead +sms +••• 43 +acme +1 +primary +out of attempts `));
    expect(lines.at(-1)).toBe('2 shown, newest first (--limit 50); in the outbox: 1 sent, 1 dead');
  });

  it('exits 1 with the reason when it refuses, and 2 with the usage on a bad option', () => {
    const refused = cli(['retry', 'msg_nope']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^otp-verify: no message msg_nope in \/.*otp-verify\.sqlite\n$/);
    const missing = cli(['list'], { OTP_VERIFY_DATA_DIR: join(data.env.OTP_VERIFY_DATA_DIR ?? '', 'elsewhere') });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^otp-verify: no database at \/.*\/elsewhere\/otp-verify\.sqlite: /);
    const misused = cli(['list', '--limit', '0']);
    expect(misused.status).toBe(2);
    expect(misused.stderr).toMatch(
      /^otp-verify: outbox list: --limit must be .*\n\nUsage:\n.*otp-verify outbox list /s,
    );
  });
});
