/**
 * The multi-process mode for real: serve-cluster.ts with WEB_CONCURRENCY=2 on one port and a real
 * Redis — both workers listen, the primary's endpoint adds their metrics up, a killed worker is
 * replaced while the port keeps answering, and SIGTERM stops every process cleanly.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '@mediassist/tooling/free-port';
import { afterAll, describe, expect, it } from 'vitest';
import { redisUrl } from '../testing/redis-url.js';

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const home = mkdtempSync(path.join(tmpdir(), 'online-cluster-'));
afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await sleep(100);
  }
}

describe('serve-cluster.ts (node:cluster, WEB_CONCURRENCY=2)', () => {
  it('serves one port from two workers, sums their metrics, replaces a dead worker, stops on SIGTERM', async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    const child = spawn(
      process.execPath,
      ['--conditions=@mediassist/source', '--import', 'tsx', 'src/serve-cluster.ts'],
      {
        cwd: PACKAGE_DIR,
        env: {
          ...process.env,
          REDIS_URL: redisUrl(),
          MEDIASSIST_HOME: home,
          PORT: String(port),
          WEB_CONCURRENCY: '2',
          CLUSTER_METRICS_PORT: String(metricsPort),
          CLUSTER_RESTART_DELAY_MS: '100',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const lines: Record<string, unknown>[] = [];
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const part of parts) {
        try {
          lines.push(JSON.parse(part) as Record<string, unknown>);
        } catch {
          // not a log line
        }
      }
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const listening = () =>
      lines.filter((l) => l['msg'] === 'worker listening').map((l) => Number(l['pid']));
    try {
      await until(() => listening().length === 2, 'two workers');
      const workers = listening();
      expect(new Set(workers).size).toBe(2);
      const base = `http://127.0.0.1:${String(port)}`;
      const keys = JSON.parse(
        readFileSync(path.join(home, 'secrets', 'local-api-keys.json'), 'utf8'),
      ) as { keys: Record<string, string> };
      const clinician = { 'X-API-Key': keys.keys['clinician'] ?? '' };
      for (let i = 0; i < 20; i++) {
        expect((await fetch(`${base}/api/v1/kb/search?q=a`, { headers: clinician })).status).toBe(
          200,
        );
      }
      const summed = await (await fetch(`http://127.0.0.1:${String(metricsPort)}/metrics`)).text();
      const searchLine = summed
        .split('\n')
        .find(
          (l) =>
            l.startsWith('mediassist_http_requests_total{') &&
            l.includes('route="/api/v1/kb/search"') &&
            l.includes('status="200"'),
        );
      expect(Number(searchLine?.split(' ').at(-1))).toBe(20);

      process.kill(workers[0] ?? -1, 'SIGKILL');
      await until(() => listening().length === 3, 'a replacement worker');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(listening().every((pid) => !alive(pid))).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
