import { describe, expect, it } from 'vitest';
import { createLakeLayout, newRunId } from './lake-layout.js';

describe('lake layout', () => {
  it('keeps note text and quarantined lines under restricted/', () => {
    const layout = createLakeLayout('/data/lake');
    expect(layout.clinicalTable('encounters')).toBe('/data/lake/clinical/encounters.parquet');
    expect(layout.notesTable).toBe('/data/lake/restricted/notes/notes.parquet');
    expect(layout.quarantineFile('Patient')).toBe(
      '/data/lake/restricted/quarantine/Patient.ndjson',
    );
    expect(layout.runRestricted('r1')).toBe('/data/lake/restricted/.runs/r1');
    expect(layout.runClinical('r1')).toBe('/data/lake/.runs/r1/clinical');
  });

  it('makes run ids that sort by time', () => {
    const a = newRunId({ now: new Date('2026-11-22T09:00:00.000Z'), random: 'ffffff' });
    const b = newRunId({ now: new Date('2026-11-22T10:00:00.000Z'), random: '000000' });
    expect(a).toBe('20261122T090000000Z-ffffff');
    expect([b, a].sort()).toEqual([a, b]);
  });
});
