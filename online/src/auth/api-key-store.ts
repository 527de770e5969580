/** Verifies presented API keys against configured SHA-256 hashes (a keyed map lookup: no secret is compared). */
import { AppError } from '@mediassist/shared/errors';
import type { Clock } from '../clock.js';
import { hashApiKey, type ApiKeyEntry } from './api-key.js';
import type { Caller } from './caller.js';

export interface ApiKeyStore {
  /** The caller for a valid key; throws UNAUTHENTICATED for an unknown or expired key. */
  verify(key: string): Caller;
  readonly size: number;
}

export interface ApiKeyStoreOptions {
  entries: readonly ApiKeyEntry[];
  clock: Clock;
}

/** Throws CONFIG_INVALID when two entries share an id or a hash (ids only in the message). */
export function createApiKeyStore(options: ApiKeyStoreOptions): ApiKeyStore {
  const { entries, clock } = options;
  const byHash = new Map<string, ApiKeyEntry>();
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id) || byHash.has(entry.sha256)) {
      throw new AppError('CONFIG_INVALID', `Duplicate API key entry ${entry.id}`);
    }
    ids.add(entry.id);
    byHash.set(entry.sha256, entry);
  }
  return {
    size: byHash.size,
    verify(key) {
      const entry = byHash.get(hashApiKey(key));
      if (!entry) {
        throw new AppError('UNAUTHENTICATED', 'API key not recognised');
      }
      if (entry.expiresAt !== undefined && Date.parse(entry.expiresAt) <= clock.now()) {
        throw new AppError('UNAUTHENTICATED', 'API key expired');
      }
      return { subject: entry.subject, roles: entry.roles, via: 'api-key' };
    },
  };
}
