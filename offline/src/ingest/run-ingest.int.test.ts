import { lstat, mkdir, readFile, readdir, readlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pseudonymizePatientId } from '@mediassist/shared/pseudonym';
import { describe, expect, it } from 'vitest';
import { createLakeLayout } from '../lake/lake-layout.js';
import { TEST_PSEUDONYM_KEY, queryLake, withTempDir } from '../lake/testing/lake-test-kit.js';
import {
  FIXTURE_IDS,
  MALFORMED_OBSERVATION_LINES,
  writeFixtureExport,
} from './testing/fixture-export.js';
import { ingestForTest } from './testing/ingest-for-test.js';

const pt = (id: string): string => pseudonymizePatientId(id, TEST_PSEUDONYM_KEY);
const FIXTURE_COUNTS = {
  Patient: 3,
  Encounter: 4,
  Condition: 5,
  Observation: 13,
  MedicationRequest: 5,
  AllergyIntolerance: 1,
  Immunization: 2,
  Procedure: 1,
  DocumentReference: 2,
};

describe('ingest of a profile export', () => {
  it('writes every resource, counts per type, skips unknown types and ignores other files', async () => {
    await withTempDir(async (dir) => {
      await writeFixtureExport({ dir: path.join(dir, 'in'), gzip: true });
      const result = await ingestForTest({
        inputDir: path.join(dir, 'in'),
        lakeDir: path.join(dir, 'lake'),
      });
      for (const [type, n] of Object.entries(FIXTURE_COUNTS)) {
        expect(result.resources[type], type).toMatchObject({
          files: 1,
          read: n,
          written: n,
          quarantined: 0,
          orphans: 0,
        });
      }
      expect(result.skipped).toEqual({ Practitioner: { files: 1, resources: 1 } });
      expect(result.ignoredFiles).toEqual(['manifest.json']);
      expect(result.notes).toBe(2);
      expect(result.pseudonyms).toEqual({ patients: 3, encounters: 4 });
      expect(result.asOf).toBe('2025-12-31');
      const layout = createLakeLayout(path.join(dir, 'lake'));
      const tableRows = await queryLake(
        `SELECT (SELECT count(*) FROM '${layout.clinicalTable('observations')}') AS observations, (SELECT count(*) FROM '${layout.notesTable}') AS notes`,
      );
      expect(tableRows).toEqual([{ observations: 13, notes: 2 }]);
    });
  });

  it('keeps birth year only, suppresses it at 90+, and records dates at day precision with age at visit', async () => {
    await withTempDir(async (dir) => {
      await writeFixtureExport({ dir: path.join(dir, 'in') });
      await ingestForTest({ inputDir: path.join(dir, 'in'), lakeDir: path.join(dir, 'lake') });
      const layout = createLakeLayout(path.join(dir, 'lake'));
      const patients = await queryLake(
        `SELECT * FROM '${layout.clinicalTable('patients')}' ORDER BY birth_year NULLS FIRST`,
      );
      expect(patients).toEqual([
        {
          patient_id: pt(FIXTURE_IDS.b),
          sex: 'male',
          birth_year: null,
          age_90_plus: true,
          deceased: false,
        },
        {
          patient_id: pt(FIXTURE_IDS.a),
          sex: 'female',
          birth_year: 1961,
          age_90_plus: false,
          deceased: false,
        },
        {
          patient_id: pt(FIXTURE_IDS.c),
          sex: 'male',
          birth_year: 1990,
          age_90_plus: false,
          deceased: false,
        },
      ]);
      const visits = await queryLake(
        `SELECT patient_id, start_date, class_code, reason_finding_id, age_at_visit FROM '${layout.clinicalTable('encounters')}' ORDER BY start_date`,
      );
      expect(visits).toEqual([
        {
          patient_id: pt(FIXTURE_IDS.a),
          start_date: '2025-01-15',
          class_code: 'AMB',
          reason_finding_id: 'cough',
          age_at_visit: 63,
        },
        {
          patient_id: pt(FIXTURE_IDS.c),
          start_date: '2025-02-10',
          class_code: 'VR',
          reason_finding_id: 'sore-throat',
          age_at_visit: 34,
        },
        {
          patient_id: pt(FIXTURE_IDS.b),
          start_date: '2025-03-03',
          class_code: 'AMB',
          reason_finding_id: 'sore-throat',
          age_at_visit: null,
        },
        {
          patient_id: pt(FIXTURE_IDS.a),
          start_date: '2025-06-20',
          class_code: 'AMB',
          reason_finding_id: null,
          age_at_visit: 64,
        },
      ]);
    });
  });

  it('resolves codes to KB ids and keeps unknown codes with system and code', async () => {
    await withTempDir(async (dir) => {
      await writeFixtureExport({ dir: path.join(dir, 'in') });
      const result = await ingestForTest({
        inputDir: path.join(dir, 'in'),
        lakeDir: path.join(dir, 'lake'),
      });
      const layout = createLakeLayout(path.join(dir, 'lake'));
      expect(
        await queryLake(
          `SELECT category, code, icd10, condition_id FROM '${layout.clinicalTable('conditions')}' ORDER BY code`,
        ),
      ).toEqual([
        {
          category: 'problem-list-item',
          code: 'E11.9',
          icd10: 'E11.9',
          condition_id: 'type-2-diabetes',
        },
        { category: 'problem-list-item', code: 'I10', icd10: 'I10', condition_id: 'hypertension' },
        {
          category: 'encounter-diagnosis',
          code: 'J02.0',
          icd10: 'J02.0',
          condition_id: 'streptococcal-pharyngitis',
        },
        {
          category: 'encounter-diagnosis',
          code: 'J20.9',
          icd10: 'J20.9',
          condition_id: 'acute-bronchitis',
        },
        { category: 'encounter-diagnosis', code: 'Z76.89', icd10: 'Z76.89', condition_id: null },
      ]);
      expect(
        await queryLake(
          `SELECT code, ingredient_rxcui, status FROM '${layout.clinicalTable('medication_requests')}' ORDER BY code`,
        ),
      ).toEqual([
        { code: '314076', ingredient_rxcui: '29046', status: 'active' },
        { code: '5640', ingredient_rxcui: '5640', status: 'stopped' },
        { code: '6809', ingredient_rxcui: '6809', status: 'active' },
        { code: '723', ingredient_rxcui: '723', status: 'completed' },
        { code: '9997', ingredient_rxcui: '9997', status: 'active' },
      ]);
      const observations = await queryLake(
        `SELECT code, finding_id, test_id, value_boolean, value_number, value_unit, value_finding_id, components FROM '${layout.clinicalTable('observations')}' WHERE patient_id = '${pt(FIXTURE_IDS.a)}' ORDER BY effective_date, code`,
      );
      expect(observations).toContainEqual(
        expect.objectContaining({
          code: '85354-9',
          test_id: 'blood-pressure-measurement',
          components: [
            { loinc: '8480-6', value: 146, unit: 'mm[Hg]' },
            { loinc: '8462-4', value: 92, unit: 'mm[Hg]' },
          ],
        }),
      );
      expect(observations).toContainEqual(
        expect.objectContaining({
          code: '29857009',
          finding_id: 'chest-pain',
          value_boolean: false,
        }),
      );
      expect(observations).toContainEqual(
        expect.objectContaining({ code: '72166-2', value_finding_id: 'current-smoker' }),
      );
      expect(observations).toContainEqual(
        expect.objectContaining({
          code: '4548-4',
          test_id: 'hba1c',
          value_number: 7.4,
          value_unit: '%',
        }),
      );
      expect(result.concepts['conditions.code']).toMatchObject({
        mapped: 4,
        unknown: 1,
        topUnknown: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z76.89', count: 1 }],
      });
      expect(result.unknownCodes['http://hl7.org/fhir/sid/icd-10-cm']).toBe(1);
      expect(result.mappedCodes['http://www.nlm.nih.gov/research/umls/rxnorm']).toBe(6);
    });
  });

  it('quarantines malformed lines with file, physical line number and reason, and writes the rest', async () => {
    await withTempDir(async (dir) => {
      await writeFixtureExport({ dir: path.join(dir, 'in'), malformed: true });
      const result = await ingestForTest({
        inputDir: path.join(dir, 'in'),
        lakeDir: path.join(dir, 'lake'),
      });
      const expected = MALFORMED_OBSERVATION_LINES.map((m, i) => ({ ...m, lineNo: 14 + i })).filter(
        (m) => m.reason !== '',
      );
      expect(result.resources['Observation']).toMatchObject({
        read: 13 + expected.length,
        written: 13,
        quarantined: expected.length,
      });
      const layout = createLakeLayout(path.join(dir, 'lake'));
      const lines = (await readFile(layout.quarantineFile('Observation'), 'utf8'))
        .trim()
        .split('\n');
      const entries = lines.map(
        (l) => JSON.parse(l) as { file: string; line: number; reason: string; raw: string },
      );
      expect(entries.map(({ file, line, reason }) => ({ file, line, reason }))).toEqual(
        expected.map((m) => ({ file: 'Observation.000.ndjson', line: m.lineNo, reason: m.reason })),
      );
      expect(entries.map((e) => e.raw)).toEqual(expected.map((m) => m.line));
      expect(result.resources['Observation']?.reasons).toMatchObject({
        'invalid-json': 1,
        'duplicate-id': 1,
      });
      expect((await lstat(layout.restricted)).mode & 0o777).toBe(0o700);
    });
  });

  it(
    'is idempotent: re-ingesting the same export gives the same tables, and only two runs are kept',
    { timeout: 180_000 },
    async () => {
      await withTempDir(async (dir) => {
        await writeFixtureExport({ dir: path.join(dir, 'in'), malformed: true });
        const layout = createLakeLayout(path.join(dir, 'lake'));
        const snapshot = async (): Promise<unknown[]> =>
          Promise.all(
            [
              'patients',
              'encounters',
              'conditions',
              'observations',
              'medication_requests',
              'documents',
            ].map((t) =>
              queryLake(
                `SELECT md5(string_agg(t::VARCHAR, '|')) AS h, count(*) AS n FROM '${layout.clinicalTable(t as 'patients')}' AS t`,
              ),
            ),
          );
        const runs: string[] = [];
        const first = await ingestForTest({ inputDir: path.join(dir, 'in'), lakeDir: layout.root });
        const before = await snapshot();
        const notesBefore = await readFile(layout.notesTable);
        for (let i = 0; i < 2; i += 1) {
          runs.push(
            (await ingestForTest({ inputDir: path.join(dir, 'in'), lakeDir: layout.root })).runId,
          );
        }
        expect(await snapshot()).toEqual(before);
        expect(await readFile(layout.notesTable)).toEqual(notesBefore);
        expect((await readFile(layout.clinicalTable('observations'))).length).toBeGreaterThan(0);
        expect(path.basename(path.dirname(await readlink(layout.clinical)))).toBe(runs[1]);
        expect((await readdir(layout.runsDir)).sort()).toEqual([...runs].sort());
        expect((await readdir(layout.restrictedRunsDir)).sort()).toEqual([...runs].sort());
        expect(runs).not.toContain(first.runId);
      });
    },
  );

  it(
    'fails clearly on a missing folder, an empty folder and a file of the wrong type, publishing nothing',
    { timeout: 180_000 },
    async () => {
      await withTempDir(async (dir) => {
        const lakeDir = path.join(dir, 'lake');
        await expect(
          ingestForTest({ inputDir: path.join(dir, 'nope'), lakeDir }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await mkdir(path.join(dir, 'empty'));
        await writeFile(path.join(dir, 'empty', 'README.md'), 'nothing here');
        await expect(
          ingestForTest({ inputDir: path.join(dir, 'empty'), lakeDir }),
        ).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
          message: expect.stringContaining('No FHIR Bulk Data files') as unknown,
        });
        await writeFixtureExport({ dir: path.join(dir, 'good') });
        const good = await ingestForTest({ inputDir: path.join(dir, 'good'), lakeDir });
        await mkdir(path.join(dir, 'bad'));
        const observations = (
          await readFile(path.join(dir, 'good', 'Observation.000.ndjson'), 'utf8')
        )
          .trim()
          .split('\n');
        await writeFile(path.join(dir, 'bad', 'Patient.ndjson'), `${observations.join('\n')}\n`);
        await expect(
          ingestForTest({ inputDir: path.join(dir, 'bad'), lakeDir }),
        ).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
          message: expect.stringContaining(
            'Patient.ndjson: 13 of 13 lines are not usable Patient resources (most often wrong-resource-type',
          ) as unknown,
        });
        const layout = createLakeLayout(lakeDir);
        expect(path.basename(path.dirname(await readlink(layout.clinical)))).toBe(good.runId);
        expect(await readdir(layout.runsDir)).toEqual([good.runId]);
        expect(await readdir(layout.restrictedRunsDir)).toEqual([good.runId]);
      });
    },
  );

  it(
    'lets one ingest at a time write a lake: a concurrent run fails with CONFLICT',
    { timeout: 180_000 },
    async () => {
      await withTempDir(async (dir) => {
        await writeFixtureExport({ dir: path.join(dir, 'in') });
        const run = (): Promise<unknown> =>
          ingestForTest({ inputDir: path.join(dir, 'in'), lakeDir: path.join(dir, 'lake') });
        const results = await Promise.allSettled([run(), run()]);
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
        const failed = results.find((r) => r.status === 'rejected');
        expect(failed?.reason).toMatchObject({ code: 'CONFLICT' });
        // The lock is released: a later run succeeds.
        await expect(run()).resolves.toBeDefined();
      });
    },
  );
});
