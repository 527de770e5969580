/**
 * Micro-benchmark of the guideline-only differential (`npm run bench:diagnosis`): knowledge-base
 * load, engine build, and the latency of one ranking over typical primary-care presentations, of a
 * large presentation (many findings present and absent) and of next-question selection. Prints one
 * JSON object as its last line.
 */
import { loadKnowledgeBase } from '../../kb/index.js';
import { createDiagnosisEngine } from '../diagnosis-engine.js';
import type { FindingsInput, PatientInput } from '../types.js';

interface Presentation {
  name: string;
  findings: FindingsInput;
  patient: PatientInput;
}

const PRESENTATIONS: readonly Presentation[] = [
  {
    name: 'cold',
    findings: { present: ['cough', 'sore-throat', 'rhinorrhoea', 'fever'], absent: ['dyspnoea'] },
    patient: { age: 30, sex: 'female' },
  },
  {
    name: 'pneumonia-in-copd',
    findings: { present: ['cough', 'fever', 'dyspnoea', 'pleuritic-chest-pain'], absent: [] },
    patient: { age: 68, sex: 'male', conditions: ['copd'] },
  },
  {
    name: 'cardiac-chest-pain',
    findings: {
      present: ['chest-pain', 'chest-pain-radiating-arm-jaw', 'diaphoresis'],
      absent: [],
    },
    patient: { age: 61, sex: 'male', conditions: ['hypertension'] },
  },
  {
    name: 'cystitis',
    findings: {
      present: ['dysuria', 'urinary-frequency', 'suprapubic-pain'],
      absent: ['fever', 'vaginal-discharge'],
    },
    patient: { age: 28, sex: 'female' },
  },
  {
    name: 'migraine',
    findings: {
      present: ['headache', 'photophobia', 'nausea'],
      absent: ['fever', 'neck-stiffness'],
    },
    patient: { age: 35, sex: 'female' },
  },
  {
    name: 'appendicitis',
    findings: {
      present: ['rlq-pain', 'migratory-periumbilical-pain', 'fever', 'nausea'],
      absent: [],
    },
    patient: { age: 19, sex: 'male' },
  },
  {
    name: 'calf-swelling',
    findings: { present: ['unilateral-leg-swelling', 'calf-tenderness'], absent: ['fever'] },
    patient: { age: 55, sex: 'female' },
  },
  {
    name: 'raised-eye-pressure',
    findings: {
      present: ['raised-intraocular-pressure', 'visual-field-loss'],
      absent: ['eye-pain'],
    },
    patient: { age: 70, sex: 'male' },
  },
  {
    name: 'postcoital-bleeding',
    findings: { present: ['abnormal-vaginal-bleeding', 'vaginal-discharge'], absent: [] },
    patient: { age: 42, sex: 'female' },
  },
  {
    name: 'back-pain-red-flags',
    findings: {
      present: ['low-back-pain', 'saddle-anaesthesia', 'urinary-retention'],
      absent: ['fever'],
    },
    patient: { age: 50, sex: 'male' },
  },
];

/** Twelve findings present and ten absent: the long end of a real consultation. */
const LARGE: Presentation = {
  name: 'large',
  findings: {
    present: [
      'cough',
      'fever',
      'dyspnoea',
      'fatigue',
      'headache',
      'nausea',
      'vomiting',
      'diarrhoea',
      'abdominal-pain',
      'dizziness',
      'palpitations',
      'unintentional-weight-loss',
    ],
    absent: [
      'chest-pain',
      'wheeze',
      'sore-throat',
      'rhinorrhoea',
      'dysuria',
      'night-sweats',
      'photophobia',
      'neck-stiffness',
      'haemoptysis',
      'rash',
    ],
  },
  patient: { age: 72, sex: 'female', conditions: ['type-2-diabetes', 'heart-failure'] },
};

function percentiles(samples: number[]): { p50: number; p99: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (ms: number): number => Math.round(ms * 10_000) / 10_000;
  return {
    p50: round(at(0.5)),
    p99: round(at(0.99)),
    mean: round(samples.reduce((s, x) => s + x, 0) / samples.length),
  };
}

/** Runs `fn(i)` for warm-up, then `iterations` timed times; `i` cycles through the inputs. */
function time(iterations: number, fn: (i: number) => unknown): ReturnType<typeof percentiles> {
  for (let i = 0; i < 200; i += 1) {
    fn(i);
  }
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    fn(i);
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}

const loadStart = performance.now();
const kb = loadKnowledgeBase();
const loadMs = performance.now() - loadStart;
const unknown = [...PRESENTATIONS, LARGE]
  .flatMap((p) => [...p.findings.present, ...p.findings.absent])
  .filter((id) => !kb.finding(id));
if (unknown.length > 0) {
  throw new Error(`bench presentations use findings the KB lacks: ${unknown.join(', ')}`);
}
const buildStart = performance.now();
const engine = createDiagnosisEngine({ kb });
const buildMs = performance.now() - buildStart;

const pick = (i: number): Presentation => PRESENTATIONS[i % PRESENTATIONS.length] ?? LARGE;
const rank = (p: Presentation): ReturnType<typeof engine.rankDifferential> =>
  engine.rankDifferential({ findings: p.findings, patient: p.patient });

const result = {
  bench: 'diagnosis',
  kbVersion: kb.version,
  conditions: kb.conditions.length,
  findings: kb.findings.length,
  associations: kb.associations.length,
  presentations: PRESENTATIONS.length,
  kbLoadMs: Math.round(loadMs),
  engineBuildMs: Math.round(buildMs * 100) / 100,
  rankMs: time(20_000, (i) => rank(pick(i))),
  rankLargeMs: time(5_000, () => rank(LARGE)),
  nextQuestionsMs: time(5_000, (i) =>
    engine.nextQuestions({ differential: rank(pick(i)), asked: [] }),
  ),
  /** The leading suggestion per presentation, so a KB change that moves them is visible here. */
  leading: Object.fromEntries(
    PRESENTATIONS.map((p) => [p.name, rank(p).items[0]?.condition ?? null]),
  ),
};
console.log(JSON.stringify(result));
