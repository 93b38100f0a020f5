/**
 * What the benchmark must undo however it ends: child processes and temporary directories.
 * `now` runs synchronously from the process's `exit` event (last resort); `gracefully` runs on
 * a normal end and on Ctrl-C / SIGTERM, newest task first, so children stop before their
 * directories are removed.
 */
export interface CleanupTask {
  name: string;
  now(): void;
  gracefully(): Promise<void>;
}

const tasks: CleanupTask[] = [];
let installed = false;
let shuttingDown = false;

/** True once the benchmark has begun to stop its children: their exits are then expected. */
export function isShuttingDown(): boolean {
  return shuttingDown;
}

export function registerCleanup(task: CleanupTask): void {
  installSignalHandlers();
  tasks.push(task);
}

export async function cleanUp(): Promise<void> {
  shuttingDown = true;
  while (tasks.length > 0) {
    const task = tasks.pop() as CleanupTask;
    try {
      await task.gracefully();
    } catch (error) {
      console.error(`cleanup of ${task.name} failed: ${(error as Error).message}`);
      runNow(task);
    }
  }
}

function runNow(task: CleanupTask): void {
  try {
    task.now();
  } catch {
    // Nothing more can be done on the way out.
  }
}

function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  process.once('exit', () => {
    shuttingDown = true;
    for (const task of tasks.reverse()) runNow(task);
  });
  const signals = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
  for (const [signal, number] of Object.entries(signals)) {
    process.once(signal, () => {
      shuttingDown = true;
      console.error(`\n${signal}: stopping the child processes and removing temporary files…`);
      void cleanUp().finally(() => process.exit(128 + number));
    });
  }
}
