/**
 * Where the web app's demo patient list comes from: a few pseudonyms sampled from the online store
 * (Redis SCAN over the per-patient hashes; keys come from the feature store's one key builder), or a
 * fixed list in tests. Only for local demos of synthetic data: main.ts wires it when
 * WEB_DEMO_PATIENTS is on (the default for local runs; set it false in production).
 */
import { createOnlineStoreKeys } from '@mediassist/feature-store/online';
import { isPatientId, type PatientId } from '@mediassist/shared/ids';

export interface DemoPatientSource {
  /** Up to `limit` patient pseudonyms with stored features, sorted. */
  sample(limit: number): Promise<PatientId[]>;
}

/** The one Redis call the source makes; an ioredis client fits. */
export interface ScanClient {
  scan(
    cursor: string,
    match: 'MATCH',
    pattern: string,
    count: 'COUNT',
    n: number,
  ): Promise<[string, string[]]>;
}

export interface RedisDemoPatientSourceOptions {
  redis: ScanClient;
  /** The online store's key prefix (REDIS_KEY_PREFIX). */
  keyPrefix: string;
  /** SCAN calls at most per sample, so a huge keyspace never makes the list slow. */
  maxScans?: number;
}

/** Escapes Redis glob characters so a prefix is matched literally. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

/** `<prefix>fs:{pt_*}`: built from the store's own key function, so the layout lives in one place. */
export function patientKeyPattern(keyPrefix: string): {
  pattern: string;
  idOf: (key: string) => PatientId | undefined;
} {
  const keys = createOnlineStoreKeys(keyPrefix);
  const marker = 'pt_0123456789abcdef0123456789abcdef' as PatientId;
  const sample = keys.patient(marker);
  const [head = '', tail = ''] = sample.split(marker);
  return {
    pattern: `${escapeGlob(head)}pt_*${escapeGlob(tail)}`,
    idOf: (key) => {
      if (!key.startsWith(head) || !key.endsWith(tail)) {
        return undefined;
      }
      const id = key.slice(head.length, key.length - tail.length);
      return isPatientId(id) ? id : undefined;
    },
  };
}

export function createRedisDemoPatientSource(
  options: RedisDemoPatientSourceOptions,
): DemoPatientSource {
  const { redis, keyPrefix, maxScans = 20 } = options;
  const { pattern, idOf } = patientKeyPattern(keyPrefix);
  return {
    async sample(limit) {
      const found = new Set<PatientId>();
      let cursor = '0';
      for (let scans = 0; scans < maxScans; scans++) {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        for (const key of keys) {
          const id = idOf(key);
          if (id !== undefined) {
            found.add(id);
          }
        }
        cursor = next;
        if (cursor === '0' || found.size >= limit) {
          break;
        }
      }
      return [...found].sort().slice(0, limit);
    },
  };
}

export function createStaticDemoPatientSource(ids: readonly PatientId[]): DemoPatientSource {
  return {
    sample: (limit) => Promise.resolve([...ids].sort().slice(0, limit)),
  };
}
