/**
 * Source id → keyed pseudonym maps, computed in TypeScript with the shared HMAC functions (one
 * call per distinct id, not per row) and appended to DuckDB, where the output COPY joins them.
 * Source ids exist only inside this DuckDB session; no table written to the lake contains one.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  pseudonymizeEncounterId,
  pseudonymizePatientId,
  type PseudonymKey,
} from '@mediassist/shared/pseudonym';
import type { ResourceSpec } from './resource-spec.js';
import { CREATE_ID_MAPS_SQL, buildDistinctSourcesSql } from './ingest-sql.js';

async function fillMap(options: {
  connection: DuckDBConnection;
  sql: string;
  table: string;
  pseudonym: (sourceId: string) => string;
}): Promise<number> {
  const { connection, sql, table, pseudonym } = options;
  const sourceIds: string[] = [];
  for await (const chunk of await connection.stream(sql)) {
    for (const value of chunk.getColumnValues(0)) {
      if (typeof value === 'string') {
        sourceIds.push(value);
      }
    }
  }
  const appender = await connection.createAppender(table);
  for (const sourceId of sourceIds) {
    appender.appendVarchar(sourceId);
    appender.appendVarchar(pseudonym(sourceId));
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  return sourceIds.length;
}

export async function buildIdMaps(options: {
  connection: DuckDBConnection;
  specs: readonly ResourceSpec[];
  key: PseudonymKey;
}): Promise<{ patients: number; encounters: number }> {
  const { connection, specs, key } = options;
  for (const sql of CREATE_ID_MAPS_SQL) {
    await connection.run(sql);
  }
  const patients = await fillMap({
    connection,
    sql: buildDistinctSourcesSql({ specs, column: 'patient_source' }),
    table: 'patient_map',
    pseudonym: (id) => pseudonymizePatientId(id, key),
  });
  const encounters = await fillMap({
    connection,
    sql: buildDistinctSourcesSql({ specs, column: 'encounter_source' }),
    table: 'encounter_map',
    pseudonym: (id) => pseudonymizeEncounterId(id, key),
  });
  return { patients, encounters };
}
