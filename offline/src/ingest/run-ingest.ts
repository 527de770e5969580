/**
 * FHIR R4 Bulk Data export → de-identified lake (see docs/lake.md). DuckDB reads, checks, joins and
 * writes; TypeScript resolves codes against the KB and computes the keyed pseudonyms. Everything is
 * written into a new run folder and published atomically; a failed or cancelled run publishes nothing.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@mediassist/shared/errors';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { Logger } from '@mediassist/shared/logger';
import type { PseudonymKey } from '@mediassist/shared/pseudonym';
import type { ProgressFactory } from '../io/progress.js';
import { openDuckDbSession, queryRows, stringField } from '../lake/duckdb-session.js';
import { acquireLakeLock } from '../lake/lake-lock.js';
import { createLakeLayout, newRunId, type LakeLayout } from '../lake/lake-layout.js';
import { publishRun } from '../lake/publish-run.js';
import { discoverBulkFiles, type BulkInventory } from './bulk-files.js';
import { buildCodeMap } from './code-map.js';
import { createCodeResolver } from './code-resolver.js';
import { countLines } from './count-lines.js';
import { buildIdMaps } from './id-maps.js';
import { collectCodeStats, type CodeStats, type ResourceCounts } from './ingest-report.js';
import {
  INGEST_MACROS,
  LATEST_ENCOUNTER_SQL,
  buildAsOfMacroSql,
  buildInvalidCodeSql,
} from './ingest-sql.js';
import { RESOURCE_SPECS } from './resource-specs.js';
import { stageResources } from './stage-resources.js';
import { writeOutputs } from './write-outputs.js';

export interface IngestDeps {
  kb: KnowledgeBase;
  key: PseudonymKey;
  logger: Logger;
  progress: ProgressFactory;
  signal: AbortSignal;
  now?: () => Date;
}

export interface IngestOptions {
  inputDir: string;
  lakeDir: string;
  /** Reference date for ages and the 90+ rule (default: the later of today and the last visit). */
  asOf?: Date;
  threads?: number;
  memoryLimit?: string;
  /** Above this share of rejected lines in one file, ingest stops (default 0.5). */
  maxRejectRatio?: number;
}

export interface IngestResult extends CodeStats {
  readonly runId: string;
  readonly lake: string;
  readonly asOf: string;
  readonly kbVersion: string;
  readonly resources: Readonly<Record<string, ResourceCounts>>;
  /** Resource types ingest does not read: files and lines, counted and skipped. */
  readonly skipped: Readonly<Record<string, { files: number; resources: number }>>;
  readonly ignoredFiles: readonly string[];
  readonly notes: number;
  readonly pseudonyms: { readonly patients: number; readonly encounters: number };
  readonly seconds: number;
  readonly resourcesPerSecond: number;
}

function cancelled(): AppError {
  return new AppError('INTERNAL', 'Ingest cancelled; nothing was published');
}

async function countSkipped(options: {
  inventory: BulkInventory;
  logger: Logger;
}): Promise<Record<string, { files: number; resources: number }>> {
  const known = new Set(RESOURCE_SPECS.map((s) => s.resourceType));
  const skipped: Record<string, { files: number; resources: number }> = {};
  for (const file of options.inventory.files.filter((f) => !known.has(f.resourceType))) {
    const entry = skipped[file.resourceType] ?? { files: 0, resources: 0 };
    entry.files += 1;
    entry.resources += await countLines(file.path);
    skipped[file.resourceType] = entry;
  }
  for (const [resourceType, entry] of Object.entries(skipped)) {
    options.logger.info(
      { resourceType, files: entry.files, resources: entry.resources },
      `skipping ${resourceType}: not a resource type the lake holds`,
    );
  }
  return skipped;
}

async function prepareRunFolders(layout: LakeLayout, runId: string): Promise<string> {
  await mkdir(layout.restricted, { recursive: true, mode: 0o700 });
  await chmod(layout.restricted, 0o700);
  await mkdir(layout.runClinical(runId), { recursive: true });
  const restricted = layout.runRestricted(runId);
  for (const dir of ['notes', 'quarantine', '.duckdb-tmp']) {
    await mkdir(path.join(restricted, dir), { recursive: true, mode: 0o700 });
  }
  const emptyFile = path.join(restricted, '.duckdb-tmp', 'empty.ndjson');
  await writeFile(emptyFile, '');
  return emptyFile;
}

/** The 90+ rule must hold today: the reference date is never earlier than the run date. */
function referenceDate(options: {
  asOf: Date | undefined;
  now: Date;
  latest: string | null;
}): Date {
  if (options.asOf !== undefined) {
    return options.asOf;
  }
  const today = options.now.toISOString().slice(0, 10);
  const day = options.latest !== null && options.latest > today ? options.latest : today;
  return new Date(`${day}T00:00:00Z`);
}

export async function runIngest(deps: IngestDeps, options: IngestOptions): Promise<IngestResult> {
  const { kb, key, logger, signal } = deps;
  const now = deps.now ?? (() => new Date());
  const started = performance.now();
  const inventory = await discoverBulkFiles(options.inputDir);
  const layout = createLakeLayout(options.lakeDir);
  await mkdir(layout.root, { recursive: true });
  const lock = await acquireLakeLock({
    file: path.join(layout.root, '.ingest.lock'),
    job: 'ingest',
  });
  const runId = newRunId({ now: now(), random: randomBytes(3).toString('hex') });
  try {
    const skipped = await countSkipped({ inventory, logger });
    const emptyFile = await prepareRunFolders(layout, runId);
    const specs = RESOURCE_SPECS;
    const files = inventory.files.filter((f) =>
      specs.some((s) => s.resourceType === f.resourceType),
    );
    const session = await openDuckDbSession({
      tempDirectory: path.dirname(emptyFile),
      ...(options.threads === undefined ? {} : { threads: options.threads }),
      ...(options.memoryLimit === undefined ? {} : { memoryLimit: options.memoryLimit }),
    });
    const onAbort = (): void => {
      session.interrupt();
    };
    signal.addEventListener('abort', onAbort);
    let result: IngestResult;
    try {
      const { connection } = session;
      for (const macro of INGEST_MACROS) {
        await connection.run(macro);
      }
      const reading = deps.progress({
        label: 'ingest: read',
        total: files.reduce((n, f) => n + f.bytes, 0),
        unit: 'bytes',
      });
      const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        const value = await work();
        const cpu = process.cpuUsage(cpu0);
        logger.info(
          {
            phase,
            seconds: Math.round(performance.now() - t0) / 1000,
            cpuSeconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
          },
          'ingest phase',
        );
        return value;
      };
      const staged = await timed('read', () =>
        stageResources({
          connection,
          connect: () => session.connect(),
          concurrency: options.threads ?? 2,
          specs,
          files,
          emptyFile,
          maxRejectRatio: options.maxRejectRatio ?? 0.5,
          progress: reading,
          signal,
        }),
      );
      reading.stop();
      await timed('codes', async () => {
        await buildCodeMap({ connection, specs, resolver: createCodeResolver(kb) });
        for (const spec of specs) {
          for (const concept of spec.concepts.filter((c) => c.element !== undefined)) {
            await connection.run(buildInvalidCodeSql({ spec, concept }));
          }
        }
      });
      const [latestRow] = await queryRows(connection, LATEST_ENCOUNTER_SQL);
      const asOf = referenceDate({
        asOf: options.asOf,
        now: now(),
        latest: latestRow === undefined ? null : stringField(latestRow, 'latest'),
      });
      await connection.run(buildAsOfMacroSql(asOf));
      const pseudonyms = await timed('pseudonyms', () => buildIdMaps({ connection, specs, key }));
      signal.throwIfAborted();
      const outputs = await timed('write', () =>
        writeOutputs({
          connection,
          connect: () => session.connect(),
          concurrency: options.threads ?? 2,
          staged,
          layout,
          runId,
          progress: deps.progress,
        }),
      );
      const codeStats = await timed('report', () => collectCodeStats({ connection, specs }));
      const read = Object.values(outputs.resources).reduce((n, r) => n + r.read, 0);
      const seconds = (performance.now() - started) / 1000;
      result = {
        runId,
        lake: layout.root,
        asOf: asOf.toISOString().slice(0, 10),
        kbVersion: kb.version,
        resources: outputs.resources,
        skipped,
        ignoredFiles: inventory.ignored,
        ...codeStats,
        notes: outputs.notes,
        pseudonyms,
        seconds: Math.round(seconds * 1000) / 1000,
        resourcesPerSecond: Math.round(read / Math.max(seconds, 0.001)),
      };
      const manifest = {
        ...result,
        ingestedAt: now().toISOString(),
        input: inventory.files.map((f) => ({
          name: f.name,
          resourceType: f.resourceType,
          bytes: f.bytes,
        })),
      };
      await writeFile(
        path.join(layout.runClinical(runId), path.basename(layout.ingestManifest)),
        `${JSON.stringify(manifest, null, 2)}\n`,
      );
      for (const [resourceType, counts] of Object.entries(outputs.resources)) {
        logger.info(
          {
            resourceType,
            read: counts.read,
            written: counts.written,
            quarantined: counts.quarantined,
          },
          'ingested',
        );
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      session.close();
    }
    await rm(path.dirname(emptyFile), { recursive: true, force: true });
    signal.throwIfAborted();
    await publishRun({ layout, runId });
    return result;
  } catch (error) {
    await rm(path.dirname(layout.runClinical(runId)), { recursive: true, force: true });
    await rm(layout.runRestricted(runId), { recursive: true, force: true });
    throw signal.aborted ? cancelled() : error;
  } finally {
    await lock.release();
  }
}
