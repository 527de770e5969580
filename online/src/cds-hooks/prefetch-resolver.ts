/**
 * The data a service needs, by prefetch key: what the CDS client prefetched when present (a `null`
 * value means "no data", which is an answer), otherwise read from its FHIR server with the granted
 * token, all keys in parallel under one deadline. Keys that stay unread are listed with a reason so
 * the cards can say what was not checked.
 */
import type { CdsHookRequest } from '@mediassist/shared/api';
import type { FhirFetcher, FhirReadFailure } from './fhir-fetcher.js';
import { renderPrefetchTemplate } from './prefetch-template.js';
import { prefetchTemplate, type PrefetchKey } from './service-catalog.js';

/** Why a key has no data: a FHIR read failure, no prefetch and no server, or a missing context field. */
export type PrefetchGapReason = FhirReadFailure | 'not-prefetched' | 'no-context-value';

export interface PrefetchGap {
  key: PrefetchKey;
  reason: PrefetchGapReason;
}

export interface ResolvedPrefetch {
  /** Key → FHIR resource or Bundle, or null when the client has no data. Absent: could not be read. */
  values: ReadonlyMap<PrefetchKey, unknown>;
  gaps: readonly PrefetchGap[];
  /** Keys read from the FHIR server (not prefetched). */
  fetched: readonly PrefetchKey[];
}

export interface ResolvePrefetchOptions {
  keys: readonly PrefetchKey[];
  request: Pick<CdsHookRequest, 'context' | 'prefetch' | 'fhirServer' | 'fhirAuthorization'>;
  fetcher: FhirFetcher;
  timeoutMs: number;
}

export async function resolvePrefetch(options: ResolvePrefetchOptions): Promise<ResolvedPrefetch> {
  const { keys, request, fetcher, timeoutMs } = options;
  const values = new Map<PrefetchKey, unknown>();
  const gaps: PrefetchGap[] = [];
  const toFetch: { key: PrefetchKey; query: string }[] = [];
  for (const key of keys) {
    const prefetch = request.prefetch;
    if (prefetch !== undefined && Object.hasOwn(prefetch, key)) {
      values.set(key, prefetch[key] ?? null);
      continue;
    }
    if (request.fhirServer === undefined) {
      gaps.push({ key, reason: 'not-prefetched' });
      continue;
    }
    const query = renderPrefetchTemplate(prefetchTemplate(key), request.context);
    if (query === undefined) {
      gaps.push({ key, reason: 'no-context-value' });
    } else {
      toFetch.push({ key, query });
    }
  }
  if (toFetch.length === 0 || request.fhirServer === undefined) {
    return { values, gaps, fetched: [] };
  }
  const fhirServer = request.fhirServer;
  const signal = AbortSignal.timeout(timeoutMs);
  const outcomes = await Promise.all(
    toFetch.map(async ({ key, query }) => ({
      key,
      outcome: await fetcher.read({
        fhirServer,
        query,
        accessToken: request.fhirAuthorization?.access_token,
        signal,
      }),
    })),
  );
  const fetched: PrefetchKey[] = [];
  for (const { key, outcome } of outcomes) {
    if (outcome.ok) {
      values.set(key, outcome.resource);
      fetched.push(key);
    } else {
      gaps.push({ key, reason: outcome.reason });
    }
  }
  return { values, gaps, fetched };
}
