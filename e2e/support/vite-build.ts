import { spawn } from 'node:child_process';

export interface ViteBuild {
  /** The URL path the app is served under, e.g. `/react/`. */
  base: string;
  outDir: string;
  /** Passed as VITE_OTP_VERIFIER_URL, as the example's README tells its readers to build it. */
  verifierUrl: string;
}

/** Builds a Vite example app with its own config and dependencies. */
export function buildViteExample(exampleDir: string, { base, outDir, verifierUrl }: ViteBuild): Promise<void> {
  const args = ['exec', 'vite', 'build', '--base', base, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  const child = spawn('pnpm', args, {
    cwd: exampleDir,
    env: { ...process.env, VITE_OTP_VERIFIER_URL: verifierUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build in ${exampleDir} exited with ${code}:\n${output}`)),
    );
  });
}
