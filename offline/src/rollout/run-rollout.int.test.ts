/**
 * The rollout command on a real registry folder, a real lake feedback table (Parquet read by
 * DuckDB) and two stand-in replicas' /metrics over loopback HTTP; then the CLI end to end.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createFileModelRegistry,
  type ModelRegistry,
} from '@mediassist/feature-store/model-registry';
import type { ModelManifest } from '@mediassist/shared/model';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDbSession, type DuckDbSession } from '../lake/duckdb-session.js';
import { queryLake, silentLogger } from '../lake/testing/lake-test-kit.js';
import { readFeedbackByVersion } from './feedback-acceptance.js';
import { runRollout, type RolloutDeps } from './run-rollout.js';
import { scrapeReplicas } from './scrape-metrics.js';

const PROD = '2026.11.01-1';
const CANARY = '2026.11.20-1';
const API_KEY = 'mak_test_rollout_metrics_key';

function manifest(version: string): ModelManifest {
  return {
    version,
    createdAt: '2026-11-22T10:00:00.000Z',
    kbVersion: '1.0.0',
    trainingData: {
      snapshotHash: 'abcdef0123',
      examples: 10,
      from: '2020-01-01',
      to: '2026-10-31',
    },
    encoder: {
      file: 'encoder.onnx',
      inputName: 'codes',
      outputName: 'embedding',
      vocabulary: ['c:asthma'],
      dimension: 2,
    },
    diagnosis: {
      file: 'model.onnx',
      inputName: 'features',
      outputName: 'probabilities',
      input: { findings: ['fever'], chronicConditions: [], recentAcute: [], embeddingDimension: 2 },
      classes: ['uti', 'influenza'],
      temperature: 1.2,
    },
    metrics: { top3: 0.8 },
  };
}

/** One replica's /metrics: answers per version (all from the model) and a latency histogram. */
function metricsText(
  perVersion: Record<string, { answers: number; fallbacks: number; slow: number }>,
): string {
  const lines: string[] = [];
  for (const [version, { answers, fallbacks, slow }] of Object.entries(perVersion)) {
    const labels = `model_version="${version}",model_role="${version === PROD ? 'production' : 'canary'}"`;
    lines.push(
      `mediassist_assist_model_requests_total{${labels},outcome="model"} ${String(answers - fallbacks)}`,
      `mediassist_assist_model_requests_total{${labels},outcome="model-timeout"} ${String(fallbacks)}`,
      `mediassist_assist_model_duration_seconds_bucket{le="0.025",${labels}} ${String(answers - slow)}`,
      `mediassist_assist_model_duration_seconds_bucket{le="0.1",${labels}} ${String(answers)}`,
      `mediassist_assist_model_duration_seconds_bucket{le="+Inf",${labels}} ${String(answers)}`,
      `mediassist_assist_model_duration_seconds_sum{${labels}} ${String(answers * 0.01)}`,
      `mediassist_assist_model_duration_seconds_count{${labels}} ${String(answers)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

let home: string;
let registry: ModelRegistry;
let session: DuckDbSession;
const servers: Server[] = [];
const urls: string[] = [];
let served = '';

async function writeFeedback(options: {
  version: string;
  accepted: number;
  dismissed: number;
  at: Date;
}): Promise<void> {
  const dir = path.join(home, 'lake', 'feedback', `date=${options.at.toISOString().slice(0, 10)}`);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `part-${options.version}-${String(options.at.getTime())}.parquet`);
  const n = options.accepted + options.dismissed;
  await queryLake(
    `COPY (SELECT 'ev-' || i AS event_id, 'pt_' || lpad(CAST(i AS VARCHAR), 32, '0') AS patient_id, '${options.version}' AS model_version, CASE WHEN i < ${String(options.accepted)} THEN 'accepted' ELSE 'dismissed' END AS action, 'condition' AS suggestion_kind, 'influenza' AS suggestion_id, make_timestamptz(${String(options.at.getTime())} * 1000) AS occurred_at FROM range(${String(n)}) t(i)) TO '${file}' (FORMAT parquet)`,
  );
}

function deps(): RolloutDeps {
  return {
    registry,
    readFeedback: (since) =>
      readFeedbackByVersion({
        connection: session.connection,
        lakeDir: path.join(home, 'lake'),
        since,
      }),
    scrape: () => scrapeReplicas({ urls, apiKey: API_KEY }),
    logger: silentLogger,
  };
}

beforeAll(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'rollout-'));
  session = await openDuckDbSession({ tempDirectory: path.join(home, 'work'), threads: 1 });
  for (let i = 0; i < 2; i++) {
    const server = createServer((req, res) => {
      if (req.headers['x-api-key'] !== API_KEY) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end(served);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    urls.push(
      `http://127.0.0.1:${String(typeof address === 'object' && address ? address.port : 0)}/metrics`,
    );
    servers.push(server);
  }
});

afterAll(async () => {
  session.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await rm(home, { recursive: true, force: true });
});

beforeEach(async () => {
  await rm(path.join(home, 'registry'), { recursive: true, force: true });
  await rm(path.join(home, 'lake'), { recursive: true, force: true });
  registry = createFileModelRegistry({ root: path.join(home, 'registry') });
  const artefact = path.join(home, 'model.bin');
  await writeFile(artefact, 'onnx-bytes');
  for (const version of [PROD, CANARY]) {
    await registry.publish({ manifest: manifest(version), files: { 'model.onnx': artefact } });
  }
  await registry.promote({ version: PROD, reason: 'first' });
  served = '';
});

describe('rollout', () => {
  it('starts a canary, refuses to promote it on too little data, promotes it once it is not worse', async () => {
    const started = await runRollout(deps(), { action: 'canary', version: CANARY, share: 0.1 });
    expect(started).toMatchObject({ action: 'canary', canary: { version: CANARY, share: 0.1 } });

    served = metricsText({
      [PROD]: { answers: 500, fallbacks: 10, slow: 5 },
      [CANARY]: { answers: 40, fallbacks: 1, slow: 0 },
    });
    await expect(runRollout(deps(), { action: 'promote' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('insufficient-data') as unknown,
    });

    const later = new Date(Date.now() + 1_000);
    await writeFeedback({ version: PROD, accepted: 600, dismissed: 400, at: later });
    await writeFeedback({ version: CANARY, accepted: 65, dismissed: 35, at: later });
    // Feedback from before the canary started is not counted.
    await writeFeedback({
      version: CANARY,
      accepted: 0,
      dismissed: 500,
      at: new Date('2026-01-01T00:00:00Z'),
    });
    served = metricsText({
      [PROD]: { answers: 2000, fallbacks: 40, slow: 20 },
      [CANARY]: { answers: 150, fallbacks: 3, slow: 1 },
    });
    const status = await runRollout(deps(), { action: 'status' });
    expect(status).toMatchObject({
      production: { version: PROD },
      canary: { version: CANARY, share: 0.1 },
      comparison: {
        production: {
          version: PROD,
          feedback: { accepted: 600, dismissed: 400 },
          serving: { answers: 4000 },
        },
        canary: {
          version: CANARY,
          feedback: { accepted: 65, dismissed: 35 },
          serving: { answers: 300 },
        },
        verdict: { verdict: 'not-worse' },
        replicas: { scraped: 2, failed: [] },
      },
    });

    const promoted = await runRollout(deps(), { action: 'promote' });
    expect(promoted).toMatchObject({ production: { version: CANARY, previous: PROD } });
    expect(await registry.canary()).toBeNull();
    expect((await registry.history()).map((e) => e.action).slice(-3)).toEqual([
      'canary-start',
      'promote',
      'canary-stop',
    ]);
  });

  it('refuses to promote a worse canary unless forced; rollback ends the canary, then production', async () => {
    await runRollout(deps(), { action: 'canary', version: CANARY, share: 0.2 });
    served = metricsText({
      [PROD]: { answers: 2000, fallbacks: 20, slow: 10 },
      [CANARY]: { answers: 500, fallbacks: 60, slow: 100 },
    });
    await expect(runRollout(deps(), { action: 'promote' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: expect.arrayContaining([
        { path: 'canary', issue: expect.stringContaining('fallback rate') as unknown },
        { path: 'canary', issue: expect.stringContaining('p95 latency') as unknown },
      ]) as unknown,
    });
    expect((await registry.production())?.version).toBe(PROD);

    expect(await runRollout(deps(), { action: 'rollback' })).toEqual({
      action: 'rollback',
      stopped: 'canary',
      version: CANARY,
    });
    expect(await registry.canary()).toBeNull();
    expect((await registry.production())?.version).toBe(PROD);

    await runRollout(deps(), { action: 'promote', version: CANARY, force: true });
    expect((await registry.production())?.version).toBe(CANARY);
    const back = await runRollout(deps(), { action: 'rollback' });
    expect(back).toMatchObject({
      stopped: 'production',
      production: { version: PROD, previous: CANARY },
    });
  });

  it('reports a replica that does not answer instead of failing status', async () => {
    await runRollout(deps(), { action: 'canary', version: CANARY, share: 0.1 });
    const status = await runRollout(
      {
        ...deps(),
        scrape: () =>
          scrapeReplicas({
            urls: [...urls, 'http://127.0.0.1:9/metrics'],
            apiKey: API_KEY,
            timeoutMs: 2_000,
          }),
      },
      { action: 'status' },
    );
    expect(status).toMatchObject({
      comparison: {
        replicas: { scraped: 2, failed: [expect.stringContaining('127.0.0.1:9') as unknown] },
      },
    });
    await expect(
      runRollout(deps(), { action: 'canary', version: PROD, share: 0.1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

const offlineRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    ['--conditions=@mediassist/source', '--import', 'tsx', 'src/main.ts', ...args],
    {
      cwd: offlineRoot,
      encoding: 'utf8',
      env: { ...process.env, MEDIASSIST_HOME: home, LOG_LEVEL: 'warn', ONLINE_METRICS_URLS: '' },
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run offline -- rollout', () => {
  it('runs canary, status and rollback as one command each', { timeout: 180_000 }, () => {
    const canary = cli(['rollout', 'canary', '--version', CANARY, '--share', '0.1']);
    expect(canary.status, canary.stderr).toBe(0);
    expect(JSON.parse(canary.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({
      canary: { version: CANARY, share: 0.1 },
    });
    const status = cli(['rollout', 'status']);
    expect(status.status, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({
      production: { version: PROD },
      canary: { version: CANARY },
      comparison: { verdict: { verdict: 'insufficient-data' } },
    });
    const rollback = cli(['rollout', 'rollback']);
    expect(rollback.status, rollback.stderr).toBe(0);
    const bad = cli(['rollout', 'sideways']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--_: .*status, canary, promote, rollback/);
  });
});
