/**
 * The SQL the lake writer runs, built by pure functions (lake-sql.test.ts pins them as strings).
 * Rows are staged as one JSON document each and typed by `json_transform`, so the Parquet schema of
 * each table is written down once, here (and in docs/lake.md).
 */
import type { LakeTable } from './lake-layout.js';

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

const HEADER = {
  event_id: 'VARCHAR',
  schema_version: 'INTEGER',
  patient_id: 'VARCHAR',
  encounter_id: 'VARCHAR',
  occurred_ms: 'BIGINT',
  accepted_ms: 'BIGINT',
  event_date: 'VARCHAR',
};

/** The JSON structure each staged row is read with (`json_transform`). */
export const STAGED_STRUCTURE: Record<LakeTable, Record<string, unknown>> = {
  events: {
    ...HEADER,
    findings_present: ['VARCHAR'],
    findings_absent: ['VARCHAR'],
    diagnoses: [
      {
        condition_id: 'VARCHAR',
        icd10: 'VARCHAR',
        snomed: 'VARCHAR',
        category: 'VARCHAR',
        verification: 'VARCHAR',
        clinical_status: 'VARCHAR',
      },
    ],
    observations: [{ loinc: 'VARCHAR', value: 'DOUBLE', unit: 'VARCHAR', at_ms: 'BIGINT' }],
    medications_started: ['VARCHAR'],
    medications_stopped: ['VARCHAR'],
    tests: ['VARCHAR'],
    unresolved: [{ field: 'VARCHAR', system: 'VARCHAR', code: 'VARCHAR' }],
  },
  feedback: {
    ...HEADER,
    model_version: 'VARCHAR',
    action: 'VARCHAR',
    suggestion_kind: 'VARCHAR',
    suggestion_id: 'VARCHAR',
    reason: 'VARCHAR',
    final_condition_id: 'VARCHAR',
    final_icd10: 'VARCHAR',
  },
};

const HEADER_COLUMNS = [
  'r.event_id',
  'r.schema_version',
  'r.patient_id',
  'r.encounter_id',
  'make_timestamptz(r.occurred_ms * 1000) AS occurred_at',
  'make_timestamptz(r.accepted_ms * 1000) AS accepted_at',
  'CAST(r.event_date AS DATE) AS event_date',
];

/** The output columns of each table, in order. */
const COLUMNS: Record<LakeTable, readonly string[]> = {
  events: [
    ...HEADER_COLUMNS,
    'r.findings_present',
    'r.findings_absent',
    'r.diagnoses',
    "[{'loinc': o.loinc, 'value': o.value, 'unit': o.unit, 'at': make_timestamptz(o.at_ms * 1000)} FOR o IN r.observations] AS observations",
    'r.medications_started',
    'r.medications_stopped',
    'r.tests',
    'r.unresolved',
  ],
  feedback: [
    ...HEADER_COLUMNS,
    'r.model_version',
    'r.action',
    'r.suggestion_kind',
    'r.suggestion_id',
    'r.reason',
    'r.final_condition_id',
    'r.final_icd10',
  ],
};

export function buildCreateStageSql(stage: string): string {
  return `CREATE TEMP TABLE ${quoteIdent(stage)} (payload VARCHAR NOT NULL)`;
}

export function buildDropStageSql(stage: string): string {
  return `DROP TABLE IF EXISTS ${quoteIdent(stage)}`;
}

/** Staged rows → one zstd Parquet file, sorted by patient then time so readers can skip row groups. */
export function buildCopyToParquetSql(options: {
  table: LakeTable;
  stage: string;
  path: string;
}): string {
  const structure = quoteLiteral(JSON.stringify(STAGED_STRUCTURE[options.table]));
  return [
    `COPY (SELECT ${COLUMNS[options.table].join(', ')}`,
    `FROM (SELECT unnest(json_transform(payload, ${structure})) FROM ${quoteIdent(options.stage)}) AS r`,
    'ORDER BY r.patient_id, r.occurred_ms, r.event_id)',
    `TO ${quoteLiteral(options.path)} (FORMAT parquet, COMPRESSION zstd)`,
  ].join('\n');
}
