/** API keys: `mak_` + 43 base64url characters (256 random bits); only their SHA-256 is ever stored. */
import { hash, randomBytes } from 'node:crypto';
import { RoleSchema } from '@mediassist/shared/api';
import { z } from 'zod';

export const API_KEY_PREFIX = 'mak_';

export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * Lower-case hex SHA-256 of the key (UTF-8): what api-keys.json and `API_KEYS` hold. Computed for
 * every authenticated request, with the one-shot `crypto.hash` (no Hash object: ~0.5 µs instead
 * of ~1.5–2 µs).
 */
export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/** One configured key: who it stands for, what it may do, and the hash of the secret. */
export const ApiKeyEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
  subject: z.string().min(1).max(128),
  roles: z.array(RoleSchema).min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.iso.datetime().optional(),
  expiresAt: z.iso.datetime().optional(),
});
export type ApiKeyEntry = z.infer<typeof ApiKeyEntrySchema>;

/** `$MEDIASSIST_HOME/secrets/api-keys.json` (mode 0600). */
export const ApiKeyFileSchema = z.object({ keys: z.array(ApiKeyEntrySchema) });
export type ApiKeyFile = z.infer<typeof ApiKeyFileSchema>;
