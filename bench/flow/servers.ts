import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerCleanup } from './cleanup.js';
import { ChildServer, freePort } from './child-server.js';

const HOST = '127.0.0.1';

/** The brand the benchmark creates sessions for; its secret key exists only for this run. */
export interface BenchBrand {
  id: string;
  origin: string;
  secretKey: string;
}

/** A fresh temporary directory, removed when the benchmark ends however it ends. */
export function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'otp-verify-bench-'));
  const remove = () => rmSync(directory, { recursive: true, force: true });
  registerCleanup({ name: `temporary directory ${directory}`, now: remove, gracefully: async () => remove() });
  return directory;
}

/** What a benchmark adds to the generated brands file: more brand fields, other file-wide limits. */
export interface BenchBrandExtras {
  /** Merged into the brand's entry (e.g. a `directory`). */
  brand?: Record<string, unknown>;
  /** Merged over the file-wide `limits` below, scope by scope. */
  limits?: Record<string, unknown>;
}

/** Writes a brands file for one bench brand with a fresh random secret key (stored as its SHA-256). */
export function writeBenchBrand(
  directory: string,
  extras: BenchBrandExtras = {},
): { brand: BenchBrand; brandsFile: string } {
  const brand: BenchBrand = {
    id: 'bench',
    origin: 'http://bench.localhost',
    secretKey: `sk_bench_${randomBytes(24).toString('base64url')}`,
  };
  const file = {
    // One brand and one client IP drive ~300 flows/s, each to a fresh number: only the per-IP and the
    // per-brand/global budgets need room. The per-phone and wrong-code limits keep their defaults.
    limits: {
      sendsPerIp: [{ max: 100_000_000, windowSeconds: 3_600 }],
      sendsPerBrand: [{ max: 100_000_000, windowSeconds: 3_600 }],
      sendsGlobal: [{ max: 100_000_000, windowSeconds: 3_600 }],
      ...extras.limits,
    },
    brands: [
      {
        id: brand.id,
        displayName: 'Bench Shop',
        allowedOrigins: [brand.origin],
        audience: 'https://bench.localhost/checkout',
        countries: ['DE'],
        defaultCountry: 'DE',
        locales: ['de', 'en'],
        guestCheckout: true,
        channels: ['sms'],
        secretKeys: [{ id: 'bench', sha256: createHash('sha256').update(brand.secretKey).digest('hex') }],
        ...extras.brand,
      },
    ],
  };
  const brandsFile = join(directory, 'brands.json');
  writeFileSync(brandsFile, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  return { brand, brandsFile };
}

/** dist/cli.js of the workspace's @otp-verify/verifier; it must have been built (`npx tsc -b packages/verifier`). */
export function verifierCli(): { cli: string; staleSources: string[] } {
  const entry = fileURLToPath(import.meta.resolve('@otp-verify/verifier'));
  const cli = join(dirname(entry), 'cli.js');
  if (!existsSync(cli)) {
    throw new Error(`${cli} is missing: build the verifier first (from the repo root: npx tsc -b packages/verifier)`);
  }
  // tsc -b rewrites only outputs whose text changed, but always its build info: a source is stale
  // if it is newer than both its own output and the last build.
  const dist = dirname(entry);
  const sources = join(dist, '..', 'src');
  const buildInfo = join(dist, '..', 'tsconfig.tsbuildinfo');
  const lastBuild = existsSync(buildInfo) ? statSync(buildInfo).mtimeMs : 0;
  const staleSources = existsSync(sources)
    ? listFiles(sources).filter((file) => {
        if (!file.endsWith('.ts') || file.endsWith('.d.ts')) return false;
        const output = join(dist, relative(sources, file)).replace(/\.ts$/, '.js');
        if (!existsSync(output)) return true;
        return statSync(file).mtimeMs > Math.max(lastBuild, statSync(output).mtimeMs);
      })
    : [];
  return { cli, staleSources };
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(entry.parentPath, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** Starts `otp-verify serve` in dev mode as a child process, with a fresh data directory, and waits for /healthz. */
export async function startVerifier(
  cli: string,
  directory: string,
  brandsFile: string,
  cpuProfileDir?: string,
): Promise<ChildServer> {
  const port = await freePort(HOST);
  const url = `http://${HOST}:${port}`;
  const dataDir = join(directory, 'data');
  mkdirSync(dataDir, { mode: 0o700 });
  return ChildServer.start({
    name: 'verifier',
    args: [...(cpuProfileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`]), cli, 'serve'],
    env: {
      ...process.env,
      OTP_VERIFY_MODE: 'dev',
      OTP_VERIFY_DATA_DIR: dataDir,
      OTP_VERIFY_BRANDS: brandsFile,
      OTP_VERIFY_HOST: HOST,
      OTP_VERIFY_PORT: String(port),
      OTP_VERIFY_PUBLIC_URL: url,
    },
    url,
    healthPath: '/healthz',
  });
}

/** Starts the bare node:http baseline (baseline-server.mjs) as a child process. */
export async function startBaseline(): Promise<ChildServer> {
  const port = await freePort(HOST);
  return ChildServer.start({
    name: 'bare node:http baseline',
    args: [fileURLToPath(new URL('./baseline-server.mjs', import.meta.url))],
    env: { ...process.env, HOST, PORT: String(port) },
    url: `http://${HOST}:${port}`,
    healthPath: '/',
  });
}
