/** Counts the lines of a (possibly gzipped) NDJSON file without parsing it: for skipped resource types. */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

export async function countLines(filePath: string): Promise<number> {
  const raw = createReadStream(filePath);
  const stream = filePath.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  let lines = 0;
  let last = 10;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) {
      lines += 1;
    }
    if (chunk.length > 0) {
      last = chunk[chunk.length - 1] ?? 10;
    }
  }
  return last === 10 ? lines : lines + 1;
}
