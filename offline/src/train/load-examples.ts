/**
 * Training and evaluation examples: the training examples table (one row per acute visit, label =
 * final diagnosis) joined point-in-time to the patient's history through the offline store — each
 * view's latest snapshot strictly before the visit day (the day-before snapshot), so nothing from
 * the visit itself or after it reaches the features or the embedding.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  conditionHistory,
  medicationList,
  recentFindings,
} from '@mediassist/feature-store/definitions';
import type { OfflineStore } from '@mediassist/feature-store/offline';
import type { PatientId } from '@mediassist/shared/ids';
import type { PatientCodes } from '@mediassist/shared/model';
import type { SplitPart } from './data-split.js';
import { buildExamplesSql, type ExamplesQuery } from './examples-sql.js';

export type ExampleSex = 'female' | 'male' | 'other' | 'unknown';

export interface Example {
  readonly patientId: PatientId;
  readonly encounterId: string;
  /** ISO date of the visit; the label time is its 00:00 UTC. */
  readonly visitDate: string;
  readonly label: string;
  readonly fromFeedback: boolean;
  readonly source: string;
  readonly part: SplitPart;
  readonly present: readonly string[];
  readonly absent: readonly string[];
  /** Age at the visit; 90 for the 90+ group (as online and care gaps treat them). */
  readonly age: number | null;
  readonly sex: ExampleSex;
  /** The history before the visit: the encoder's and the model's history inputs. */
  history: PatientCodes;
}

const EMPTY_HISTORY: PatientCodes = { chronic: [], recentAcute: [], rxcuis: [], findings: [] };
const HISTORY_VIEWS = [conditionHistory, recentFindings, medicationList] as const;
const SEXES: readonly string[] = ['female', 'male', 'other', 'unknown'];

const ids = (text: unknown): string[] =>
  typeof text === 'string' && text.length > 0 ? text.split(' ') : [];

/**
 * Finding ids the lake holds under a name the KB does not use. Ingest currently resolves SNOMED
 * 8517006 (ex-smoker) to `ex-smoker`; the KB's finding is `former-smoker`, which is what clinicians
 * and the online request send. The diagnosis model reads the KB id; the encoder keeps the views'
 * tokens as they are, because nearline re-embeds from the same views.
 */
export const FINDING_ALIASES: Readonly<Record<string, string>> = { 'ex-smoker': 'former-smoker' };

const findingIds = (text: unknown): string[] => [
  ...new Set(ids(text).map((id) => FINDING_ALIASES[id] ?? id)),
];

/** Reads the examples of some split parts (no history yet). */
export async function readExamples(
  connection: DuckDBConnection,
  query: ExamplesQuery,
): Promise<Example[]> {
  const reader = await connection.runAndReadAll(buildExamplesSql(query));
  const c = reader.getColumnsJS();
  const n = reader.currentRowCount;
  const col = (i: number): readonly unknown[] => c[i] ?? [];
  const [patient, encounter, visit, label, feedback, source, part, present, absent, age, old, sex] =
    Array.from({ length: 12 }, (_, i) => col(i));
  const examples: Example[] = new Array<Example>(n);
  for (let i = 0; i < n; i++) {
    const rawSex = sex?.[i];
    const s = typeof rawSex === 'string' ? rawSex : 'unknown';
    const rawAge = age?.[i];
    examples[i] = {
      patientId: String(patient?.[i]) as PatientId,
      encounterId: String(encounter?.[i]),
      visitDate: String(visit?.[i]),
      label: String(label?.[i]),
      fromFeedback: feedback?.[i] === true,
      source: String(source?.[i]),
      part: String(part?.[i]) as SplitPart,
      present: findingIds(present?.[i]),
      absent: findingIds(absent?.[i]),
      age: old?.[i] === true ? 90 : typeof rawAge === 'number' ? rawAge : null,
      sex: (SEXES.includes(s) ? s : 'unknown') as ExampleSex,
      history: EMPTY_HISTORY,
    };
  }
  return examples;
}

/** Fills each example's `history` from the offline store's point-in-time training set. */
export async function attachHistory(options: {
  store: Pick<OfflineStore, 'trainingSet'>;
  examples: Example[];
  signal?: AbortSignal;
}): Promise<{ missing: number }> {
  const { store, examples } = options;
  const labels = examples.map((e, i) => ({
    patientId: e.patientId,
    labelTimestamp: new Date(`${e.visitDate}T00:00:00Z`),
    label: String(i),
  }));
  let missing = 0;
  for await (const batch of store.trainingSet({ labels, views: HISTORY_VIEWS, batchSize: 8192 })) {
    options.signal?.throwIfAborted();
    for (const row of batch) {
      const example = examples[Number(row.label)];
      if (!example) {
        continue;
      }
      const conditions = row.features.condition_history;
      const findings = row.features.recent_findings;
      const meds = row.features.medication_list;
      if (conditions.status === 'missing') {
        missing += 1;
      }
      example.history = {
        chronic: conditions.status === 'missing' ? [] : conditions.value.chronic,
        recentAcute: conditions.status === 'missing' ? [] : conditions.value.recentAcute,
        findings: findings.status === 'missing' ? [] : findings.value.present,
        rxcuis: meds.status === 'missing' ? [] : meds.value.activeRxcuis,
      };
    }
  }
  return { missing };
}
