import { describe, expect, it } from 'vitest';
import { unreadableReason } from './quarantine.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('unreadable lines', () => {
  it('names why DuckDB could not read a line', () => {
    expect(unreadableReason(bytes('{"resourceType": "Patient", '))).toBe('invalid-json');
    expect(unreadableReason(new Uint8Array([0x7b, 0xff, 0x7d]))).toBe('invalid-utf8');
    expect(unreadableReason(bytes('[{"resourceType":"Patient"}]'))).toBe('not-an-object');
    expect(unreadableReason(bytes('42'))).toBe('not-an-object');
    expect(unreadableReason(bytes('{"id":"1"}'))).toBe('missing-required:resourceType');
  });
});
