import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@mediassist/shared/errors';
import { describe, expect, it } from 'vitest';
import { createLakeLayout } from '../lake/lake-layout.js';
import { withTempDir } from '../lake/testing/lake-test-kit.js';
import { EvaluateNotesArgsSchema, resolveSources } from './evaluate-notes.js';

const args = (flags: Record<string, string>) => EvaluateNotesArgsSchema.parse(flags);

describe('evaluate-notes: which sources it reads', () => {
  it('reads generated notes from the lake and Synthea from --synthea by default', async () => {
    await withTempDir(async (home) => {
      const layout = createLakeLayout(path.join(home, 'lake'));
      await mkdir(path.dirname(layout.notesTable), { recursive: true });
      await writeFile(layout.notesTable, '');
      const synthea = path.join(home, 'synthea');
      await mkdir(synthea);
      const { sources, skipped } = resolveSources({ args: args({ synthea }), home });
      expect(sources.map((s) => [s.name, s.location.kind])).toEqual([
        ['generated', 'lake'],
        ['synthea', 'export'],
      ]);
      expect(skipped).toEqual([]);
    });
  });

  it('skips a default source whose data is absent, but fails when it was asked for', async () => {
    await withTempDir(async (home) => {
      const synthea = path.join(home, 'synthea');
      await mkdir(synthea);
      const both = resolveSources({ args: args({ synthea }), home });
      expect(both.sources.map((s) => s.name)).toEqual(['synthea']);
      expect(both.skipped).toEqual([
        `generated: no notes in the lake at ${path.join(home, 'lake')}`,
      ]);
      expect(() => resolveSources({ args: args({ source: 'generated' }), home })).toThrow(AppError);
      expect(() =>
        resolveSources({ args: args({ source: 'synthea', input: path.join(home, 'none') }), home }),
      ).toThrow(/No Synthea export/);
    });
  });

  it('takes --input as the folder of the one selected source, and refuses it with both', async () => {
    await withTempDir((home) => {
      const { sources } = resolveSources({
        args: args({ source: 'generated', input: home }),
        home,
      });
      expect(sources).toEqual([
        { name: 'generated', rule: 'generated', location: { kind: 'export', dir: home } },
      ]);
      expect(EvaluateNotesArgsSchema.safeParse({ input: home }).success).toBe(false);
      expect(EvaluateNotesArgsSchema.safeParse({ limit: '0' }).success).toBe(false);
      return Promise.resolve();
    });
  });
});
