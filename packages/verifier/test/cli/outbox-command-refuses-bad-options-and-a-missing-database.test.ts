import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxCommand } from '../../src/cli/outbox-command.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { ConfigError } from '../../src/config/config-error.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());

describe('otp-verify outbox without a database', () => {
  it('says where it looked and creates nothing there', () => {
    const dataDir = join(dir.path, 'not-a-data-dir');
    const database = join(dataDir, 'otp-verify.sqlite');
    for (const args of [['list'], ['show', 'msg_1'], ['retry', 'msg_1'], ['dead-letter', 'msg_1']]) {
      expect(() => outboxCommand(args, { OTP_VERIFY_DATA_DIR: dataDir })).toThrow(ConfigError);
      expect(() => outboxCommand(args, { OTP_VERIFY_DATA_DIR: dataDir })).toThrow(
        `no database at ${database}: set OTP_VERIFY_DATA_DIR to the verifier's data directory`,
      );
    }
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('otp-verify outbox options', () => {
  // No database there: a usage error must come first.
  const env = { OTP_VERIFY_DATA_DIR: '/nonexistent/otp-verify-data' };

  it.each([
    [[], /outbox needs a subcommand: list, show, retry or dead-letter/],
    [['purge'], /unknown outbox subcommand "purge"/],
    [['list', '--state', 'lost'], /--state must be one of queued, sending, sent, delivered, failed, dead, cancelled/],
    [['list', '--limit', '0'], /--limit must be a whole number from 1 to 1000 \(got "0"\)/],
    [['list', '--limit', '1001'], /--limit must be a whole number from 1 to 1000/],
    [['list', '--limit', '2.5'], /--limit must be a whole number/],
    [['list', '--limit', 'ten'], /--limit must be a whole number/],
    [['list', '--all'], /outbox list: Unknown option '--all'/],
    [['list', 'dead'], /outbox list: Unexpected argument 'dead'/],
    [['show'], /outbox show: the message id comes first \(outbox show ID\)/],
    [['show', '--json', 'msg_1'], /outbox show: the message id comes first/],
    [['show', 'msg_1', 'msg_2'], /outbox show: Unexpected argument 'msg_2'/],
    [['retry'], /outbox retry: the message id comes first/],
    [['retry', 'msg_1', '--force'], /outbox retry: Unknown option '--force'/],
    [['dead-letter', 'msg_1', '--reason', ' '], /outbox dead-letter: --reason must not be empty/],
    [['dead-letter', 'msg_1', '--reason'], /outbox dead-letter: Option '--reason <value>' argument missing/],
  ])('refuses %j as a usage error, before looking for the database', (args, message) => {
    expect(() => outboxCommand(args, env)).toThrow(UsageError);
    expect(() => outboxCommand(args, env)).toThrow(message);
  });
});
