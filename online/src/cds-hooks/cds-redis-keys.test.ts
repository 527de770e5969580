import { describe, expect, it } from 'vitest';
import { createCdsKeys } from './cds-redis-keys.js';

describe('createCdsKeys', () => {
  it('builds card and token-id keys under the prefix', () => {
    const keys = createCdsKeys('mediassist:');
    expect(keys.card('4e0a3a1e-3283-4575-ab82-028d55fe2719')).toBe(
      'mediassist:cds:card:4e0a3a1e-3283-4575-ab82-028d55fe2719',
    );
    expect(keys.jti('ab12')).toBe('mediassist:cds:jti:ab12');
  });
});
