import { AppError } from '@mediassist/shared/errors';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock.js';
import { hashApiKey } from './api-key.js';
import { createApiKeyStore } from './api-key-store.js';

const entry = (id: string, key: string, extra = {}) => ({
  id,
  subject: `sub-${id}`,
  roles: ['clinician' as const],
  sha256: hashApiKey(key),
  ...extra,
});

describe('createApiKeyStore', () => {
  it('resolves a known key to its subject and roles', () => {
    const store = createApiKeyStore({ entries: [entry('a', 'key-a')], clock: createManualClock() });
    expect(store.verify('key-a')).toEqual({
      subject: 'sub-a',
      roles: ['clinician'],
      via: 'api-key',
    });
  });

  it('rejects an unknown key and an expired key with UNAUTHENTICATED', () => {
    const clock = createManualClock(Date.parse('2026-11-22T00:00:00Z'));
    const store = createApiKeyStore({
      entries: [entry('old', 'key-old', { expiresAt: '2026-11-21T00:00:00Z' })],
      clock,
    });
    expect(() => store.verify('key-new')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED', message: 'API key not recognised' }),
    );
    expect(() => store.verify('key-old')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED', message: 'API key expired' }),
    );
  });

  it('refuses duplicate ids or hashes at start-up, naming only the id', () => {
    const clock = createManualClock();
    const build = () =>
      createApiKeyStore({ entries: [entry('a', 'same'), entry('b', 'same')], clock });
    expect(build).toThrow(AppError);
    expect(build).toThrow('Duplicate API key entry b');
  });
});
