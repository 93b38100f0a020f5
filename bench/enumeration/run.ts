/**
 * bench/enumeration: how long the verifier takes to open, send and check server-to-server sessions
 * (customerRef) for known, unknown and unverified customers. The parity test proves the answers equal and the
 * outbound work equal (one directory lookup); this measures the time. A benchmark, not a test: it prints
 * figures. See bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ChildServer, freePort } from '../flow/child-server.js';
import { failIfItDies, machineInfo, progressMeter, toJson, warnIfStale } from '../flow/run-helpers.js';
import { runBenchmark } from '../shared/entry-point.js';
import { startVerifier, temporaryDirectory, verifierCli, writeBenchBrand } from '../flow/servers.js';
import type { Kind } from './measure.js';
import { sampleKinds } from './measure.js';
import type { EnumerationOptions } from './options.js';
import { USAGE, parseEnumerationOptions } from './options.js';
import { answersText, buildResults, failuresText, headerText, latencyText, ratiosText, verdictText } from './report.js';

const HOST = '127.0.0.1';
const PROGRESS_MS = 5_000;
/** More failed samples than this share (of all samples, warm-up included) fails the run. */
const FAILURE_LIMIT = 0.01;

async function main(options: EnumerationOptions): Promise<number> {
  const context = {
    date: new Date().toISOString(),
    command: [process.execPath, ...process.execArgv, ...process.argv.slice(1)].join(' '),
    options,
    machine: machineInfo(),
  };
  console.log(headerText(context));
  const { cli, staleSources } = verifierCli();
  warnIfStale(staleSources);
  console.log('');

  // ---- the customer directory and the verifier, each a child process ----
  const directoryPort = await freePort(HOST);
  const customerDirectory = await ChildServer.start({
    name: 'customer directory',
    args: [fileURLToPath(new URL('./directory-server.mjs', import.meta.url))],
    env: { ...process.env, HOST, PORT: String(directoryPort) },
    url: `http://${HOST}:${directoryPort}`,
    healthPath: '/healthz',
  });
  failIfItDies(customerDirectory);
  const directory = temporaryDirectory();
  const { brand, brandsFile } = writeBenchBrand(directory, {
    brand: {
      // The documented contract with its defaults (POST, 2 s per attempt, one retry), and the directory's
      // own credential as a brand would configure it.
      directory: {
        url: `${customerDirectory.url}/internal/customers/lookup`,
        method: 'POST',
        timeoutMs: 2000,
        retries: 1,
        headers: { Authorization: `Bearer dir_bench_${randomBytes(16).toString('base64url')}` },
      },
    },
    // Every sample checks one wrong code, all from this one IP.
    limits: { wrongChecksPerIp: [{ max: 100_000_000, windowSeconds: 3_600 }] },
  });
  const verifier = await startVerifier(cli, directory, brandsFile);
  failIfItDies(verifier);
  console.log(
    `customer directory ready at ${customerDirectory.url} (child pid ${customerDirectory.pid}); ` +
      `verifier ready at ${verifier.url} (child pid ${verifier.pid}, data in ${directory})`,
  );
  console.log(
    `running ${options.warmup} warm-up rounds (discarded) + ${options.samples} measured rounds; a round is one ` +
      'sample per kind (create, send, one wrong check), the kinds in random order, one request at a time…',
  );

  const progress = progressMeter([verifier, customerDirectory]);
  const run = await sampleKinds({ url: verifier.url, brand }, options, {
    progressMs: PROGRESS_MS,
    onProgress: ({ elapsedMs, warmingUp, done, total }) => {
      const { rate, load } = progress(elapsedMs, done);
      console.log(
        `  [${(elapsedMs / 1000).toFixed(1).padStart(5)} s] ${warmingUp ? 'warm-up  ' : 'measuring'}  ` +
          `round ${String(done).padStart(5)} of ${total}, now ${(rate * 3).toFixed(1)} samples/s${load}`,
      );
    },
  });
  const directoryLookups = await readLookups(customerDirectory.url);
  await verifier.stop();
  await customerDirectory.stop();

  const results = buildResults(context, run, directoryLookups);
  console.log(
    [
      '',
      '='.repeat(100),
      latencyText(results),
      '',
      ratiosText(results),
      '',
      answersText(results),
      failuresText(results),
      '',
      verdictText(results),
      '='.repeat(100),
    ].join('\n'),
  );
  if (options.json) console.log(toJson(results));

  const attempted = Object.values(run.sessionsCreated).reduce((sum, count) => sum + count, 0) + run.failures.length;
  const problems = [
    ...(run.failures.length > FAILURE_LIMIT * attempted
      ? [`${run.failures.length} of ${attempted} samples failed (limit ${FAILURE_LIMIT * 100} %)`]
      : []),
    ...(run.measuredSamples === 0 ? ['no sample was measured'] : []),
    ...(results.answersIdentical ? [] : ['the verifier did not answer all kinds alike']),
  ];
  if (problems.length > 0) {
    console.error(`\nFAILED: ${problems.join('; ')}.`);
    return 1;
  }
  return 0;
}

async function readLookups(url: string): Promise<Record<Kind, number> | null> {
  try {
    const response = await fetch(`${url}/lookups`);
    const body = (await response.json()) as Record<Kind, number>;
    return { known: body.known, unknown: body.unknown, unverified: body.unverified };
  } catch {
    return null;
  }
}

runBenchmark({ name: 'enumeration', usage: USAGE, parse: parseEnumerationOptions }, main);
