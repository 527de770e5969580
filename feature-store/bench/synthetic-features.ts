/** Deterministic synthetic feature values with realistic sizes (no real patient data), for the benchmark. */
import type { PatientFeatureValues } from '../src/definitions/registry.js';
import { PATIENT_EMBEDDING_DIMENSION } from '../src/definitions/views/patient-embedding.js';

/** mulberry32: a tiny seeded PRNG, so every run generates the same lake. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHRONIC = [
  'essential-hypertension',
  'type-2-diabetes',
  'asthma',
  'copd',
  'heart-failure',
  'atrial-fibrillation',
  'chronic-kidney-disease',
  'hypothyroidism',
  'hyperlipidemia',
  'osteoarthritis',
  'major-depressive-disorder',
  'generalized-anxiety-disorder',
  'gerd',
  'obesity',
  'migraine',
];
const ACUTE = [
  'acute-bronchitis',
  'community-acquired-pneumonia',
  'urinary-tract-infection',
  'acute-sinusitis',
  'influenza',
  'gastroenteritis',
  'cellulitis',
  'otitis-media',
  'pharyngitis',
  'low-back-pain',
];
const ICD10 = [
  'I10',
  'E11.9',
  'J45.909',
  'J44.9',
  'I50.9',
  'I48.91',
  'N18.3',
  'E03.9',
  'E78.5',
  'M17.11',
  'F32.9',
  'F41.1',
  'K21.9',
  'E66.9',
  'G43.909',
  'J20.9',
  'J18.9',
  'N39.0',
  'J01.90',
  'J11.1',
  'A09',
  'L03.90',
  'H66.90',
  'J02.9',
  'M54.5',
  'Z00.00',
  'Z23',
  'R05.9',
  'R50.9',
  'R51.9',
];
const RXCUI = [
  '29046',
  '6809',
  '83367',
  '314076',
  '197361',
  '310965',
  '617312',
  '866924',
  '1191',
  '5640',
  '36567',
  '10582',
  '4603',
  '8640',
  '7646',
  '321988',
  '2551',
  '11289',
  '41493',
  '1998',
];
const FINDINGS = [
  'cough',
  'fever',
  'dyspnea',
  'chest-pain',
  'fatigue',
  'headache',
  'nausea',
  'wheeze',
  'dysuria',
  'sore-throat',
  'rhinorrhea',
  'myalgia',
  'palpitations',
  'edema',
];
const LOINC: [string, string, number, number][] = [
  ['8480-6', 'mm[Hg]', 100, 180],
  ['8462-4', 'mm[Hg]', 60, 110],
  ['8867-4', '/min', 50, 120],
  ['8310-5', 'Cel', 36, 39.5],
  ['29463-7', 'kg', 45, 140],
  ['39156-5', 'kg/m2', 17, 45],
  ['4548-4', '%', 4.8, 11],
  ['2093-3', 'mg/dL', 120, 300],
  ['2085-9', 'mg/dL', 30, 90],
  ['13457-7', 'mg/dL', 50, 200],
  ['2160-0', 'mg/dL', 0.5, 2.5],
  ['33914-3', 'mL/min/{1.73_m2}', 15, 120],
  ['2823-3', 'mmol/L', 3.2, 5.8],
  ['2951-2', 'mmol/L', 130, 148],
  ['718-7', 'g/dL', 9, 17],
  ['3016-3', 'm[IU]/L', 0.3, 6],
];
const TESTS = [
  'hba1c',
  'lipid-panel',
  'basic-metabolic-panel',
  'cbc',
  'tsh',
  'urinalysis',
  'ecg',
  'spirometry',
  'chest-x-ray',
  'urine-albumin',
];
const SERVICES = [
  'colorectal-cancer-screening',
  'breast-cancer-screening',
  'cervical-cancer-screening',
  'influenza-vaccine',
  'pneumococcal-vaccine',
  'diabetic-eye-exam',
  'blood-pressure-screening',
  'lipid-screening',
];
const INTERACTIONS: [string, string, string, string][] = [
  ['lisinopril-spironolactone', 'major', '29046', '9997'],
  ['warfarin-ibuprofen', 'major', '11289', '5640'],
  ['simvastatin-clarithromycin', 'contraindicated', '36567', '21212'],
  ['metformin-contrast', 'moderate', '6809', '4603'],
];

/** One synthetic value of one view (views are independent, so a lake can be written view by view). */
export function syntheticValue<TName extends keyof PatientFeatureValues>(
  name: TName,
  random: () => number,
): PatientFeatureValues[TName] {
  return generators[name](random);
}

function helpers(random: () => number) {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[], n: number): T[] => {
    const pool = [...items];
    const out: T[] = [];
    for (let i = 0; i < n && pool.length > 0; i++) {
      out.push(pool.splice(int(0, pool.length - 1), 1)[0] as T);
    }
    return out;
  };
  const date = () =>
    `2026-${String(int(1, 10)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  return { int, pick, date };
}

const generators: {
  [TName in keyof PatientFeatureValues]: (random: () => number) => PatientFeatureValues[TName];
} = {
  demographics: (random) => ({
    birthYear: helpers(random).int(1930, 2020),
    sex: random() < 0.5 ? 'female' : random() < 0.98 ? 'male' : 'unknown',
  }),
  condition_history: (random) => {
    const { int, pick } = helpers(random);
    return {
      chronic: pick(CHRONIC, int(0, 5)),
      icd10: pick(ICD10, int(1, 12)),
      recentAcute: pick(ACUTE, int(0, 3)),
    };
  },
  medication_list: (random) => {
    const { int, pick } = helpers(random);
    return { activeRxcuis: pick(RXCUI, int(0, 8)) };
  },
  recent_findings: (random) => {
    const { int, pick, date } = helpers(random);
    return {
      present: pick(FINDINGS, int(0, 6)),
      visits90d: int(0, 5),
      lastVisitAt: random() < 0.8 ? date() : null,
    };
  },
  vitals_labs: (random) => {
    const { int, pick, date } = helpers(random);
    const values: PatientFeatureValues['vitals_labs']['values'] = {};
    for (const [code, unit, low, high] of pick(LOINC, int(3, 10))) {
      values[code] = {
        value: Math.round((low + random() * (high - low)) * 10) / 10,
        unit,
        at: date(),
      };
    }
    return { values };
  },
  recent_tests: (random) => {
    const { int, pick, date } = helpers(random);
    const lastDone: Record<string, string> = {};
    for (const test of pick(TESTS, int(0, 6))) {
      lastDone[test] = date();
    }
    return { lastDone };
  },
  care_gaps: (random) => {
    const { int, pick, date } = helpers(random);
    return {
      open: pick(SERVICES, int(0, 4)).map((serviceId) => ({
        serviceId,
        dueSince: random() < 0.7 ? date() : null,
      })),
    };
  },
  medication_alerts: (random) => {
    const { int, pick } = helpers(random);
    return {
      alerts: pick(INTERACTIONS, random() < 0.8 ? 0 : int(1, 2)).map(
        ([interactionId, severity, a, b]) => ({
          interactionId,
          severity,
          rxcuis: [a, b],
        }),
      ),
    };
  },
  patient_embedding: (random) =>
    Float32Array.from({ length: PATIENT_EMBEDDING_DIMENSION }, () => random() * 2 - 1),
};
