/**
 * Every patient's current history codes for re-embedding: the latest snapshot per patient of
 * condition_history, recent_findings and medication_list (the nearline encoder's inputs), with the
 * newest of their event times as the embedding's own. Lists are space-separated ids.
 */
import { quoteLiteral } from '../lake/sql-text.js';
import type { GramSources } from './gram-sql.js';

function latest(files: readonly string[]): string {
  if (files.length === 0) {
    return '(SELECT NULL::VARCHAR AS patient_id, NULL::TIMESTAMPTZ AS event_timestamp, NULL::VARCHAR AS value WHERE false)';
  }
  return `(SELECT patient_id, event_timestamp, value FROM read_parquet([${files.map(quoteLiteral).join(', ')}]) QUALIFY row_number() OVER (PARTITION BY patient_id ORDER BY event_timestamp DESC, created_at DESC) = 1)`;
}

export function buildLatestCodesSql(files: GramSources): string {
  const list = (alias: string, jsonPath: string): string =>
    `coalesce(array_to_string(json_extract_string(${alias}.value, ${quoteLiteral(jsonPath)}), ' '), '')`;
  return [
    `WITH ch AS ${latest(files.conditionHistory)}, rf AS ${latest(files.recentFindings)}, ml AS ${latest(files.medicationList)}`,
    `SELECT patient_id, epoch_ms(greatest(ch.event_timestamp, rf.event_timestamp, ml.event_timestamp))::DOUBLE AS event_ms,`,
    `${list('ch', '$.chronic[*]')} AS chronic, ${list('ch', '$.recentAcute[*]')} AS recent_acute,`,
    `${list('rf', '$.present[*]')} AS findings, ${list('ml', '$.activeRxcuis[*]')} AS rxcuis`,
    'FROM ch FULL OUTER JOIN rf USING (patient_id) FULL OUTER JOIN ml USING (patient_id)',
    'ORDER BY patient_id',
  ].join('\n');
}
