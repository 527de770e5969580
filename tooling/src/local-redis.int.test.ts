import { readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalRedis, type LocalRedis } from './local-redis.js';
import { stateDir } from './state-dir.js';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The process group id from /proc/<pid>/stat (the field after the state, past the command). */
function processGroupOf(pid: number): number {
  const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[2]);
}

describe('startLocalRedis', () => {
  const started: LocalRedis[] = [];
  afterEach(async () => {
    for (const redis of started.splice(0)) {
      await redis.stop();
      rmSync(redis.dataDir, { recursive: true, force: true });
    }
  });

  it('starts a loopback redis-server with noeviction and AOF, and stops it without a trace', async () => {
    const local = await startLocalRedis({ dataDir: stateDir('test-redis', randomUUID()) });
    started.push(local);
    const client = new Redis(local.url);
    try {
      expect(await client.config('GET', 'maxmemory-policy')).toEqual([
        'maxmemory-policy',
        'noeviction',
      ]);
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      expect(await client.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
    } finally {
      client.disconnect();
    }
    await local.stop();
    expect(processAlive(local.pid)).toBe(false);
  });

  it('runs Redis in its own process group when asked (the launcher), so a Ctrl-C does not stop it before the services', async () => {
    const own = await startLocalRedis({
      dataDir: stateDir('test-redis', randomUUID()),
      ownProcessGroup: true,
    });
    started.push(own);
    expect(processGroupOf(own.pid)).toBe(own.pid);
    const shared = await startLocalRedis({ dataDir: stateDir('test-redis', randomUUID()) });
    started.push(shared);
    expect(processGroupOf(shared.pid)).toBe(processGroupOf(process.pid));
  });

  it('keeps acknowledged writes across a crash by replaying the AOF on the same port', async () => {
    const dataDir = stateDir('test-redis', randomUUID());
    const first = await startLocalRedis({ dataDir });
    started.push(first);
    const writer = new Redis(first.url);
    // The AOF is written before the reply is sent, so an acknowledged write survives a process crash.
    await writer.set('survives', 'yes');
    writer.disconnect();
    await first.kill();

    const second = await startLocalRedis({ dataDir, port: first.port });
    started.push(second);
    const reader = new Redis(second.url);
    try {
      expect(await reader.get('survives')).toBe('yes');
    } finally {
      reader.disconnect();
    }
  });
});
