import { describe, expect, it } from 'vitest';
import { DEFAULT_KEY_PREFIX, rateLimitKey } from './redis-keys.js';

describe('redis keys', () => {
  it('builds the rate-limit bucket key', () => {
    expect(rateLimitKey(DEFAULT_KEY_PREFIX, 'local-clinician')).toBe(
      'mediassist:online:ratelimit:local-clinician',
    );
    expect(rateLimitKey('t:1234:', 'dr-1')).toBe('t:1234:online:ratelimit:dr-1');
  });
});
