/**
 * Append-only NDJSON audit files, one per UTC day: `<dir>/audit-YYYY-MM-DD.ndjson`, opened with
 * O_APPEND (mode 0600). `append` only buffers; a timer (or a full batch) writes the buffer in one
 * write per file; `close()` writes what is left and fsyncs, so a graceful shutdown loses nothing.
 * A failed write keeps its records buffered and retries them on the next flush.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@mediassist/shared/errors';
import type { Logger } from '@mediassist/shared/logger';
import { safeErrorFields } from '../errors/safe-error.js';
import type { AuditLog, AuditRecord } from './audit-log.js';

export interface FileAuditLogOptions {
  dir: string;
  logger: Logger;
  /** How long a record may wait for its write (default 50 ms, see AUDIT_FLUSH_MS). */
  flushIntervalMs?: number;
  /** A batch this large is written without waiting for the timer. */
  maxBatch?: number;
  /** Backlog at which `append` refuses (the store has been failing for a while). */
  maxPending?: number;
  onRecord?: () => void;
  onWriteFailure?: () => void;
}

/** `audit-2026-11-22.ndjson` for a record at 2026-11-22T…Z. */
export function auditFileName(at: string): string {
  return `audit-${at.slice(0, 10)}.ndjson`;
}

function groupByFile(records: readonly AuditRecord[]): Map<string, AuditRecord[]> {
  const groups = new Map<string, AuditRecord[]>();
  for (const record of records) {
    const name = auditFileName(record.at);
    const group = groups.get(name);
    if (group) {
      group.push(record);
    } else {
      groups.set(name, [record]);
    }
  }
  return groups;
}

export function createFileAuditLog(options: FileAuditLogOptions): AuditLog {
  const {
    dir,
    logger,
    flushIntervalMs = 50,
    maxBatch = 500,
    maxPending = 100_000,
    onRecord,
    onWriteFailure,
  } = options;
  let pending: AuditRecord[] = [];
  let current: { name: string; handle: FileHandle } | undefined;
  let failing = false;
  let closed = false;
  let chain: Promise<void> = Promise.resolve();

  const handleFor = async (name: string): Promise<FileHandle> => {
    if (current?.name === name) {
      return current.handle;
    }
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const handle = await open(path.join(dir, name), 'a', 0o600);
    const previous = current;
    current = { name, handle };
    await previous?.handle.close();
    return handle;
  };

  const writeBatch = async (): Promise<void> => {
    const batch = pending;
    pending = [];
    const unwritten: AuditRecord[] = [];
    for (const [name, records] of groupByFile(batch)) {
      try {
        const handle = await handleFor(name);
        await handle.write(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
      } catch (error) {
        unwritten.push(...records);
        onWriteFailure?.();
        if (!failing) {
          logger.error({ error: safeErrorFields(error), file: name }, 'audit write failed');
        }
      }
    }
    failing = unwritten.length > 0;
    pending = [...unwritten, ...pending];
  };

  const flush = (): Promise<void> => {
    chain = chain.then(writeBatch);
    return chain;
  };

  const timer = setInterval(() => void flush(), flushIntervalMs);
  timer.unref();

  return {
    append(record) {
      if (closed) {
        throw new AppError('DEPENDENCY_UNAVAILABLE', 'Audit log is closed');
      }
      if (pending.length >= maxPending) {
        throw new AppError('DEPENDENCY_UNAVAILABLE', 'Audit log is not accepting records');
      }
      pending.push(record);
      onRecord?.();
      if (pending.length >= maxBatch) {
        void flush();
      }
    },
    flush,
    async close() {
      closed = true;
      clearInterval(timer);
      await flush();
      const last = current;
      current = undefined;
      if (last) {
        await last.handle.sync();
        await last.handle.close();
      }
      if (pending.length > 0) {
        throw new AppError(
          'DEPENDENCY_UNAVAILABLE',
          `${String(pending.length)} audit records could not be written`,
        );
      }
    },
    status: () => ({ state: failing ? 'down' : 'up', pending: pending.length }),
  };
}
