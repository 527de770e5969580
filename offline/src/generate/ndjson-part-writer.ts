/**
 * One ndjson part file (optionally gzip): lines are buffered into ~1 MB chunks, and the producer
 * awaits `drain()` whenever the stream is over its high-water mark, so memory stays bounded however
 * many resources go through.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { constants, createGzip } from 'node:zlib';

export interface PartWriterOptions {
  path: string;
  gzip: boolean;
  /** Bytes buffered before a chunk is handed to the stream. */
  chunkBytes?: number;
}

export interface PartWriter {
  write(line: string): void;
  /** True when the producer should await `drain()` before writing more. */
  readonly congested: boolean;
  drain(): Promise<void>;
  /** Flushes and closes (idempotent). */
  close(): Promise<{ lines: number }>;
}

const HIGH_WATER_MARK = 4 * 1024 * 1024;

export function createPartWriter({
  path,
  gzip,
  chunkBytes = 1 << 20,
}: PartWriterOptions): PartWriter {
  const file = createWriteStream(path, { highWaterMark: HIGH_WATER_MARK });
  let target: Writable = file;
  let done: Promise<void>;
  if (gzip) {
    const zip = createGzip({
      level: constants.Z_BEST_SPEED,
      chunkSize: 256 * 1024,
    });
    target = zip;
    done = pipeline(zip, file);
  } else {
    done = once(file, 'finish').then(() => undefined);
  }
  // A failing stream rejects `done`; surface it on the next drain or close.
  let failure: unknown;
  done.catch((error: unknown) => {
    failure = error;
  });
  // Lines are encoded straight into a chunk buffer; a full chunk is handed to the stream as is.
  let chunk = Buffer.allocUnsafe(chunkBytes);
  let used = 0;
  let lines = 0;
  let congested = false;
  let closing: Promise<{ lines: number }> | undefined;
  const flush = (): void => {
    if (used === 0) {
      return;
    }
    const full = chunk.subarray(0, used);
    chunk = Buffer.allocUnsafe(chunkBytes);
    used = 0;
    if (!target.write(full)) {
      congested = true;
    }
  };
  return {
    write(line) {
      // A UTF-16 code unit takes at most 3 UTF-8 bytes.
      const worst = line.length * 3 + 1;
      if (used + worst > chunk.length) {
        flush();
        if (worst > chunk.length) {
          chunk = Buffer.allocUnsafe(worst);
        }
      }
      used += chunk.write(line, used, 'utf8');
      chunk[used++] = 0x0a;
      lines += 1;
    },
    get congested() {
      return congested;
    },
    async drain() {
      if (failure !== undefined) {
        throw failure instanceof Error
          ? failure
          : new Error('part write failed', { cause: failure });
      }
      // 'drain' may already have fired while the producer awaited another part: then the buffer is
      // below its mark and there is nothing to wait for (waiting would hang).
      if (congested && target.writableNeedDrain) {
        await Promise.race([once(target, 'drain'), done]);
      }
      congested = false;
    },
    close() {
      closing ??= (async () => {
        flush();
        target.end();
        await done;
        return { lines };
      })();
      return closing;
    },
  };
}
