import { describe, expect, it } from 'vitest';
import type { PatientId } from '../ids.js';
import { createNearlineKeys, patientIdOfPendingKey } from './nearline-keys.js';

const P = `pt_${'0'.repeat(31)}7` as PatientId;

describe('createNearlineKeys', () => {
  it('builds every key with the prefix and a Redis Cluster hash tag', () => {
    const keys = createNearlineKeys('t:1:');
    expect(keys.queuePrefix).toBe('t:1:{nearline}');
    expect(keys.pending(P)).toBe(`t:1:nl:{${P}}:pending`);
    expect(keys.done(P)).toBe(`t:1:nl:{${P}}:done`);
    expect(keys.state(P)).toBe(`t:1:nl:{${P}}:state`);
    expect(keys.pendingPattern).toBe('t:1:nl:{pt_*}:pending');
    expect(keys.lakeStream).toBe('t:1:{nearline-lake}:events');
    expect(keys.lakeWritten).toBe('t:1:{nearline-lake}:written');
    expect(keys.lakeIntents).toBe('t:1:{nearline-lake}:intents');
    expect(createNearlineKeys().pending(P)).toBe(`mediassist:nl:{${P}}:pending`);
  });

  it('refuses prefixes that would break hash tags or SCAN patterns', () => {
    expect(() => createNearlineKeys('{x}:')).toThrow(/braces/);
    expect(() => createNearlineKeys('a b:')).toThrow();
    expect(() => createNearlineKeys('a*:')).toThrow();
  });

  it('reads the patient id back from a pending key and ignores foreign keys', () => {
    const keys = createNearlineKeys('t:1:');
    expect(patientIdOfPendingKey(keys, keys.pending(P))).toBe(P);
    expect(patientIdOfPendingKey(keys, keys.done(P))).toBeUndefined();
    expect(patientIdOfPendingKey(keys, 't:1:nl:{pt_zz}:pending')).toBeUndefined();
  });
});
