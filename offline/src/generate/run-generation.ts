/**
 * Runs a generation: splits the patients into fixed shards, has `workers` threads (0 = this thread)
 * write them, then writes the Bulk Data–style manifest. Output depends only on the config and the
 * shard size, never on the number of workers.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '@mediassist/shared/errors';
import {
  createGeneratorFromConfig,
  exportWindow,
  type GenerationConfig,
} from './generation-config.js';
import { generateShard, type Shard, type ShardResult } from './generate-shard.js';
import { buildManifest, MANIFEST_FILE, type BulkManifest } from './manifest.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

export interface RunGenerationOptions {
  config: GenerationConfig;
  patients: number;
  outDir: string;
  gzip: boolean;
  /** Patients per part file (shard). */
  partSize: number;
  /** Worker threads; 0 runs everything in the calling thread. */
  workers: number;
  onProgress?: (patients: number) => void;
  signal?: AbortSignal;
}

export interface GenerationResult {
  manifest: BulkManifest;
  patients: number;
  encounters: number;
  aborted: boolean;
}

export function planShards(patients: number, partSize: number): Shard[] {
  const shards: Shard[] = [];
  for (let from = 0, index = 0; from < patients; from += partSize, index++) {
    shards.push({ index, from, to: Math.min(patients, from + partSize) });
  }
  return shards;
}

const ownExtension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
const YOUNG_GENERATION_MB = 96;

/**
 * A worker for the compiled build, or — when running from TypeScript source (tests, tsx) — one that
 * first registers tsx's ESM loader in the worker (loader flags do not reach worker threads on Node 20).
 */
function createGenerationWorker(workerData: unknown): Worker {
  const url = new URL(`./generate-worker.${ownExtension}`, import.meta.url);
  // A larger young generation: the generator allocates many short-lived objects per patient.
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  if (ownExtension === 'js') {
    return new Worker(url, { workerData, resourceLimits });
  }
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(path.join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, {
    eval: true,
    workerData,
    resourceLimits,
    // Not the parent's flags: test runners add their own (and split `--conditions x`).
    execArgv: ['--conditions=@mediassist/source'],
  });
}

async function runInWorkers(
  options: RunGenerationOptions,
  shards: readonly Shard[],
): Promise<ShardResult[]> {
  const { config, outDir, gzip, onProgress, signal } = options;
  const queue = [...shards];
  const results: ShardResult[] = [];
  const count = Math.min(options.workers, shards.length);
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = createGenerationWorker({ config, outDir, gzip });
          // On abort, stop at once: the shards in progress stay out of the manifest.
          signal?.addEventListener(
            'abort',
            () => {
              void worker.terminate().then(() => {
                resolve();
              });
            },
            { once: true },
          );
          const send = (m: WorkerRequest): void => {
            worker.postMessage(m);
          };
          const next = (): void => {
            const shard = signal?.aborted ? undefined : queue.shift();
            if (shard) {
              send({ type: 'shard', shard });
            } else {
              void worker.terminate().then(() => {
                resolve();
              });
            }
          };
          worker.on('message', (m: WorkerReply) => {
            switch (m.type) {
              case 'ready':
                next();
                break;
              case 'progress':
                onProgress?.(m.patients);
                break;
              case 'done':
                results.push(m.result);
                next();
                break;
              case 'failed':
                void worker.terminate();
                reject(
                  new AppError(
                    'INTERNAL',
                    `Generation failed in shard ${String(m.shard)}: ${m.message}`,
                  ),
                );
                break;
              default:
                m satisfies never;
            }
          });
          worker.on('error', (error) => {
            reject(new AppError('INTERNAL', 'A generation worker crashed', { cause: error }));
          });
        }),
    ),
  );
  return results;
}

async function runInline(
  options: RunGenerationOptions,
  shards: readonly Shard[],
): Promise<ShardResult[]> {
  const generator = createGeneratorFromConfig(options.config);
  const results: ShardResult[] = [];
  for (const shard of shards) {
    if (options.signal?.aborted) {
      break;
    }
    results.push(
      await generateShard({
        generator,
        shard,
        outDir: options.outDir,
        gzip: options.gzip,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    );
  }
  return results;
}

export async function runGeneration(options: RunGenerationOptions): Promise<GenerationResult> {
  const { outDir, patients, partSize, config } = options;
  await mkdir(outDir, { recursive: true });
  const existing = (await readdir(outDir)).filter(
    (f) => f.endsWith('.ndjson') || f.endsWith('.ndjson.gz') || f === MANIFEST_FILE,
  );
  if (existing.length > 0) {
    throw new AppError('CONFLICT', 'The output directory already holds an export', {
      details: [{ path: 'out', issue: 'not-empty' }],
    });
  }
  const shards = planShards(patients, partSize);
  const results =
    options.workers > 0 ? await runInWorkers(options, shards) : await runInline(options, shards);
  results.sort((a, b) => a.shard - b.shard);
  const manifest = buildManifest({
    results,
    config,
    patients,
    window: exportWindow(config),
  });
  await writeFile(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const generated = results.reduce((n, r) => n + r.patients, 0);
  return {
    manifest,
    patients: generated,
    encounters: results.reduce((n, r) => n + r.encounters, 0),
    aborted: generated < patients,
  };
}
