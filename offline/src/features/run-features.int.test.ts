import path from 'node:path';
import { careGaps as careGapsEngine } from '@mediassist/shared/care';
import {
  conditionHistory,
  medicationList,
  recentFindings,
} from '@mediassist/feature-store/definitions';
import { DuckDbOfflineStore } from '@mediassist/feature-store/offline';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { pseudonymizeEncounterId, pseudonymizePatientId } from '@mediassist/shared/pseudonym';
import { describe, expect, it } from 'vitest';
import { FIXTURE_IDS, writeFixtureExport } from '../ingest/testing/fixture-export.js';
import { ingestForTest } from '../ingest/testing/ingest-for-test.js';
import {
  TEST_PSEUDONYM_KEY,
  noProgress,
  queryLake,
  silentLogger,
  withTempDir,
} from '../lake/testing/lake-test-kit.js';
import { runFeatures, type FeaturesOptions, type FeaturesResult } from './run-features.js';
import { writeFinalDiagnoses, writeVisitEvents } from './testing/nearline-event-files.js';

const kb = loadKnowledgeBase();
const pt = (id: string): string => pseudonymizePatientId(id, TEST_PSEUDONYM_KEY);
const en = (id: string): string => pseudonymizeEncounterId(id, TEST_PSEUDONYM_KEY);
const A = pt(FIXTURE_IDS.a);
const B = pt(FIXTURE_IDS.b);
const C = pt(FIXTURE_IDS.c);
const day = (d: string): Date => new Date(`${d}T00:00:00Z`);

async function features(
  lakeDir: string,
  options: Omit<FeaturesOptions, 'lakeDir'>,
): Promise<FeaturesResult> {
  const store = await DuckDbOfflineStore.open({ lakeDir, threads: 2 });
  try {
    return await runFeatures(
      {
        kb,
        store,
        logger: silentLogger,
        progress: noProgress,
        signal: new AbortController().signal,
      },
      { lakeDir, threads: 2, ...options },
    );
  } finally {
    await store.close();
  }
}

async function fixtureLake(dir: string): Promise<string> {
  await writeFixtureExport({ dir: path.join(dir, 'in') });
  const lakeDir = path.join(dir, 'lake');
  await ingestForTest({ inputDir: path.join(dir, 'in'), lakeDir });
  return lakeDir;
}

/** Snapshot rows of a view for one patient: `{ at, value }`, oldest first, newest write per time. */
async function snapshots(
  lakeDir: string,
  view: string,
  patientId: string,
): Promise<{ at: string; value: unknown }[]> {
  const rows = await queryLake(
    `SELECT strftime(event_timestamp, '%Y-%m-%dT%H:%M:%S.%g') AS at, value FROM read_parquet('${lakeDir}/features/${view}/v1/*.parquet') WHERE patient_id = '${patientId}' QUALIFY row_number() OVER (PARTITION BY event_timestamp ORDER BY created_at DESC) = 1 ORDER BY event_timestamp`,
  );
  return rows.map((r) => ({
    at: String(r['at']),
    value: JSON.parse(String(r['value'])) as unknown,
  }));
}

const END = 'T23:59:59.999';

describe('features from the lake', () => {
  it('computes every view for the fixture patients as hand-computed, day-before-visit and current', async () => {
    await withTempDir(async (dir) => {
      const lakeDir = await fixtureLake(dir);
      const result = await features(lakeDir, { asOf: day('2025-12-31') });
      expect(result).toMatchObject({
        mode: 'full',
        since: null,
        asOf: '2025-12-31',
        patients: 3,
        snapshots: { history: 4, current: 3 },
        rows: {
          condition_history: 7,
          recent_findings: 7,
          medication_list: 7,
          demographics: 6,
          vitals_labs: 3,
          recent_tests: 3,
          care_gaps: 3,
          medication_alerts: 3,
        },
        trainingExamples: { rows: 2, fromEvents: 0 },
      });
      const { facts, views, examples } = result.stageSeconds;
      expect(Math.min(facts, views, examples)).toBeGreaterThan(0);
      expect(facts + views + examples).toBeLessThanOrEqual(result.seconds);
      expect(await snapshots(lakeDir, 'condition_history', A)).toEqual([
        {
          at: `2025-01-14${END}`,
          value: {
            chronic: ['hypertension', 'type-2-diabetes'],
            icd10: ['E11.9', 'I10'],
            recentAcute: [],
          },
        },
        {
          at: `2025-06-19${END}`,
          value: {
            chronic: ['hypertension', 'type-2-diabetes'],
            icd10: ['E11.9', 'I10', 'J20.9'],
            recentAcute: ['acute-bronchitis'],
          },
        },
        {
          at: `2025-12-31${END}`,
          value: {
            chronic: ['hypertension', 'type-2-diabetes'],
            icd10: ['E11.9', 'I10', 'J20.9'],
            recentAcute: ['acute-bronchitis'],
          },
        },
      ]);
      expect(await snapshots(lakeDir, 'recent_findings', A)).toEqual([
        { at: `2025-01-14${END}`, value: { present: [], visits90d: 0, lastVisitAt: null } },
        { at: `2025-06-19${END}`, value: { present: [], visits90d: 0, lastVisitAt: '2025-01-15' } },
        { at: `2025-12-31${END}`, value: { present: [], visits90d: 0, lastVisitAt: '2025-06-20' } },
      ]);
      // Lisinopril 10 mg (RxCUI 314076) → ingredient 29046; the completed amoxicillin course is not active.
      expect((await snapshots(lakeDir, 'medication_list', A)).map((s) => s.value)).toEqual(
        Array.from({ length: 3 }, () => ({ activeRxcuis: ['29046', '6809', '9997'] })),
      );
      expect(await snapshots(lakeDir, 'medication_list', C)).toEqual([
        { at: `2025-02-09${END}`, value: { activeRxcuis: [] } },
        { at: `2025-12-31${END}`, value: { activeRxcuis: [] } },
      ]);
      // 90+: the birth year is top-coded at as-of year − 90.
      expect((await snapshots(lakeDir, 'demographics', B)).map((s) => s.value)).toEqual([
        { birthYear: 1935, sex: 'male' },
        { birthYear: 1935, sex: 'male' },
      ]);
      expect(await snapshots(lakeDir, 'vitals_labs', A)).toEqual([
        {
          at: `2025-12-31${END}`,
          value: {
            values: {
              '8310-5': { value: 38.6, unit: 'Cel', at: '2025-01-15' },
              '8867-4': { value: 104, unit: '/min', at: '2025-01-15' },
              '8480-6': { value: 138, unit: 'mm[Hg]', at: '2025-06-20' },
              '8462-4': { value: 84, unit: 'mm[Hg]', at: '2025-06-20' },
              '4548-4': { value: 7.4, unit: '%', at: '2025-06-20' },
            },
          },
        },
      ]);
      const [tests] = await snapshots(lakeDir, 'recent_tests', A);
      expect(tests?.value).toEqual({
        lastDone: {
          'blood-pressure-measurement': '2025-06-20',
          hba1c: '2025-06-20',
          'tobacco-use-assessment': '2025-01-15',
          'influenza-vaccine': '2024-10-01',
          colonoscopy: '2019-05-05',
        },
      });
      const [alerts] = await snapshots(lakeDir, 'medication_alerts', A);
      expect(alerts?.value).toEqual({
        alerts: [
          {
            interactionId: 'raas-potassium-sparing-diuretic',
            severity: 'major',
            rxcuis: ['29046', '9997'],
          },
        ],
      });
    });
  });

  it('derives care gaps with the shared engine from the patient’s own history', async () => {
    await withTempDir(async (dir) => {
      const lakeDir = await fixtureLake(dir);
      await features(lakeDir, { asOf: day('2025-12-31') });
      const [gaps] = await snapshots(lakeDir, 'care_gaps', A);
      const open = (gaps?.value as { open: { serviceId: string; dueSince: string | null }[] }).open;
      // Flu vaccine 2024-10-01, yearly → overdue since 2025-10-01; colonoscopy 2019 (10 years) → satisfied;
      // a current smoker aged 64 → lung cancer screening due (never done).
      expect(open).toContainEqual({ serviceId: 'influenza-vaccination', dueSince: '2025-10-01' });
      expect(open).toContainEqual({ serviceId: 'lung-cancer-screening', dueSince: null });
      expect(open.map((g) => g.serviceId)).not.toContain('colorectal-cancer-screening-50-75');
      expect(open.map((g) => g.serviceId)).not.toContain('aaa-screening');
      const expected = careGapsEngine({
        kb,
        patient: {
          age: 64,
          sex: 'female',
          conditions: ['hypertension', 'type-2-diabetes'],
          historyFindings: ['current-smoker'],
        },
        lastDone: {
          'blood-pressure-measurement': '2025-06-20',
          hba1c: '2025-06-20',
          'tobacco-use-assessment': '2025-01-15',
          'influenza-vaccine': '2024-10-01',
          colonoscopy: '2019-05-05',
        },
        now: day('2025-12-31'),
      }).open.map((g) => ({
        serviceId: g.serviceId,
        dueSince: g.status === 'overdue' ? g.dueDate : null,
      }));
      expect(open).toEqual(expected);
    });
  });

  it('counts findings of the last 90 days, including those its vitals define (fever, tachycardia, high BP)', async () => {
    await withTempDir(async (dir) => {
      const lakeDir = await fixtureLake(dir);
      const result = await features(lakeDir, { asOf: day('2025-02-01') });
      expect(result.snapshots).toEqual({ history: 1, current: 3 });
      expect(await snapshots(lakeDir, 'recent_findings', A)).toEqual([
        { at: `2025-01-14${END}`, value: { present: [], visits90d: 0, lastVisitAt: null } },
        {
          at: `2025-02-01${END}`,
          value: {
            present: ['cough', 'current-smoker', 'elevated-blood-pressure', 'fever', 'tachycardia'],
            visits90d: 1,
            lastVisitAt: '2025-01-15',
          },
        },
      ]);
    });
  });

  it(
    'builds training examples whose point-in-time features never include the visit itself',
    { timeout: 180_000 },
    async () => {
      await withTempDir(async (dir) => {
        const lakeDir = await fixtureLake(dir);
        const result = await features(lakeDir, { asOf: day('2025-12-31') });
        const examples = await queryLake(
          `SELECT * EXCLUDE (label_timestamp) FROM '${result.trainingExamples.path}' ORDER BY visit_date`,
        );
        expect(examples).toEqual([
          {
            patient_id: A,
            encounter_id: en('enc-a1'),
            visit_date: '2025-01-15',
            label: 'acute-bronchitis',
            condition_id: 'acute-bronchitis',
            diagnosed_condition_ids: ['acute-bronchitis'],
            from_feedback: false,
            present_findings: [
              'cough',
              'current-smoker',
              'elevated-blood-pressure',
              'fever',
              'tachycardia',
            ],
            absent_findings: ['chest-pain'],
            age_at_visit: 63,
            age_90_plus: false,
            sex: 'female',
            source: 'lake',
          },
          {
            patient_id: B,
            encounter_id: en('enc-b1'),
            visit_date: '2025-03-03',
            label: 'streptococcal-pharyngitis',
            condition_id: 'streptococcal-pharyngitis',
            diagnosed_condition_ids: ['streptococcal-pharyngitis'],
            from_feedback: false,
            present_findings: ['sore-throat'],
            absent_findings: [],
            age_at_visit: null,
            age_90_plus: true,
            sex: 'male',
            source: 'lake',
          },
        ]);
        const store = await DuckDbOfflineStore.open({ lakeDir, threads: 2 });
        try {
          const rows = [];
          for await (const batch of store.trainingSetFromParquet({
            labelFiles: [result.trainingExamples.path],
            views: [conditionHistory, recentFindings, medicationList],
          })) {
            rows.push(...batch);
          }
          const bronchitis = rows.find((r) => r.patientId === A);
          expect(bronchitis?.label).toBe('acute-bronchitis');
          expect(bronchitis?.features.condition_history).toMatchObject({
            status: 'fresh',
            value: {
              chronic: ['hypertension', 'type-2-diabetes'],
              icd10: ['E11.9', 'I10'],
              recentAcute: [],
            },
            asOf: new Date(`2025-01-14${END}Z`),
          });
          expect(bronchitis?.features.recent_findings).toMatchObject({
            status: 'fresh',
            value: { present: [], visits90d: 0, lastVisitAt: null },
          });
        } finally {
          await store.close();
        }
      });
    },
  );

  it(
    'runs incrementally from its watermark and learns from nearline visits and final diagnoses',
    { timeout: 180_000 },
    async () => {
      await withTempDir(async (dir) => {
        const lakeDir = await fixtureLake(dir);
        await features(lakeDir, { asOf: day('2025-12-31') });
        await writeVisitEvents({
          lakeDir,
          events: [
            {
              eventId: '3f7a1c2e-0000-4000-8000-000000000001',
              patientId: C,
              encounterId: en('enc-c2'),
              occurredAt: '2026-01-05T10:00:00.000Z',
              present: ['cough', 'sore-throat'],
              absent: ['fever'],
              diagnoses: [{ conditionId: 'upper-respiratory-tract-infection', icd10: 'J06.9' }],
              observations: [
                { loinc: '8310-5', value: 37.9, unit: 'Cel', at: '2026-01-05T10:05:00.000Z' },
              ],
              started: ['5640'],
              tests: ['rapid-strep-test'],
            },
          ],
        });
        await writeFinalDiagnoses({
          lakeDir,
          feedback: [
            {
              eventId: '3f7a1c2e-0000-4000-8000-000000000002',
              patientId: B,
              encounterId: en('enc-b1'),
              occurredAt: '2025-03-04T09:00:00.000Z',
              conditionId: 'viral-pharyngitis',
            },
          ],
        });
        const result = await features(lakeDir, { asOf: day('2026-01-10') });
        expect(result).toMatchObject({
          mode: 'incremental',
          since: '2025-12-31',
          snapshots: { history: 1, current: 3 },
          events: { visits: 1, feedback: 1 },
          trainingExamples: { rows: 3, fromEvents: 1 },
        });
        expect((await snapshots(lakeDir, 'condition_history', C)).map((s) => s.at)).toEqual([
          `2025-02-09${END}`,
          `2025-12-31${END}`,
          `2026-01-04${END}`,
          `2026-01-10${END}`,
        ]);
        const current = await snapshots(lakeDir, 'recent_findings', C);
        expect(current.at(-1)?.value).toEqual({
          present: ['cough', 'sore-throat'],
          visits90d: 1,
          lastVisitAt: '2026-01-05',
        });
        expect((await snapshots(lakeDir, 'medication_list', C)).at(-1)?.value).toEqual({
          activeRxcuis: ['5640'],
        });
        const examples = await queryLake(
          `SELECT patient_id, label, from_feedback, source, present_findings, absent_findings FROM '${result.trainingExamples.path}' ORDER BY visit_date`,
        );
        expect(examples).toEqual([
          expect.objectContaining({
            patient_id: A,
            label: 'acute-bronchitis',
            from_feedback: false,
          }),
          expect.objectContaining({
            patient_id: B,
            label: 'viral-pharyngitis',
            from_feedback: true,
            source: 'lake',
          }),
          {
            patient_id: C,
            label: 'upper-respiratory-tract-infection',
            from_feedback: false,
            source: 'event',
            present_findings: ['cough', 'sore-throat'],
            absent_findings: ['fever'],
          },
        ]);
      });
    },
  );

  it('fails clearly without an ingested lake and for a future as-of date', async () => {
    await withTempDir(async (dir) => {
      await expect(features(path.join(dir, 'empty'), {})).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      const lakeDir = await fixtureLake(dir);
      await expect(
        features(lakeDir, { asOf: new Date(Date.now() + 3 * 86_400_000) }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    });
  });
});
