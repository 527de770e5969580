/**
 * Ingests Synthea's 10-patient Bulk Data export (reference data beside the project). Expected counts
 * are the source files' line counts (`zcat <Type>.000.ndjson.gz | wc -l`); the snapshot has no
 * Observation file. Code counts: Synthea codes conditions in SNOMED only and prescribes clinical-drug
 * RxCUIs, all of which the KB resolves (`relatedRxcuis`).
 */
import path from 'node:path';
import { referenceDataDir } from '@mediassist/tooling/reference-data';
import { describe, expect, it } from 'vitest';
import { createLakeLayout } from '../lake/lake-layout.js';
import { queryLake, withTempDir } from '../lake/testing/lake-test-kit.js';
import { ingestForTest } from './testing/ingest-for-test.js';

const dataDir = referenceDataDir();

const LINES = {
  Patient: 13,
  Encounter: 1215,
  Condition: 555,
  Observation: 0,
  MedicationRequest: 1745,
  AllergyIntolerance: 11,
  Immunization: 161,
  Procedure: 2056,
  DocumentReference: 1215,
};

describe.skipIf(dataDir === undefined)('ingest of Synthea’s Bulk Data export', () => {
  it(
    'writes every line of every known type, skips the others, and resolves the codes',
    { timeout: 180_000 },
    async () => {
      await withTempDir(async (dir) => {
        const input = path.join(dataDir ?? '', 'synthea_bulk_10pt');
        const result = await ingestForTest({ inputDir: input, lakeDir: path.join(dir, 'lake') });
        for (const [type, n] of Object.entries(LINES)) {
          expect(result.resources[type], type).toMatchObject({
            files: n === 0 ? 0 : 1,
            read: n,
            written: n,
            quarantined: 0,
            orphans: 0,
          });
        }
        expect(result.skipped).toEqual({
          Device: { files: 1, resources: 16 },
          Location: { files: 1, resources: 44 },
          Organization: { files: 1, resources: 43 },
          Practitioner: { files: 1, resources: 43 },
          PractitionerRole: { files: 1, resources: 43 },
        });
        expect(result.ignoredFiles).toEqual(['SOURCE.md', 'log.ndjson.gz']);
        expect(result.notes).toBe(1215);
        expect(result.pseudonyms).toEqual({ patients: 13, encounters: 1215 });

        // Every coded row is counted once, mapped or unknown.
        const totals = {
          'conditions.code': 555,
          'medication_requests.medication': 1745,
          'immunizations.vaccine': 161,
          'procedures.code': 2056,
          'allergies.code': 11,
          'encounters.reason': 696,
        };
        for (const [concept, n] of Object.entries(totals)) {
          const counts = result.concepts[concept];
          expect((counts?.mapped ?? 0) + (counts?.unknown ?? 0), concept).toBe(n);
        }
        // Synthea's two unresolved prescriptions are RxCUI 389221 (etonogestrel implant), not in the KB's drug list.
        expect(result.concepts['medication_requests.medication']).toMatchObject({
          mapped: 1743,
          unknown: 2,
        });
        // Condition and vaccine coverage follows the KB's content; some of each must resolve.
        expect(result.concepts['conditions.code']?.mapped).toBeGreaterThan(0);
        expect(result.concepts['immunizations.vaccine']?.mapped).toBeGreaterThan(0);
        expect(result.unknownCodes['(none)']).toBeUndefined();
        const snomedUnknown = result.unknownCodes['http://snomed.info/sct'] ?? 0;
        const snomedMapped = result.mappedCodes['http://snomed.info/sct'] ?? 0;
        expect(snomedUnknown + snomedMapped).toBe(555 + 2056 + 9 + 696);

        const layout = createLakeLayout(path.join(dir, 'lake'));
        const [ages] = await queryLake(
          `SELECT count(*) FILTER (WHERE age_90_plus) AS old, count(*) FILTER (WHERE birth_year IS NULL) AS suppressed FROM '${layout.clinicalTable('patients')}'`,
        );
        // Three patients were born in 1927: 90+ at the reference date, birth year suppressed.
        expect(ages).toEqual({ old: 3, suppressed: 3 });
        const [joined] = await queryLake(
          `SELECT count(*) AS n FROM '${layout.clinicalTable('conditions')}' c JOIN '${layout.clinicalTable('encounters')}' e USING (encounter_id, patient_id)`,
        );
        expect(joined).toEqual({ n: 555 });
      });
    },
  );
});
