/**
 * The facts feature SQL reads: the lake's de-identified tables and, when present, the nearline
 * tier's visit and feedback events, unified per kind (visits, conditions, findings, measurements,
 * tests, medication intervals), every fact dated at day precision. Pure builders; tested as strings.
 */
import { quoteLiteral } from '../lake/sql-text.js';
import { TOBACCO_SMOKING_STATUS_LOINC } from '../ingest/code-resolver.js';
import type { ClinicalTable } from '../lake/lake-layout.js';

export interface FactSources {
  /** The Parquet file of each clinical table. */
  table(name: ClinicalTable): string;
  /** Nearline visit-event files (`<lake>/events/**`), possibly none. */
  eventFiles: readonly string[];
  /** Nearline feedback files (`<lake>/feedback/**`), possibly none. */
  feedbackFiles: readonly string[];
}

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const OBS_OK = `coalesce(status, 'final') NOT IN ('entered-in-error', 'cancelled')`;

const EVENT_COLUMNS =
  'event_id VARCHAR, patient_id VARCHAR, encounter_id VARCHAR, occurred_at TIMESTAMPTZ, accepted_at TIMESTAMPTZ, event_date DATE, findings_present VARCHAR[], findings_absent VARCHAR[], diagnoses STRUCT(condition_id VARCHAR, icd10 VARCHAR, snomed VARCHAR, category VARCHAR, verification VARCHAR, clinical_status VARCHAR)[], observations STRUCT(loinc VARCHAR, "value" DOUBLE, unit VARCHAR, "at" TIMESTAMPTZ)[], medications_started VARCHAR[], medications_stopped VARCHAR[], tests VARCHAR[]';
const FEEDBACK_COLUMNS =
  'event_id VARCHAR, patient_id VARCHAR, encounter_id VARCHAR, occurred_at TIMESTAMPTZ, accepted_at TIMESTAMPTZ, action VARCHAR, final_condition_id VARCHAR';

function files(list: readonly string[]): string {
  return `[${list.map(quoteLiteral).join(', ')}]`;
}

function columnNames(columns: string): string {
  return columns
    .split(/,\s*(?![^()]*\))/)
    .map((c) => c.trim().split(' ')[0] ?? '')
    .join(', ');
}

/** Events (de-duplicated by id, first acceptance wins) or an empty table of the same shape. */
export function buildEventTablesSql(
  sources: Pick<FactSources, 'eventFiles' | 'feedbackFiles'>,
): string[] {
  const table = (options: { name: string; columns: string; list: readonly string[] }): string =>
    options.list.length === 0
      ? `CREATE TABLE ${options.name} (${options.columns})`
      : `CREATE TABLE ${options.name} AS SELECT ${columnNames(options.columns)} FROM read_parquet(${files(options.list)}, union_by_name = true) WHERE schema_version = 1 QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY accepted_at, occurred_at) = 1`;
  return [
    table({ name: 'ev', columns: EVENT_COLUMNS, list: sources.eventFiles }),
    table({ name: 'fb', columns: FEEDBACK_COLUMNS, list: sources.feedbackFiles }),
  ];
}

/** The unified fact tables (after `buildEventTablesSql` and the KB tables). */
export function buildFactTablesSql(sources: FactSources): string[] {
  const t = (name: ClinicalTable): string => `read_parquet(${quoteLiteral(sources.table(name))})`;
  return [
    `CREATE TABLE f_patients AS SELECT patient_id, sex, birth_year, age_90_plus FROM ${t('patients')}`,
    [
      'CREATE TABLE f_visits AS',
      `SELECT patient_id, encounter_id, start_date AS visit_date, reason_finding_id, age_at_visit, 'lake' AS source FROM ${t('encounters')}`,
      `WHERE start_date IS NOT NULL AND coalesce(status, 'finished') NOT IN ('cancelled', 'entered-in-error', 'planned')`,
      `UNION ALL SELECT patient_id, encounter_id, min(event_date), NULL, NULL, 'event' FROM ev`,
      `WHERE encounter_id NOT IN (SELECT encounter_id FROM ${t('encounters')}) GROUP BY patient_id, encounter_id`,
    ].join('\n'),
    [
      'CREATE TABLE f_conditions AS',
      'SELECT c.patient_id, c.encounter_id, c.date, c.end_date, c.condition_id, k.course, coalesce(c.icd10, k.icd10) AS icd10, c.category, c.verification, c.clinical_status',
      `FROM (SELECT patient_id, encounter_id, coalesce(onset_date, recorded_date) AS date, abatement_date AS end_date, condition_id, icd10, category, coalesce(verification_status, 'confirmed') AS verification, coalesce(clinical_status, 'active') AS clinical_status FROM ${t('conditions')}`,
      `UNION ALL SELECT patient_id, encounter_id, event_date, NULL, d.condition_id, d.icd10, d.category, d.verification, d.clinical_status FROM (SELECT patient_id, encounter_id, event_date, unnest(diagnoses) AS d FROM ev)) AS c`,
      `LEFT JOIN kb_conditions AS k ON k.id = c.condition_id WHERE c.date IS NOT NULL AND c.verification NOT IN ('refuted', 'entered-in-error')`,
    ].join('\n'),
    [
      'CREATE TABLE f_measurements AS',
      `SELECT patient_id, encounter_id, effective_date AS date, loinc, value_number AS value, coalesce(value_unit, '') AS unit FROM ${t('observations')}`,
      `WHERE ${OBS_OK} AND loinc IS NOT NULL AND isfinite(value_number)`,
      `UNION ALL SELECT patient_id, encounter_id, effective_date, c.loinc, c.value, coalesce(c.unit, '') FROM (SELECT patient_id, encounter_id, effective_date, unnest(components) AS c FROM ${t('observations')} WHERE ${OBS_OK} AND len(components) > 0) WHERE c.loinc IS NOT NULL AND isfinite(c.value)`,
      `UNION ALL SELECT patient_id, encounter_id, CAST(o."at" AS DATE), o.loinc, o."value", coalesce(o.unit, '') FROM (SELECT patient_id, encounter_id, unnest(observations) AS o FROM ev) WHERE isfinite(o."value")`,
    ].join('\n'),
    [
      'CREATE TABLE f_findings AS',
      `SELECT patient_id, encounter_id, effective_date AS date, finding_id, coalesce(value_boolean, true) AS present FROM ${t('observations')} WHERE ${OBS_OK} AND finding_id IS NOT NULL`,
      `UNION ALL SELECT patient_id, encounter_id, effective_date, value_finding_id, true FROM ${t('observations')} WHERE ${OBS_OK} AND value_finding_id IS NOT NULL`,
      // A smoking-status answer other than "current smoker" records current-smoker as absent then.
      `UNION ALL SELECT patient_id, encounter_id, effective_date, 'current-smoker', false FROM ${t('observations')} WHERE ${OBS_OK} AND loinc = ${quoteLiteral(TOBACCO_SMOKING_STATUS_LOINC)} AND value_finding_id IS DISTINCT FROM 'current-smoker' AND EXISTS (SELECT 1 FROM kb_findings WHERE id = 'current-smoker')`,
      `UNION ALL SELECT patient_id, encounter_id, start_date, reason_finding_id, true FROM ${t('encounters')} WHERE reason_finding_id IS NOT NULL AND start_date IS NOT NULL`,
      `UNION ALL SELECT m.patient_id, m.encounter_id, m.date, k.finding_id, true FROM f_measurements AS m JOIN kb_thresholds AS k ON k.loinc = m.loinc AND k.unit = m.unit WHERE CASE k.comparator WHEN '>' THEN m.value > k.value WHEN '>=' THEN m.value >= k.value WHEN '<' THEN m.value < k.value WHEN '<=' THEN m.value <= k.value END`,
      'UNION ALL SELECT patient_id, encounter_id, event_date, unnest(findings_present), true FROM ev',
      'UNION ALL SELECT patient_id, encounter_id, event_date, unnest(findings_absent), false FROM ev',
    ].join('\n'),
    [
      'CREATE TABLE f_tests AS',
      `SELECT patient_id, performed_date AS date, test_id FROM ${t('procedures')} WHERE test_id IS NOT NULL AND performed_date IS NOT NULL AND coalesce(status, 'completed') IN ('completed', 'unknown')`,
      `UNION ALL SELECT patient_id, occurrence_date, test_id FROM ${t('immunizations')} WHERE test_id IS NOT NULL AND coalesce(status, 'completed') = 'completed'`,
      `UNION ALL SELECT patient_id, effective_date, test_id FROM ${t('observations')} WHERE ${OBS_OK} AND test_id IS NOT NULL`,
      'UNION ALL SELECT patient_id, event_date, unnest(tests) FROM ev',
    ].join('\n'),
    [
      'CREATE TABLE f_meds AS',
      'WITH starts AS (',
      // Ongoing orders run until their stated end; ended orders count only up to a stated end date.
      `SELECT patient_id, rxcui, authored_date AS start_date, CASE WHEN status IN ('active', 'on-hold') THEN end_date ELSE coalesce(end_date, authored_date) END AS end_date`,
      `FROM (SELECT *, coalesce(ingredient_rxcui, CASE WHEN code_system = ${quoteLiteral(RXNORM)} THEN code END) AS rxcui FROM ${t('medication_requests')})`,
      String.raw`WHERE authored_date IS NOT NULL AND regexp_full_match(rxcui, '\d{1,8}')`,
      'UNION ALL SELECT patient_id, unnest(medications_started), event_date, NULL FROM ev),',
      'stops AS (SELECT patient_id, unnest(medications_stopped) AS rxcui, event_date AS date FROM ev)',
      `SELECT s.patient_id, s.rxcui, s.start_date, least(coalesce(s.end_date, DATE '9999-12-31'), coalesce(min(t.date), DATE '9999-12-31')) AS end_date`,
      'FROM starts AS s LEFT JOIN stops AS t ON t.patient_id = s.patient_id AND t.rxcui = s.rxcui AND t.date >= s.start_date',
      'GROUP BY s.patient_id, s.rxcui, s.start_date, s.end_date',
    ].join('\n'),
  ];
}
