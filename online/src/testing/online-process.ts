/**
 * The real online service in a child process (src/main.ts through tsx, as main.int.test.ts runs
 * it), for fault-injection runs: waits for /healthz, reads the local keys, captures the log.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '@mediassist/tooling/free-port';

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface OnlineProcess {
  readonly base: string;
  readonly keys: Readonly<Record<string, string>>;
  /** Everything the process wrote so far (JSON log lines and anything else). */
  output(): string;
  readonly exited: Promise<string>;
  stop(): Promise<void>;
}

export async function startOnlineProcess(options: {
  home: string;
  redisUrl: string;
  env?: Readonly<Record<string, string>>;
  startTimeoutMs?: number;
}): Promise<OnlineProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--conditions=@mediassist/source', '--import', 'tsx', 'src/main.ts'],
    {
      cwd: PACKAGE_DIR,
      env: {
        ...process.env,
        REDIS_URL: options.redisUrl,
        MEDIASSIST_HOME: options.home,
        PORT: String(port),
        LOG_LEVEL: 'info',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const state = { done: false };
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      state.done = true;
      resolve(signal ?? String(code));
    });
  });
  const base = `http://127.0.0.1:${String(port)}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (state.done) {
      throw new Error(`online exited during start-up:\n${output.slice(-2000)}`);
    }
    try {
      if ((await fetch(`${base}/healthz`)).ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('online service did not become healthy in time');
    }
    await sleep(100);
  }
  const credentials = JSON.parse(
    readFileSync(path.join(options.home, 'secrets', 'local-api-keys.json'), 'utf8'),
  ) as { keys: Record<string, string> };
  return {
    base,
    keys: credentials.keys,
    output: () => output,
    exited,
    async stop() {
      if (state.done) {
        return;
      }
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
