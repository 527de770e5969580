import { describe, expect, it } from 'vitest';
import {
  buildAsOfMacroSql,
  buildCopyTableSql,
  buildDedupeSql,
  buildDistinctSourcesSql,
  buildInvalidCodeSql,
  buildReasonSql,
  buildStageFileSql,
} from './ingest-sql.js';
import { immunizationSpec } from './resources/immunization.js';

const spec = immunizationSpec;
const [vaccine] = spec.concepts;

const REASON =
  `CASE WHEN "resourceType" IS NULL THEN 'unreadable' ` +
  `WHEN "resourceType" <> 'Immunization' THEN 'wrong-resource-type' ` +
  `WHEN source_id IS NULL THEN 'missing-required:id' ` +
  `WHEN patient_source IS NULL THEN 'missing-required:patient' ` +
  `WHEN NOT coalesce(len(coalesce("vaccineCode".coding, [])) > 0, false) THEN 'missing-required:vaccineCode' ` +
  `WHEN NOT coalesce("occurrenceDateTime" IS NOT NULL, false) THEN 'missing-required:occurrenceDateTime' ` +
  `WHEN "occurrenceDateTime" IS NOT NULL AND "occurrence_date" IS NULL THEN 'unparseable-date:occurrenceDateTime' END`;

describe('ingest SQL', () => {
  it('checks a line in order: readable, right type, id, patient, required elements, dates (by stage alias)', () => {
    expect(buildReasonSql(spec)).toBe(REASON);
  });

  it('stages one file with its index and per-file line ordinal, reading only the listed elements', () => {
    expect(
      buildStageFileSql({
        spec,
        path: "/in/Immu'nization.000.ndjson.gz",
        fileIndex: 2,
        create: false,
      }),
    ).toBe(
      [
        'INSERT INTO "stage_immunizations"',
        `SELECT 2::INTEGER AS "file_index", ordinality AS "record", nullif("id", '') AS "source_id", ref_id("patient".reference, 'Patient') AS "patient_source", ref_id("encounter".reference, 'Encounter') AS "encounter_source", fhir_date("occurrenceDateTime") AS "occurrence_date", code_token("status") AS "status", CASE WHEN len("vaccineCode".coding) > 0 THEN "vaccineCode".coding END AS "vaccine_codings", ${REASON} AS "reason"`,
        `FROM read_json('/in/Immu''nization.000.ndjson.gz', format = 'newline_delimited', columns = {'resourceType': 'VARCHAR', 'id': 'VARCHAR', 'status': 'VARCHAR', 'vaccineCode': 'STRUCT(coding STRUCT(system VARCHAR, code VARCHAR)[])', 'patient': 'STRUCT(reference VARCHAR)', 'encounter': 'STRUCT(reference VARCHAR)', 'occurrenceDateTime': 'VARCHAR'}, ignore_errors = true, maximum_object_size = 268435456) WITH ORDINALITY`,
      ].join('\n'),
    );
    expect(buildStageFileSql({ spec, path: '/x', fileIndex: 0, create: true })).toMatch(
      /^CREATE TABLE "stage_immunizations" AS\n/,
    );
  });

  it('quarantines later copies of an id, keeping the first by file and line', () => {
    expect(buildDedupeSql(spec)).toBe(
      `UPDATE "stage_immunizations" SET reason = 'duplicate-id' WHERE rowid IN (SELECT rowid FROM (SELECT rowid, row_number() OVER (PARTITION BY source_id ORDER BY file_index, record) AS n FROM "stage_immunizations" WHERE reason IS NULL) WHERE n > 1)`,
    );
  });

  it('quarantines a required concept none of whose codings is usable', () => {
    expect(buildInvalidCodeSql({ spec, concept: vaccine! })).toBe(
      `UPDATE "stage_immunizations" SET reason = 'invalid-code:vaccineCode' FROM "cm_immunizations_vaccine" AS m WHERE "stage_immunizations".reason IS NULL AND m.codings = "stage_immunizations"."vaccine_codings" AND NOT m.valid`,
    );
  });

  it('collects the source ids to pseudonymise from valid rows only', () => {
    expect(buildDistinctSourcesSql({ specs: [spec], column: 'encounter_source' })).toBe(
      'SELECT DISTINCT source_id FROM (SELECT encounter_source AS source_id FROM "stage_immunizations" WHERE reason IS NULL AND encounter_source IS NOT NULL)',
    );
  });

  it('writes valid rows with pseudonyms and KB ids, in source order', () => {
    expect(buildCopyTableSql({ spec, path: '/lake/immunizations.parquet' })).toBe(
      [
        'COPY (SELECT p.patient_id AS "patient_id", e.encounter_id AS "encounter_id", s.occurrence_date AS "occurrence_date", s.status AS "status", m_vaccine.system AS "code_system", m_vaccine.code AS "code", m_vaccine.test_id AS "test_id"',
        'FROM "stage_immunizations" AS s',
        'JOIN patient_map AS p ON p.source_id = s.patient_source',
        'LEFT JOIN encounter_map AS e ON e.source_id = s.encounter_source',
        'LEFT JOIN "cm_immunizations_vaccine" AS "m_vaccine" ON "m_vaccine".codings = s."vaccine_codings"',
        'WHERE s.reason IS NULL',
        'ORDER BY s.file_index, s.record)',
        `TO '/lake/immunizations.parquet' (FORMAT parquet, COMPRESSION zstd)`,
      ].join('\n'),
    );
  });

  it('defines the reference date as a DATE literal', () => {
    expect(buildAsOfMacroSql(new Date('2026-10-31T00:00:00Z'))).toBe(
      `CREATE OR REPLACE MACRO as_of_date() AS DATE '2026-10-31'`,
    );
  });
});
