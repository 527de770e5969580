/**
 * Writes one lake file with DuckDB: stage the rows, COPY to `<file>.tmp`, fsync it, rename it into
 * place and fsync the folder — after `write` resolves the file survives a power cut under its final
 * name, and before that no reader (DuckDB globbing `*.parquet`) can see it.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { LakeTable } from './lake-layout.js';
import { temporaryPath } from './lake-layout.js';
import { buildCopyToParquetSql, buildCreateStageSql, buildDropStageSql } from './lake-sql.js';

export interface LakeFileWriter {
  /** Writes `payloads` (staged JSON rows) as the Parquet file `absolutePath`, durably. */
  write(options: {
    table: LakeTable;
    payloads: readonly string[];
    absolutePath: string;
  }): Promise<void>;
  close(): void;
}

async function fsyncPath(target: string): Promise<void> {
  const handle = await open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function createDuckDbLakeFileWriter(
  options: { threads?: number } = {},
): Promise<LakeFileWriter> {
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads ?? 1),
  });
  const connection = await instance.connect();
  return {
    async write({ table, payloads, absolutePath }) {
      const temp = temporaryPath(absolutePath);
      const stage = `stage_${randomUUID().replaceAll('-', '')}`;
      await mkdir(path.dirname(absolutePath), { recursive: true });
      await connection.run(buildCreateStageSql(stage));
      try {
        const appender = await connection.createAppender(stage);
        for (const payload of payloads) {
          appender.appendVarchar(payload);
          appender.endRow();
        }
        appender.flushSync();
        appender.closeSync();
        await connection.run(buildCopyToParquetSql({ table, stage, path: temp }));
        await fsyncPath(temp);
        await rename(temp, absolutePath);
        await fsyncPath(path.dirname(absolutePath));
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      } finally {
        await connection.run(buildDropStageSql(stage));
      }
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
