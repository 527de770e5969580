/** One child service process of the launcher: output prefixed with its name, stopped with SIGTERM. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ServiceSpec {
  name: string;
  /** Absolute path of the compiled entry point. */
  entry: string;
  /** Node and V8 flags, before the entry point. */
  nodeArgs?: readonly string[];
  env: Readonly<Record<string, string>>;
  /** Command-line arguments after the entry point. */
  args?: readonly string[];
}

export interface RunningService {
  readonly name: string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  readonly exited: Promise<string>;
  stop(graceMs?: number): Promise<void>;
}

export function startService(spec: ServiceSpec): RunningService {
  const child = spawn(
    process.execPath,
    [...(spec.nodeArgs ?? []), spec.entry, ...(spec.args ?? [])],
    {
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      process.stdout.write(`[${spec.name}] ${line}\n`);
    });
  }
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve(signal ?? String(code));
    });
  });
  let done = false;
  void exited.then(() => {
    done = true;
  });
  return {
    name: spec.name,
    exited,
    async stop(graceMs = 10_000) {
      if (done) {
        return;
      }
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
