/**
 * Quarantine: the lines ingest could not use, each with its file, physical line number and reason,
 * written to `restricted/quarantine/<Type>.ndjson`. The raw line is PHI, hence the restricted area.
 * DuckDB reports rejected lines by record (non-blank line) index; this re-reads only the files that
 * have rejects to find each line's physical number and text, and to name unreadable lines precisely.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { MAX_LINE_BYTES } from './ingest-sql.js';

export interface QuarantinedRecord {
  /** 1-based index among the file's non-blank lines (as DuckDB counts). */
  readonly record: number;
  readonly reason: string;
}

export interface QuarantineEntry {
  readonly file: string;
  /** 1-based physical line number. */
  readonly line: number;
  readonly reason: string;
  /** The line as read (PHI). */
  readonly raw: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');
/** A UTF-16 surrogate without its partner (JSON allows the escape; Unicode and DuckDB do not). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether any string or key in a parsed JSON value holds a lone surrogate (iterative: depth-safe). */
function hasLoneSurrogate(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (LONE_SURROGATE.test(next)) {
        return true;
      }
    } else if (typeof next === 'object' && next !== null) {
      for (const [key, child] of Object.entries(next)) {
        pending.push(key, child);
      }
    }
  }
  return false;
}

/** DuckDB skips lines of only spaces, tabs and carriage returns. */
function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (b !== 32 && b !== 9 && b !== 13) {
      return false;
    }
  }
  return true;
}

/** Why DuckDB could not read a line: the precise reason from the line itself. */
export function unreadableReason(bytes: Uint8Array): string {
  if (bytes.length > MAX_LINE_BYTES) {
    return 'line-too-large';
  }
  // A UTF-8 byte-order mark DuckDB's reader refuses (TextDecoder would silently strip it).
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return 'byte-order-mark';
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return 'invalid-utf8';
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'invalid-json';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'not-an-object';
  }
  if (hasLoneSurrogate(value)) {
    return 'lone-surrogate';
  }
  const resourceType = (value as Record<string, unknown>)['resourceType'];
  return typeof resourceType === 'string' ? 'unreadable' : 'missing-required:resourceType';
}

/** Splits a byte stream into lines (without `\n`), yielding each line's bytes. */
async function* lines(source: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  let pending: Buffer[] = [];
  for await (const chunk of source) {
    let start = 0;
    for (let end = chunk.indexOf(10, start); end >= 0; end = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, end);
      yield pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      start = end + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
    }
  }
  if (pending.length > 0) {
    yield Buffer.concat(pending);
  }
}

/** Finds the quarantined records of one file (sorted by record) and describes each line. */
export async function locateQuarantined(options: {
  filePath: string;
  fileName: string;
  records: readonly QuarantinedRecord[];
}): Promise<QuarantineEntry[]> {
  const { filePath, fileName, records } = options;
  const entries: QuarantineEntry[] = [];
  if (records.length === 0) {
    return entries;
  }
  const raw = createReadStream(filePath);
  const stream = filePath.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  let line = 0;
  let record = 0;
  let next = 0;
  for await (const bytes of lines(stream)) {
    line += 1;
    const wanted = records[next];
    if (wanted === undefined) {
      break;
    }
    if (isBlank(bytes)) {
      continue;
    }
    record += 1;
    if (record === wanted.record) {
      const reason = wanted.reason === 'unreadable' ? unreadableReason(bytes) : wanted.reason;
      entries.push({ file: fileName, line, reason, raw: lossy.decode(bytes).replace(/\r$/, '') });
      next += 1;
    }
  }
  raw.destroy();
  return entries;
}

/** Writes one resource type's quarantine file (created only when there is something to quarantine). */
export async function writeQuarantine(options: {
  dir: string;
  resourceType: string;
  entries: readonly QuarantineEntry[];
}): Promise<void> {
  const { dir, resourceType, entries } = options;
  if (entries.length === 0) {
    return;
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const handle = await open(path.join(dir, `${resourceType}.ndjson`), 'w', 0o600);
  try {
    await handle.writeFile(entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  } finally {
    await handle.close();
  }
}
