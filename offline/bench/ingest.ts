/**
 * `npm run bench:ingest`: builds offline, then — as `npm run offline` does, with the compiled CLI —
 * generates (or reuses) a 100,000-patient export, ingests it into a temp lake and computes every
 * feature view. Prints resources/s and, as its last line, one JSON object with `patients`,
 * `resources`, `seconds` (ingest + features), `resources_per_s`, `ingest_seconds`, `features_seconds`.
 *
 * Env: BENCH_PATIENTS (default 100000), BENCH_EXPORT (an export folder to reuse; default a cached
 * folder in the temp dir, generated once with seed 42), BENCH_KEEP_LAKE=1 (keep the lake).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const offlineRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Run {
  result: Record<string, unknown>;
  seconds: number;
}

/** Runs one job of the compiled CLI; its last stdout line is the result. */
async function runJob(options: { args: string[]; env: NodeJS.ProcessEnv }): Promise<Run> {
  const started = performance.now();
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/main.js', ...options.args], {
      cwd: offlineRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: options.env,
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
        reject(new Error(`${options.args[0] ?? 'job'} exited with ${String(code)}`));
      }
    });
  });
  const last = stdout.trim().split('\n').pop() ?? '{}';
  return {
    result: JSON.parse(last) as Record<string, unknown>,
    seconds: (performance.now() - started) / 1000,
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const patients = Number(process.env['BENCH_PATIENTS'] ?? 100_000);
  const exportDir =
    process.env['BENCH_EXPORT'] ??
    path.join(tmpdir(), `mediassist-bench-export-${String(patients)}-seed42`);
  const home = await mkdtemp(path.join(tmpdir(), 'mediassist-bench-ingest-'));
  const lake = path.join(home, 'lake');
  const env = {
    ...process.env,
    LOG_LEVEL: 'warn',
    MEDIASSIST_HOME: home,
    // A throwaway key for this benchmark's own lake, unless one is configured.
    PSEUDONYM_KEY: process.env['PSEUDONYM_KEY'] ?? `bench-${randomBytes(24).toString('hex')}`,
  };
  try {
    let generateSeconds: number | null = null;
    if (!(await exists(path.join(exportDir, 'manifest.json')))) {
      process.stderr.write(`generating ${String(patients)} patients into ${exportDir}\n`);
      await rm(exportDir, { recursive: true, force: true });
      const generated = await runJob({
        args: ['generate', '--patients', String(patients), '--seed', '42', '--out', exportDir],
        env,
      });
      generateSeconds = generated.seconds;
    } else {
      process.stderr.write(`reusing the export in ${exportDir}\n`);
    }
    const ingest = await runJob({ args: ['ingest', '--input', exportDir, '--lake', lake], env });
    const resourceCounts = ingest.result['resources'] as Record<string, { read: number }>;
    const resources = Object.values(resourceCounts).reduce((n, r) => n + r.read, 0);
    process.stderr.write(
      `ingest: ${String(resources)} resources in ${ingest.seconds.toFixed(1)} s (${String(Math.round(resources / ingest.seconds))} resources/s)\n`,
    );
    const features = await runJob({ args: ['features', '--lake', lake, '--full'], env });
    const rows = features.result['rows'] as Record<string, number>;
    const snapshotRows = Object.values(rows).reduce((n, r) => n + r, 0);
    process.stderr.write(
      `features: ${String(snapshotRows)} snapshot rows in ${features.seconds.toFixed(1)} s\n`,
    );
    const seconds = ingest.seconds + features.seconds;
    const examples = features.result['trainingExamples'] as { rows: number };
    process.stdout.write(
      `${JSON.stringify({
        patients: (ingest.result['pseudonyms'] as { patients: number }).patients,
        resources,
        seconds: Math.round(seconds * 10) / 10,
        resources_per_s: Math.round(resources / seconds),
        ingest_seconds: Math.round(ingest.seconds * 10) / 10,
        ingest_resources_per_s: Math.round(resources / ingest.seconds),
        features_seconds: Math.round(features.seconds * 10) / 10,
        snapshot_rows: snapshotRows,
        training_examples: examples.rows,
        generate_seconds: generateSeconds === null ? null : Math.round(generateSeconds * 10) / 10,
        target_seconds: 180,
      })}\n`,
    );
  } finally {
    if (process.env['BENCH_KEEP_LAKE'] === '1') {
      process.stderr.write(`lake kept in ${lake}\n`);
    } else {
      await rm(home, { recursive: true, force: true });
    }
  }
}

await main();
