/**
 * `npm run bench:generate-world`: how hard the generated world is, measured the way the product is.
 * Generates a training population (seed 42) and a test population (seed 43) of the same world, reads
 * each patient's resources as ingest + features would (src/generate/testing/lake-examples.ts: one
 * example per acute visit), then scores
 * - the guideline-only baseline: `createDiagnosisEngine(...).scoreDifferential` with the visit's
 *   findings, age, sex and history (chronic + acute of the past year), as evaluate/baseline.ts does;
 * - a quick learned model: multinomial logistic regression on `createDiagnosisInputLayout` features
 *   without the embedding, trained on the training population only.
 * Prints documentation statistics and per-condition results on stderr, one JSON object last.
 *
 * Env: BENCH_TRAIN_PATIENTS (default 12000), BENCH_TEST_PATIENTS (4000), BENCH_WORLD_SEED.
 */
import { createHash } from 'node:crypto';
import { createDiagnosisEngine } from '@mediassist/shared/diagnosis';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { createDiagnosisInputLayout } from '@mediassist/shared/model';
import { RESOURCE_TYPES, type ResourceType } from '../src/generate/emit-encounter.js';
import { DEFAULT_WORLD_SEED, exportWindow } from '../src/generate/generation-config.js';
import { createIdentityFactory } from '../src/generate/identity.js';
import { createPhraseBook } from '../src/generate/note-phrases.js';
import { createPatientGenerator } from '../src/generate/patient-generator.js';
import {
  createLakeExampleReader,
  type LakeExample,
} from '../src/generate/testing/lake-examples.js';
import { createWorldModel } from '../src/generate/world-model.js';
import { fitSoftmax, sparse } from './generate-world-model.js';

const kb = loadKnowledgeBase();
const worldSeed = Number(process.env['BENCH_WORLD_SEED'] ?? DEFAULT_WORLD_SEED);
const world = createWorldModel({ kb, worldSeed });
const readExamples = createLakeExampleReader(kb);
const window = exportWindow({ years: 8, endDate: '2026-10-31' });

let encounters = 0;

function population(seed: number, patients: number): LakeExample[] {
  const generator = createPatientGenerator({
    world,
    seed,
    ...window,
    identities: createIdentityFactory(),
    phrases: createPhraseBook({ typoRate: 0.03 }),
  });
  const lines = Object.fromEntries(RESOURCE_TYPES.map((t) => [t, [] as string[]])) as Record<
    ResourceType,
    string[]
  >;
  const sink = { write: (type: ResourceType, json: string) => void lines[type].push(json) };
  const examples: LakeExample[] = [];
  for (let i = 0; i < patients; i++) {
    for (const t of RESOURCE_TYPES) {
      lines[t].length = 0;
    }
    encounters += generator.generate(i, sink).encounters;
    examples.push(...readExamples(lines));
  }
  return examples;
}

function topK(p: ArrayLike<number>, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const v = p[i] ?? 0;
    if (v <= 0) {
      continue;
    }
    let at = top.length;
    while (at > 0 && (p[top[at - 1] ?? 0] ?? 0) < v) {
      at -= 1;
    }
    if (at < k) {
      top.splice(at, 0, i);
      top.length = Math.min(top.length, k);
    }
  }
  return top;
}

interface Scored {
  top1: number;
  top3: number;
  ece: number;
}

function score(
  predictions: readonly { top: readonly string[]; confidence: number }[],
  labels: readonly string[],
): Scored {
  let top1 = 0;
  let top3 = 0;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, hit: 0 }));
  predictions.forEach((p, i) => {
    const hit = p.top[0] === labels[i];
    top1 += hit ? 1 : 0;
    top3 += p.top.slice(0, 3).includes(labels[i] ?? '') ? 1 : 0;
    const bin = bins[Math.min(9, Math.floor(p.confidence * 10))];
    if (bin) {
      bin.n += 1;
      bin.conf += p.confidence;
      bin.hit += hit ? 1 : 0;
    }
  });
  const n = predictions.length;
  const ece = bins.reduce((s, b) => s + (b.n === 0 ? 0 : Math.abs(b.conf - b.hit)), 0) / n;
  return { top1: top1 / n, top3: top3 / n, ece };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function documentation(examples: readonly LakeExample[]) {
  const histogram = new Map<number, number>();
  const recurrence = examples.filter((e) => e.recentAcute.includes(e.label)).length;
  const withHistory = examples.filter((e) => e.recentAcute.length > 0).length;
  let absent = 0;
  let twoToFive = 0;
  for (const e of examples) {
    histogram.set(e.present.length, (histogram.get(e.present.length) ?? 0) + 1);
    absent += e.absent.length;
    twoToFive += e.present.length >= 2 && e.present.length <= 5 ? 1 : 0;
  }
  const sorted = [...examples].map((e) => e.present.length).sort((a, b) => a - b);
  return {
    presentMedian: sorted[Math.floor(sorted.length / 2)] ?? 0,
    presentMean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    presentTwoToFive: round(twoToFive / examples.length),
    absentMean: round(absent / examples.length),
    histogram: Object.fromEntries([...histogram].sort((a, b) => a[0] - b[0])),
    /** Share of visits whose condition was diagnosed in the past year, and of those with any acute history. */
    labelInRecentAcute: round(recurrence / examples.length),
    labelInRecentAcuteGivenAny: round(recurrence / Math.max(1, withHistory)),
  };
}

function main(): void {
  const trainPatients = Number(process.env['BENCH_TRAIN_PATIENTS'] ?? 12_000);
  const testPatients = Number(process.env['BENCH_TEST_PATIENTS'] ?? 4_000);
  const t0 = performance.now();
  const train = population(42, trainPatients);
  const test = population(43, testPatients);
  const generateSeconds = (performance.now() - t0) / 1000;
  process.stderr.write(
    `examples: train ${String(train.length)}, test ${String(test.length)} (${generateSeconds.toFixed(0)} s)\n`,
  );

  const engine = createDiagnosisEngine({ kb });
  const baseline = test.map((e) => {
    const s = engine.scoreDifferential({
      findings: { present: e.present, absent: e.absent },
      patient: {
        ...(e.age === null ? {} : { age: e.age }),
        sex: e.sex,
        conditions: [...e.chronic, ...e.recentAcute],
      },
    });
    const top = topK(s.probability, 3);
    return {
      top: top.map((i) => s.conditionIds[i] ?? ''),
      confidence: s.probability[top[0] ?? 0] ?? 0,
    };
  });

  const layout = createDiagnosisInputLayout({
    findings: kb.findings.map((f) => f.id),
    chronicConditions: kb.conditions.filter((c) => c.course === 'chronic').map((c) => c.id),
    recentAcute: kb.conditions.filter((c) => c.course === 'acute').map((c) => c.id),
    embeddingDimension: 0,
  });
  // BENCH_ABLATE=history drops the history inputs, =context also age, sex and season.
  const ablate = process.env['BENCH_ABLATE'] ?? '';
  const row = (e: LakeExample) =>
    sparse(
      layout.build({
        present: ablate === 'findings' ? [] : e.present,
        absent: ablate === 'findings' ? [] : e.absent,
        chronic: ablate === '' || ablate === 'findings' ? e.chronic : [],
        recentAcute: ablate === '' || ablate === 'findings' ? e.recentAcute : [],
        age: ablate === 'context' ? null : e.age,
        sex: ablate === 'context' ? null : e.sex,
        embedding: null,
        date: ablate === 'context' ? new Date(Date.UTC(2020, 3, 1)) : new Date(e.dayMs),
      }),
    );
  const classes = [...new Set(train.map((e) => e.label))].sort();
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  // Early stopping on held-out training patients (a tenth, by hash), never on the test population.
  const heldOut = (e: LakeExample): boolean =>
    (createHash('sha256').update(e.patient).digest()[0] ?? 0) % 10 === 0;
  const fitting = train.filter((e) => !heldOut(e));
  const validation = train.filter(heldOut);
  const labelsOf = (examples: readonly LakeExample[]): Int32Array =>
    Int32Array.from(examples, (e) => classIndex.get(e.label) ?? 0);
  // History inputs are sparse and patient-specific, so they get a stronger penalty than findings.
  const historyStart = kb.findings.length * 2;
  const historyEnd = historyStart + kb.conditions.length;
  const l2 = Float64Array.from({ length: layout.size }, (_, i) =>
    i >= historyStart && i < historyEnd ? 1e-4 : 1e-5,
  );
  const t1 = performance.now();
  const model = fitSoftmax(fitting.map(row), labelsOf(fitting), {
    features: layout.size,
    classes: classes.length,
    l2,
    validation: { rows: validation.map(row), labels: labelsOf(validation) },
  });
  const trainSeconds = (performance.now() - t1) / 1000;
  const learned = test.map((e) => {
    const p = model.predict(row(e));
    const top = topK(p, 3);
    return { top: top.map((i) => classes[i] ?? ''), confidence: p[top[0] ?? 0] ?? 0 };
  });

  const labels = test.map((e) => e.label);
  const kbScore = score(baseline, labels);
  const lrScore = score(learned, labels);
  const perCondition = new Map<string, { n: number; kb: number; lr: number }>();
  test.forEach((e, i) => {
    const c = perCondition.get(e.label) ?? { n: 0, kb: 0, lr: 0 };
    c.n += 1;
    c.kb += baseline[i]?.top.includes(e.label) ? 1 : 0;
    c.lr += learned[i]?.top.includes(e.label) ? 1 : 0;
    perCondition.set(e.label, c);
  });
  for (const [id, c] of [...perCondition].sort((a, b) => b[1].n - a[1].n).slice(0, 40)) {
    process.stderr.write(
      `${id.padEnd(36)} n=${String(c.n).padStart(5)} kb3=${(c.kb / c.n).toFixed(2)} lr3=${(c.lr / c.n).toFixed(2)}\n`,
    );
  }
  const result = {
    bench: 'generate-world',
    worldSeed,
    trainPatients,
    testPatients,
    trainExamples: train.length,
    testExamples: test.length,
    classes: classes.length,
    encountersPerPatient: round(encounters / (trainPatients + testPatients)),
    acuteExamplesPerPatient: round((train.length + test.length) / (trainPatients + testPatients)),
    documentation: documentation(test),
    baseline: { top1: round(kbScore.top1), top3: round(kbScore.top3), ece: round(kbScore.ece) },
    learned: { top1: round(lrScore.top1), top3: round(lrScore.top3), ece: round(lrScore.ece) },
    top3Gain: round(lrScore.top3 - kbScore.top3),
    seconds: { generate: Math.round(generateSeconds), train: Math.round(trainSeconds) },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
