/** Reads the reference datasets the therapeutics derivation needs (`../shared/data`). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseCsvRecords } from './csv.js';
import type { RxnormSandbox } from './rxnorm-index.js';
import type { CodedMedication } from './synthea-medications.js';

const RXNORM_SYSTEM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

export function readRxnormSandbox(dataDir: string): RxnormSandbox {
  const file = path.join(dataDir, 'rxnorm', 'cds-hooks-sandbox-rxnorm-prices.json');
  return JSON.parse(readFileSync(file, 'utf8')) as RxnormSandbox;
}

export function readOncGroupRecords(dataDir: string): Record<string, string>[] {
  const file = path.join(dataDir, 'onc_high_priority', 'onc_high_priority_groups.csv');
  return parseCsvRecords(readFileSync(file, 'utf8'));
}

/** The expanded ONC object × precipitant name pairs (401 rows). */
export function readOncPairRecords(dataDir: string): Record<string, string>[] {
  const file = path.join(dataDir, 'onc_high_priority', 'onc_high_priority_pairs.csv');
  return parseCsvRecords(readFileSync(file, 'utf8'));
}

/** Synthea's RxNorm codes: the curated CSV list plus every code in the bulk MedicationRequests. */
export function readSyntheaMedications(dataDir: string): CodedMedication[] {
  const meds = new Map<string, string>();
  const csv = path.join(dataDir, 'rxnorm', 'synthea_r4_medication_rxcuis.csv');
  for (const row of parseCsvRecords(readFileSync(csv, 'utf8'))) {
    meds.set(row['rxcui'] ?? '', row['display'] ?? '');
  }
  const bulk = path.join(dataDir, 'synthea_bulk_10pt', 'MedicationRequest.000.ndjson.gz');
  for (const line of gunzipSync(readFileSync(bulk)).toString('utf8').split('\n')) {
    if (line.trim() === '') {
      continue;
    }
    const resource = JSON.parse(line) as {
      medicationCodeableConcept?: {
        coding?: { system?: string; code?: string; display?: string }[];
      };
    };
    for (const coding of resource.medicationCodeableConcept?.coding ?? []) {
      if (coding.system === RXNORM_SYSTEM && coding.code && !meds.has(coding.code)) {
        meds.set(coding.code, coding.display ?? '');
      }
    }
  }
  meds.delete('');
  return [...meds].map(([code, display]) => ({ code, display }));
}
