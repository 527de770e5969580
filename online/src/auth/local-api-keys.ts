/**
 * Development credentials for a local run: one API key per role. The service's key store
 * (api-keys.json) holds only their hashes; the keys themselves are kept beside it in
 * local-api-keys.json (0600) so the launcher and a developer's tools can use them.
 */
import path from 'node:path';
import { ROLES, type Role } from '@mediassist/shared/api';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { generateApiKey, hashApiKey, type ApiKeyEntry } from './api-key.js';
import {
  readApiKeyFile,
  readSecretJson,
  restrictSecretFile,
  writeApiKeyFile,
  writeSecretJson,
} from './api-key-file.js';

export const LOCAL_CREDENTIALS_FILE = 'local-api-keys.json';

const LocalCredentialsSchema = z.object({
  keys: z.object({ clinician: z.string(), 'data-scientist': z.string(), admin: z.string() }),
});

export interface LocalApiKeys {
  /** The hashed key store the service reads. */
  readonly keysFile: string;
  /** The plain keys, for local tools only. */
  readonly credentialsFile: string;
  readonly keys: Readonly<Record<Role, string>>;
  /** Roles whose key was created (or re-created) by this call. */
  readonly created: readonly Role[];
}

export interface EnsureLocalApiKeysOptions {
  /** The service's key store, normally `$MEDIASSIST_HOME/secrets/api-keys.json`; the plain keys go beside it. */
  keysFile: string;
  clock: Clock;
}

export function localKeyId(role: Role): string {
  return `local-${role}`;
}

/**
 * Loads the local keys, creating any that are missing or whose hash is no longer in api-keys.json.
 * Other entries in api-keys.json are kept. Idempotent; returns secrets, so never log the result.
 */
export async function ensureLocalApiKeys(
  options: EnsureLocalApiKeysOptions,
): Promise<LocalApiKeys> {
  const { keysFile, clock } = options;
  const credentialsFile = path.join(path.dirname(keysFile), LOCAL_CREDENTIALS_FILE);
  const entries = await readApiKeyFile(keysFile);
  const stored = await readSecretJson(credentialsFile, LocalCredentialsSchema);

  const keys = {} as Record<Role, string>;
  const created: Role[] = [];
  let next: ApiKeyEntry[] = entries;
  for (const role of ROLES) {
    const id = localKeyId(role);
    const existing = stored?.keys[role];
    const entry = next.find((e) => e.id === id);
    if (existing !== undefined && entry?.sha256 === hashApiKey(existing)) {
      keys[role] = existing;
      continue;
    }
    const key = generateApiKey();
    keys[role] = key;
    created.push(role);
    next = [
      ...next.filter((e) => e.id !== id),
      {
        id,
        subject: id,
        roles: [role],
        sha256: hashApiKey(key),
        createdAt: new Date(clock.now()).toISOString(),
      },
    ];
  }
  if (created.length > 0) {
    await writeApiKeyFile(keysFile, next);
    await writeSecretJson(credentialsFile, { keys });
  }
  await restrictSecretFile(keysFile);
  await restrictSecretFile(credentialsFile);
  return { keysFile, credentialsFile, keys, created };
}
