import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiKeyEntrySchema, generateApiKey, hashApiKey, looksLikeApiKey } from './api-key.js';

describe('API keys', () => {
  it('generates distinct mak_ keys of 256 random bits', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a).toMatch(/^mak_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(looksLikeApiKey(a)).toBe(true);
    expect(looksLikeApiKey('eyJhbGciOiJIUzI1NiJ9.e30.x')).toBe(false);
  });

  it('hashes with SHA-256 as lower-case hex', () => {
    expect(hashApiKey('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    for (const key of [generateApiKey(), 'clé-€']) {
      expect(hashApiKey(key)).toBe(createHash('sha256').update(key, 'utf8').digest('hex'));
    }
  });

  it('accepts only entries with a hash, never a plain key', () => {
    const entry = { id: 'ehr-1', subject: 'ehr-1', roles: ['clinician'] };
    expect(ApiKeyEntrySchema.safeParse({ ...entry, sha256: hashApiKey('k') }).success).toBe(true);
    expect(ApiKeyEntrySchema.safeParse({ ...entry, sha256: generateApiKey() }).success).toBe(false);
    expect(ApiKeyEntrySchema.safeParse({ ...entry, roles: [] }).success).toBe(false);
  });
});
