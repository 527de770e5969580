/**
 * Fault: Redis is killed (SIGKILL) under an assist load and restarted on its AOF. The real online
 * process keeps answering — `guidelines-only` (features-unavailable) while Redis is down, back to
 * `model` after — with zero 5xx and zero dropped requests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { writeFaultResult } from '@mediassist/tooling/fault-report';
import { startLocalRedis, type LocalRedis } from '@mediassist/tooling/local-redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSamples, startAssistLoad, type AssistSample } from '../testing/assist-load.js';
import { startOnlineProcess, type OnlineProcess } from '../testing/online-process.js';
import { promoteServingModel } from '../testing/serving-model.js';

const SCENARIO = 'online: Redis SIGKILLed and restarted under assist load';
const BODY = {
  patient: { pseudonym: `pt_${'f'.repeat(32)}` },
  findings: { present: ['cough', 'fever'], absent: [] },
  age: 42,
  sex: 'female',
};

let home = '';
let redis: LocalRedis | undefined;
let online: OnlineProcess | undefined;

beforeAll(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'fault-online-redis-'));
  redis = await startLocalRedis({ dataDir: path.join(home, 'redis') });
  await promoteServingModel({
    kb: loadKnowledgeBase(),
    registryDir: path.join(home, 'registry'),
    version: 'fault-v1',
  });
  online = await startOnlineProcess({
    home,
    redisUrl: redis.url,
    env: {
      // Generous deadlines: a loaded CI machine must not turn a slow answer into a fallback.
      ASSIST_FEATURE_TIMEOUT_MS: '1000',
      ASSIST_MODEL_TIMEOUT_MS: '2000',
      RATE_LIMIT_BURST: '100000',
      RATE_LIMIT_PER_SECOND: '100000',
      LOG_LEVEL: 'warn',
    },
  });
});

afterAll(async () => {
  await online?.stop();
  await redis?.stop();
  await rm(home, { recursive: true, force: true });
});

async function waitFor<T>(check: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await sleep(50);
  }
}

describe(SCENARIO, () => {
  it('answers every request: model → guidelines-only while down → model again; no 5xx', async () => {
    const started = Date.now();
    const service = online as OnlineProcess;
    const server = redis as LocalRedis;
    const load = startAssistLoad({
      base: service.base,
      apiKey: service.keys['clinician'] ?? '',
      body: BODY,
      concurrency: 4,
      maxRequests: 20_000,
    });
    const after = (from: number, pick: (s: AssistSample) => boolean) => () => {
      const recent = load.samples.filter((s) => s.startedAt >= from);
      return recent.length >= 10 && recent.slice(-10).every(pick) ? recent : undefined;
    };
    // Up: the model answers.
    await waitFor(
      after(started, (s) => s.tier === 'model'),
      60_000,
    );

    await server.kill();
    const killedAt = Date.now();
    // Down: guidelines-only, because the features cannot be read.
    await waitFor(
      after(killedAt + 200, (s) => s.tier === 'guidelines-only'),
      30_000,
    );
    await sleep(1_500);

    redis = await startLocalRedis({ dataDir: server.dataDir, port: server.port });
    const restartedAt = Date.now();
    await waitFor(
      after(restartedAt, (s) => s.tier === 'model'),
      60_000,
    );
    const samples = await load.stop();

    const counts = countSamples(samples);
    const down = samples.filter((s) => s.startedAt > killedAt + 200 && s.endedAt < restartedAt);
    const downTiers = new Set(down.map((s) => `${String(s.tier)}/${String(s.fallbackReason)}`));
    writeFaultResult({
      scenario: SCENARIO,
      ...counts,
      note: `${String(down.length)} answered while down, all ${[...downTiers].join(', ')}; model tier before and after`,
      durationMs: Date.now() - started,
    });

    expect(counts.lost).toBe(0);
    expect(counts.duplicated).toBe(0);
    expect(samples.filter((s) => s.status !== 200)).toEqual([]);
    expect(down.length).toBeGreaterThan(0);
    expect([...downTiers]).toEqual(['guidelines-only/features-unavailable']);
    expect(service.output()).not.toContain('"level":50');
    // Every line is a structured log line: no library printed its errors around the logger.
    expect(
      service
        .output()
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('{')),
    ).toEqual([]);
  });
});
