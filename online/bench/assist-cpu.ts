/**
 * `npm run bench:online-cpu`: CPU time per `POST /api/v1/assist`, in-process and one request at a
 * time, through the whole app (auth, Redis rate limit, audit, logging at info, validation, the
 * answer and its JSON) with the same model, patients and request mix as `bench:online`. CPU time
 * (`process.cpuUsage`, all threads, so the ONNX run is included) does not count waiting for Redis,
 * and is far less sensitive than latency to other work on a shared machine. Phases: `model` (Redis
 * up, features and model) and `guidelines-only` (Redis stopped, as in bench:online's last phase).
 * Last line: one JSON object. Env: BENCH_REQUESTS (measured per phase, default 4,000), BENCH_WARMUP
 * (3,000), BENCH_PATIENTS (2,000), BENCH_CPU_PROFILE (a directory: each phase's measured requests are
 * written there as `<phase>.cpuprofile`, for Chrome DevTools or speedscope).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { profiled, startInProcessApp } from './in-process-app.js';
import { seededRandom, syntheticRequest } from './synthetic-patients.js';

const REPO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 4_000);
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 3_000);
const PATIENTS = Number(process.env['BENCH_PATIENTS'] ?? 2_000);
const PROFILE_DIR = process.env['BENCH_CPU_PROFILE'];
const log = (message: string): void => {
  process.stderr.write(`[bench:online-cpu] ${message}\n`);
};

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

async function main(): Promise<void> {
  const home = mkdtempSync(path.join(tmpdir(), 'bench-online-cpu-'));
  const kb = loadKnowledgeBase();
  const bench = await startInProcessApp({ kb, home, repoDir: REPO_DIR, patients: PATIENTS });
  const { app, key } = bench;
  try {
    const bodyRandom = seededRandom(42);
    const bodies = Array.from({ length: 2_000 }, () =>
      JSON.stringify(syntheticRequest({ kb, random: bodyRandom, patients: PATIENTS })),
    );
    const headers = { 'x-api-key': key, 'content-type': 'application/json' };
    let next = 0;
    const one = async (): Promise<{ cpuUs: number; wallMs: number; tier: string }> => {
      next = (next + 1) % bodies.length;
      const started = performance.now();
      const cpu = process.cpuUsage();
      const res = await app.request('/api/v1/assist', {
        method: 'POST',
        headers,
        body: bodies[next] ?? '{}',
      });
      const text = await res.text();
      const used = process.cpuUsage(cpu);
      if (res.status !== 200) {
        throw new Error(`assist answered ${String(res.status)}: ${text.slice(0, 200)}`);
      }
      const tier = /"tier":"([^"]+)"/.exec(text)?.[1] ?? 'unknown';
      return { cpuUs: used.user + used.system, wallMs: performance.now() - started, tier };
    };
    const phase = async (name: string) => {
      log(`${name}: ${String(WARMUP)} warm-up, ${String(REQUESTS)} measured`);
      for (let i = 0; i < WARMUP; i++) {
        await one();
      }
      const cpu: number[] = [];
      const wall: number[] = [];
      const tiers: Record<string, number> = {};
      const total = process.cpuUsage();
      const started = performance.now();
      await profiled(PROFILE_DIR, name, async () => {
        for (let i = 0; i < REQUESTS; i++) {
          const r = await one();
          cpu.push(r.cpuUs);
          wall.push(r.wallMs);
          tiers[r.tier] = (tiers[r.tier] ?? 0) + 1;
        }
      });
      const elapsed = performance.now() - started;
      const used = process.cpuUsage(total);
      cpu.sort((a, b) => a - b);
      wall.sort((a, b) => a - b);
      const result = {
        cpu_us_p50: quantile(cpu, 0.5),
        cpu_us_p90: quantile(cpu, 0.9),
        cpu_us_p99: quantile(cpu, 0.99),
        cpu_us_mean: Math.round((used.user + used.system) / REQUESTS),
        cpu_us_mean_system: Math.round(used.system / REQUESTS),
        wall_ms_p50: Math.round(quantile(wall, 0.5) * 1000) / 1000,
        wall_ms_p99: Math.round(quantile(wall, 0.99) * 1000) / 1000,
        sequential_rps: Math.round((REQUESTS / elapsed) * 1000),
        tiers,
      };
      log(`${name}: ${JSON.stringify(result)}`);
      return result;
    };
    const full = await phase('model');
    await bench.redisServer.stop();
    const fallback = await phase('guidelines-only');
    process.stdout.write(
      `${JSON.stringify({
        bench: 'online-assist-cpu',
        model: bench.modelSource,
        requests: REQUESTS,
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
