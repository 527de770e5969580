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

  it('names a byte-order mark and a lone surrogate instead of the vague "unreadable"', () => {
    expect(unreadableReason(bytes('\uFEFF{"resourceType":"Patient","id":"1"}'))).toBe(
      'byte-order-mark',
    );
    expect(unreadableReason(bytes(String.raw`{"resourceType":"Patient","id":"a\ud800"}`))).toBe(
      'lone-surrogate',
    );
    expect(unreadableReason(bytes(String.raw`{"resourceType":"Patient","x":{"\udc00":[1]}}`))).toBe(
      'lone-surrogate',
    );
    // A proper pair and an escaped backslash before "u" are not lone surrogates.
    expect(
      unreadableReason(bytes(String.raw`{"resourceType":"Patient","id":"\ud83d\ude00"}`)),
    ).toBe('unreadable');
    expect(unreadableReason(bytes(String.raw`{"resourceType":"Patient","id":"\\ud800"}`))).toBe(
      'unreadable',
    );
  });
});
