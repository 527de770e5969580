/** The CLI runs `ingest` and `features` end to end and exits non-zero with a clear message on bad input. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFixtureExport } from '../ingest/testing/fixture-export.js';
import { withTempDir } from '../lake/testing/lake-test-kit.js';

/** Each case spawns the CLI (tsx compiles on start): slow on a loaded machine, hence the timeouts. */
const offlineRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function cli(
  args: string[],
  home: string,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    ['--conditions=@mediassist/source', '--import', 'tsx', 'src/main.ts', ...args],
    {
      cwd: offlineRoot,
      encoding: 'utf8',
      env: {
        ...process.env,
        MEDIASSIST_HOME: home,
        PSEUDONYM_KEY: 'cli-test-only-pseudonym-key-0123456789abcdef',
        LOG_LEVEL: 'warn',
      },
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('offline CLI: ingest and features', () => {
  it(
    'ingests an export and computes features, printing each result as the last stdout line',
    { timeout: 240_000 },
    async () => {
      await withTempDir(async (dir) => {
        await writeFixtureExport({ dir: path.join(dir, 'in') });
        const ingest = cli(
          ['ingest', '--input', path.join(dir, 'in'), '--as-of', '2025-12-31'],
          dir,
        );
        expect(ingest.status, ingest.stderr).toBe(0);
        const result = JSON.parse(ingest.stdout.trim().split('\n').at(-1) ?? '{}') as {
          resources: Record<string, { written: number }>;
          lake: string;
        };
        expect(result.lake).toBe(path.join(dir, 'lake'));
        expect(result.resources['Observation']?.written).toBe(13);
        const features = cli(['features', '--as-of', '2025-12-31'], dir);
        expect(features.status, features.stderr).toBe(0);
        expect(JSON.parse(features.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({
          mode: 'full',
          trainingExamples: { rows: 2 },
        });
      });
    },
  );

  it(
    'exits 1 with the reason on a missing export folder or a lake that was never ingested',
    { timeout: 240_000 },
    async () => {
      await withTempDir((dir) => {
        const ingest = cli(['ingest', '--input', path.join(dir, 'missing')], dir);
        expect(ingest.status).toBe(1);
        expect(ingest.stderr).toContain(
          `Error (NOT_FOUND): Input folder ${path.join(dir, 'missing')} does not exist`,
        );
        const features = cli(['features', '--lake', path.join(dir, 'no-lake')], dir);
        expect(features.status).toBe(1);
        expect(features.stderr).toContain('Error (NOT_FOUND): No ingested lake');
        const badArgs = cli(['ingest'], dir);
        expect(badArgs.status).toBe(2);
        expect(badArgs.stderr).toContain('--input');
        return Promise.resolve();
      });
    },
  );
});
