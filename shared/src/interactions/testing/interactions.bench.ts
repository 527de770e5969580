/**
 * Micro-benchmark of the pure clinical engines (`npm run bench:interactions -w shared`): checker
 * build time, interaction-check latency for 1 and 5 proposed drugs against 20 active ones, and the
 * care engines' latency. Prints one JSON object as its last line.
 */
import { careGaps } from '../../care/care-gaps.js';
import { recommendTests } from '../../care/recommend-tests.js';
import { loadKnowledgeBase } from '../../kb/index.js';
import { createInteractionChecker } from '../interaction-checker.js';

const ACTIVE = [
  'lisinopril',
  'metformin',
  'atorvastatin',
  'aspirin',
  'amlodipine',
  'metoprolol',
  'hydrochlorothiazide',
  'sertraline',
  'omeprazole',
  'levothyroxine',
  'warfarin',
  'gabapentin',
  'tramadol',
  'alprazolam',
  'furosemide',
  'spironolactone',
  'allopurinol',
  'tamsulosin',
  'donepezil',
  '274783',
];

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

function time(iterations: number, fn: () => unknown): { p50: number; p99: number; mean: number } {
  for (let i = 0; i < 200; i += 1) {
    fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}

const loadStart = performance.now();
const kb = loadKnowledgeBase();
const loadMs = performance.now() - loadStart;
const buildStart = performance.now();
const checker = createInteractionChecker(kb);
const buildMs = performance.now() - buildStart;
const now = new Date('2026-06-15T00:00:00Z');

const result = {
  bench: 'interactions',
  kbVersion: kb.version,
  drugs: kb.drugs.length,
  rules: kb.interactions.length,
  kbLoadMs: Math.round(loadMs),
  checkerBuildMs: Math.round(buildMs),
  check1x20Ms: time(10_000, () => checker.check({ proposed: ['clarithromycin'], active: ACTIVE })),
  check5x20Ms: time(5_000, () =>
    checker.check({
      proposed: ['clarithromycin', 'ibuprofen', 'Cipro', 'sumatriptan', 'Percocet'],
      active: ACTIVE,
    }),
  ),
  recommendTestsMs: time(5_000, () =>
    recommendTests({
      kb,
      conditions: ['community-acquired-pneumonia', 'acute-bronchitis', 'pulmonary-embolism'],
      presentFindings: ['cough', 'fever', 'pleuritic-chest-pain'],
      patient: { age: 54, sex: 'female' },
      lastDone: { 'chest-xray': '2026-06-01' },
      now,
    }),
  ),
  careGapsMs: time(5_000, () =>
    careGaps({
      kb,
      patient: {
        age: 62,
        sex: 'male',
        conditions: ['hypertension'],
        historyFindings: ['current-smoker'],
      },
      lastDone: { colonoscopy: '2019-04-01', 'influenza-vaccine': '2025-10-01' },
      now,
    }),
  ),
};
console.log(JSON.stringify(result));
