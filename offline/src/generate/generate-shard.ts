/**
 * A shard: a fixed, contiguous range of patient indexes written to its own part files
 * (`<Type>.<shard>.ndjson[.gz]`). Shards depend only on (seed, indexes), never on which worker runs
 * them, so the export is byte-identical whatever the number of workers.
 */
import path from 'node:path';
import type { PatientGenerator } from './patient-generator.js';
import type { ResourceType } from './emit-encounter.js';
import { createPartWriter, type PartWriter } from './ndjson-part-writer.js';

export interface Shard {
  index: number;
  /** First patient index (inclusive) and end (exclusive). */
  from: number;
  to: number;
}

export interface ShardFile {
  type: ResourceType;
  file: string;
  count: number;
}

export interface ShardResult {
  shard: number;
  patients: number;
  encounters: number;
  files: ShardFile[];
}

export interface GenerateShardOptions {
  generator: PatientGenerator;
  shard: Shard;
  outDir: string;
  gzip: boolean;
  /** Called every few hundred patients with the number done since the last call. */
  onProgress?: (patients: number) => void;
  signal?: AbortSignal;
}

export const PROGRESS_EVERY = 250;

export function partFileName(type: ResourceType, shard: number, gzip: boolean): string {
  return `${type}.${String(shard).padStart(3, '0')}.ndjson${gzip ? '.gz' : ''}`;
}

export async function generateShard(options: GenerateShardOptions): Promise<ShardResult> {
  const { generator, shard, outDir, gzip, onProgress, signal } = options;
  const writers = new Map<ResourceType, PartWriter>();
  const writerFor = (type: ResourceType): PartWriter => {
    let w = writers.get(type);
    if (!w) {
      w = createPartWriter({
        path: path.join(outDir, partFileName(type, shard.index, gzip)),
        gzip,
      });
      writers.set(type, w);
    }
    return w;
  };
  const sink = {
    write(type: ResourceType, json: string) {
      writerFor(type).write(json);
    },
  };
  let encounters = 0;
  let pending = 0;
  let generated = 0;
  try {
    for (let i = shard.from; i < shard.to; i++) {
      if (signal?.aborted) {
        break;
      }
      encounters += generator.generate(i, sink).encounters;
      generated += 1;
      for (const w of writers.values()) {
        if (w.congested) {
          await w.drain();
        }
      }
      pending += 1;
      if (pending >= PROGRESS_EVERY) {
        onProgress?.(pending);
        pending = 0;
      }
    }
  } finally {
    // Close every file even when generation failed, so no descriptor leaks.
    await Promise.allSettled([...writers.values()].map((w) => w.close()));
  }
  if (pending > 0) {
    onProgress?.(pending);
  }
  const closed = await Promise.all(
    [...writers].map(async ([type, w]) => ({ type, ...(await w.close()) })),
  );
  const files = closed
    .map(({ type, lines }) => ({ type, file: partFileName(type, shard.index, gzip), count: lines }))
    .sort((x, y) => x.file.localeCompare(y.file));
  return { shard: shard.index, patients: generated, encounters, files };
}
