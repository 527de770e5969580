import { describe, expect, it } from 'vitest';
import { crc64Jones } from './crc64-jones.js';

const hex = (crc: { low: number; high: number }) =>
  crc.high.toString(16).padStart(8, '0') + crc.low.toString(16).padStart(8, '0');

/** Bit by bit with BigInt: the definition, to hold the table-driven version to. */
function reference(bytes: Uint8Array): string {
  const poly = 0x95ac9329ac4bc9b5n;
  let crc = 0n;
  for (const byte of bytes) {
    crc ^= BigInt(byte);
    for (let k = 0; k < 8; k++) {
      crc = crc & 1n ? (crc >> 1n) ^ poly : crc >> 1n;
    }
  }
  return crc.toString(16).padStart(16, '0');
}

describe('crc64Jones', () => {
  it('gives the check value of CRC-64/Jones as Redis uses it (crc64.c test)', () => {
    expect(hex(crc64Jones({ bytes: Buffer.from('123456789') }))).toBe('e9c6d914c4b8d9ca');
  });

  it('matches the bitwise definition for every length around the 8-byte stride', () => {
    const bytes = Uint8Array.from({ length: 70 }, (_, i) => (i * 73 + 41) & 0xff);
    for (let length = 0; length <= bytes.length; length++) {
      expect(hex(crc64Jones({ bytes, end: length }))).toBe(reference(bytes.subarray(0, length)));
    }
  });

  it('continues a running checksum across ranges', () => {
    const bytes = Buffer.from('The quick brown fox jumps over the lazy dog');
    const first = crc64Jones({ bytes, end: 13 });
    expect(hex(crc64Jones({ bytes, start: 13, crc: first }))).toBe(hex(crc64Jones({ bytes })));
  });
});
