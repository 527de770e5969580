/**
 * `npm run bench:online`: POST /api/v1/assist under load, with the service (online/dist/main.js),
 * Redis and the load generator (autocannon) on this machine. Seeds 10,000 patients' features,
 * serves the registry's production model (or publishes a same-shaped one), then measures:
 *   1. 1,000 req/s for 30 s: p50/p99, errors;
 *   2. maximum sustained throughput, and the same for a bare Hono + one Redis read floor server;
 *   3. 1,000 req/s for 30 s with Redis stopped: p99, 5xx, and that every answer was guidelines-only.
 * The last line is one JSON object. Env: BENCH_RATE, BENCH_SECONDS, BENCH_PATIENTS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureRegistry } from '@mediassist/feature-store/definitions';
import { RedisOnlineStore } from '@mediassist/feature-store/online';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { freePort } from '@mediassist/tooling/free-port';
import { startLocalRedis } from '@mediassist/tooling/local-redis';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { generateApiKey, hashApiKey } from '../src/auth/api-key.js';
import { benchModelRegistry } from './stand-in-model.js';
import { seededRandom, syntheticFeatures, syntheticRequest } from './synthetic-patients.js';

const ONLINE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPO_DIR = path.resolve(ONLINE_DIR, '..');
const RATE = Number(process.env['BENCH_RATE'] ?? 1000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 30);
const PATIENTS = Number(process.env['BENCH_PATIENTS'] ?? 10_000);
const CONNECTIONS = 64;
const log = (message: string): void => {
  process.stderr.write(`[bench:online] ${message}\n`);
};

async function seed(redis: Redis, kb: ReturnType<typeof loadKnowledgeBase>): Promise<void> {
  const store = new RedisOnlineStore({ redis, registry: featureRegistry });
  const random = seededRandom(7);
  const now = Date.now();
  for (let start = 0; start < PATIENTS; start += 500) {
    const batch = Array.from({ length: Math.min(500, PATIENTS - start) }, (_, i) =>
      syntheticFeatures({ kb, random, patient: start + i, now }),
    );
    await store.writeMany(batch);
  }
}

/** Starts a node process; its output (JSON log lines) goes to `logFile`. */
function startProcess(args: string[], options: { env: NodeJS.ProcessEnv; logFile: string }) {
  const out = openSync(options.logFile, 'a');
  return spawn(process.execPath, args, {
    cwd: ONLINE_DIR,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', out, out],
  });
}

async function waitFor(url: string, ok: (res: Response) => Promise<boolean>): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      if (await ok(await fetch(url))) {
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      throw new Error(`${url} did not become ready`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Load {
  url: string;
  headers?: Record<string, string>;
  bodies?: readonly string[];
  seconds: number;
  rate?: number;
}

function load(options: Load): Promise<autocannon.Result> {
  let next = 0;
  const bodies = options.bodies ?? ['{}'];
  return autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    connections: CONNECTIONS,
    duration: options.seconds,
    ...(options.rate === undefined ? {} : { overallRate: options.rate }),
    requests: [
      {
        setupRequest: (request) => {
          next = (next + 1) % bodies.length;
          const body = bodies[next] ?? '{}';
          return options.bodies
            ? { ...request, body }
            : { ...request, path: `/floor/${String(next % PATIENTS)}` };
        },
      },
    ],
  });
}

const summary = (r: autocannon.Result) => ({
  rps: Math.round(r.requests.average),
  p50Ms: r.latency.p50,
  p99Ms: r.latency.p99,
  maxMs: r.latency.max,
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
  status5xx: r['5xx'],
});

async function fallbackTotal(base: string, headers: Record<string, string>): Promise<number> {
  const text = await (await fetch(`${base}/metrics`, { headers })).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('mediassist_fallback_total{'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ONLINE_DIR, 'dist', 'main.js'))) {
    throw new Error('build first: npx turbo run build --filter=@mediassist/online');
  }
  const home = mkdtempSync(path.join(tmpdir(), 'bench-online-'));
  const kb = loadKnowledgeBase();
  const redisServer = await startLocalRedis({ dataDir: path.join(home, 'redis') });
  const children: ChildProcess[] = [];
  try {
    const redis = new Redis(redisServer.url);
    log(`seeding ${String(PATIENTS)} patients`);
    await seed(redis, kb);
    redis.disconnect();
    const model = await benchModelRegistry({ repoDir: REPO_DIR, home, kb });
    const clinician = generateApiKey();
    const admin = generateApiKey();
    const port = await freePort();
    const serviceLog = path.join(home, 'online.log');
    const base = `http://127.0.0.1:${String(port)}`;
    children.push(
      startProcess(['dist/main.js'], {
        logFile: serviceLog,
        env: {
          REDIS_URL: redisServer.url,
          MEDIASSIST_HOME: home,
          PORT: String(port),
          LOG_LEVEL: 'info',
          LOCAL_DEV_KEYS: 'false',
          API_KEYS: JSON.stringify([
            { id: 'bench', subject: 'bench', roles: ['clinician'], sha256: hashApiKey(clinician) },
            { id: 'ops', subject: 'ops', roles: ['admin'], sha256: hashApiKey(admin) },
          ]),
          RATE_LIMIT_BURST: '1000000',
          RATE_LIMIT_PER_SECOND: '1000000',
          MODEL_REGISTRY_DIR: model.dir,
        },
      }),
    );
    await waitFor(`${base}/readyz`, async (res) => {
      const body = (await res.json()) as { mode?: string };
      return body.mode === 'full';
    }).catch((error: unknown) => {
      log(readFileSync(serviceLog, 'utf8').split('\n').slice(-20).join('\n'));
      throw error;
    });
    const random = seededRandom(42);
    const bodies = Array.from({ length: 2_000 }, () =>
      JSON.stringify(syntheticRequest({ kb, random, patients: PATIENTS })),
    );
    const url = `${base}/api/v1/assist`;
    const headers = { 'x-api-key': clinician };
    const ops = { 'x-api-key': admin };
    log(`model: ${model.source}; warming up`);
    await load({ url, headers, bodies, seconds: 10, rate: RATE / 2 });

    log(`${String(RATE)} req/s for ${String(SECONDS)} s`);
    const fixed = summary(await load({ url, headers, bodies, seconds: SECONDS, rate: RATE }));
    log(JSON.stringify(fixed));
    log('maximum throughput (10 s)');
    const max = summary(await load({ url, headers, bodies, seconds: 10 }));
    log(JSON.stringify(max));

    const floorPort = await freePort();
    const floor = startProcess(
      [
        '--conditions=@mediassist/source',
        '--import',
        'tsx',
        'bench/floor-server.ts',
        String(floorPort),
        redisServer.url,
      ],
      { env: {}, logFile: path.join(home, 'floor.log') },
    );
    children.push(floor);
    const floorBase = `http://127.0.0.1:${String(floorPort)}`;
    await waitFor(`${floorBase}/healthz`, (res) => Promise.resolve(res.ok));
    await load({ url: `${floorBase}/floor`, seconds: 5 });
    const floorMax = summary(await load({ url: `${floorBase}/floor`, seconds: 10 }));
    log(`floor: ${JSON.stringify(floorMax)}`);
    floor.kill('SIGTERM');

    log(`Redis stopped: ${String(RATE)} req/s for ${String(SECONDS)} s`);
    await redisServer.stop();
    const before = await fallbackTotal(base, ops);
    const stopped = await load({ url, headers, bodies, seconds: SECONDS, rate: RATE });
    const fallbacks = (await fallbackTotal(base, ops)) - before;
    const fallback = summary(stopped);
    log(JSON.stringify({ ...fallback, answers: stopped['2xx'], guidelinesOnly: fallbacks }));

    const result = {
      bench: 'online-assist',
      model: model.source,
      patients: PATIENTS,
      rate: RATE,
      seconds: SECONDS,
      p50_ms: fixed.p50Ms,
      p99_ms: fixed.p99Ms,
      errors: fixed.errors + fixed.non2xx,
      achieved_rps: fixed.rps,
      max_rps: max.rps,
      max_p99_ms: max.p99Ms,
      floor_rps: floorMax.rps,
      ratio: Math.round((max.rps / floorMax.rps) * 100) / 100,
      fallback_p50_ms: fallback.p50Ms,
      fallback_p99_ms: fallback.p99Ms,
      fallback_5xx: fallback.status5xx,
      fallback_errors: fallback.errors + fallback.non2xx,
      fallback_all_guidelines_only: fallbacks >= stopped['2xx'] && stopped['2xx'] > 0,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    for (const child of children) {
      child.kill('SIGTERM');
    }
    await redisServer.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
