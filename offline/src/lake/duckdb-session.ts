/** A DuckDB in-memory session for a lake job, and small typed readers for its result rows. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '@mediassist/shared/errors';

export interface DuckDbSessionOptions {
  /** Where DuckDB spills when a job exceeds memory (ingest: inside `restricted/`, as spills hold PHI). */
  tempDirectory: string;
  /** Worker threads (default: DuckDB's choice, all cores). */
  threads?: number;
  /** e.g. `4GB` (default: DuckDB's, 80% of RAM). */
  memoryLimit?: string;
}

export interface DuckDbSession {
  readonly connection: DuckDBConnection;
  /** Another connection to the same database, for statements run concurrently. */
  connect(): Promise<DuckDBConnection>;
  /** Interrupts every connection's running statement (used on SIGINT/SIGTERM). */
  interrupt(): void;
  close(): void;
}

export async function openDuckDbSession(options: DuckDbSessionOptions): Promise<DuckDbSession> {
  const config: Record<string, string> = {
    temp_directory: options.tempDirectory,
    preserve_insertion_order: 'true',
  };
  if (options.threads !== undefined) {
    config['threads'] = String(options.threads);
  }
  if (options.memoryLimit !== undefined) {
    config['memory_limit'] = options.memoryLimit;
  }
  const instance = await DuckDBInstance.create(':memory:', config);
  const connection = await instance.connect();
  const connections = [connection];
  return {
    connection,
    connect: async () => {
      const extra = await instance.connect();
      connections.push(extra);
      return extra;
    },
    interrupt: () => {
      for (const c of connections) {
        c.interrupt();
      }
    },
    close: () => {
      for (const c of connections) {
        c.closeSync();
      }
      instance.closeSync();
    },
  };
}

export type Row = Readonly<Record<string, unknown>>;

/** Runs a query and returns its rows as plain objects (BIGINT → number). For small results only. */
export async function queryRows(connection: DuckDBConnection, sql: string): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader
    .getRowObjectsJS()
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
      ),
    );
}

export function numberField(row: Row, name: string): number {
  const value = row[name];
  if (typeof value === 'number') {
    return value;
  }
  throw new AppError('INTERNAL', `Expected a number in column ${name}`);
}

export function stringField(row: Row, name: string): string | null {
  const value = row[name];
  return typeof value === 'string' ? value : null;
}
