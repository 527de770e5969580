import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '@mediassist/shared/logger';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditRecord } from './audit-log.js';
import { auditFileName, createFileAuditLog } from './file-audit-log.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'audit-'));
  dirs.push(dir);
  return dir;
}

const logger = createLogger({ name: 't', level: 'silent' });

function record(at: string, requestId: string): AuditRecord {
  return {
    at,
    caller: 'dr-1',
    role: 'clinician',
    patient: `pt_${'d'.repeat(32)}` as AuditRecord['patient'],
    endpoint: 'POST /api/v1/assist',
    requestId,
    outcome: 'success',
    status: 200,
  };
}

function lines(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as unknown);
}

describe('createFileAuditLog', () => {
  it('buffers appends and writes them on the timer, appending to existing content', async () => {
    const dir = tempDir();
    const file = path.join(dir, auditFileName('2026-11-22T10:00:00.000Z'));
    writeFileSync(file, `${JSON.stringify(record('2026-11-22T09:00:00.000Z', 'earlier'))}\n`);
    const log = createFileAuditLog({ dir, logger, flushIntervalMs: 20 });
    log.append(record('2026-11-22T10:00:00.000Z', 'r1'));
    log.append(record('2026-11-22T10:00:01.000Z', 'r2'));
    expect(lines(file)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines(file).map((r) => (r as AuditRecord).requestId)).toEqual(['earlier', 'r1', 'r2']);
    await log.close();
  });

  it('writes everything on close (nothing lost on graceful shutdown) with mode 0600', async () => {
    const dir = tempDir();
    const log = createFileAuditLog({ dir, logger, flushIntervalMs: 60_000 });
    for (let i = 0; i < 250; i++) {
      log.append(record('2026-11-22T10:00:00.000Z', `r${String(i)}`));
    }
    await log.close();
    const file = path.join(dir, 'audit-2026-11-22.ndjson');
    expect(lines(file)).toHaveLength(250);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(() => {
      log.append(record('2026-11-22T10:00:00.000Z', 'late'));
    }).toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
  });

  it('rotates daily by the record time (UTC)', async () => {
    const dir = tempDir();
    const log = createFileAuditLog({ dir, logger });
    log.append(record('2026-11-22T23:59:59.999Z', 'night'));
    log.append(record('2026-11-23T00:00:00.000Z', 'morning'));
    await log.close();
    expect(readdirSync(dir).sort()).toEqual(['audit-2026-11-22.ndjson', 'audit-2026-11-23.ndjson']);
  });

  it('keeps records while the store fails, reports down, and writes them once it recovers', async () => {
    const dir = tempDir();
    const blocked = path.join(dir, 'audit');
    writeFileSync(blocked, 'a file where the audit folder should be');
    let failures = 0;
    const log = createFileAuditLog({
      dir: blocked,
      logger,
      flushIntervalMs: 60_000,
      maxPending: 3,
      onWriteFailure: () => {
        failures++;
      },
    });
    log.append(record('2026-11-22T10:00:00.000Z', 'r1'));
    log.append(record('2026-11-22T10:00:00.000Z', 'r2'));
    await log.flush();
    expect(failures).toBe(1);
    expect(log.status()).toEqual({ state: 'down', pending: 2 });
    log.append(record('2026-11-22T10:00:00.000Z', 'r3'));
    expect(() => {
      log.append(record('2026-11-22T10:00:00.000Z', 'r4'));
    }).toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));

    rmSync(blocked);
    await log.flush();
    expect(log.status()).toEqual({ state: 'up', pending: 0 });
    expect(
      lines(path.join(blocked, 'audit-2026-11-22.ndjson')).map((r) => (r as AuditRecord).requestId),
    ).toEqual(['r1', 'r2', 'r3']);
    await log.close();
  });
});
