import { describe, expect, it } from 'vitest';
import {
  allergiesSql,
  conditionsSql,
  findingsSql,
  measurementsSql,
  medicationsSql,
  NOTES_SQL,
  selectNotesSql,
} from './lake-corpus-sql.js';

const OF_PATIENTS = 'patient_id IN (SELECT DISTINCT patient_id FROM eval_notes)';

describe('lake queries of the note evaluation', () => {
  it('selects the notes in a stable order with their age at visit, escaping the path and truncating the limit', () => {
    expect(
      selectNotesSql({
        notesTable: "/l/it's/notes.parquet",
        encountersTable: '/c/encounters.parquet',
        limit: 25.7,
      }),
    ).toBe(
      'CREATE OR REPLACE TEMP TABLE eval_notes AS SELECT row_number() OVER (ORDER BY n.patient_id, n."date", n.encounter_id) AS note_no, ' +
        `n.patient_id, n.encounter_id, CAST(n."date" AS VARCHAR) AS note_day, n."text", e.age_at_visit FROM read_parquet('/l/it''s/notes.parquet') AS n ` +
        `LEFT JOIN (SELECT encounter_id, any_value(age_at_visit) AS age_at_visit FROM read_parquet('/c/encounters.parquet') GROUP BY encounter_id) AS e ` +
        'ON e.encounter_id = n.encounter_id WHERE n."text" IS NOT NULL ORDER BY note_no LIMIT 25',
    );
    expect(
      selectNotesSql({ notesTable: '/n.parquet', encountersTable: '/e.parquet' }),
    ).not.toContain('LIMIT');
    expect(NOTES_SQL).toBe(
      'SELECT note_no, patient_id, encounter_id, note_day, "text", age_at_visit FROM eval_notes ORDER BY note_no',
    );
  });

  it('reads findings and smoking status, measurements with blood-pressure components', () => {
    expect(findingsSql('/c/observations.parquet')).toBe(
      `SELECT patient_id, encounter_id, finding_id, value_boolean AS present, NULL AS smoking_system, NULL AS smoking_code ` +
        `FROM read_parquet('/c/observations.parquet') WHERE ${OF_PATIENTS} AND value_type = 'boolean' ` +
        `UNION ALL SELECT patient_id, encounter_id, value_finding_id AS finding_id, true AS present, value_system AS smoking_system, value_code AS smoking_code ` +
        `FROM read_parquet('/c/observations.parquet') WHERE ${OF_PATIENTS} AND loinc = '72166-2' AND value_code IS NOT NULL`,
    );
    expect(measurementsSql('/c/o.parquet')).toBe(
      `SELECT patient_id, encounter_id, loinc, value_number AS value, value_unit AS unit FROM read_parquet('/c/o.parquet') ` +
        `WHERE ${OF_PATIENTS} AND value_type = 'quantity' AND loinc IS NOT NULL AND value_number IS NOT NULL ` +
        `UNION ALL SELECT patient_id, encounter_id, c.loinc, c."value" AS value, c.unit FROM ` +
        `(SELECT patient_id, encounter_id, UNNEST(components) AS c FROM read_parquet('/c/o.parquet') WHERE ${OF_PATIENTS}) ` +
        `WHERE c.loinc IS NOT NULL AND c."value" IS NOT NULL`,
    );
  });

  it('reads conditions, prescriptions and allergies of the selected patients only', () => {
    expect(conditionsSql('/c/conditions.parquet')).toBe(
      `SELECT patient_id, encounter_id, condition_id, category, CAST(coalesce(onset_date, recorded_date) AS VARCHAR) AS day, ` +
        `abatement_date IS NOT NULL AS ended FROM read_parquet('/c/conditions.parquet') WHERE ${OF_PATIENTS}`,
    );
    expect(medicationsSql('/c/m.parquet')).toBe(
      `SELECT patient_id, encounter_id, ingredient_rxcui AS rxcui, status, CAST(authored_date AS VARCHAR) AS day ` +
        `FROM read_parquet('/c/m.parquet') WHERE ${OF_PATIENTS}`,
    );
    expect(allergiesSql('/c/a.parquet')).toBe(
      `SELECT patient_id, ingredient_rxcui AS rxcui, code_system, code, CAST(coalesce(recorded_date, onset_date) AS VARCHAR) AS day ` +
        `FROM read_parquet('/c/a.parquet') WHERE ${OF_PATIENTS}`,
    );
  });
});
