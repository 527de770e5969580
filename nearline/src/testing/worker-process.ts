/** Spawns the real worker process (src/main.ts through tsx), for crash tests and the benchmark. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Resolves with the metrics port once the process logged `nearline ready`. */
  readonly ready: Promise<number>;
  /** Resolves with the exit code (or the signal's name). */
  readonly exited: Promise<string>;
  /** Log lines so far (JSON). */
  logs(): Record<string, unknown>[];
  kill(signal: NodeJS.Signals): void;
}

/** `nodeArgs` go before the script, e.g. `--cpu-prof` (not allowed in NODE_OPTIONS). */
export function spawnWorkerProcess(
  env: Record<string, string>,
  options: { nodeArgs?: readonly string[] } = {},
): WorkerProcess {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--conditions=@mediassist/source', '--import', 'tsx', MAIN],
    {
      cwd: PACKAGE_DIR,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: Record<string, unknown>[] = [];
  let onReady: (port: number) => void = () => undefined;
  let onFail: (error: Error) => void = () => undefined;
  const ready = new Promise<number>((resolve, reject) => {
    onReady = resolve;
    onFail = reject;
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        lines.push(parsed);
        if (parsed['msg'] === 'nearline ready') {
          onReady(Number(parsed['metricsPort']));
        }
      } catch {
        lines.push({ raw: line });
      }
    });
  }
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      onFail(new Error(`worker exited before it was ready (${signal ?? String(code)})`));
      resolve(signal ?? String(code));
    });
  });
  return {
    child,
    ready,
    exited,
    logs: () => lines,
    kill: (signal) => {
      child.kill(signal);
    },
  };
}
