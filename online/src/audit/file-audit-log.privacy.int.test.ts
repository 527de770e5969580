/**
 * The audit trail is append-only: the file is held open with O_APPEND (read from the kernel's
 * fdinfo for the service's own descriptor), 0600; the HTTP API has no route that reads, rewrites
 * or deletes it; and a refused access is recorded beside served ones.
 */
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '@mediassist/shared/logger';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.js';
import { auditFileName, createFileAuditLog } from './file-audit-log.js';

const O_APPEND = 0o2000; // Linux; fdinfo prints flags in octal
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The flags of this process's open descriptors on `file` (Linux /proc). */
function openFlags(file: string): number[] {
  const flags: number[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue;
    }
    if (target === file) {
      const info = readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8');
      const octal = /flags:\s+([0-7]+)/.exec(info)?.[1] ?? '0';
      flags.push(parseInt(octal, 8));
    }
  }
  return flags;
}

describe('the audit file is append-only', () => {
  it('is opened with O_APPEND and mode 0600, and keeps earlier records', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'audit-append-'));
    dirs.push(dir);
    const audit = createFileAuditLog({
      dir,
      logger: createLogger({ name: 't', level: 'silent' }),
      flushIntervalMs: 10,
    });
    const at = '2026-11-22T10:00:00.000Z';
    const base = {
      caller: 'dr-1',
      endpoint: 'GET /api/v1/patients/:patientId',
      outcome: 'denied' as const,
      status: 403,
    };
    audit.append({ ...base, at, requestId: 'r1' });
    await audit.flush();
    const file = path.join(dir, auditFileName(at));
    const flags = openFlags(file);
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.every((f) => (f & O_APPEND) !== 0)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    audit.append({ ...base, at, requestId: 'r2' });
    await audit.close();
    const ids = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { requestId: string }).requestId);
    expect(ids).toEqual(['r1', 'r2']);
  });

  it('has no HTTP route that could read, rewrite or delete audit records', async () => {
    const t = await createTestApp();
    expect(t.app.routes.filter((r) => r.path.includes('audit'))).toEqual([]);
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE', 'POST']) {
      const res = await t.app.request('/api/v1/audit', { method, headers: t.as('admin') });
      expect(res.status).toBe(404);
    }
  });
});
