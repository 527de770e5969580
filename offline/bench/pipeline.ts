/**
 * `npm run bench:pipeline`: builds offline, then runs the whole pipeline with the compiled CLI as
 * `npm run offline -- pipeline` does — generate → ingest → features → embed → train → evaluate →
 * promote → re-embed → materialize — for BENCH_PATIENTS (default 100,000) into a temp
 * MEDIASSIST_HOME, materializing into REDIS_URL or a private redis-server. Prints the stages as
 * they run; the last line is one JSON object: per-stage seconds, total, and the evaluation figures.
 *
 * Env: BENCH_PATIENTS (default 100000), BENCH_KEEP=1 (keep the temp home), REDIS_URL.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalRedis, type LocalRedis } from '@mediassist/tooling/local-redis';

const offlineRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_SECONDS = 600;

async function main(): Promise<void> {
  const patients = Number(process.env['BENCH_PATIENTS'] ?? 100_000);
  const home = await mkdtemp(path.join(tmpdir(), 'mediassist-bench-pipeline-'));
  let redis: LocalRedis | undefined;
  let redisUrl = process.env['REDIS_URL'];
  try {
    if (!redisUrl) {
      redis = await startLocalRedis({ dataDir: path.join(home, 'redis') });
      redisUrl = redis.url;
    }
    const started = performance.now();
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          'dist/main.js',
          'pipeline',
          '--patients',
          String(patients),
          '--out',
          path.join(home, 'export'),
        ],
        {
          cwd: offlineRoot,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: {
            ...process.env,
            MEDIASSIST_HOME: home,
            REDIS_URL: redisUrl,
            REDIS_KEY_PREFIX: `bench-${randomBytes(4).toString('hex')}:`,
            PSEUDONYM_KEY: process.env['PSEUDONYM_KEY'] ?? randomBytes(32).toString('hex'),
            LOG_LEVEL: 'warn',
          },
        },
      );
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        for (const line of chunk.split('\n')) {
          if (line.startsWith('[pipeline]')) {
            process.stderr.write(`${line}\n`);
          }
        }
      });
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) {
          resolve(text);
        } else {
          reject(new Error(`pipeline exited with ${String(code)}`));
        }
      });
    });
    const wallSeconds = Math.round(performance.now() - started) / 1000;
    const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
    process.stdout.write(
      `${JSON.stringify({
        patients,
        wall_seconds: wallSeconds,
        target_seconds: TARGET_SECONDS,
        within_target: wallSeconds <= TARGET_SECONDS,
        stage_seconds: result['seconds'],
        version: result['version'],
        promoted: result['promoted'],
        top1: result['top1'],
        top3: result['top3'],
        ece: result['ece'],
        baseline_top1: result['baseline_top1'],
        baseline_top3: result['baseline_top3'],
        baseline_ece: result['baseline_ece'],
      })}\n`,
    );
  } finally {
    await redis?.stop();
    if (process.env['BENCH_KEEP'] !== '1') {
      await rm(home, { recursive: true, force: true });
    }
  }
}

await main();
