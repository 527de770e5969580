import { describe, expect, it } from 'vitest';
import { crc64Jones } from './crc64-jones.js';
import { Crc64JonesFooters } from './crc64-jones-wasm.js';

const footers = Crc64JonesFooters.create();

function footerOf(bytes: Uint8Array, end: number): string {
  return Buffer.from(bytes.subarray(end, end + 8)).toString('hex');
}

function jsFooter(bytes: Uint8Array, start: number, end: number): string {
  const { low, high } = crc64Jones({ bytes, start, end });
  const out = Buffer.alloc(8);
  out.writeUInt32LE(low, 0);
  out.writeUInt32LE(high, 4);
  return out.toString('hex');
}

describe('Crc64JonesFooters', () => {
  it('is available in Node', () => {
    expect(footers).toBeDefined();
  });

  it("gives Redis's crc64.c test vector for 123456789 (e9c6d914c4b8d9ca)", () => {
    const bytes = new Uint8Array(9 + 8);
    bytes.set(Buffer.from('123456789'));
    footers?.fill({ bytes, ranges: Int32Array.of(0, 9), count: 1 });
    expect(footerOf(bytes, 9)).toBe('cad9b8c414d9c6e9'); // little-endian
  });

  it('matches the JavaScript implementation for every length and offset around the stride', () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 73 + 41 + (i >> 7)) & 0xff);
    const ranges: number[] = [];
    let at = 0;
    for (let length = 0; length <= 70; length++) {
      ranges.push(at + (length % 5), at + (length % 5) + length);
      at += length + 5 + 8;
    }
    const expected = Array.from({ length: ranges.length / 2 }, (_, i) =>
      jsFooter(bytes, ranges[2 * i] ?? 0, ranges[2 * i + 1] ?? 0),
    );
    footers?.fill({ bytes, ranges: Int32Array.from(ranges), count: ranges.length / 2 });
    expect(ranges.filter((_, i) => i % 2 === 1).map((end) => footerOf(bytes, end))).toEqual(
      expected,
    );
  });

  it('grows its memory for large buffers and leaves the rest of the buffer as it was', () => {
    const size = 3 * 65_536 + 123;
    const bytes = Uint8Array.from({ length: size + 8 }, (_, i) => (i * 31) & 0xff);
    const before = Uint8Array.from(bytes);
    const expected = jsFooter(bytes, 0, size);
    footers?.fill({ bytes, ranges: Int32Array.of(0, size), count: 1 });
    expect(footerOf(bytes, size)).toBe(expected);
    expect(Buffer.compare(bytes.subarray(0, size), before.subarray(0, size))).toBe(0);
  });
});
