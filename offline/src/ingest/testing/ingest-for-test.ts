/** Runs ingest with test deps (silent, the test key, the shipped KB, a fixed reference date). */
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { TEST_PSEUDONYM_KEY, noProgress, silentLogger } from '../../lake/testing/lake-test-kit.js';
import { runIngest, type IngestOptions, type IngestResult } from '../run-ingest.js';

/** The reference date fixture tests pin, so ages do not drift with the calendar. */
export const FIXTURE_AS_OF = new Date('2025-12-31T00:00:00Z');

export function ingestForTest(
  options: Omit<IngestOptions, 'asOf'> & { asOf?: Date; signal?: AbortSignal },
): Promise<IngestResult> {
  const { signal = new AbortController().signal, asOf = FIXTURE_AS_OF, ...rest } = options;
  return runIngest(
    {
      kb: loadKnowledgeBase(),
      key: TEST_PSEUDONYM_KEY,
      logger: silentLogger,
      progress: noProgress,
      signal,
    },
    { ...rest, asOf, threads: 2 },
  );
}
