import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PATIENT_EMBEDDING_DIMENSION } from '@mediassist/feature-store/definitions';
import {
  createFileModelRegistry,
  type ModelRegistry,
} from '@mediassist/feature-store/model-registry';
import { testPatientId } from '@mediassist/feature-store/testing';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { createLogger } from '@mediassist/shared/logger';
import type { ModelManifest } from '@mediassist/shared/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visitEvent } from '../testing/events.js';
import { createHarness, metricValue } from '../testing/harness.js';
import { redisUrl } from '../testing/redis-url.js';
import { createRegistryEncoderSource, type EncoderLoadEvent } from './registry-encoder-source.js';
import { writeTestEncoder } from './testing/onnx-encoder-model.js';

const VOCABULARY = ['c:hypertension', 'm:29046', 'f:fever', 'f:cough'];
const D = PATIENT_EMBEDDING_DIMENSION;
let dir: string;
let registry: ModelRegistry;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nearline-registry-'));
  registry = createFileModelRegistry({ root: path.join(dir, 'registry') });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function manifest(version: string, dimension = D): ModelManifest {
  return {
    version,
    createdAt: '2026-11-20T00:00:00.000Z',
    kbVersion: '0.3.0',
    trainingData: {
      snapshotHash: 'abcdef0123',
      examples: 10,
      from: '2026-01-01',
      to: '2026-11-01',
    },
    encoder: {
      file: 'encoder.onnx',
      inputName: 'codes',
      outputName: 'embedding',
      vocabulary: VOCABULARY,
      dimension,
    },
    diagnosis: {
      file: 'model.onnx',
      inputName: 'x',
      outputName: 'p',
      input: {
        findings: [],
        chronicConditions: [],
        recentAcute: [],
        embeddingDimension: dimension,
      },
      classes: ['a', 'b'],
      temperature: 1,
    },
    metrics: {},
  };
}

/** Publishes and promotes a version whose token i maps to the vector (scale × (i + 1)) in every column. */
async function promote(
  version: string,
  options: { scale?: number; dimension?: number; broken?: boolean } = {},
) {
  const dimension = options.dimension ?? D;
  const encoder = path.join(dir, `${version}-encoder.onnx`);
  if (options.broken) {
    await writeFile(encoder, 'not an onnx model');
  } else {
    await writeTestEncoder(encoder, {
      vocabulary: VOCABULARY,
      dimension,
      weight: (row) => (options.scale ?? 1) * (row + 1),
    });
  }
  await registry.publish({
    manifest: manifest(version, dimension),
    files: { 'encoder.onnx': encoder, 'model.onnx': encoder },
  });
  await registry.promote({ version, reason: 'test' });
}

function source(events: EncoderLoadEvent[] = []) {
  return createRegistryEncoderSource({
    registry,
    expectedDimension: D,
    logger: createLogger({ name: 'encoder-test', level: 'silent' }),
    pollIntervalMs: 0,
    onEvent: (event) => events.push(event),
  });
}

describe('registry encoder source (real onnxruntime, real registry folder)', () => {
  it('has no encoder until a model is promoted, then embeds with the manifest vocabulary', async () => {
    const encoders = source();
    await encoders.refresh();
    expect(encoders.current()).toBeNull();
    await promote('v1');
    await encoders.refresh();
    const encoder = encoders.current();
    expect(encoder?.version).toBe('v1');
    const vector = await encoder!.embed({
      chronic: ['hypertension'],
      recentAcute: [],
      rxcuis: ['29046'],
      findings: ['cough', 'unknown'],
    });
    expect(vector).toHaveLength(D);
    expect(Array.from(vector.slice(0, 3))).toEqual([1 + 2 + 4, 1 + 2 + 4, 1 + 2 + 4]);
    await encoders.close();
  });

  it('swaps to a newly promoted version and keeps the last good one when the next fails to load', async () => {
    const events: EncoderLoadEvent[] = [];
    const encoders = source(events);
    await promote('v1');
    await encoders.refresh();
    await promote('v2', { scale: 10 });
    await encoders.refresh();
    expect(encoders.current()?.version).toBe('v2');
    expect(
      (
        await encoders
          .current()!
          .embed({ chronic: [], recentAcute: [], rxcuis: [], findings: ['fever'] })
      )[0],
    ).toBe(30);
    await promote('v3', { broken: true });
    await encoders.refresh();
    await promote('v4', { dimension: 8 });
    await encoders.refresh();
    expect(encoders.current()?.version).toBe('v2');
    expect(events).toEqual([
      { kind: 'loaded', version: 'v1' },
      { kind: 'loaded', version: 'v2' },
      { kind: 'failed', version: 'v3', code: 'MODEL_INVALID' },
      { kind: 'failed', version: 'v4', code: 'MODEL_INVALID' },
    ]);
    await encoders.close();
  });

  it('re-embeds a patient during a refresh with the production encoder', async () => {
    await promote('v1');
    const encoders = source();
    await encoders.refresh();
    const h = createHarness({ redisUrl: redisUrl(), kb: loadKnowledgeBase() });
    try {
      const P = testPatientId(301);
      await h.intake.submit(
        visitEvent({
          patientId: P,
          occurredAt: new Date().toISOString(),
          findings: { present: ['fever'], absent: [] },
        }),
      );
      const processor = h.processor({ deriver: h.deriver({ encoder: () => encoders.current() }) });
      await processor(h.job(P));
      const { features } = await h.store.read(P, ['patient_embedding']);
      expect(features.patient_embedding.status).toBe('fresh');
      expect(
        features.patient_embedding.status === 'fresh'
          ? Array.from(features.patient_embedding.value.slice(0, 2))
          : [],
      ).toEqual([3, 3]);
      expect(
        await metricValue(h.metrics, 'nearline_derived_views_total', {
          view: 'patient_embedding',
          outcome: 'embedded',
        }),
      ).toBe(1);
    } finally {
      await h.close();
      await encoders.close();
    }
  });
});
