/** Test helpers for lake jobs: silent deps, a test pseudonym key, and a DuckDB reader for lake files. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createLogger, type Logger } from '@mediassist/shared/logger';
import { PseudonymKeySchema, type PseudonymKey } from '@mediassist/shared/pseudonym';
import type { ProgressFactory } from '../../io/progress.js';

export const TEST_PSEUDONYM_KEY: PseudonymKey = PseudonymKeySchema.parse(
  'test-only-pseudonym-key-0123456789abcdef',
);

export const silentLogger: Logger = createLogger({ name: 'test', level: 'silent' });

export const noProgress: ProgressFactory = () => ({
  increment: () => undefined,
  setTotal: () => undefined,
  stop: () => undefined,
});

export type LakeRow = Record<string, unknown>;

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return Number(value);
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if (Array.isArray(value)) {
    return value.map(plain);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** Runs SQL over lake files in a throwaway DuckDB; dates come back as `YYYY-MM-DD`. */
export async function queryLake(sql: string): Promise<LakeRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) => plain(row) as LakeRow);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A temp directory per test, removed afterwards. */
export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mediassist-lake-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
