import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, type BulkManifest } from './manifest.js';
import { planShards, runGeneration } from './run-generation.js';
import { TEST_CONFIG } from './testing/in-memory-export.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mediassist-generate-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function digest(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir)).sort();
  const out: Record<string, string> = {};
  for (const f of files) {
    out[f] = createHash('sha256')
      .update(await readFile(path.join(dir, f)))
      .digest('hex');
  }
  return out;
}

const run = async (overrides: { seed?: number; gzip?: boolean; partSize?: number } = {}) => {
  const outDir = await tempDir();
  const result = await runGeneration({
    config: { ...TEST_CONFIG, seed: overrides.seed ?? TEST_CONFIG.seed },
    patients: 120,
    outDir,
    gzip: overrides.gzip ?? false,
    partSize: overrides.partSize ?? 50,
    workers: 0,
  });
  return { outDir, result };
};

describe('runGeneration', () => {
  it('splits patients into fixed shards', () => {
    expect(planShards(120, 50)).toEqual([
      { index: 0, from: 0, to: 50 },
      { index: 1, from: 50, to: 100 },
      { index: 2, from: 100, to: 120 },
    ]);
  });

  it('writes byte-identical exports for the same seed, and different ones for another seed', async () => {
    const a = await run();
    const b = await run();
    const c = await run({ seed: TEST_CONFIG.seed + 1 });
    const da = await digest(a.outDir);
    expect(Object.keys(da)).toContain('Observation.002.ndjson');
    expect(await digest(b.outDir)).toEqual(da);
    const dc = await digest(c.outDir);
    expect(dc['Patient.000.ndjson']).not.toBe(da['Patient.000.ndjson']);
  }, 120_000);

  it('writes a manifest that lists every part with its line count', async () => {
    const { outDir, result } = await run({ gzip: true });
    const manifest = JSON.parse(
      await readFile(path.join(outDir, MANIFEST_FILE), 'utf8'),
    ) as BulkManifest;
    expect(manifest).toEqual(result.manifest);
    expect(manifest.generator.patients).toBe(120);
    expect(manifest.output.filter((o) => o.type === 'Patient').map((o) => o.url)).toEqual([
      'Patient.000.ndjson.gz',
      'Patient.001.ndjson.gz',
      'Patient.002.ndjson.gz',
    ]);
    for (const o of manifest.output) {
      const lines = gunzipSync(await readFile(path.join(outDir, o.url)))
        .toString('utf8')
        .split('\n')
        .filter((l) => l.length > 0);
      expect(lines.length, o.url).toBe(o.count);
      expect((JSON.parse(lines[0] ?? '{}') as { resourceType?: string }).resourceType).toBe(o.type);
    }
    expect(manifest.generator.encounters).toBe(result.encounters);
    expect(manifest.generator.counts['Encounter']).toBe(result.encounters);
  }, 120_000);

  it('refuses to write into a directory that already holds an export', async () => {
    const { outDir } = await run();
    await expect(
      runGeneration({
        config: TEST_CONFIG,
        patients: 10,
        outDir,
        gzip: false,
        partSize: 50,
        workers: 0,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  }, 120_000);
});

describe('runGeneration with worker threads', () => {
  it('writes the same bytes with two workers as in one thread', async () => {
    const inline = await run({ partSize: 40 });
    const outDir = await tempDir();
    await runGeneration({
      config: TEST_CONFIG,
      patients: 120,
      outDir,
      gzip: false,
      partSize: 40,
      workers: 2,
    });
    expect(await digest(outDir)).toEqual(await digest(inline.outDir));
  }, 120_000);
});
