/**
 * Appends accepted events to the lake, micro-batched: entries read from the stream (consumer group)
 * are flushed to Parquet when `maxRows` are buffered or the oldest has waited `flushMs`. An entry is
 * acknowledged only after its file is durably in place, and an event id already written (a re-sent
 * event, a re-delivered entry) is acknowledged without being written again. Entries a crashed
 * process left unacknowledged are claimed after `claimIdleMs`; its intents are finished or undone.
 */
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { toAppError } from '@mediassist/shared/errors';
import { EventEnvelopeSchema, type EventEnvelope } from '@mediassist/shared/events';
import type { Logger } from '@mediassist/shared/logger';
import { deadLetter, type DeadLetterSink } from '../dead-letter/dead-letter-sink.js';
import type { NearlineMetrics } from '../metrics/nearline-metrics.js';
import type { LakeFileWriter } from './duckdb-lake-file-writer.js';
import { lakeFilePath, temporaryPath } from './lake-layout.js';
import { lakeRow, type LakeRow } from './lake-rows.js';
import type { LakeStream, StreamEntry } from './lake-stream.js';

export interface LakeEventWriterConfig {
  /** Flush when the oldest buffered entry has waited this long. */
  readonly flushMs: number;
  /** Flush when this many entries are buffered. */
  readonly maxRows: number;
  /** Entries (and intents) of another consumer idle this long are taken over. */
  readonly claimIdleMs: number;
  /** How often to look for such entries. */
  readonly claimIntervalMs: number;
}

export interface LakeEventWriterDeps {
  stream: LakeStream;
  files: LakeFileWriter;
  lakeDir: string;
  deadLetters: DeadLetterSink;
  metrics: NearlineMetrics;
  logger: Logger;
  clock: () => Date;
  /** Fault injection for tests: runs after a file is renamed into place, before acknowledging. */
  afterRename?: (file: string) => Promise<void>;
}

export interface LakeEventWriter {
  /** Starts the read/flush loop in the background. */
  start(): void;
  /** Writes whatever is buffered now. */
  flush(): Promise<void>;
  /** Stops reading, flushes the buffer, and resolves when done. */
  close(): Promise<void>;
}

interface Item {
  readonly row: LakeRow;
  readonly eventId: string;
  readonly streamIds: readonly string[];
}

interface Parsed {
  readonly entry: StreamEntry;
  readonly envelope: EventEnvelope | null;
}

function parseEntry(entry: StreamEntry): Parsed {
  if (entry.payload === null) {
    return { entry, envelope: null };
  }
  try {
    const parsed = EventEnvelopeSchema.safeParse(JSON.parse(entry.payload));
    return { entry, envelope: parsed.success ? parsed.data : null };
  } catch {
    return { entry, envelope: null };
  }
}

export function createLakeEventWriter(
  deps: LakeEventWriterDeps,
  config: LakeEventWriterConfig,
): LakeEventWriter {
  const { stream, files, lakeDir, metrics, logger, clock } = deps;
  const buffer = new Map<string, { entry: StreamEntry; readAtMs: number }>();
  let stopping = false;
  let loop: Promise<void> | undefined;
  let flushing: Promise<void> = Promise.resolve();

  const add = (entries: readonly StreamEntry[]): void => {
    const now = clock().getTime();
    for (const entry of entries) {
      if (!buffer.has(entry.id)) {
        buffer.set(entry.id, { entry, readAtMs: now });
      }
    }
    metrics.lakeBuffered.set(buffer.size);
  };

  /** Finishes (file in place) or undoes (file missing) intents older than `claimIdleMs`. */
  const recoverIntents = async (): Promise<void> => {
    const now = clock().getTime();
    for (const [file, intent] of await stream.intents()) {
      if (intent && now - intent.createdAtMs < config.claimIdleMs) {
        continue;
      }
      const absolute = path.join(lakeDir, file);
      const inPlace = await stat(absolute).then(
        () => true,
        () => false,
      );
      if (intent && inPlace) {
        await stream.commit({ file, eventIds: [], streamIds: intent.streamIds, nowMs: now });
        logger.info(
          { file, entries: intent.streamIds.length },
          'lake intent finished after a crash',
        );
      } else {
        await rm(temporaryPath(absolute), { force: true });
        await stream.undo(file, intent?.eventIds ?? []);
        logger.info(
          { file },
          'lake intent undone after a crash; its entries will be written again',
        );
      }
    }
  };

  /** One Parquet file for one table and date; returns the stream ids of duplicates to acknowledge. */
  const writeGroup = async (items: readonly Item[]): Promise<string[]> => {
    const first = items[0];
    if (!first) {
      return [];
    }
    const now = clock();
    const file = lakeFilePath({ table: first.row.table, date: first.row.date, writtenAt: now });
    const reserved = await stream.reserve({ file, nowMs: now.getTime(), events: items });
    const rows = items.filter((item) => reserved.has(item.eventId));
    const duplicates = items
      .filter((item) => !reserved.has(item.eventId))
      .flatMap((i) => i.streamIds);
    metrics.lakeDuplicatesSkipped.inc(duplicates.length);
    if (rows.length === 0) {
      return duplicates;
    }
    await files.write({
      table: first.row.table,
      payloads: rows.map((r) => r.row.payload),
      absolutePath: path.join(lakeDir, file),
    });
    await deps.afterRename?.(file);
    await stream.commit({
      file,
      eventIds: [],
      streamIds: rows.flatMap((r) => r.streamIds),
      nowMs: clock().getTime(),
    });
    metrics.lakeRows.inc({ table: first.row.table }, rows.length);
    return duplicates;
  };

  const flushNow = async (): Promise<void> => {
    if (buffer.size === 0) {
      return;
    }
    const started = performance.now();
    const batch = [...buffer.values()].map((b) => b.entry);
    buffer.clear();
    metrics.lakeBuffered.set(0);
    // Entries of a file another consumer is moving into the lake are that consumer's (or, if it
    // died, the intent's recovery's) to acknowledge.
    const covered = new Set(
      [...(await stream.intents()).values()].flatMap((intent) => intent?.streamIds ?? []),
    );
    const byEvent = new Map<string, { envelope: EventEnvelope; streamIds: string[] }>();
    const ackOnly: string[] = [];
    const unreadable: string[] = [];
    for (const { entry, envelope } of batch.filter((e) => !covered.has(e.id)).map(parseEntry)) {
      if (!envelope) {
        unreadable.push(entry.id);
        metrics.deadLettered.inc({ stage: 'lake', code: 'VALIDATION_FAILED' });
        await deps.deadLetters.add(
          deadLetter({
            event: null,
            reason: { code: 'VALIDATION_FAILED', message: 'Lake stream entry is unreadable' },
            attempts: 1,
            stage: 'lake',
            at: clock(),
          }),
        );
        continue;
      }
      const known = byEvent.get(envelope.event.eventId);
      if (known) {
        known.streamIds.push(entry.id);
      } else {
        byEvent.set(envelope.event.eventId, { envelope, streamIds: [entry.id] });
      }
    }
    const groups = new Map<string, Item[]>();
    for (const [eventId, { envelope, streamIds }] of byEvent) {
      const row = lakeRow(envelope);
      const key = `${row.table}/${row.date}`;
      const group = groups.get(key);
      if (group) {
        group.push({ row, eventId, streamIds });
      } else {
        groups.set(key, [{ row, eventId, streamIds }]);
      }
    }
    try {
      for (const group of groups.values()) {
        ackOnly.push(...(await writeGroup(group)));
      }
      if (ackOnly.length > 0) {
        await stream.commit({
          file: null,
          eventIds: [],
          streamIds: ackOnly,
          nowMs: clock().getTime(),
        });
      }
      await stream.discard(unreadable);
      await stream.trim();
      metrics.lakeFlushSeconds.observe({ result: 'ok' }, (performance.now() - started) / 1000);
    } catch (thrown) {
      metrics.lakeFlushSeconds.observe({ result: 'failed' }, (performance.now() - started) / 1000);
      throw thrown;
    }
  };

  const flush = (): Promise<void> => {
    flushing = flushing.then(flushNow, flushNow);
    return flushing;
  };

  const run = async (): Promise<void> => {
    await stream.ensureGroup();
    let lastClaimMs = Number.NEGATIVE_INFINITY;
    let ownPendingRead = false;
    while (!stopping) {
      try {
        const now = clock().getTime();
        if (!ownPendingRead) {
          add(await stream.readOwnPending(config.maxRows));
          ownPendingRead = true;
        }
        if (now - lastClaimMs >= config.claimIntervalMs) {
          lastClaimMs = now;
          await recoverIntents();
          add(await stream.claimIdle({ minIdleMs: config.claimIdleMs, count: config.maxRows }));
        }
        const oldest = Math.min(...[...buffer.values()].map((b) => b.readAtMs));
        const waitMs = buffer.size > 0 ? oldest + config.flushMs - now : config.flushMs;
        add(
          await stream.readNew({
            count: Math.max(1, config.maxRows - buffer.size),
            blockMs: Math.min(500, Math.max(1, Math.ceil(waitMs))),
          }),
        );
        const due =
          buffer.size >= config.maxRows ||
          (buffer.size > 0 && clock().getTime() - oldest >= config.flushMs);
        if (due) {
          await flush();
        }
      } catch (thrown) {
        const error = toAppError(thrown);
        logger.error({ code: error.code, err: error.cause ?? error }, 'lake writer step failed');
        await sleep(1_000);
      }
    }
  };

  return {
    start() {
      loop ??= run();
    },
    flush,
    async close() {
      stopping = true;
      await loop;
      await flush();
    },
  };
}
