import { readFileSync } from 'node:fs';

/**
 * Waits until `logFile` holds `line` `count` times (60 s at most): a cluster answers as soon as its
 * first worker listens, and connections opened before the others do would all stay on the first.
 */
export async function logSays(logFile: string, line: string, count = 1): Promise<void> {
  const until = Date.now() + 60_000;
  while (readFileSync(logFile, 'utf8').split(line).length - 1 < count) {
    if (Date.now() > until) {
      throw new Error(`${logFile} did not say "${line}" ${String(count)} times`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
