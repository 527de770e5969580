/**
 * Readers for the public reference datasets in ../shared/data (developers and CI only): the Columbia
 * disease–symptom KB, HSDN and the CDC ICD-10-CM code list. Each returns plain rows; no mapping here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseCsv } from './csv.js';

export interface ColumbiaRow {
  diseaseCuis: string[];
  diseaseCount: number;
  symptomRank: number;
  /** Number of symptoms listed for the disease (ranks run 1..symptomCount). */
  symptomCount: number;
  symptomCuis: string[];
}

export interface HsdnLink {
  symptom: string;
  disease: string;
  tfidf: number;
}

export interface Icd10Code {
  code: string;
  billable: boolean;
}

export function readColumbia(dataDir: string): ColumbiaRow[] {
  const text = readFileSync(
    path.join(dataDir, 'disease_symptom_columbia', 'columbia_dsKB_tidy.csv'),
    'utf8',
  );
  const [header, ...rows] = parseCsv(text);
  const col = (name: string): number => (header ?? []).indexOf(name);
  const [dc, count, rank, sc] = [
    col('disease_cuis'),
    col('disease_count'),
    col('symptom_rank'),
    col('symptom_cuis'),
  ];
  const parsed = rows
    .filter((r) => r.length > sc)
    .map((r) => ({
      diseaseCuis: (r[dc] ?? '').split('|'),
      diseaseCount: Number(r[count]),
      symptomRank: Number(r[rank]),
      symptomCount: 0,
      symptomCuis: (r[sc] ?? '').split('|').filter((c) => c.length > 0),
    }));
  const counts = new Map<string, number>();
  for (const row of parsed) {
    const key = row.diseaseCuis.join('|');
    counts.set(key, Math.max(counts.get(key) ?? 0, row.symptomRank));
  }
  return parsed.map((row) => ({
    ...row,
    symptomCount: counts.get(row.diseaseCuis.join('|')) ?? 1,
  }));
}

export function readHsdn(dataDir: string): HsdnLink[] {
  const text = gunzipSync(
    readFileSync(path.join(dataDir, 'disease_symptom_hsdn', 'hsdn_symptoms-DO.tsv.gz')),
  ).toString('utf8');
  const [header, ...lines] = text.split('\n').filter((l) => l.length > 0);
  const cols = (header ?? '').split('\t');
  const [s, d, t] = [
    cols.indexOf('symptom_name'),
    cols.indexOf('doid_name'),
    cols.indexOf('tfidf_score'),
  ];
  return lines.map((line) => {
    const f = line.split('\t');
    return { symptom: f[s] ?? '', disease: f[d] ?? '', tfidf: Number(f[t]) };
  });
}

export function readIcd10(dataDir: string): Map<string, Icd10Code> {
  const text = gunzipSync(
    readFileSync(path.join(dataDir, 'icd10cm', 'icd10cm_order_FY2021.csv.gz')),
  ).toString('utf8');
  const [, ...rows] = parseCsv(text);
  const codes = new Map<string, Icd10Code>();
  for (const row of rows) {
    const code = row[0];
    if (code) {
      codes.set(code, { code, billable: row[1] === '1' });
    }
  }
  return codes;
}
