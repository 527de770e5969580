import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createPartWriter } from './ndjson-part-writer.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('createPartWriter', () => {
  it('returns from drain() when the stream drained while the producer waited on another part', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mediassist-part-'));
    dirs.push(dir);
    const line = JSON.stringify({ resourceType: 'Observation', text: 'x'.repeat(500) });
    const writers = ['a', 'b'].map((name) =>
      createPartWriter({
        path: path.join(dir, `${name}.ndjson.gz`),
        gzip: true,
        chunkBytes: 64 * 1024,
      }),
    );
    for (let i = 0; i < 2_000; i++) {
      for (const w of writers) {
        w.write(line);
      }
    }
    expect(writers.every((w) => w.congested)).toBe(true);
    // Both streams drain (and emit 'drain') before the producer asks the second one.
    await sleep(500);
    for (const w of writers) {
      await Promise.race([
        w.drain(),
        sleep(5_000).then(() => {
          throw new Error('drain() hung');
        }),
      ]);
    }
    const closed = await Promise.all(writers.map((w) => w.close()));
    expect(closed.map((c) => c.lines)).toEqual([2_000, 2_000]);
    const text = gunzipSync(await readFile(path.join(dir, 'b.ndjson.gz'))).toString('utf8');
    expect(text.split('\n').filter((l) => l === line)).toHaveLength(2_000);
  });
});
