/**
 * `npm run bench:online`: POST /api/v1/assist under load, with the service (its own processes, as
 * deployed), Redis and the load generator on this machine. Seeds 10,000 patients' features,
 * serves the registry's production model (or publishes a same-shaped one), warms up (10 s at the
 * measured rate, not counted: every worker's JIT and heap settle at the load measured), then measures:
 *   1. 1,000 req/s for 30 s, open loop (open-loop.ts: latency from each request's due time):
 *      p50/p99, errors, the service's CPU per request (from /proc, unaffected by queueing), and
 *      which tier answered (the fallback counters by reason before and after: `model_share` is
 *      the share of answers the model took part in);
 *   2. maximum throughput (autocannon, closed loop, 64 connections; `max_model_share`: the share
 *      the model took part in, the rest shed as `overloaded`), and the same for a bare Hono +
 *      one Redis read floor server (floor-server.ts), plus the floor at the fixed rate;
 *   3. 1,000 req/s for 30 s with Redis stopped: p99, 5xx, and that every answer was guidelines-only.
 * The last line is one JSON object, with the load average (other work on the machine) at the start
 * and end and, per fixed-rate phase, the machine's busy share and the share the hypervisor stole.
 * Env: BENCH_RATE, BENCH_SECONDS, BENCH_PATIENTS; BENCH_SERVICE_NODE_ARGS (e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the service alone; BENCH_PHASES (default
 * `fixed,max,floor,stopped`) runs fewer phases (figures of a skipped phase are null);
 * BENCH_SERVICE_PROCESSES: the service runs as deployed, dist/serve-cluster.js with one worker per
 * CPU (WEB_CONCURRENCY; its CPU summed over its processes), and the floor server with as many; 1
 * runs dist/main.js alone (as `npm start` does) and one floor process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent } from 'node:http';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
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
import { openLoop, type OpenLoopResult } from './open-loop.js';
import { benchModelRegistry } from './stand-in-model.js';
import { seededRandom, syntheticFeatures, syntheticRequest } from './synthetic-patients.js';

const ONLINE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPO_DIR = path.resolve(ONLINE_DIR, '..');
const RATE = Number(process.env['BENCH_RATE'] ?? 1000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 30);
const PATIENTS = Number(process.env['BENCH_PATIENTS'] ?? 10_000);
const CONNECTIONS = 64;
/** As deployed (deploy/docker-compose.yml, serve-cluster.ts): one process per CPU. */
const SERVICE_PROCESSES = Number(process.env['BENCH_SERVICE_PROCESSES'] ?? availableParallelism());
/** Which phases to run (a quicker look while profiling): fixed, max, floor, stopped. */
const PHASES = new Set((process.env['BENCH_PHASES'] ?? 'fixed,max,floor,stopped').split(','));
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

/**
 * CPU time so far (user + system, ms) of a process and its children (cluster workers) from /proc:
 * queueing and other load do not count.
 */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) {
    return 0;
  }
  const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the stat line, in USER_HZ (100 per second on Linux).
  const own = (Number(fields[11]) + Number(fields[12])) * 10;
  const children = readFileSync(`/proc/${String(pid)}/task/${String(pid)}/children`, 'utf8')
    .split(' ')
    .filter(Boolean)
    .map(Number);
  return children.reduce((sum, child) => sum + cpuMs(child), own);
}

/**
 * The whole machine's CPU ticks so far (all cores, /proc/stat): busy, stolen by the hypervisor (a
 * noisy neighbour on a VM), and in all. A phase's shares tell a slow run of the code from a busy host.
 */
function machineTicks(): { busy: number; steal: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
    line.trim().split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq;
  return { busy, steal, total: busy + idle + iowait + steal };
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

/** Closed-loop maximum throughput: 64 connections, each sending as soon as it has an answer. */
function maxLoad(options: {
  url: string;
  headers?: Record<string, string>;
  bodies?: readonly string[];
  seconds: number;
}): Promise<autocannon.Result> {
  let next = 0;
  const bodies = options.bodies ?? ['{}'];
  return autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    connections: CONNECTIONS,
    duration: options.seconds,
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
  answered: r.requests.total,
  p50Ms: r.latency.p50,
  p99Ms: r.latency.p99,
  maxMs: r.latency.max,
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
  status5xx: r['5xx'],
});

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** An open-loop run at `rate`, with the CPU the service (`pid`) and this generator spent per answer. */
async function fixedRate(options: {
  url: string;
  headers?: Record<string, string>;
  bodies?: readonly string[];
  pathFor?: (i: number) => string;
  rate: number;
  seconds: number;
  pid: number | undefined;
  agent?: Agent;
}): Promise<
  OpenLoopResult & {
    serviceCpuMsPerRequest: number;
    loadCpuMsPerRequest: number;
    machineBusyShare: number;
    stealShare: number;
  }
> {
  const { pid, ...load } = options;
  const before = cpuMs(pid);
  const machine = machineTicks();
  const generator = process.cpuUsage();
  const result = await openLoop({
    ...load,
    headers: { 'content-type': 'application/json', ...options.headers },
    connections: CONNECTIONS,
  });
  const used = process.cpuUsage(generator);
  const answered = Math.max(1, result.answered);
  const after = machineTicks();
  const ticks = Math.max(1, after.total - machine.total);
  return {
    ...result,
    serviceCpuMsPerRequest: round2((cpuMs(pid) - before) / answered),
    loadCpuMsPerRequest: round2((used.user + used.system) / 1_000 / answered),
    machineBusyShare: round2((after.busy - machine.busy) / ticks),
    stealShare: Math.round(((after.steal - machine.steal) / ticks) * 1_000) / 1_000,
  };
}

/** The service's fallback counts by reason from a Prometheus endpoint (a cluster's: summed). */
async function fallbackCounts(
  url: string,
  headers: Record<string, string>,
): Promise<Record<string, number>> {
  const text = await (await fetch(url, { headers })).text();
  const counts: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const reason = /^mediassist_fallback_total\{reason="([^"]+)"\} (\S+)$/.exec(line);
    if (reason?.[1] !== undefined) {
      counts[reason[1]] = (counts[reason[1]] ?? 0) + Number(reason[2]);
    }
  }
  return counts;
}

/** A phase's successful answers. */
const successful = (r: { answered: number; non2xx: number }): number => r.answered - r.non2xx;

/** What a phase's answers were: guidelines-only by reason, and the share the model answered. */
interface Tiers {
  fallbacks: number;
  fallbackReasons: Record<string, number>;
  modelShare: number;
}

/**
 * `phase`'s result with its Tiers (the service's fallback counters before and after); `ok` counts
 * its successful answers.
 */
async function withTiers<T>(
  metrics: { url: string; headers: Record<string, string> },
  phase: () => Promise<T>,
  ok: (result: T) => number,
): Promise<T & Tiers> {
  const before = await fallbackCounts(metrics.url, metrics.headers);
  const result = await phase();
  const after = await fallbackCounts(metrics.url, metrics.headers);
  const fallbackReasons: Record<string, number> = {};
  let fallbacks = 0;
  for (const [reason, count] of Object.entries(after)) {
    const delta = count - (before[reason] ?? 0);
    if (delta > 0) {
      fallbackReasons[reason] = delta;
      fallbacks += delta;
    }
  }
  const answers = ok(result);
  const modelShare = answers > 0 ? round2(Math.max(0, answers - fallbacks) / answers) : 0;
  return { ...result, fallbacks, fallbackReasons, modelShare };
}

/** The floor server (its own process): closed-loop maximum, then the fixed rate, open loop. */
async function measureFloor(redisUrl: string, home: string) {
  const floorPort = await freePort();
  const floorLog = path.join(home, 'floor.log');
  const floor = startProcess(
    [
      '--conditions=@mediassist/source',
      '--import',
      'tsx',
      'bench/floor-server.ts',
      String(floorPort),
      redisUrl,
      String(SERVICE_PROCESSES),
    ],
    { env: {}, logFile: floorLog },
  );
  try {
    const floorBase = `http://127.0.0.1:${String(floorPort)}`;
    await logSays(floorLog, 'listening\n', SERVICE_PROCESSES);
    await maxLoad({ url: `${floorBase}/floor`, seconds: 5 });
    const max = summary(await maxLoad({ url: `${floorBase}/floor`, seconds: 10 }));
    const fixed = await fixedRate({
      url: `${floorBase}/floor`,
      bodies: ['{}'],
      pathFor: (i) => `/floor/${String(i % PATIENTS)}`,
      rate: RATE,
      seconds: 10,
      pid: floor.pid,
    });
    return { max, fixed };
  } finally {
    floor.kill('SIGTERM');
  }
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
    const loadAtStart = loadavg().map(round2);
    const serviceArgs = (process.env['BENCH_SERVICE_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
    const clustered = SERVICE_PROCESSES > 1;
    const entry = clustered ? 'dist/serve-cluster.js' : 'dist/main.js';
    const clusterMetricsPort = await freePort();
    const metricsUrl = clustered
      ? `http://127.0.0.1:${String(clusterMetricsPort)}/metrics`
      : `${base}/metrics`;
    const service = startProcess([...ONLINE_NODE_FLAGS, ...serviceArgs, entry], {
      logFile: serviceLog,
      env: {
        WEB_CONCURRENCY: String(SERVICE_PROCESSES),
        ...(clustered ? { CLUSTER_METRICS_PORT: String(clusterMetricsPort) } : {}),
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
    });
    children.push(service);
    await waitFor(`${base}/readyz`, async (res) => {
      const body = (await res.json()) as { mode?: string };
      return body.mode === 'full';
    }).catch((error: unknown) => {
      log(readFileSync(serviceLog, 'utf8').split('\n').slice(-20).join('\n'));
      throw error;
    });
    if (clustered) {
      await logSays(serviceLog, 'online service listening (multi-process)');
    }
    const random = seededRandom(42);
    const bodies = Array.from({ length: 2_000 }, () =>
      JSON.stringify(syntheticRequest({ kb, random, patients: PATIENTS })),
    );
    const url = `${base}/api/v1/assist`;
    const headers = { 'x-api-key': clinician };
    const ops = { 'x-api-key': admin };
    const pid = service.pid;
    // The warm-up also connects the pool the measured runs send through, as a proxy's would be.
    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    log(`model: ${model.source}; warming up (10 s at ${String(RATE)} req/s, not counted)`);
    await fixedRate({ url, headers, bodies, seconds: 10, rate: RATE, pid, agent });

    const metrics = { url: metricsUrl, headers: ops };
    const fixed = PHASES.has('fixed')
      ? await withTiers(
          metrics,
          () => fixedRate({ url, headers, bodies, seconds: SECONDS, rate: RATE, pid, agent }),
          successful,
        )
      : undefined;
    log(`${String(RATE)} req/s for ${String(SECONDS)} s, open loop: ${JSON.stringify(fixed)}`);
    const max = PHASES.has('max')
      ? await withTiers(
          metrics,
          async () => summary(await maxLoad({ url, headers, bodies, seconds: 10 })),
          successful,
        )
      : undefined;
    log(`maximum throughput (10 s, closed loop): ${JSON.stringify(max)}`);
    const floor = PHASES.has('floor') ? await measureFloor(redisServer.url, home) : undefined;
    log(`floor: ${JSON.stringify(floor)}`);

    let stopped: (Awaited<ReturnType<typeof fixedRate>> & Tiers) | undefined;
    let allGuidelinesOnly: boolean | undefined;
    if (PHASES.has('stopped')) {
      await redisServer.stop();
      stopped = await withTiers(
        metrics,
        () => fixedRate({ url, headers, bodies, seconds: SECONDS, rate: RATE, pid, agent }),
        successful,
      );
      const ok = successful(stopped);
      allGuidelinesOnly = stopped.fallbacks >= ok && ok > 0;
      log(`Redis stopped, ${String(RATE)} req/s: ${JSON.stringify(stopped)}`);
    }

    agent.destroy();
    const result = {
      bench: 'online-assist',
      model: model.source,
      patients: PATIENTS,
      rate: RATE,
      seconds: SECONDS,
      service_processes: SERVICE_PROCESSES,
      load: 'open-loop',
      p50_ms: fixed?.p50Ms ?? null,
      p99_ms: fixed?.p99Ms ?? null,
      max_ms: fixed?.maxMs ?? null,
      errors: fixed ? fixed.errors + fixed.non2xx + fixed.timeouts : null,
      model_share: fixed?.modelShare ?? null,
      fallbacks_by_reason: fixed?.fallbackReasons ?? null,
      achieved_rps: fixed?.rps ?? null,
      service_cpu_ms_per_request: fixed?.serviceCpuMsPerRequest ?? null,
      load_cpu_ms_per_request: fixed?.loadCpuMsPerRequest ?? null,
      machine_busy_share: fixed?.machineBusyShare ?? null,
      steal_share: fixed?.stealShare ?? null,
      max_rps: max?.rps ?? null,
      max_model_share: max?.modelShare ?? null,
      max_p99_ms: max?.p99Ms ?? null,
      floor_rps: floor?.max.rps ?? null,
      floor_p99_ms_at_rate: floor?.fixed.p99Ms ?? null,
      floor_service_cpu_ms_per_request: floor?.fixed.serviceCpuMsPerRequest ?? null,
      ratio: max && floor ? Math.round((max.rps / floor.max.rps) * 100) / 100 : null,
      fallback_p50_ms: stopped?.p50Ms ?? null,
      fallback_p99_ms: stopped?.p99Ms ?? null,
      fallback_5xx: stopped?.status5xx ?? null,
      fallback_errors: stopped ? stopped.errors + stopped.non2xx + stopped.timeouts : null,
      fallback_service_cpu_ms_per_request: stopped?.serviceCpuMsPerRequest ?? null,
      fallback_machine_busy_share: stopped?.machineBusyShare ?? null,
      fallback_steal_share: stopped?.stealShare ?? null,
      fallback_all_guidelines_only: allGuidelinesOnly ?? null,
      load_average_start: loadAtStart,
      load_average_end: loadavg().map(round2),
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
