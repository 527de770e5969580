/**
 * The note evaluation end to end: a small generated export (read directly, and through ingest into
 * a temp lake with real DuckDB), Synthea's sample beside the project, and the CLI as a process.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { createTextExtractor } from '@mediassist/shared/text';
import { referenceDataDir } from '@mediassist/tooling/reference-data';
import { beforeAll, describe, expect, it } from 'vitest';
import { runGeneration } from '../generate/run-generation.js';
import { TEST_CONFIG } from '../generate/testing/in-memory-export.js';
import { ingestForTest } from '../ingest/testing/ingest-for-test.js';
import { createLakeLayout } from '../lake/lake-layout.js';
import { noProgress, silentLogger, withTempDir } from '../lake/testing/lake-test-kit.js';
import { runEvaluateNotes, TARGETS, type NotesSource } from './run-evaluate-notes.js';

const kb = loadKnowledgeBase();
const extractor = createTextExtractor({ kb });
const synthea = referenceDataDir();
const offlineRoot = fileURLToPath(new URL('../..', import.meta.url));

function evaluate(sources: NotesSource[], limit?: number) {
  let table = '';
  const result = runEvaluateNotes(
    {
      kb,
      extractor,
      logger: silentLogger,
      progress: noProgress,
      signal: new AbortController().signal,
      out: (text) => {
        table += text;
      },
    },
    { sources, limit },
  );
  return result.then((r) => ({ result: r, table }));
}

describe('evaluate-notes on generated notes', () => {
  it('meets the F1 targets, and scores the export and its ingested lake identically', async () => {
    await withTempDir(async (dir) => {
      const exportDir = path.join(dir, 'export');
      const generated = await runGeneration({
        config: TEST_CONFIG,
        patients: 40,
        outDir: exportDir,
        gzip: true,
        partSize: 20,
        workers: 0,
      });
      const fromExport = await evaluate([
        { name: 'generated', rule: 'generated', location: { kind: 'export', dir: exportDir } },
      ]);
      const scores = fromExport.result.sources['generated'];
      expect(scores?.notes).toBe(generated.encounters);
      expect(scores?.findings?.combined.f1).toBeGreaterThanOrEqual(TARGETS.findingsF1);
      expect(scores?.medications.f1).toBeGreaterThanOrEqual(TARGETS.medicationsF1);
      expect(scores?.findings?.present.tp).toBeGreaterThan(50);
      expect(scores?.findings?.absent.tp).toBeGreaterThan(50);
      expect(scores?.medications.tp).toBeGreaterThan(50);
      expect(scores?.targets?.met).toBe(true);
      expect(fromExport.table).toMatch(
        /targets: findings F1 [\d.]+ \(≥ 0\.85: met\); medications F1 [\d.]+ \(≥ 0\.85: met\)/,
      );

      const lakeDir = path.join(dir, 'lake');
      await ingestForTest({ inputDir: exportDir, lakeDir, asOf: new Date('2026-10-31T00:00:00Z') });
      const fromLake = await evaluate([
        {
          name: 'generated',
          rule: 'generated',
          location: { kind: 'lake', layout: createLakeLayout(lakeDir) },
        },
      ]);
      const lake = fromLake.result.sources['generated'];
      expect(lake?.input).toBe('lake');
      for (const kind of ['findings', 'conditions', 'medications', 'allergies'] as const) {
        expect(lake?.[kind], kind).toEqual(scores?.[kind]);
      }
    });
  });
});

describe.skipIf(!synthea)("evaluate-notes on Synthea's notes", () => {
  const dir = path.join(synthea ?? '', 'synthea_bulk_10pt');
  let outcome: Awaited<ReturnType<typeof evaluate>>;

  beforeAll(async () => {
    outcome = await evaluate([
      { name: 'synthea', rule: 'synthea', location: { kind: 'export', dir } },
    ]);
  });

  it('scores conditions and medications against the coded records, allergies by precision only', () => {
    const s = outcome.result.sources['synthea'];
    expect(s?.notes).toBe(1215);
    expect(s?.findings).toBeNull();
    expect(s?.conditions.f1).toBeGreaterThanOrEqual(0.85);
    expect(s?.medications.f1).toBeGreaterThanOrEqual(0.85);
    expect(s?.medications.precision).toBeGreaterThanOrEqual(0.95);
    expect(s?.allergies).toMatchObject({ recall: null, f1: null });
    expect(s?.allergies.tp).toBeGreaterThan(0);
    expect(outcome.table).toMatch(/synthea: 1215 notes/);
    expect(outcome.table).toMatch(/\(no finding ground truth in this source\)/);
  });

  it('never prints note text, only codes and counts', () => {
    expect(outcome.table).not.toMatch(/Patient has a history|# Chief Complaint|\d{3}\s*mg oral/);
    expect(JSON.stringify(outcome.result)).not.toMatch(/Patient has a history|mg oral tablet/);
  });

  it('runs from the CLI: the table, then one JSON object as the last line', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--conditions=@mediassist/source',
        '--import',
        'tsx',
        'src/main.ts',
        'evaluate-notes',
        '--source',
        'synthea',
        '--synthea',
        dir,
        '--limit',
        '60',
      ],
      { cwd: offlineRoot, env: { ...process.env, LOG_LEVEL: 'error' } },
    );
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Note extraction evaluation \(knowledge base /);
    const last = JSON.parse(lines.at(-1) ?? '') as {
      sources: { synthea: { notes: number; medications: { f1: number } } };
      skipped: string[];
    };
    expect(last.sources.synthea.notes).toBe(60);
    expect(last.sources.synthea.medications.f1).toBeGreaterThan(0.5);
    expect(last.skipped).toEqual([]);
  });
});
