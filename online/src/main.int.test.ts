/** The composition root for real: a child process with a real Redis, local keys and SIGTERM. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@mediassist/tooling/free-port';
import { afterAll, describe, expect, it } from 'vitest';
import { redisUrl } from './testing/redis-url.js';

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const home = mkdtempSync(path.join(tmpdir(), 'online-main-'));
afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

async function waitForHealth(base: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      throw new Error('online service did not become healthy');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('online main.ts', () => {
  it('serves with local keys and a real Redis, then stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['--conditions=@mediassist/source', '--import', 'tsx', 'src/main.ts'],
      {
        cwd: PACKAGE_DIR,
        env: {
          ...process.env,
          REDIS_URL: redisUrl(),
          MEDIASSIST_HOME: home,
          PORT: String(port),
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    const base = `http://127.0.0.1:${String(port)}`;
    await waitForHealth(base, 30_000);
    const credentials = JSON.parse(
      readFileSync(path.join(home, 'secrets', 'local-api-keys.json'), 'utf8'),
    ) as { keys: Record<string, string> };
    const clinician = { 'X-API-Key': credentials.keys['clinician'] ?? '' };

    const search = await fetch(`${base}/api/v1/kb/search?q=a`, { headers: clinician });
    expect(search.status).toBe(200);
    expect(await fetch(`${base}/api/v1/kb/search?q=a`)).toHaveProperty('status', 401);
    const ready = (await (await fetch(`${base}/readyz`)).json()) as {
      components: Record<string, { state: string }>;
    };
    expect(ready.components['redis']?.state).toBe('up');
    const metrics = await fetch(`${base}/metrics`, {
      headers: { 'X-API-Key': credentials.keys['data-scientist'] ?? '' },
    });
    expect(await metrics.text()).toContain('process_cpu_user_seconds_total');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    for (const key of Object.values(credentials.keys)) {
      expect(output).not.toContain(key);
    }
  });

  it('refuses to start on invalid configuration, naming the variable', async () => {
    const child = spawn(
      process.execPath,
      ['--conditions=@mediassist/source', '--import', 'tsx', 'src/main.ts'],
      {
        cwd: PACKAGE_DIR,
        env: { ...process.env, REDIS_URL: 'http://not-redis', MEDIASSIST_HOME: home, PORT: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('CONFIG_INVALID');
    expect(output).toContain('REDIS_URL');
  });
});
