/** A private redis-server on loopback (AOF on, noeviction), for the launcher and integration tests. */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';
import { ensureRedisServer } from './redis-binary.js';

export interface LocalRedis {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly pid: number;
  /** SIGTERM, then wait for exit (SIGKILL after the grace period). Safe to call twice. */
  stop(): Promise<void>;
  /** SIGKILL without a clean shutdown, as a crash would. */
  kill(): Promise<void>;
}

export interface StartLocalRedisOptions {
  dataDir: string;
  /** Reuse a port (e.g. to restart on the same AOF); a free one is picked otherwise. */
  port?: number;
  /** Extra redis-server arguments, e.g. ['--cluster-enabled', 'yes']. */
  extraArgs?: readonly string[];
  /**
   * `auto-aof-rewrite-min-size` (e.g. `1gb`; Redis's default 64mb): raise it for bulk loads, so
   * the AOF is not rewritten while a materialization streams hundreds of megabytes in.
   */
  aofRewriteMinSize?: string;
  /** Install Debian's redis-server when missing and running as root. */
  install?: boolean;
  /**
   * Run Redis in its own process group (the launcher): a terminal's Ctrl-C then reaches the
   * launcher and the services but not Redis, which the launcher stops last, after the services have
   * drained into it. Off for tests, where Redis should die with the runner's process group.
   */
  ownProcessGroup?: boolean;
  startTimeoutMs?: number;
}

export function redisServerArgs(options: { port: number; dataDir: string }): string[] {
  return [
    '--port',
    String(options.port),
    '--bind',
    '127.0.0.1',
    '--dir',
    options.dataDir,
    '--logfile',
    path.join(options.dataDir, 'redis.log'),
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    '--maxmemory-policy',
    'noeviction',
    '--save',
    '',
    '--daemonize',
    'no',
  ];
}

export async function startLocalRedis(options: StartLocalRedisOptions): Promise<LocalRedis> {
  const { dataDir, extraArgs = [], install = true, startTimeoutMs = 10_000 } = options;
  const binary = ensureRedisServer({ install });
  const port = options.port ?? (await freePort());
  mkdirSync(dataDir, { recursive: true });

  const rewrite = options.aofRewriteMinSize
    ? ['--auto-aof-rewrite-min-size', options.aofRewriteMinSize]
    : [];
  const child = spawn(binary, [...redisServerArgs({ port, dataDir }), ...rewrite, ...extraArgs], {
    stdio: 'ignore',
    detached: options.ownProcessGroup ?? false,
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  let running = true;
  void exited.then(() => {
    running = false;
  });
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const url = `redis://127.0.0.1:${String(port)}`;
  await waitUntilReady({ url, isRunning: () => running, timeoutMs: startTimeoutMs, dataDir });

  const terminate = async (signal: NodeJS.Signals): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (!running) {
      return;
    }
    child.kill(signal);
    const grace = sleep(5_000).then(() => child.kill('SIGKILL'));
    await Promise.race([exited, grace]);
    await exited;
  };

  return {
    url,
    port,
    dataDir,
    pid: child.pid ?? -1,
    stop: () => terminate('SIGTERM'),
    kill: () => terminate('SIGKILL'),
  };
}

async function waitUntilReady(options: {
  url: string;
  isRunning: () => boolean;
  timeoutMs: number;
  dataDir: string;
}): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (!options.isRunning()) {
      throw new Error(`redis-server exited during start-up:\n${logTail(options.dataDir)}`);
    }
    const client = new Redis(options.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      // While an AOF is replayed the server answers LOADING, which rejects; PONG means ready.
      await client.ping();
      return;
    } catch {
      // not accepting connections yet
    } finally {
      client.disconnect();
    }
    await sleep(25);
  }
  throw new Error(`redis-server did not answer within ${String(options.timeoutMs)} ms`);
}

function logTail(dataDir: string): string {
  try {
    return readFileSync(path.join(dataDir, 'redis.log'), 'utf8').split('\n').slice(-10).join('\n');
  } catch {
    return '(no redis.log)';
  }
}
