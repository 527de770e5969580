/**
 * The lake queries of the note evaluation (pure builders, tested as exact strings): the notes to
 * score (restricted), then the de-identified facts of exactly their patients. Column names follow
 * ingest's tables (offline/src/ingest/resources/*.ts).
 */
import { quoteLiteral } from '../lake/sql-text.js';
import { SMOKING_STATUS_LOINC } from './smoking-status.js';

const parquet = (file: string): string => `read_parquet(${quoteLiteral(file)})`;

/**
 * The notes to score, in a stable order, as the temp table `eval_notes`, each with its encounter's
 * `age_at_visit` (whole years; NULL at 90+ or without an encounter) for children's vital cut-offs.
 */
export function selectNotesSql(options: {
  notesTable: string;
  encountersTable: string;
  limit?: number | undefined;
}): string {
  const limit = options.limit === undefined ? '' : ` LIMIT ${String(Math.trunc(options.limit))}`;
  return (
    `CREATE OR REPLACE TEMP TABLE eval_notes AS SELECT row_number() OVER (ORDER BY n.patient_id, n."date", n.encounter_id) AS note_no, ` +
    `n.patient_id, n.encounter_id, CAST(n."date" AS VARCHAR) AS note_day, n."text", e.age_at_visit FROM ${parquet(options.notesTable)} AS n ` +
    `LEFT JOIN (SELECT encounter_id, any_value(age_at_visit) AS age_at_visit FROM ${parquet(options.encountersTable)} GROUP BY encounter_id) AS e ` +
    `ON e.encounter_id = n.encounter_id WHERE n."text" IS NOT NULL ORDER BY note_no${limit}`
  );
}

const ofEvalPatients = 'patient_id IN (SELECT DISTINCT patient_id FROM eval_notes)';

/**
 * Finding Observations (`valueBoolean`; `finding_id` NULL = outside the KB) and smoking-status
 * values (`smoking_system`/`smoking_code` set, `finding_id` the value's KB finding if any).
 */
export function findingsSql(observationsTable: string): string {
  return (
    `SELECT patient_id, encounter_id, finding_id, value_boolean AS present, NULL AS smoking_system, NULL AS smoking_code ` +
    `FROM ${parquet(observationsTable)} WHERE ${ofEvalPatients} AND value_type = 'boolean' ` +
    `UNION ALL SELECT patient_id, encounter_id, value_finding_id AS finding_id, true AS present, value_system AS smoking_system, value_code AS smoking_code ` +
    `FROM ${parquet(observationsTable)} WHERE ${ofEvalPatients} AND loinc = ${quoteLiteral(SMOKING_STATUS_LOINC)} AND value_code IS NOT NULL`
  );
}

/** Measured values by LOINC, blood-pressure components unnested. */
export function measurementsSql(observationsTable: string): string {
  return (
    `SELECT patient_id, encounter_id, loinc, value_number AS value, value_unit AS unit FROM ${parquet(observationsTable)} ` +
    `WHERE ${ofEvalPatients} AND value_type = 'quantity' AND loinc IS NOT NULL AND value_number IS NOT NULL ` +
    `UNION ALL SELECT patient_id, encounter_id, c.loinc, c."value" AS value, c.unit FROM ` +
    `(SELECT patient_id, encounter_id, UNNEST(components) AS c FROM ${parquet(observationsTable)} WHERE ${ofEvalPatients}) ` +
    `WHERE c.loinc IS NOT NULL AND c."value" IS NOT NULL`
  );
}

export function conditionsSql(conditionsTable: string): string {
  return (
    `SELECT patient_id, encounter_id, condition_id, category, CAST(coalesce(onset_date, recorded_date) AS VARCHAR) AS day, ` +
    `abatement_date IS NOT NULL AS ended FROM ${parquet(conditionsTable)} WHERE ${ofEvalPatients}`
  );
}

export function medicationsSql(medicationRequestsTable: string): string {
  return (
    `SELECT patient_id, encounter_id, ingredient_rxcui AS rxcui, status, CAST(authored_date AS VARCHAR) AS day ` +
    `FROM ${parquet(medicationRequestsTable)} WHERE ${ofEvalPatients}`
  );
}

export function allergiesSql(allergiesTable: string): string {
  return (
    `SELECT patient_id, ingredient_rxcui AS rxcui, code_system, code, CAST(coalesce(recorded_date, onset_date) AS VARCHAR) AS day ` +
    `FROM ${parquet(allergiesTable)} WHERE ${ofEvalPatients}`
  );
}

export const NOTES_SQL =
  'SELECT note_no, patient_id, encounter_id, note_day, "text", age_at_visit FROM eval_notes ORDER BY note_no';
