/**
 * The lake → a note corpus: the restricted notes (`restricted/notes`) and the de-identified facts of
 * their patients, already coded by ingest (finding, condition and ingredient ids). Patient and
 * encounter ids are the lake's pseudonyms; dates are days. Read-only; DuckDB spills (which would
 * hold note text) go under `restricted/`.
 */
import path from 'node:path';
import { AppError } from '@mediassist/shared/errors';
import { CODE_SYSTEMS, type KnowledgeBase } from '@mediassist/shared/kb';
import { openDuckDbSession, queryRows, type Row } from '../lake/duckdb-session.js';
import type { LakeLayout } from '../lake/lake-layout.js';
import {
  emptyPatientRecord,
  type NoteCorpus,
  type NoteRecord,
  type OutsideKb,
  type PatientRecord,
} from './clinical-record.js';
import { allergyKey } from './fhir-record.js';
import {
  allergiesSql,
  conditionsSql,
  findingsSql,
  measurementsSql,
  medicationsSql,
  NOTES_SQL,
  selectNotesSql,
} from './lake-corpus-sql.js';
import { smokingStatusFinding } from './smoking-status.js';

export interface LakeRows {
  notes: readonly Row[];
  findings: readonly Row[];
  measurements: readonly Row[];
  conditions: readonly Row[];
  medications: readonly Row[];
  allergies: readonly Row[];
}

const str = (row: Row, name: string): string | undefined => {
  const v = row[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};
const day = (row: Row, name: string) => {
  const d = str(row, name);
  return d === undefined ? undefined : { day: d.slice(0, 10) };
};

/** Lake rows → the corpus (pure; the queries are in lake-corpus-sql.ts). */
export function lakeCorpusFromRows(rows: LakeRows, kb: KnowledgeBase): NoteCorpus {
  const notes: NoteRecord[] = rows.notes.flatMap((r) => {
    const patient = str(r, 'patient_id');
    const at = day(r, 'note_day');
    const text = str(r, 'text');
    // Whole years (the lake keeps no birth date): the band a child's note states, as "3 yo" does.
    const age = r['age_at_visit'];
    return patient && at && text
      ? [
          {
            id: `note-${String(r['note_no'])}`,
            patient,
            encounter: str(r, 'encounter_id'),
            at,
            text,
            ...(typeof age === 'number' ? { ageYears: age } : {}),
          },
        ]
      : [];
  });
  const patients = new Map<string, PatientRecord>(
    notes.map((n) => [n.patient, emptyPatientRecord()]),
  );
  const outsideKb: OutsideKb = { findings: 0, conditions: 0, medications: 0 };
  const of = (r: Row): PatientRecord | undefined => patients.get(str(r, 'patient_id') ?? '');

  for (const r of rows.findings) {
    const encounter = str(r, 'encounter_id');
    const smokingCode = str(r, 'smoking_code');
    const findingId = str(r, 'finding_id');
    const status =
      smokingCode === undefined
        ? findingId === undefined
          ? undefined
          : { findingId, present: r['present'] === true }
        : smokingStatusFinding(
            { system: str(r, 'smoking_system') ?? CODE_SYSTEMS.snomed, code: smokingCode },
            kb,
          );
    if (status) {
      of(r)?.findings.push({ encounter, ...status });
    } else {
      outsideKb.findings += 1;
    }
  }
  for (const r of rows.measurements) {
    const [loinc, unit, value] = [str(r, 'loinc'), str(r, 'unit'), r['value']];
    if (loinc && unit && typeof value === 'number') {
      of(r)?.measurements.push({ encounter: str(r, 'encounter_id'), loinc, value, unit });
    }
  }
  for (const r of rows.conditions) {
    const conditionId = str(r, 'condition_id');
    if (conditionId === undefined) {
      outsideKb.conditions += 1;
      continue;
    }
    of(r)?.conditions.push({
      encounter: str(r, 'encounter_id'),
      conditionId,
      category: str(r, 'category'),
      at: day(r, 'day'),
      ended: r['ended'] === true,
    });
  }
  for (const r of rows.medications) {
    const rxcui = str(r, 'rxcui');
    if (rxcui === undefined) {
      outsideKb.medications += 1;
      continue;
    }
    of(r)?.medications.push({
      encounter: str(r, 'encounter_id'),
      rxcui,
      status: str(r, 'status') ?? 'unknown',
      authored: day(r, 'day'),
    });
  }
  for (const r of rows.allergies) {
    const rxcui = str(r, 'rxcui');
    // The lake keeps codes, not names: a non-drug allergen can only be compared by code.
    const key =
      rxcui === undefined
        ? `code:${str(r, 'code_system') ?? ''}|${str(r, 'code') ?? ''}`
        : allergyKey({ rxcui, name: '' });
    of(r)?.allergies.push({ key, recorded: day(r, 'day') });
  }
  return { notes, patients, outsideKb };
}

export interface ReadLakeCorpusOptions {
  layout: LakeLayout;
  kb: KnowledgeBase;
  limit?: number | undefined;
  signal?: AbortSignal | undefined;
}

export async function readLakeCorpus(options: ReadLakeCorpusOptions): Promise<NoteCorpus> {
  const { layout, kb, limit, signal } = options;
  const session = await openDuckDbSession({
    tempDirectory: path.join(layout.restricted, '.evaluate-notes-tmp'),
    threads: 2,
  });
  const onAbort = (): void => {
    session.interrupt();
  };
  signal?.addEventListener('abort', onAbort);
  try {
    await session.connection.run(
      selectNotesSql({
        notesTable: layout.notesTable,
        encountersTable: layout.clinicalTable('encounters'),
        limit,
      }),
    );
    const q = (sql: string) => queryRows(session.connection, sql);
    return lakeCorpusFromRows(
      {
        notes: await q(NOTES_SQL),
        findings: await q(findingsSql(layout.clinicalTable('observations'))),
        measurements: await q(measurementsSql(layout.clinicalTable('observations'))),
        conditions: await q(conditionsSql(layout.clinicalTable('conditions'))),
        medications: await q(medicationsSql(layout.clinicalTable('medication_requests'))),
        allergies: await q(allergiesSql(layout.clinicalTable('allergies'))),
      },
      kb,
    );
  } catch (error) {
    signal?.throwIfAborted();
    throw new AppError(
      'DEPENDENCY_UNAVAILABLE',
      'Could not read the lake (run `generate` then `ingest`, or pass --generated <export dir>)',
      { cause: error },
    );
  } finally {
    signal?.removeEventListener('abort', onAbort);
    session.close();
  }
}
