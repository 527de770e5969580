/**
 * Writes every feature view (except the trainer's `patient_embedding`) to the offline store: the
 * model's views at every snapshot, the serving views at current snapshots; care gaps and medication
 * alerts come from the shared engines, applied to the current values of the other views.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  careGaps,
  conditionHistory,
  demographics,
  medicationAlerts,
  medicationList,
  recentFindings,
  recentTests,
  vitalsLabs,
} from '@mediassist/feature-store/definitions';
import type { FeatureRow, OfflineStore } from '@mediassist/feature-store/offline';
import type { PatientId } from '@mediassist/shared/ids';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { Progress } from '../io/progress.js';
import { queryRows, stringField } from '../lake/duckdb-session.js';
import { careGapsValue, type CareGapsValue } from './care-gaps-value.js';
import { createMedicationAlerts } from './medication-alerts-value.js';
import { writeRows, writeViewSnapshots } from './snapshot-writer.js';
import {
  buildCareGapInputsSql,
  buildConditionHistorySql,
  buildDemographicsSql,
  buildMedicationListSql,
  buildRecentFindingsSql,
  buildRecentTestsSql,
  buildVitalsLabsSql,
} from './views-sql.js';

export interface WriteViewsOptions {
  connection: DuckDBConnection;
  /** More connections, so the three per-visit views are computed and written concurrently. */
  connect: () => Promise<DuckDBConnection>;
  store: Pick<OfflineStore, 'writeSnapshot'>;
  kb: KnowledgeBase;
  /** The current snapshots' day and timestamp. */
  asOf: Date;
  currentMs: number;
  /** Snapshot counts, to size the row bundles. */
  snapshots: { history: number; current: number };
  createdAt: Date;
  progress: Progress;
  signal: AbortSignal;
}

async function writeCareGaps(
  options: WriteViewsOptions & {
    chronic: ReadonlyMap<PatientId, readonly string[]>;
    lastDone: ReadonlyMap<PatientId, Readonly<Record<string, string>>>;
  },
): Promise<number> {
  const { connection, kb, asOf, currentMs } = options;
  const rows: FeatureRow<CareGapsValue>[] = [];
  const sql = buildCareGapInputsSql({ asOfYear: asOf.getUTCFullYear() });
  for (const row of await queryRows(connection, sql)) {
    const patientId = String(row['patient_id']) as PatientId;
    const sex = stringField(row, 'sex');
    const age = row['age'];
    // The rules need a sex and an age: patients without them get no care-gap row (missing, not empty).
    if ((sex !== 'female' && sex !== 'male') || typeof age !== 'number' || age < 0) {
      continue;
    }
    const value = careGapsValue({
      kb,
      patient: {
        age,
        sex,
        conditions: options.chronic.get(patientId) ?? [],
        historyFindings: (row['history_findings'] as string[] | null) ?? [],
      },
      lastDone: options.lastDone.get(patientId) ?? {},
      now: asOf,
    });
    rows.push({ patientId, eventTimestamp: new Date(currentMs), value });
  }
  const { store, createdAt } = options;
  return writeRows({ store, view: careGaps, rows, createdAt });
}

/** Writes the views; returns rows written per view. */
export async function writeViews(options: WriteViewsOptions): Promise<Record<string, number>> {
  const { connection, store, createdAt, progress, signal } = options;
  const common = { connection, store, createdAt, progress, signal };
  const { current } = options.snapshots;
  const all = options.snapshots.history + current;
  const chronic = new Map<PatientId, readonly string[]>();
  const meds = new Map<PatientId, readonly string[]>();
  const lastDone = new Map<PatientId, Readonly<Record<string, string>>>();
  const rows: Record<string, number> = {};
  // The per-visit views are the bulk of the rows: compute them on three connections at once, so
  // DuckDB's threads work while the store validates and encodes on the main thread.
  const [historyConnection, medsConnection] = [await options.connect(), await options.connect()];
  const [historyRows, findingsRows, medsRows] = await Promise.all([
    writeViewSnapshots({
      ...common,
      view: conditionHistory,
      sql: buildConditionHistorySql('all'),
      expectedRows: all,
      onCurrent: (id, value) => chronic.set(id, value.chronic),
    }),
    writeViewSnapshots({
      ...common,
      connection: historyConnection,
      view: recentFindings,
      sql: buildRecentFindingsSql('all'),
      expectedRows: all,
    }),
    writeViewSnapshots({
      ...common,
      connection: medsConnection,
      view: medicationList,
      sql: buildMedicationListSql('all'),
      expectedRows: all,
      onCurrent: (id, value) => meds.set(id, value.activeRxcuis),
    }),
  ]);
  rows[conditionHistory.name] = historyRows;
  rows[recentFindings.name] = findingsRows;
  rows[medicationList.name] = medsRows;
  signal.throwIfAborted();
  rows[demographics.name] = await writeViewSnapshots({
    ...common,
    view: demographics,
    sql: buildDemographicsSql({ asOfYear: options.asOf.getUTCFullYear() }),
    expectedRows: 2 * current,
  });
  rows[vitalsLabs.name] = await writeViewSnapshots({
    ...common,
    view: vitalsLabs,
    sql: buildVitalsLabsSql('current'),
    expectedRows: current,
  });
  rows[recentTests.name] = await writeViewSnapshots({
    ...common,
    view: recentTests,
    sql: buildRecentTestsSql('current'),
    expectedRows: current,
    onCurrent: (id, value) => lastDone.set(id, value.lastDone),
  });
  signal.throwIfAborted();
  rows[careGaps.name] = await writeCareGaps({ ...options, chronic, lastDone });
  progress.increment(rows[careGaps.name]);
  const alertsOf = createMedicationAlerts(options.kb);
  rows[medicationAlerts.name] = await writeRows({
    store,
    view: medicationAlerts,
    rows: [...meds].map(([patientId, rxcuis]) => ({
      patientId,
      eventTimestamp: new Date(options.currentMs),
      value: alertsOf(rxcuis),
    })),
    createdAt,
  });
  progress.increment(rows[medicationAlerts.name]);
  return rows;
}
