/**
 * A FHIR Bulk Data export folder (the generator's, or Synthea's) → a note corpus: the first `limit`
 * notes in file order, and the coded facts of exactly those notes' patients (one streaming pass per
 * resource type, so a large export never has to fit in memory).
 */
import type { KnowledgeBase } from '@mediassist/shared/kb';
import { discoverBulkFiles } from '../ingest/bulk-files.js';
import {
  ageAt,
  emptyPatientRecord,
  type NoteCorpus,
  type NoteRecord,
  type OutsideKb,
  type PatientRecord,
} from './clinical-record.js';
import {
  allergyRecordsOf,
  conditionRecordOf,
  medicationRecordsOf,
  noteRecordOf,
  observationRecordsOf,
  patientBirthDateOf,
} from './fhir-record.js';
import { createKbCodes } from './kb-codes.js';
import { ndjsonResources } from './ndjson-resources.js';

export interface ReadExportCorpusOptions {
  dir: string;
  kb: KnowledgeBase;
  /** Most notes to read (all when absent). */
  limit?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface ExportCorpus extends NoteCorpus {
  /** Lines or resources that could not be read (JSON errors, missing required elements). */
  skipped: number;
}

export async function readExportCorpus(options: ReadExportCorpusOptions): Promise<ExportCorpus> {
  const { dir, kb, limit = Number.POSITIVE_INFINITY, signal } = options;
  const inventory = await discoverBulkFiles(dir);
  let skipped = 0;
  const onInvalidLine = (): void => {
    skipped += 1;
  };
  const resources = (resourceType: string) =>
    ndjsonResources({ inventory, resourceType, onInvalidLine });

  const notes: NoteRecord[] = [];
  for await (const raw of resources('DocumentReference')) {
    if (notes.length >= limit) {
      break;
    }
    const note = noteRecordOf(raw);
    if (note) {
      notes.push(note);
    } else {
      skipped += 1;
    }
  }
  const patients = new Map<string, PatientRecord>(
    notes.map((n) => [n.patient, emptyPatientRecord()]),
  );
  const outsideKb: OutsideKb = { findings: 0, conditions: 0, medications: 0 };

  // The age at each note chooses children's vital-sign cut-offs in the truth.
  const birthDates = new Map<string, string>();
  for await (const raw of resources('Patient')) {
    const result = patientBirthDateOf(raw);
    if (result && patients.has(result.patient)) {
      birthDates.set(result.patient, result.birthDate);
    }
  }
  for (const note of notes) {
    const birthDate = birthDates.get(note.patient);
    note.ageYears = birthDate === undefined ? undefined : ageAt({ birthDate, at: note.at });
  }

  for await (const raw of resources('Observation')) {
    signal?.throwIfAborted();
    const result = observationRecordsOf(raw, kb);
    if (result.kind === 'other') {
      continue;
    }
    const patient = patients.get(result.patient);
    if (!patient) {
      continue;
    }
    if (result.kind === 'finding') {
      patient.findings.push(result.record);
    } else if (result.kind === 'measurements') {
      patient.measurements.push(...result.records);
    } else {
      outsideKb.findings += 1;
    }
  }
  const codes = createKbCodes(kb);
  for await (const raw of resources('Condition')) {
    const result = conditionRecordOf(raw, codes);
    const patient = result && patients.get(result.patient);
    if (patient && result.record) {
      patient.conditions.push(result.record);
    } else if (patient) {
      outsideKb.conditions += 1;
    }
  }
  for await (const raw of resources('MedicationRequest')) {
    const result = medicationRecordsOf(raw, codes);
    const patient = result && patients.get(result.patient);
    if (patient && result.records.length > 0) {
      patient.medications.push(...result.records);
    } else if (patient) {
      outsideKb.medications += 1;
    }
  }
  for await (const raw of resources('AllergyIntolerance')) {
    const result = allergyRecordsOf(raw, codes);
    if (result) {
      patients.get(result.patient)?.allergies.push(...result.records);
    }
  }
  return { notes, patients, outsideKb, skipped };
}
