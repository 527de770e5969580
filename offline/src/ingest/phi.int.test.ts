/**
 * The PHI test: an export seeded with recognisable identifiers (names, street, phone, e-mail, MRN,
 * SSN, note text, dosage text, birth date) is ingested; none of them may appear in any lake file
 * outside `restricted/` — neither in the raw bytes (Parquet metadata and statistics are uncompressed)
 * nor in any value DuckDB reads back — while the restricted area does hold the note.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLakeLayout } from '../lake/lake-layout.js';
import { queryLake, withTempDir } from '../lake/testing/lake-test-kit.js';
import { FIXTURE_IDS, FIXTURE_PHI, writeFixtureExport } from './testing/fixture-export.js';
import { ingestForTest } from './testing/ingest-for-test.js';

const NEEDLES = [...Object.values(FIXTURE_PHI), FIXTURE_IDS.b, FIXTURE_IDS.c, 'enc-a1', 'doc-a1'];

/** Every regular file under `dir`, not following `restricted/` (symlinks are resolved by stat). */
async function filesOutsideRestricted(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (path.relative(root, full) === 'restricted') {
        continue;
      }
      if (entry.isDirectory()) {
        await walk(full);
      } else if (entry.isFile()) {
        found.push(full);
      }
    }
  };
  await walk(root);
  return found;
}

function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return NEEDLES.filter((needle) => lower.includes(needle.toLowerCase()));
}

describe('de-identification', () => {
  it(
    'leaves no seeded identifier in any lake file outside restricted/, by bytes or by value',
    { timeout: 180_000 },
    async () => {
      await withTempDir(async (dir) => {
        await writeFixtureExport({ dir: path.join(dir, 'in'), malformed: true });
        const result = await ingestForTest({
          inputDir: path.join(dir, 'in'),
          lakeDir: path.join(dir, 'lake'),
        });
        expect(result.resources['Patient']?.written).toBe(3);
        expect(result.resources['Observation']).toMatchObject({ written: 13, quarantined: 7 });
        expect(leaks(JSON.stringify(result))).toEqual([]);

        const layout = createLakeLayout(path.join(dir, 'lake'));
        const files = await filesOutsideRestricted(layout.root);
        const parquet = files.filter((f) => f.endsWith('.parquet'));
        expect(parquet.map((f) => path.basename(f)).sort()).toEqual(
          [
            'allergies',
            'conditions',
            'documents',
            'encounters',
            'immunizations',
            'medication_requests',
            'observations',
            'patients',
            'procedures',
          ].map((t) => `${t}.parquet`),
        );
        for (const file of files) {
          const bytes = await readFile(file);
          expect(leaks(bytes.toString('latin1')), `bytes of ${path.basename(file)}`).toEqual([]);
          expect(leaks(bytes.toString('utf8')), `bytes of ${path.basename(file)}`).toEqual([]);
        }
        for (const file of parquet) {
          const rows = await queryLake(`SELECT * FROM read_parquet('${file}')`);
          expect(rows.length).toBeGreaterThan(0);
          const values = JSON.stringify(rows);
          expect(leaks(values), `values of ${path.basename(file)}`).toEqual([]);
          const metadata = await queryLake(`SELECT * FROM parquet_metadata('${file}')`);
          expect(leaks(JSON.stringify(metadata)), `metadata of ${path.basename(file)}`).toEqual([]);
        }

        // The restricted area holds what was removed: the note text and the quarantined raw lines.
        const notes = await queryLake(`SELECT text FROM '${layout.notesTable}'`);
        expect(JSON.stringify(notes)).toContain(FIXTURE_PHI.noteSentence);
        expect(await readFile(layout.quarantineFile('Observation'), 'utf8')).toContain(
          FIXTURE_PHI.givenName,
        );
      });
    },
  );
});
