import { describe, expect, it } from 'vitest';
import { buildMedicationListSql, buildRowBundlesSql, buildSnapshotsSql } from './views-sql.js';
import { buildEventTablesSql } from './facts-sql.js';

describe('feature SQL', () => {
  it('takes the day before each visit (from `since`, before `asOf`) and a current snapshot per patient', () => {
    expect(
      buildSnapshotsSql({
        asOf: new Date('2026-01-10T00:00:00Z'),
        since: new Date('2025-12-31T00:00:00Z'),
        currentMs: 1_768_089_599_999,
      }),
    ).toBe(
      [
        'CREATE TABLE snapshots AS',
        `SELECT patient_id, day, false AS current, (epoch_ms(day + 1) - 1)::BIGINT AS event_ms FROM (SELECT DISTINCT patient_id, visit_date - 1 AS day FROM f_visits) WHERE day >= DATE '1970-01-01' AND day < DATE '2026-01-10' AND day >= DATE '2025-12-31'`,
        `UNION ALL SELECT patient_id, DATE '2026-01-10', true, 1768089599999::BIGINT FROM (SELECT patient_id FROM f_patients UNION SELECT patient_id FROM f_visits)`,
      ].join('\n'),
    );
  });

  it('counts a medication active on day D when it started on or before D and ends after D', () => {
    expect(buildMedicationListSql('current')).toBe(
      [
        `SELECT s.patient_id, s.event_ms::DOUBLE AS event_ms, s.current, to_json({'activeRxcuis': coalesce(list_slice(list_sort(list_distinct(list(m.rxcui))), 1, 200), [])}) AS value`,
        'FROM (SELECT * FROM snapshots WHERE current) AS s LEFT JOIN f_meds AS m ON m.patient_id = s.patient_id AND m.start_date <= s.day AND m.end_date > s.day',
        'GROUP BY s.patient_id, s.day, s.event_ms, s.current',
      ].join('\n'),
    );
  });

  it('reads nearline events de-duplicated by id, or creates empty tables when there are none', () => {
    const [events, feedback] = buildEventTablesSql({
      eventFiles: ["/lake/events/date=2026-01-05/p'1.parquet"],
      feedbackFiles: [],
    });
    expect(events).toBe(
      `CREATE TABLE ev AS SELECT event_id, patient_id, encounter_id, occurred_at, accepted_at, event_date, findings_present, findings_absent, diagnoses, observations, medications_started, medications_stopped, tests FROM read_parquet(['/lake/events/date=2026-01-05/p''1.parquet'], union_by_name = true) WHERE schema_version = 1 QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY accepted_at, occurred_at) = 1`,
    );
    expect(feedback).toBe(
      'CREATE TABLE fb (event_id VARCHAR, patient_id VARCHAR, encounter_id VARCHAR, occurred_at TIMESTAMPTZ, accepted_at TIMESTAMPTZ, action VARCHAR, final_condition_id VARCHAR)',
    );
  });

  it('bundles rows into JSON arrays of about 4,000 rows, grouped by patient hash', () => {
    expect(buildRowBundlesSql({ sql: 'SELECT 1', expectedRows: 10_000 })).toBe(
      [
        `SELECT '[' || string_agg('[' || to_json(patient_id) || ',' || CAST(event_ms::BIGINT AS VARCHAR) || ',' || CAST(current::INTEGER AS VARCHAR) || ',' || value::VARCHAR || ']', ',') || ']' AS bundle`,
        'FROM (SELECT 1)',
        'GROUP BY hash(patient_id) % 3',
      ].join('\n'),
    );
  });
});
