/**
 * `npm run bench:online-http-cpu`: the service's CPU time per `POST /api/v1/assist` over real HTTP
 * (node:http + @hono/node-server, as `main.ts` serves it), which `bench:online-cpu`
 * (`app.request()`, undici's Request/Response) does not exercise. The app is built as in
 * assist-cpu.ts and served on a loopback port; a client in a child process sends the requests
 * (keep-alive, BENCH_CONCURRENCY at a time), so this process's CPU (`process.cpuUsage`, all threads)
 * is the service's alone. Phases: `model` and `guidelines-only` (Redis stopped). Last line: one JSON
 * object. Env: BENCH_REQUESTS (measured per phase, 4,000), BENCH_WARMUP (3,000), BENCH_PATIENTS
 * (2,000), BENCH_CONCURRENCY (1), BENCH_CPU_PROFILE (a directory for `<phase>.cpuprofile`),
 * BENCH_SHELL_ONLY=1 (the HTTP shell alone: each distinct request body is answered once by the real
 * service and its answer object reused, so only routing, middleware, validation, JSON and the socket
 * are measured — a measuring aid for the HTTP layer, never how the service answers).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import type { AssistService } from '../src/assist/assist-service.js';
import { startHttpServer } from '../src/server/http-server.js';
import { profiled, startInProcessApp } from './in-process-app.js';
import { seededRandom, syntheticRequest } from './synthetic-patients.js';

const REPO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 4_000);
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 3_000);
const PATIENTS = Number(process.env['BENCH_PATIENTS'] ?? 2_000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 1);
const PROFILE_DIR = process.env['BENCH_CPU_PROFILE'];
const SHELL_ONLY = process.env['BENCH_SHELL_ONLY'] === '1';
const log = (message: string): void => {
  process.stderr.write(`[bench:online-http-cpu] ${message}\n`);
};

/**
 * The client (CommonJS, run with `node -e`): warm-up, then `warm` on stdout; on `go` from stdin the
 * measured requests, then one JSON line with statuses and tiers.
 */
const CLIENT = String.raw`
const http = require('node:http');
const fs = require('node:fs');
const [url, key, bodiesFile, warmup, requests, concurrency] = process.argv.slice(1);
const bodies = JSON.parse(fs.readFileSync(bodiesFile, 'utf8'));
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(concurrency) });
let next = 0;
function one(stats) {
  return new Promise((resolve, reject) => {
    const body = bodies[next++ % bodies.length];
    const req = http.request({ agent, host: target.hostname, port: target.port, method: 'POST',
      path: target.pathname, headers: { 'x-api-key': key, 'content-type': 'application/json',
      'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (stats) {
          stats.status[res.statusCode] = (stats.status[res.statusCode] ?? 0) + 1;
          const tier = /"tier":"([^"]+)"/.exec(text)?.[1] ?? 'unknown';
          stats.tiers[tier] = (stats.tiers[tier] ?? 0) + 1;
        }
        resolve();
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
async function run(count, stats) {
  let left = count;
  const worker = async () => { while (left-- > 0) await one(stats); };
  await Promise.all(Array.from({ length: Number(concurrency) }, worker));
}
(async () => {
  await run(Number(warmup));
  process.stdout.write('warm\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const stats = { status: {}, tiers: {} };
  await run(Number(requests), stats);
  process.stdout.write(JSON.stringify(stats) + '\n');
  agent.destroy();
  process.exit(0);
})();
`;

interface ClientRun {
  url: string;
  key: string;
  bodiesFile: string;
}

/** One phase: the client warms up, then this process's CPU is measured over its requests. */
async function phase(name: string, run: ClientRun) {
  log(`${name}: ${String(WARMUP)} warm-up, ${String(REQUESTS)} measured`);
  const client = spawn(
    process.execPath,
    [
      '-e',
      CLIENT,
      run.url,
      run.key,
      run.bodiesFile,
      String(WARMUP),
      String(REQUESTS),
      String(CONCURRENCY),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: client.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done === true || first.value !== 'warm') {
    throw new Error(`client did not warm up: ${String(first.value)}`);
  }
  let cpu = process.cpuUsage();
  let started = performance.now();
  const last = await profiled(PROFILE_DIR, name, async () => {
    cpu = process.cpuUsage();
    started = performance.now();
    client.stdin.write('go\n');
    return lines.next();
  });
  const used = process.cpuUsage(cpu);
  const elapsed = performance.now() - started;
  if (last.done === true) {
    throw new Error('client ended without a result');
  }
  const stats = JSON.parse(last.value) as {
    status: Record<string, number>;
    tiers: Record<string, number>;
  };
  const result = {
    cpu_us_mean: Math.round((used.user + used.system) / REQUESTS),
    cpu_us_mean_system: Math.round(used.system / REQUESTS),
    rps: Math.round((REQUESTS / elapsed) * 1000),
    ...stats,
  };
  log(`${name}: ${JSON.stringify(result)}`);
  return result;
}

/** BENCH_SHELL_ONLY: the first answer to each distinct request, reused (see the header). */
function answeredOnce(service: AssistService): AssistService {
  const answers = new Map<string, Awaited<ReturnType<AssistService['assist']>>>();
  return {
    patientId: (ref) => service.patientId(ref),
    async assist(options) {
      const key = JSON.stringify(options.request);
      const known = answers.get(key);
      if (known !== undefined) {
        return known;
      }
      const answer = await service.assist(options);
      answers.set(key, answer);
      return answer;
    },
  };
}

async function main(): Promise<void> {
  const home = mkdtempSync(path.join(tmpdir(), 'bench-online-http-cpu-'));
  const kb = loadKnowledgeBase();
  const bench = await startInProcessApp({
    kb,
    home,
    repoDir: REPO_DIR,
    patients: PATIENTS,
    ...(SHELL_ONLY ? { wrapService: answeredOnce } : {}),
  });
  const { app, key } = bench;
  try {
    const bodyRandom = seededRandom(42);
    const bodiesFile = path.join(home, 'bodies.json');
    writeFileSync(
      bodiesFile,
      JSON.stringify(
        Array.from({ length: 2_000 }, () =>
          JSON.stringify(syntheticRequest({ kb, random: bodyRandom, patients: PATIENTS })),
        ),
      ),
    );
    const server = await startHttpServer({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    const run = { url: `http://127.0.0.1:${String(server.port)}/api/v1/assist`, key, bodiesFile };
    const full = await phase('model', run);
    await bench.redisServer.stop();
    const fallback = await phase('guidelines-only', run);
    await server.close(1_000);
    process.stdout.write(
      `${JSON.stringify({
        bench: 'online-assist-http-cpu',
        model: bench.modelSource,
        requests: REQUESTS,
        concurrency: CONCURRENCY,
        shell_only: SHELL_ONLY,
        model_tier: full,
        guidelines_only: fallback,
      })}\n`,
    );
  } finally {
    await bench.close();
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
