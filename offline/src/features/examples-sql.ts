/**
 * The training examples table: one row per acute visit (lake encounters and nearline visit events)
 * with its final condition — a clinician's final-diagnosis feedback when there is one, else the
 * visit's confirmed acute diagnosis — the findings recorded present and absent at the visit, age
 * and sex. `patient_id, label_timestamp, label` make it directly usable as the labels of the
 * offline store's point-in-time training set (features strictly before the visit day).
 */
import { quoteLiteral } from '../lake/sql-text.js';

export function buildTrainingExamplesSql(path: string): string {
  return [
    'COPY (',
    `WITH dx AS (SELECT encounter_id, list_sort(list_distinct(list(condition_id))) AS ids FROM f_conditions WHERE encounter_id IS NOT NULL AND course = 'acute' AND verification = 'confirmed' AND category IS DISTINCT FROM 'problem-list-item' GROUP BY encounter_id),`,
    `final AS (SELECT encounter_id, arg_max(final_condition_id, occurred_at) AS condition_id FROM fb WHERE action = 'final-diagnosis' AND final_condition_id IS NOT NULL GROUP BY encounter_id),`,
    'fx AS (SELECT encounter_id, list_sort(list_distinct(list(finding_id) FILTER (WHERE present))) AS present, list_sort(list_distinct(list(finding_id) FILTER (WHERE NOT present))) AS absent FROM f_findings WHERE encounter_id IS NOT NULL GROUP BY encounter_id)',
    'SELECT v.patient_id, v.encounter_id, v.visit_date, make_timestamptz(epoch_ms(v.visit_date) * 1000) AS label_timestamp,',
    'coalesce(final.condition_id, dx.ids[1]) AS label, coalesce(final.condition_id, dx.ids[1]) AS condition_id, coalesce(dx.ids, []) AS diagnosed_condition_ids, final.condition_id IS NOT NULL AS from_feedback,',
    'coalesce(fx.present, []) AS present_findings, list_filter(coalesce(fx.absent, []), x -> NOT list_contains(coalesce(fx.present, []), x)) AS absent_findings,',
    `(CASE WHEN p.age_90_plus THEN NULL ELSE coalesce(v.age_at_visit, year(v.visit_date) - p.birth_year) END)::SMALLINT AS age_at_visit, coalesce(p.age_90_plus, false) AS age_90_plus, coalesce(p.sex, 'unknown') AS sex, v.source`,
    'FROM f_visits AS v LEFT JOIN dx USING (encounter_id) LEFT JOIN final USING (encounter_id) LEFT JOIN fx USING (encounter_id) LEFT JOIN f_patients AS p USING (patient_id)',
    'WHERE coalesce(final.condition_id, dx.ids[1]) IS NOT NULL',
    'ORDER BY v.patient_id, v.visit_date, v.encounter_id)',
    `TO ${quoteLiteral(path)} (FORMAT parquet, COMPRESSION zstd)`,
  ].join('\n');
}
