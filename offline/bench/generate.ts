/**
 * `npm run bench:generate`: builds offline, then runs the `generate` job as `npm run offline` does
 * (the compiled CLI, one process, one worker thread per core) for a small and a large population into temp directories, deletes the output, and prints
 * one JSON object as its last line. Peak RSS is the job process's own `resourceUsage().maxRSS`, which
 * covers all its worker threads; the small run shows it does not grow with the patient count.
 *
 * Env: BENCH_PATIENTS (default 100000), BENCH_SMALL_PATIENTS (default 10000), BENCH_GZIP=1.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const offlineRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface JobOutput {
  patients: number;
  encounters: number;
  resources: Record<string, number>;
  seconds: number;
  peakRssMb: number;
  workers: number;
}

async function runJob(
  patients: number,
  gzip: boolean,
): Promise<JobOutput & { wallSeconds: number }> {
  const out = await mkdtemp(path.join(tmpdir(), 'mediassist-bench-generate-'));
  const started = performance.now();
  try {
    const args = [
      'dist/main.js',
      'generate',
      '--patients',
      String(patients),
      '--seed',
      '42',
      '--out',
      path.join(out, 'export'),
      ...(gzip ? ['--gzip'] : []),
    ];
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        cwd: offlineRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, LOG_LEVEL: 'warn' },
      });
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
      });
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) {
          resolve(text);
        } else {
          reject(new Error(`generate exited with ${String(code)}`));
        }
      });
    });
    const last = stdout.trim().split('\n').pop() ?? '{}';
    return {
      ...(JSON.parse(last) as JobOutput),
      wallSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const patients = Number(process.env['BENCH_PATIENTS'] ?? 100_000);
  const smallPatients = Number(process.env['BENCH_SMALL_PATIENTS'] ?? 10_000);
  const gzip = process.env['BENCH_GZIP'] === '1';
  const small = await runJob(smallPatients, gzip);
  process.stderr.write(`small: ${JSON.stringify(small)}\n`);
  const large = await runJob(patients, gzip);
  process.stderr.write(`large: ${JSON.stringify(large)}\n`);
  const resources = Object.values(large.resources).reduce((a, b) => a + b, 0);
  const result = {
    bench: 'generate',
    patients: large.patients,
    encounters: large.encounters,
    resources,
    seconds: large.seconds,
    patients_per_second: Math.round(large.patients / large.seconds),
    peak_rss_mb: large.peakRssMb,
    workers: large.workers,
    gzip,
    small: { patients: small.patients, seconds: small.seconds, peak_rss_mb: small.peakRssMb },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
