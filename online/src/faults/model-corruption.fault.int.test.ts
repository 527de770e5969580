/**
 * Fault: the production model's file is corrupted under load, then a corrupt version is promoted,
 * then the registry's production pointer and files are removed. The real online process keeps
 * serving the last good model (a failed load never replaces it) and never answers 5xx.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ModelRegistry } from '@mediassist/feature-store/model-registry';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { writeFaultResult } from '@mediassist/tooling/fault-report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullInputSpec } from '../assist/testing/assist-fixture.js';
import { publishTestModel, testManifest } from '../model/testing/test-model.js';
import { countSamples, startAssistLoad } from '../testing/assist-load.js';
import { startOnlineProcess, type OnlineProcess } from '../testing/online-process.js';
import { redisUrl } from '../testing/redis-url.js';
import { promoteServingModel } from '../testing/serving-model.js';

const SCENARIO = 'online: production model file corrupted, corrupt version promoted';
const kb = loadKnowledgeBase();
const BODY = {
  patient: { pseudonym: `pt_${'e'.repeat(32)}` },
  findings: { present: ['cough'], absent: [] },
  age: 60,
  sex: 'male',
};

let home = '';
let registry: ModelRegistry;
let online: OnlineProcess | undefined;

beforeAll(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'fault-online-model-'));
  registry = await promoteServingModel({
    kb,
    registryDir: path.join(home, 'registry'),
    version: 'good-v1',
  });
  online = await startOnlineProcess({
    home,
    redisUrl: redisUrl(),
    env: {
      MODEL_POLL_MS: '200',
      ASSIST_FEATURE_TIMEOUT_MS: '1000',
      ASSIST_MODEL_TIMEOUT_MS: '2000',
      RATE_LIMIT_BURST: '100000',
      RATE_LIMIT_PER_SECOND: '100000',
      REDIS_KEY_PREFIX: `fault-model-${String(process.pid)}:`,
      LOG_LEVEL: 'warn',
    },
  });
});

afterAll(async () => {
  await online?.stop();
  await rm(home, { recursive: true, force: true });
});

async function failedLoads(service: OnlineProcess): Promise<number> {
  const text = await (
    await fetch(`${service.base}/metrics`, {
      headers: { 'X-API-Key': service.keys['admin'] ?? '' },
    })
  ).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith('mediassist_model_loads_total') && l.includes('outcome="failed"'));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await sleep(100);
  }
}

describe(SCENARIO, () => {
  it('keeps serving the last good model; no 5xx', async () => {
    const started = Date.now();
    const service = online as OnlineProcess;
    const load = startAssistLoad({
      base: service.base,
      apiKey: service.keys['clinician'] ?? '',
      body: BODY,
      concurrency: 3,
      maxRequests: 20_000,
    });
    await until(() => Promise.resolve(load.samples.some((s) => s.tier === 'model')), 60_000);

    // 1. The serving version's file is overwritten on disk (the loaded model stays in memory).
    const manifest = await registry.manifest('good-v1');
    await writeFile(registry.layout.artifact('good-v1', manifest.diagnosis.file), 'garbage');
    // 2. A corrupt version is published and promoted: the service tries it and keeps good-v1.
    await publishTestModel({
      registry,
      manifest: testManifest({
        version: 'corrupt-v2',
        input: fullInputSpec(kb),
        classes: kb.conditions.map((c) => c.id),
        kbVersion: kb.version,
      }),
      bytes: new TextEncoder().encode('not an onnx model'),
    });
    await registry.promote({ version: 'corrupt-v2', reason: 'fault injection' });
    await until(async () => (await failedLoads(service)) >= 1, 30_000);
    const afterFailure = Date.now();
    await until(
      () => Promise.resolve(load.samples.filter((s) => s.startedAt > afterFailure).length >= 20),
      30_000,
    );
    const samples = await load.stop();

    const counts = countSamples(samples);
    const versions = new Set(samples.map((s) => `${String(s.tier)}:${String(s.modelVersion)}`));
    writeFaultResult({
      scenario: SCENARIO,
      ...counts,
      note: `served ${[...versions].join(', ')} throughout; ${String(await failedLoads(service))} failed load(s) of corrupt-v2 counted`,
      durationMs: Date.now() - started,
    });
    expect(counts.lost).toBe(0);
    expect(counts.duplicated).toBe(0);
    expect([...versions]).toEqual(['model:good-v1']);
  });
});
