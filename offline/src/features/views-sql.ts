/**
 * Feature values as of snapshot days, in DuckDB SQL over the fact tables (facts-sql.ts). A snapshot
 * "as of day D" holds exactly the facts dated on or before D, stamped D 23:59:59.999 UTC, so a label
 * at visit day V (label time V 00:00 UTC) joins the day-before snapshot and never sees the visit
 * itself. Each query returns `patient_id, event_ms, current, value` (value: the view's JSON).
 */
import { quoteLiteral } from '../lake/sql-text.js';

/** `YYYY-MM-DD` of a UTC day. */
function day(date: Date): string {
  return `DATE ${quoteLiteral(date.toISOString().slice(0, 10))}`;
}

/**
 * The snapshot days: the day before each visit from `since` on (before `asOf`; not before 1970, as
 * the offline store keeps epoch timestamps), and the current snapshot of every known patient at
 * `asOf`, stamped `currentMs`.
 */
export function buildSnapshotsSql(options: {
  asOf: Date;
  since: Date | undefined;
  currentMs: number;
}): string {
  const { asOf, since, currentMs } = options;
  const from = since === undefined ? '' : ` AND day >= ${day(since)}`;
  return [
    'CREATE TABLE snapshots AS',
    `SELECT patient_id, day, false AS current, (epoch_ms(day + 1) - 1)::BIGINT AS event_ms FROM (SELECT DISTINCT patient_id, visit_date - 1 AS day FROM f_visits) WHERE day >= DATE '1970-01-01' AND day < ${day(asOf)}${from}`,
    `UNION ALL SELECT patient_id, ${day(asOf)}, true, ${String(currentMs)}::BIGINT FROM (SELECT patient_id FROM f_patients UNION SELECT patient_id FROM f_visits)`,
  ].join('\n');
}

export type SnapshotScope = 'all' | 'current';

function snapshots(scope: SnapshotScope): string {
  return scope === 'all' ? 'snapshots' : '(SELECT * FROM snapshots WHERE current)';
}

const OUT = 's.patient_id, s.event_ms::DOUBLE AS event_ms, s.current';

/** Sorted, de-duplicated, capped list of the aggregated ids (empty when none). */
function idList(expr: string, max: number): string {
  return `coalesce(list_slice(list_sort(list_distinct(${expr})), 1, ${String(max)}), [])`;
}

export function buildConditionHistorySql(scope: SnapshotScope): string {
  // Chronic: confirmed, not ended by D; resolved without an end date is never counted (date unknown).
  const chronic = `list(c.condition_id) FILTER (WHERE c.course = 'chronic' AND c.verification = 'confirmed' AND (c.end_date > s.day OR (c.end_date IS NULL AND c.clinical_status NOT IN ('resolved', 'inactive', 'remission'))))`;
  const acute = `list(c.condition_id) FILTER (WHERE c.course = 'acute' AND c.verification = 'confirmed' AND c.date > s.day - 365)`;
  return [
    `SELECT ${OUT}, to_json({'chronic': ${idList(chronic, 200)}, 'icd10': ${idList('list(c.icd10)', 1000)}, 'recentAcute': ${idList(acute, 200)}}) AS value`,
    `FROM ${snapshots(scope)} AS s LEFT JOIN f_conditions AS c ON c.patient_id = s.patient_id AND c.date <= s.day`,
    'GROUP BY s.patient_id, s.day, s.event_ms, s.current',
  ].join('\n');
}

export function buildRecentFindingsSql(scope: SnapshotScope): string {
  return [
    'WITH f AS (SELECT s.patient_id, s.day, list(f.finding_id) FILTER (WHERE f.present) AS ids',
    `FROM ${snapshots(scope)} AS s JOIN f_findings AS f ON f.patient_id = s.patient_id AND f.date <= s.day AND f.date > s.day - 90 GROUP BY s.patient_id, s.day),`,
    'v AS (SELECT s.patient_id, s.day, count(DISTINCT v.encounter_id) FILTER (WHERE v.visit_date > s.day - 90) AS n, max(v.visit_date) AS last',
    `FROM ${snapshots(scope)} AS s JOIN f_visits AS v ON v.patient_id = s.patient_id AND v.visit_date <= s.day GROUP BY s.patient_id, s.day)`,
    `SELECT ${OUT}, to_json({'present': ${idList('f.ids', 300)}, 'visits90d': coalesce(v.n, 0), 'lastVisitAt': strftime(v.last, '%Y-%m-%d')}) AS value`,
    `FROM ${snapshots(scope)} AS s LEFT JOIN f USING (patient_id, day) LEFT JOIN v USING (patient_id, day)`,
  ].join('\n');
}

export function buildMedicationListSql(scope: SnapshotScope): string {
  return [
    `SELECT ${OUT}, to_json({'activeRxcuis': ${idList('list(m.rxcui)', 200)}}) AS value`,
    `FROM ${snapshots(scope)} AS s LEFT JOIN f_meds AS m ON m.patient_id = s.patient_id AND m.start_date <= s.day AND m.end_date > s.day`,
    'GROUP BY s.patient_id, s.day, s.event_ms, s.current',
  ].join('\n');
}

/**
 * Birth year and sex at each patient's first snapshot and the current one (they do not change).
 * 90+ patients have no birth year in the lake: theirs is top-coded at `asOf`'s year − 90.
 */
export function buildDemographicsSql(options: { asOfYear: number }): string {
  const birthYear = `CASE WHEN p.age_90_plus THEN ${String(options.asOfYear - 90)} ELSE p.birth_year END`;
  return [
    `SELECT ${OUT}, to_json({'birthYear': ${birthYear}, 'sex': p.sex}) AS value`,
    'FROM snapshots AS s JOIN f_patients AS p USING (patient_id)',
    `WHERE (s.current OR s.day = (SELECT min(day) FROM snapshots AS f WHERE f.patient_id = s.patient_id)) AND ${birthYear} IS NOT NULL`,
  ].join('\n');
}

/** The latest value of each LOINC code (up to 300 codes, most recent first). */
export function buildVitalsLabsSql(scope: SnapshotScope): string {
  return [
    "WITH latest AS (SELECT s.patient_id, s.day, m.loinc, arg_max({'value': m.value, 'unit': m.unit, 'at': strftime(m.date, '%Y-%m-%d')}, [epoch(m.date), m.value]) AS obs, max(m.date) AS date",
    `FROM ${snapshots(scope)} AS s JOIN f_measurements AS m ON m.patient_id = s.patient_id AND m.date <= s.day GROUP BY s.patient_id, s.day, m.loinc`,
    'QUALIFY row_number() OVER (PARTITION BY s.patient_id, s.day ORDER BY max(m.date) DESC, m.loinc) <= 300),',
    'byday AS (SELECT patient_id, day, json_group_object(loinc, obs) AS vals FROM latest GROUP BY patient_id, day)',
    `SELECT ${OUT}, json_object('values', coalesce(b.vals, '{}'::JSON)) AS value`,
    `FROM ${snapshots(scope)} AS s LEFT JOIN byday AS b USING (patient_id, day)`,
  ].join('\n');
}

/** When each KB test was last done (up to 300 tests, most recent first). */
export function buildRecentTestsSql(scope: SnapshotScope): string {
  return [
    'WITH last AS (SELECT s.patient_id, s.day, t.test_id, max(t.date) AS date',
    `FROM ${snapshots(scope)} AS s JOIN f_tests AS t ON t.patient_id = s.patient_id AND t.date <= s.day GROUP BY s.patient_id, s.day, t.test_id`,
    'QUALIFY row_number() OVER (PARTITION BY s.patient_id, s.day ORDER BY max(t.date) DESC, t.test_id) <= 300),',
    `byday AS (SELECT patient_id, day, json_group_object(test_id, strftime(date, '%Y-%m-%d')) AS done FROM last GROUP BY patient_id, day)`,
    `SELECT ${OUT}, json_object('lastDone', coalesce(b.done, '{}'::JSON)) AS value`,
    `FROM ${snapshots(scope)} AS s LEFT JOIN byday AS b USING (patient_id, day)`,
  ].join('\n');
}

/**
 * What care-gap rules need besides the other views, for current snapshots: sex, age at `asOf`
 * (90 for 90+; NULL when unknown) and the history findings (e.g. current-smoker) whose latest
 * record says present.
 */
export function buildCareGapInputsSql(options: { asOfYear: number }): string {
  return [
    'WITH h AS (SELECT f.patient_id, f.finding_id, arg_max(f.present, [epoch(f.date), f.present::INTEGER]) AS present',
    `FROM f_findings AS f JOIN kb_findings AS k ON k.id = f.finding_id AND k.kind = 'history' JOIN snapshots AS s ON s.patient_id = f.patient_id AND s.current AND f.date <= s.day GROUP BY f.patient_id, f.finding_id)`,
    `SELECT s.patient_id, p.sex, CASE WHEN p.age_90_plus THEN 90 ELSE ${String(options.asOfYear)} - p.birth_year END AS age,`,
    `${idList('list(h.finding_id) FILTER (WHERE h.present)', 500)} AS history_findings`,
    'FROM snapshots AS s JOIN f_patients AS p USING (patient_id) LEFT JOIN h USING (patient_id)',
    'WHERE s.current GROUP BY s.patient_id, p.sex, p.age_90_plus, p.birth_year',
  ].join('\n');
}

/** Rows per bundle handed from DuckDB to TypeScript. */
export const ROWS_PER_BUNDLE = 4000;

/**
 * A view query's rows as JSON arrays of `[patient_id, event_ms, current (0/1), value]`, about
 * `ROWS_PER_BUNDLE` per array (grouped by a hash of the patient), one array per result row.
 */
export function buildRowBundlesSql(options: { sql: string; expectedRows: number }): string {
  const bundles = Math.max(1, Math.ceil(options.expectedRows / ROWS_PER_BUNDLE));
  return [
    `SELECT '[' || string_agg('[' || to_json(patient_id) || ',' || CAST(event_ms::BIGINT AS VARCHAR) || ',' || CAST(current::INTEGER AS VARCHAR) || ',' || value::VARCHAR || ']', ',') || ']' AS bundle`,
    `FROM (${options.sql})`,
    `GROUP BY hash(patient_id) % ${String(bundles)}`,
  ].join('\n');
}
