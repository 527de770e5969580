/**
 * The slices of the knowledge base feature SQL joins: condition course and preferred ICD-10 code,
 * finding kinds, and the vital/lab thresholds that define findings (`fever`: temperature > 38 Cel).
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { KnowledgeBase } from '@mediassist/shared/kb';

export const KB_TABLES_SQL = [
  'CREATE TABLE kb_conditions (id VARCHAR NOT NULL, course VARCHAR NOT NULL, icd10 VARCHAR NOT NULL)',
  'CREATE TABLE kb_findings (id VARCHAR NOT NULL, kind VARCHAR NOT NULL)',
  'CREATE TABLE kb_thresholds (finding_id VARCHAR NOT NULL, loinc VARCHAR NOT NULL, comparator VARCHAR NOT NULL, value DOUBLE NOT NULL, unit VARCHAR NOT NULL)',
] as const;

async function fill(options: {
  connection: DuckDBConnection;
  table: string;
  rows: readonly (readonly (string | number)[])[];
}): Promise<void> {
  const appender: DuckDBAppender = await options.connection.createAppender(options.table);
  for (const row of options.rows) {
    for (const value of row) {
      if (typeof value === 'number') {
        appender.appendDouble(value);
      } else {
        appender.appendVarchar(value);
      }
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

export async function loadKbTables(options: {
  connection: DuckDBConnection;
  kb: KnowledgeBase;
}): Promise<void> {
  const { connection, kb } = options;
  for (const sql of KB_TABLES_SQL) {
    await connection.run(sql);
  }
  await fill({
    connection,
    table: 'kb_conditions',
    rows: kb.conditions.map((c) => [c.id, c.course, c.icd10[0] ?? '']),
  });
  await fill({ connection, table: 'kb_findings', rows: kb.findings.map((f) => [f.id, f.kind]) });
  await fill({
    connection,
    table: 'kb_thresholds',
    rows: kb.findings.flatMap((f) =>
      f.threshold
        ? [[f.id, f.threshold.loinc, f.threshold.comparator, f.threshold.value, f.threshold.unit]]
        : [],
    ),
  });
}
