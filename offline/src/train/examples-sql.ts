/**
 * The trainer's query over the training examples table (docs/lake.md): the rows of some split parts,
 * in a stable order, with list columns flattened to space-separated ids (cheap to hand to JS).
 * Clinician feedback: a visit whose coded diagnosis the clinician dismissed as `ruled-out` at that
 * encounter is contradictory and left out, unless a final-diagnosis feedback labels it.
 */
import { quoteLiteral } from '../lake/sql-text.js';
import { splitSql, type SplitPart, type SplitSpec } from './data-split.js';

export interface ExamplesQuery {
  examplesFile: string;
  /** Nearline feedback Parquet files (`<lake>/feedback/**`), possibly none. */
  feedbackFiles: readonly string[];
  split: SplitSpec;
  parts: readonly SplitPart[];
}

function ruledOutSql(feedbackFiles: readonly string[]): string {
  if (feedbackFiles.length === 0) {
    return 'SELECT NULL::VARCHAR AS encounter_id, NULL::VARCHAR AS condition_id WHERE false';
  }
  return [
    `SELECT DISTINCT encounter_id, suggestion_id AS condition_id FROM read_parquet([${feedbackFiles.map(quoteLiteral).join(', ')}], union_by_name = true)`,
    `WHERE action = 'dismissed' AND reason = 'ruled-out' AND suggestion_kind = 'condition'`,
  ].join(' ');
}

const FILTERED_SQL = (q: ExamplesQuery): string =>
  [
    `WITH ex AS (SELECT *, ${splitSql(q.split, { patientId: 'patient_id', visitDate: 'visit_date' })} AS part FROM read_parquet(${quoteLiteral(q.examplesFile)})),`,
    `ruled AS (${ruledOutSql(q.feedbackFiles)}),`,
    `kept AS (SELECT ex.*, (NOT ex.from_feedback AND r.encounter_id IS NOT NULL) AS ruled_out FROM ex LEFT JOIN ruled AS r ON r.encounter_id = ex.encounter_id AND r.condition_id = ex.label WHERE ex.part IN (${q.parts.map(quoteLiteral).join(', ')}))`,
  ].join('\n');

/** The examples of `parts`, ruled-out ones dropped, ordered by patient, visit, encounter. */
export function buildExamplesSql(q: ExamplesQuery): string {
  return [
    FILTERED_SQL(q),
    `SELECT patient_id, encounter_id, strftime(visit_date, '%Y-%m-%d') AS visit_date, label, from_feedback, source, part,`,
    `array_to_string(present_findings, ' ') AS present, array_to_string(absent_findings, ' ') AS absent,`,
    `age_at_visit::INTEGER AS age_at_visit, age_90_plus, sex`,
    'FROM kept WHERE NOT ruled_out ORDER BY patient_id, visit_date, encounter_id',
  ].join('\n');
}

/** How many examples of `parts` there are, how many the feedback rule dropped, and the date range. */
export function buildExampleCountsSql(q: ExamplesQuery): string {
  return [
    FILTERED_SQL(q),
    `SELECT count(*) FILTER (WHERE NOT ruled_out) AS kept, count(*) FILTER (WHERE ruled_out) AS ruled_out,`,
    `count(*) FILTER (WHERE NOT ruled_out AND from_feedback) AS from_feedback, count(*) FILTER (WHERE NOT ruled_out AND source = 'event') AS from_events,`,
    `strftime(min(visit_date), '%Y-%m-%d') AS first_visit, strftime(max(visit_date), '%Y-%m-%d') AS last_visit FROM kept`,
  ].join('\n');
}

/** The last visit date in the table (the time split is anchored to it). */
export function buildLastVisitSql(examplesFile: string): string {
  return `SELECT strftime(max(visit_date), '%Y-%m-%d') AS last_visit, count(*) AS n FROM read_parquet(${quoteLiteral(examplesFile)})`;
}
