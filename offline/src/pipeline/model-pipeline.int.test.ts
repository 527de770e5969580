import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PATIENT_EMBEDDING_DIMENSION } from '@mediassist/feature-store/definitions';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import {
  createDiagnosisInputLayout,
  createEncoderInputBuilder,
  ModelManifestSchema,
} from '@mediassist/shared/model';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFinalDiagnoses, writeVisitEvents } from '../features/testing/nearline-event-files.js';
import { embedJob } from '../jobs/embed.js';
import { evaluateJob } from '../jobs/evaluate.js';
import { featuresJob } from '../jobs/features.js';
import { generateJob } from '../jobs/generate.js';
import { ingestJob } from '../jobs/ingest.js';
import type { JobContext, JobResult } from '../jobs/job.js';
import { promoteJob } from '../jobs/promote.js';
import { trainJob } from '../jobs/train.js';
import { queryLake } from '../lake/testing/lake-test-kit.js';
import { runJob, testJobContext, writeRuledOut } from './testing/model-test-kit.js';

const kb = loadKnowledgeBase();
let home = '';
let ctx: JobContext;
let lakeDir = '';
const results: Record<string, JobResult> = {};

async function candidate(
  flags: {
    fromProduction?: boolean;
    embed?: Record<string, unknown>;
    train?: Record<string, unknown>;
  } = {},
) {
  const embed = await runJob(ctx, embedJob, {
    ...(flags.fromProduction ? { fromProduction: true } : {}),
    ...flags.embed,
  });
  const version = String(embed['version']);
  const train = await runJob(ctx, trainJob, { version, learningCurve: false, ...flags.train });
  const evaluate = await runJob(ctx, evaluateJob, { version });
  return { version, embed, train, evaluate };
}

const registryFile = (version: string, file: string): string =>
  path.join(home, 'registry', 'models', version, file);

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'model-pipeline-'));
  ctx = testJobContext(home);
  lakeDir = path.join(home, 'lake');
  const out = path.join(home, 'export');
  await runJob(ctx, generateJob, { patients: 1500, out, workers: 0 });
  await runJob(ctx, ingestJob, { input: out });
  await runJob(ctx, featuresJob, { full: true });
  const first = await candidate();
  results['first'] = { ...first.evaluate, trainVersion: first.version };
  results['firstPromote'] = await runJob(ctx, promoteJob, { version: first.version });
}, 900_000);

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('the model pipeline on a generated population', () => {
  it('refuses to promote a version whose model file is corrupt (gate check `loads`), production unchanged', async () => {
    const before = await readFile(path.join(home, 'registry', 'production.json'), 'utf8');
    const broken = await candidate({ fromProduction: true, train: { epochs: 1 } });
    await writeFile(registryFile(broken.version, 'model.onnx'), 'not an onnx model');
    const refused = await runJob(ctx, promoteJob, { version: broken.version });
    expect(refused['action']).toBe('refused');
    expect(JSON.stringify(refused['checks'])).toMatch(/"name":"loads","pass":false/);
    expect(await readFile(path.join(home, 'registry', 'production.json'), 'utf8')).toBe(before);
  });

  it('trains, evaluates against the guideline-only baseline, publishes and promotes a first model', async () => {
    const first = results['first'] ?? {};
    expect(Number(first['top3'])).toBeGreaterThan(Number(first['baseline_top3']));
    expect(Number(first['ece'])).toBeLessThan(0.05);
    expect(results['firstPromote']?.['action']).toBe('promoted');
    const version = String(first['version']);
    const production = JSON.parse(
      await readFile(path.join(home, 'registry', 'production.json'), 'utf8'),
    ) as { version: string };
    expect(production.version).toBe(version);
    for (const file of [
      'model.onnx',
      'encoder.onnx',
      'manifest.json',
      'model-card.md',
      'metrics.json',
      'report.html',
      'parity.json',
    ]) {
      expect(existsSync(registryFile(version, file))).toBe(true);
    }
    const html = await readFile(registryFile(version, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    // Self-contained: no scripts, no external URLs (the SVG namespace is not fetched).
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const card = await readFile(registryFile(version, 'model-card.md'), 'utf8');
    expect(card).toContain('not a diagnosis');
  });

  it('exports artefacts the nearline encoder loader and the online model loader accept', async () => {
    const version = String(results['first']?.['version']);
    const manifest = ModelManifestSchema.parse(
      JSON.parse(await readFile(registryFile(version, 'manifest.json'), 'utf8')),
    );
    expect(manifest.encoder.dimension).toBe(PATIENT_EMBEDDING_DIMENSION);
    expect(manifest.diagnosis.classes.every((c) => kb.condition(c) !== undefined)).toBe(true);
    // Nearline: multi-hot over the vocabulary → [1, 32] float32.
    const encoder = await ort.InferenceSession.create(registryFile(version, 'encoder.onnx'));
    const codes = createEncoderInputBuilder(manifest.encoder)({
      chronic: ['asthma'],
      recentAcute: [],
      rxcuis: [],
      findings: ['cough'],
    });
    const embedding = (
      await encoder.run({
        [manifest.encoder.inputName]: new ort.Tensor('float32', codes, [1, codes.length]),
      })
    )[manifest.encoder.outputName];
    expect(embedding?.dims).toEqual([1, PATIENT_EMBEDDING_DIMENSION]);
    // Online: the manifest's layout, a warm-up input without an embedding → one probability per class.
    const layout = createDiagnosisInputLayout(manifest.diagnosis.input);
    const model = await ort.InferenceSession.create(
      await readFile(registryFile(version, 'model.onnx')),
    );
    const meta = model.inputMetadata[0];
    expect(meta?.isTensor ? meta.shape.at(-1) : undefined).toBe(layout.size);
    const input = layout.build({
      present: ['fever', 'cough'],
      absent: [],
      chronic: [],
      recentAcute: [],
      age: 40,
      sex: 'female',
      embedding: null,
      date: new Date(),
    });
    const output = (
      await model.run({
        [manifest.diagnosis.inputName]: new ort.Tensor('float32', input, [1, layout.size]),
      })
    )[manifest.diagnosis.outputName];
    const p = Array.from(output?.data as Float32Array);
    expect(p).toHaveLength(manifest.diagnosis.classes.length);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    await encoder.release();
    await model.release();
  });

  it("writes every patient's current embedding with the production encoder", async () => {
    const written = await runJob(ctx, embedJob, { write: true });
    const [row] = await queryLake(
      `SELECT count(DISTINCT patient_id) AS n, min(octet_length(value)) AS bytes FROM read_parquet('${lakeDir}/features/patient_embedding/v1/*.parquet')`,
    );
    expect(Number(row?.['n'])).toBe(Number(written['patients']));
    expect(Number(row?.['n'])).toBeGreaterThan(1300);
    expect(Number(row?.['bytes'])).toBe(4 * PATIENT_EMBEDDING_DIMENSION);
  });

  it('refuses a worse candidate, refuses a canary with its own encoder, and starts one on production’s', async () => {
    const weak = await candidate({
      fromProduction: true,
      train: { epochs: 1, hidden: 0, learningRate: 0.00001 },
    });
    const refused = await runJob(ctx, promoteJob, { version: weak.version });
    expect(refused['action']).toBe('refused');
    expect(JSON.stringify(refused['checks'])).toMatch(/"name":"accuracy","pass":false/);

    // The same data and settings give a byte-identical encoder; other settings give another one.
    const ownEncoder = await candidate({ embed: { minDocuments: 2, maxDocuments: 5000 } });
    const canaryOwn = await runJob(ctx, promoteJob, { version: ownEncoder.version, canary: 0.2 });
    expect(canaryOwn['action']).toBe('refused');
    expect(JSON.stringify(canaryOwn['checks'])).toMatch(/"name":"shared-encoder","pass":false/);

    const shared = await candidate({ fromProduction: true });
    const canary = await runJob(ctx, promoteJob, { version: shared.version, canary: 0.2 });
    expect(canary['action']).toBe('canary');
    const pointer = JSON.parse(
      await readFile(path.join(home, 'registry', 'canary.json'), 'utf8'),
    ) as { version: string; share: number };
    expect(pointer).toMatchObject({ version: shared.version, share: 0.2 });
    // Three candidates (embed, train, evaluate each): well over the 60 s default on a shared machine.
  }, 300_000);

  it('retrains on new nearline visits and clinician feedback, and re-evaluates against production', async () => {
    const examples = await queryLake(
      `SELECT patient_id, encounter_id, strftime(visit_date, '%Y-%m-%d') AS day, label, present_findings FROM read_parquet('${lakeDir}/training/examples/examples.parquet') WHERE visit_date < DATE '2025-06-01' ORDER BY encounter_id LIMIT 80`,
    );
    const relabel = examples.slice(0, 30);
    await writeFinalDiagnoses({
      lakeDir,
      feedback: relabel.map((e, i) => ({
        eventId: `fb-final-${String(i)}`,
        patientId: String(e['patient_id']),
        encounterId: String(e['encounter_id']),
        occurredAt: `${String(e['day'])}T12:00:00Z`,
        conditionId: 'acute-bronchitis',
      })),
    });
    const ruled = examples[40];
    await writeRuledOut({
      lakeDir,
      dismissals: [
        {
          eventId: 'fb-ruled-1',
          patientId: String(ruled?.['patient_id']),
          encounterId: String(ruled?.['encounter_id']),
          occurredAt: `${String(ruled?.['day'])}T12:00:00Z`,
          conditionId: String(ruled?.['label']),
        },
      ],
    });
    await writeVisitEvents({
      lakeDir,
      events: examples.slice(50, 80).map((e, i) => ({
        eventId: `ev-${String(i)}`,
        patientId: String(e['patient_id']),
        encounterId: `en_${randomBytes(16).toString('hex')}`,
        occurredAt: '2024-02-10T10:00:00Z',
        present: ['cough', 'fever', 'sore-throat'],
        absent: ['wheeze'],
        diagnoses: [{ conditionId: 'influenza', icd10: null }],
      })),
    });
    await runJob(ctx, featuresJob, { full: true });
    const before = String(results['first']?.['version']);
    const retrained = await candidate({ fromProduction: true });
    const record = JSON.parse(
      await readFile(registryFile(retrained.version, 'training.json'), 'utf8'),
    ) as {
      examples: { fromEvents: number; fromFeedback: number; ruledOut: number; fitted: number };
      snapshotHash: string;
      learningCurve: { examples: number; top1: number; top3: number }[];
      fit: { learningRateDecay: number };
    };
    const previous = JSON.parse(await readFile(registryFile(before, 'training.json'), 'utf8')) as {
      snapshotHash: string;
    };
    expect(record.examples.fromEvents).toBeGreaterThan(0);
    expect(record.examples.fromFeedback).toBeGreaterThan(0);
    expect(record.examples.ruledOut).toBe(1);
    // Trained without the curve's refits: the full model's point only, and the schedule recorded.
    expect(record.learningCurve).toHaveLength(1);
    expect(record.learningCurve[0]?.examples).toBe(record.examples.fitted);
    expect(record.learningCurve[0]?.top3).toBeGreaterThan(0);
    expect(record.fit.learningRateDecay).toBe(0.6);
    expect(record.snapshotHash).not.toBe(previous.snapshotHash);
    expect(
      Buffer.compare(
        await readFile(registryFile(retrained.version, 'model.onnx')),
        await readFile(registryFile(before, 'model.onnx')),
      ),
    ).not.toBe(0);
    expect(Number(retrained.evaluate['top3'])).toBeGreaterThan(0);
    const promote = await runJob(ctx, promoteJob, { version: retrained.version });
    expect(promote['production']).toMatchObject({ version: before });
    expect(['promoted', 'refused']).toContain(promote['action']);
  });
});
