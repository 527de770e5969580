/**
 * The built services on a Redis Cluster chosen by configuration alone: a local 3-master cluster,
 * `online/dist/main.js` and `nearline/dist/main.js` started with REDIS_CLUSTER_NODES (no REDIS_URL).
 * A visit event accepted by online is refreshed by nearline into the online store (on the cluster),
 * the patient record and an assist answer read those features, and both processes stop cleanly.
 * Needs the build (`npm run build`; CI's set-up builds before the tests).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '@mediassist/tooling/free-port';
import {
  startLocalRedisCluster,
  type LocalRedisCluster,
} from '@mediassist/tooling/local-redis-cluster';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ONLINE_MAIN = path.join(ROOT, 'online/dist/main.js');
const NEARLINE_MAIN = path.join(ROOT, 'nearline/dist/main.js');
const PREFIX = 'cfgcluster:';
const PATIENT = `pt_${'e'.repeat(32)}`;

interface Service {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  output(): string;
}

const home = mkdtempSync(path.join(tmpdir(), 'services-on-cluster-'));
let cluster: LocalRedisCluster;
const services: Service[] = [];

function start(main: string, env: Record<string, string>): Service {
  const child = spawn(process.execPath, [main], {
    cwd: path.dirname(path.dirname(main)),
    // No REDIS_URL: the cluster must be chosen by REDIS_CLUSTER_NODES alone.
    env: { ...process.env, REDIS_URL: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const service = { child, exited, output: () => output };
  services.push(service);
  return service;
}

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}:\n${services.map((s) => s.output().slice(-1500)).join('\n---\n')}`,
      );
    }
    await sleep(100);
  }
}

beforeAll(async () => {
  for (const main of [ONLINE_MAIN, NEARLINE_MAIN]) {
    if (!existsSync(main)) {
      throw new Error(`${main} is missing: run \`npm run build\` first`);
    }
  }
  cluster = await startLocalRedisCluster({ dataDir: path.join(home, 'redis'), masters: 3 });
});

afterAll(async () => {
  for (const service of services) {
    service.child.kill('SIGKILL');
  }
  await cluster.stop();
  rmSync(home, { recursive: true, force: true });
});

describe('online and nearline with REDIS_CLUSTER_NODES', () => {
  it('carry a visit event through the cluster into the patient record and the assist answer', async () => {
    const nodes = cluster.startupNodes.map((n) => `${n.host}:${String(n.port)}`).join(',');
    const common = { REDIS_CLUSTER_NODES: nodes, REDIS_KEY_PREFIX: PREFIX, LOG_LEVEL: 'info' };
    const nearline = start(NEARLINE_MAIN, {
      ...common,
      MEDIASSIST_HOME: path.join(home, 'nearline'),
      METRICS_PORT: '0',
      LAKE_FLUSH_MS: '500',
    });
    const port = await freePort();
    const online = start(ONLINE_MAIN, {
      ...common,
      MEDIASSIST_HOME: path.join(home, 'online'),
      PORT: String(port),
    });
    const base = `http://127.0.0.1:${String(port)}`;
    // Ready means Redis answered a PING through the cluster client.
    await until('online ready', async () =>
      (await fetch(`${base}/readyz`)).ok ? true : undefined,
    );
    await until('nearline ready', () =>
      Promise.resolve(nearline.output().includes('"nearline ready"') ? true : undefined),
    );
    const keys = (
      JSON.parse(readFileSync(path.join(home, 'online/secrets/local-api-keys.json'), 'utf8')) as {
        keys: Record<string, string>;
      }
    ).keys;
    const headers = {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${keys['clinician'] ?? ''}`,
    };

    expect((await fetch(`${base}/api/v1/patients/${PATIENT}`, { headers })).status).toBe(404);
    const accepted = await fetch(`${base}/api/v1/events/visit`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        eventId: '0f1e2d3c-4b5a-4697-8877-665544332211',
        patient: { pseudonym: PATIENT },
        encounter: { pseudonym: `en_${'f'.repeat(32)}` },
        occurredAt: '2026-11-22T09:30:00Z',
        findings: { present: ['fever', 'cough'] },
      }),
    });
    expect(accepted.status).toBe(202);

    // Nearline refreshes the patient; the record answers 200 once features are stored.
    const record = await until('the patient record', async () => {
      const response = await fetch(`${base}/api/v1/patients/${PATIENT}`, { headers });
      return response.status === 200
        ? ((await response.json()) as Record<string, unknown>)
        : undefined;
    });
    expect(record).toMatchObject({ patientId: PATIENT });

    const assist = await fetch(`${base}/api/v1/assist`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ patient: { pseudonym: PATIENT }, findings: { present: ['fever'] } }),
    });
    expect(assist.status).toBe(200);
    const answer = (await assist.json()) as {
      provenance: { features: { read: string; views: Record<string, { status: string }> } };
    };
    expect(answer.provenance.features.read).toBe('ok');
    const fresh = Object.entries(answer.provenance.features.views).filter(
      ([, view]) => view.status === 'fresh',
    );
    expect(fresh.length).toBeGreaterThan(0);

    // The features are on the cluster, in the patient's hash-tagged key.
    const client = new Cluster([...cluster.startupNodes]);
    try {
      expect(await client.exists(`${PREFIX}fs:{${PATIENT}}`)).toBe(1);
    } finally {
      client.disconnect();
    }

    online.child.kill('SIGTERM');
    nearline.child.kill('SIGTERM');
    expect(await online.exited).toBe(0);
    expect(await nearline.exited).toBe(0);
  }, 90_000);
});
