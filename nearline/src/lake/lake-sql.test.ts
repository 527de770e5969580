import { describe, expect, it } from 'vitest';
import {
  buildCopyToParquetSql,
  buildCreateStageSql,
  buildDropStageSql,
  quoteLiteral,
} from './lake-sql.js';

describe('lake SQL', () => {
  it('stages rows as JSON documents in a temp table', () => {
    expect(buildCreateStageSql('stage_1')).toBe(
      'CREATE TEMP TABLE "stage_1" (payload VARCHAR NOT NULL)',
    );
    expect(buildDropStageSql('stage_1')).toBe('DROP TABLE IF EXISTS "stage_1"');
  });

  it('copies feedback rows to zstd Parquet with typed columns, sorted by patient and time', () => {
    expect(
      buildCopyToParquetSql({ table: 'feedback', stage: 's', path: "/lake/it's.parquet.tmp" }),
    ).toBe(
      [
        'COPY (SELECT r.event_id, r.schema_version, r.patient_id, r.encounter_id, make_timestamptz(r.occurred_ms * 1000) AS occurred_at, make_timestamptz(r.accepted_ms * 1000) AS accepted_at, CAST(r.event_date AS DATE) AS event_date, r.model_version, r.action, r.suggestion_kind, r.suggestion_id, r.reason, r.final_condition_id, r.final_icd10',
        `FROM (SELECT unnest(json_transform(payload, '{"event_id":"VARCHAR","schema_version":"INTEGER","patient_id":"VARCHAR","encounter_id":"VARCHAR","occurred_ms":"BIGINT","accepted_ms":"BIGINT","event_date":"VARCHAR","model_version":"VARCHAR","action":"VARCHAR","suggestion_kind":"VARCHAR","suggestion_id":"VARCHAR","reason":"VARCHAR","final_condition_id":"VARCHAR","final_icd10":"VARCHAR"}')) FROM "s") AS r`,
        'ORDER BY r.patient_id, r.occurred_ms, r.event_id)',
        "TO '/lake/it''s.parquet.tmp' (FORMAT parquet, COMPRESSION zstd)",
      ].join('\n'),
    );
  });

  it('turns observation times into timestamps inside the list', () => {
    const sql = buildCopyToParquetSql({ table: 'events', stage: 's', path: '/x' });
    expect(sql).toContain(
      "[{'loinc': o.loinc, 'value': o.value, 'unit': o.unit, 'at': make_timestamptz(o.at_ms * 1000)} FOR o IN r.observations] AS observations",
    );
    expect(quoteLiteral("a'b")).toBe("'a''b'");
  });
});
