import { describe, expect, it } from 'vitest';
import {
  backlenSize,
  encodeListpack,
  entrySize,
  listpackInteger,
  writeBacklen,
  writeEntry,
} from './listpack.js';

const text = (s: string) => Buffer.from(s);
const asInteger = (s: string) => listpackInteger(text(s), 0, s.length);
const entry = (s: string | Uint8Array) => {
  const bytes = typeof s === 'string' ? text(s) : s;
  const out = new Uint8Array(entrySize(bytes, 0, bytes.byteLength));
  expect(writeEntry(out, { bytes, from: 0, to: bytes.byteLength }, 0)).toBe(out.byteLength);
  return [...out];
};

describe('listpackInteger (lpStringToInt64)', () => {
  it('reads canonical decimal int64 text as integers', () => {
    expect(asInteger('0')).toBe(0);
    expect(asInteger('1')).toBe(1);
    expect(asInteger('-7')).toBe(-7);
    expect(asInteger('1763000000123')).toBe(1_763_000_000_123);
    expect(asInteger('9223372036854775807')).toBe(9_223_372_036_854_775_807n);
    expect(asInteger('-9223372036854775808')).toBe(-9_223_372_036_854_775_808n);
  });

  it('leaves everything else a string', () => {
    for (const s of ['', '-', '-0', '007', '+1', ' 1', '1 ', '1.5', '9223372036854775808', '{}']) {
      expect(asInteger(s), s).toBeUndefined();
    }
    expect(asInteger('123456789012345678901')).toBeUndefined(); // 21 characters
  });
});

describe('entries', () => {
  it('encodes integers in the smallest form, each with a 1-byte backlen', () => {
    expect(entry('5')).toEqual([5, 1]);
    expect(entry('127')).toEqual([127, 1]);
    expect(entry('128')).toEqual([0xc0, 128, 2]);
    expect(entry('-1')).toEqual([0xdf, 0xff, 2]); // 13-bit two's complement
    expect(entry('4096')).toEqual([0xf1, 0x00, 0x10, 3]);
    expect(entry('-40000')).toEqual([0xf2, 0xc0, 0x63, 0xff, 4]);
    expect(entry('100000000')).toEqual([0xf3, 0x00, 0xe1, 0xf5, 0x05, 5]);
    expect(entry('1763000000123')).toEqual([0xf4, 0x7b, 0x1e, 0xfd, 0x7a, 0x9a, 0x01, 0, 0, 9]);
  });

  it('encodes strings with 6-, 12- and 32-bit lengths and a backlen of their size', () => {
    expect(entry('ab')).toEqual([0x82, 0x61, 0x62, 3]);
    const s63 = entry('x'.repeat(63));
    expect([s63[0], s63.at(-1)]).toEqual([0x80 | 63, 64]);
    const s64 = entry('x'.repeat(64));
    expect([s64[0], s64[1], ...s64.slice(-1)]).toEqual([0xe0, 64, 66]);
    const s200 = entry('x'.repeat(200)); // 202 bytes before the backlen: two 7-bit groups
    expect(s200.slice(-2)).toEqual([1, (202 & 127) | 128]);
    const s5000 = entry('x'.repeat(5000));
    expect(s5000.slice(0, 5)).toEqual([0xf0, 0x88, 0x13, 0, 0]);
    expect(s5000.length).toBe(5 + 5000 + 2);
  });

  it('writes backlens in 7-bit groups, most significant first', () => {
    const out = new Uint8Array(5);
    expect(backlenSize(127)).toBe(1);
    expect(backlenSize(16_382)).toBe(2);
    expect(backlenSize(16_383)).toBe(3);
    expect(writeBacklen(out, 16_383, 0)).toBe(3);
    expect([...out.subarray(0, 3)]).toEqual([0, 0xff, 0xff]);
  });
});

describe('encodeListpack', () => {
  it('writes the header (total bytes, element count), the entries and 0xFF', () => {
    expect([...encodeListpack([text('f'), text('1')])]).toEqual([
      12, 0, 0, 0, 2, 0, 0x81, 0x66, 2, 1, 1, 0xff,
    ]);
  });
});
