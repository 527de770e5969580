/**
 * `npm run bench:scale-online`: the built online service as one process (dist/main.js) and as
 * WEB_CONCURRENCY worker processes on one port (dist/serve-cluster.js), with the request mix of
 * `bench:online` (same seeded synthetic patients and 2,000 request bodies, the same stand-in or
 * trained model, one Redis). For each: once every worker listens, a 10 s warm-up, then closed-loop
 * maximum throughput with autocannon (64 connections, BENCH_SECONDS). The load generator runs on
 * the same 2 cores, so N processes can at best use what it leaves; the load average is reported
 * with every figure. The last stdout line is one JSON object. Env: BENCH_SECONDS (10),
 * BENCH_PROCESSES (2), BENCH_PATIENTS (10,000).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureRegistry } from '@mediassist/feature-store/definitions';
import { RedisOnlineStore } from '@mediassist/feature-store/online';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { freePort } from '@mediassist/tooling/free-port';
import { startLocalRedis } from '@mediassist/tooling/local-redis';
import { ONLINE_NODE_FLAGS } from '@mediassist/tooling/online-node-flags';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { generateApiKey, hashApiKey } from '../src/auth/api-key.js';
import { logSays } from './log-says.js';
import { benchModelRegistry } from './stand-in-model.js';
import { seededRandom, syntheticFeatures, syntheticRequest } from './synthetic-patients.js';

const ONLINE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPO_DIR = path.resolve(ONLINE_DIR, '..');
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const PROCESSES = Number(process.env['BENCH_PROCESSES'] ?? 2);
const PATIENTS = Number(process.env['BENCH_PATIENTS'] ?? 10_000);
const log = (message: string): void => {
  process.stderr.write(`[bench:scale-online] ${message}\n`);
};
const load1 = (): number => Number((loadavg()[0] ?? 0).toFixed(1));

async function waitReady(base: string, logFile: string): Promise<void> {
  const until = Date.now() + 90_000;
  for (;;) {
    try {
      const res = await fetch(`${base}/readyz`);
      if (((await res.json()) as { mode?: string }).mode === 'full') {
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      log(readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n'));
      throw new Error('service did not become ready');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function maxLoad(options: {
  url: string;
  headers: Record<string, string>;
  bodies: readonly string[];
  seconds: number;
}): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    connections: 64,
    duration: options.seconds,
    requests: [
      {
        setupRequest: (request) => {
          next = (next + 1) % options.bodies.length;
          return { ...request, body: options.bodies[next] ?? '{}' };
        },
      },
    ],
  });
}

async function main(): Promise<void> {
  for (const entry of ['main.js', 'serve-cluster.js']) {
    if (!existsSync(path.join(ONLINE_DIR, 'dist', entry))) {
      throw new Error(
        `build first (dist/${entry} missing): npx turbo run build --filter=@mediassist/online`,
      );
    }
  }
  const home = mkdtempSync(path.join(tmpdir(), 'scale-online-'));
  const kb = loadKnowledgeBase();
  const redisServer = await startLocalRedis({ dataDir: path.join(home, 'redis') });
  let child: ChildProcess | undefined;
  try {
    const redis = new Redis(redisServer.url);
    const store = new RedisOnlineStore({ redis, registry: featureRegistry });
    const random = seededRandom(7);
    const now = Date.now();
    for (let start = 0; start < PATIENTS; start += 500) {
      await store.writeMany(
        Array.from({ length: Math.min(500, PATIENTS - start) }, (_, i) =>
          syntheticFeatures({ kb, random, patient: start + i, now }),
        ),
      );
    }
    redis.disconnect();
    const model = await benchModelRegistry({ repoDir: REPO_DIR, home, kb });
    const clinician = generateApiKey();
    const requestRandom = seededRandom(42);
    const bodies = Array.from({ length: 2_000 }, () =>
      JSON.stringify(syntheticRequest({ kb, random: requestRandom, patients: PATIENTS })),
    );
    const modes = [
      { name: 'one-process', entry: 'dist/main.js', processes: 1 },
      { name: 'multi-process', entry: 'dist/serve-cluster.js', processes: PROCESSES },
    ];
    const results = [];
    for (const mode of modes) {
      const port = await freePort();
      const logFile = path.join(home, `${mode.name}.log`);
      child = spawn(process.execPath, [...ONLINE_NODE_FLAGS, mode.entry], {
        cwd: ONLINE_DIR,
        env: {
          ...process.env,
          REDIS_URL: redisServer.url,
          MEDIASSIST_HOME: home,
          PORT: String(port),
          WEB_CONCURRENCY: String(mode.processes),
          LOG_LEVEL: 'info',
          LOCAL_DEV_KEYS: 'false',
          API_KEYS: JSON.stringify([
            { id: 'bench', subject: 'bench', roles: ['clinician'], sha256: hashApiKey(clinician) },
          ]),
          RATE_LIMIT_BURST: '1000000',
          RATE_LIMIT_PER_SECOND: '1000000',
          MODEL_REGISTRY_DIR: model.dir,
        },
        stdio: ['ignore', openSync(logFile, 'a'), openSync(logFile, 'a')],
      });
      const base = `http://127.0.0.1:${String(port)}`;
      await waitReady(base, logFile);
      // Every worker must have loaded before the clock starts, not just the first to answer.
      if (mode.processes > 1) {
        await logSays(logFile, 'online service listening (multi-process)');
      }
      const url = `${base}/api/v1/assist`;
      const headers = { 'x-api-key': clinician };
      await maxLoad({ url, headers, bodies, seconds: 10 });
      const loadBefore = load1();
      const r = await maxLoad({ url, headers, bodies, seconds: SECONDS });
      const result = {
        mode: mode.name,
        processes: mode.processes,
        rps: Math.round(r.requests.average),
        p50_ms: r.latency.p50,
        p99_ms: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors,
        load_average_1m_before: loadBefore,
        load_average_1m_after: load1(),
      };
      log(JSON.stringify(result));
      results.push(result);
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      child = undefined;
    }
    const [one, multi] = results;
    process.stdout.write(
      `${JSON.stringify({
        bench: 'scale-online',
        model: model.source,
        patients: PATIENTS,
        seconds: SECONDS,
        connections: 64,
        cpus: 2,
        one_process_rps: one?.rps ?? null,
        multi_process_rps: multi?.rps ?? null,
        speedup: one && multi && one.rps > 0 ? Number((multi.rps / one.rps).toFixed(2)) : null,
        runs: results,
      })}\n`,
    );
  } finally {
    child?.kill('SIGKILL');
    await redisServer.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
