import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { RawRequest, RawResponse } from './raw-http.js';
import { collectResponse } from './raw-http.js';
import { rawRequest } from './raw-http.js';

/** A code of the same length that is certainly not `code` (its first digit moved by `salt`, 1-9). */
export function wrongCode(code: string, salt = 1): string {
  const first = (Number(code[0]) + (((salt - 1) % 9) + 1)) % 10;
  return `${first}${code.slice(1)}`;
}

export interface TimedRequest extends RawRequest {
  baseUrl: string;
}

/**
 * Sends all requests at the same moment, each on its own TCP connection (no agent, no keep-alive):
 * every connection is opened and all but the last byte of each request is written first, then the
 * last bytes are released together ("last-byte synchronisation"), so the server receives the
 * requests within the same few microseconds instead of one after the other.
 */
export async function simultaneousRequests(requests: readonly TimedRequest[]): Promise<RawResponse[]> {
  const releases: (() => void)[] = [];
  const ready: Promise<void>[] = [];
  const responses = requests.map((options) => {
    const url = new URL(options.baseUrl);
    const body = Buffer.from(options.body ?? '');
    if (body.length === 0) throw new Error('simultaneousRequests needs a body to hold back its last byte');
    return new Promise<RawResponse>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method: options.method,
          path: options.path,
          agent: false,
          headers: { 'content-length': body.length, connection: 'close', ...options.headers },
        },
        (res) => collectResponse(res, resolve, reject),
      );
      req.on('error', reject);
      ready.push(
        new Promise<void>((connected) => {
          req.on('socket', (socket) => {
            socket.setNoDelay(true);
            if (!socket.connecting) connected();
            else socket.once('connect', () => connected());
          });
        }),
      );
      req.write(body.subarray(0, -1));
      releases.push(() => req.end(body.subarray(-1)));
    });
  });
  await Promise.all(ready);
  // Let the held-back parts reach the server before the last bytes go out together.
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const release of releases) release();
  return Promise.all(responses);
}

/** The attempt count the store holds for a session, read straight from the SQLite file. */
export function storedSession(
  dataDir: string,
  sessionId: string,
): { attempts: number; status: string; token_jti: string | null } {
  const db = new Database(join(dataDir, 'otp-verify.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare<[string], { attempts: number; status: string; token_jti: string | null }>(
        'SELECT attempts, status, token_jti FROM sessions WHERE id = ?',
      )
      .get(sessionId);
    if (row === undefined) throw new Error(`no session ${sessionId} in the store`);
    return row;
  } finally {
    db.close();
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const CLI_PATH = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface VerifierProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts `node dist/cli.js serve` in dev mode as a separate OS process on the given data directory
 * and brands file, and waits until /readyz answers 200.
 */
export async function startVerifierProcess(options: {
  dataDir: string;
  brandsFile: string;
  publicUrl: string;
}): Promise<VerifierProcess> {
  if (!existsSync(CLI_PATH)) {
    throw new Error(`${CLI_PATH} does not exist: build the verifier first (npx tsc -b packages/verifier)`);
  }
  const port = await freePort();
  const child = spawn(process.execPath, [CLI_PATH, 'serve'], {
    env: {
      PATH: process.env.PATH,
      OTP_VERIFY_MODE: 'dev',
      OTP_VERIFY_DATA_DIR: options.dataDir,
      OTP_VERIFY_BRANDS: options.brandsFile,
      OTP_VERIFY_HOST: '127.0.0.1',
      OTP_VERIFY_PORT: String(port),
      OTP_VERIFY_PUBLIC_URL: options.publicUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`verifier process exited (${child.exitCode}):\n${output}`);
    const ready = await rawRequest(url, { method: 'GET', path: '/readyz' }).catch(() => undefined);
    if (ready?.status === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`verifier process on ${url} not ready after 10 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export function writeJsonFile(file: string, value: unknown): void {
  writeFileSync(file, JSON.stringify(value, null, 2));
}
