import { describe, expect, it } from 'vitest';
import { RespWriter, encodeBulk } from './resp-writer.js';

describe('RespWriter', () => {
  it('writes arrays of bulk strings in RESP2', () => {
    const writer = new RespWriter(4);
    writer.arrayHeader(3);
    writer.bulk(Buffer.from('HGET'));
    writer.bulkParts([Buffer.from('k:{'), Buffer.from('é'), Buffer.from('}')]);
    writer.bulkUint(1_763_000_000_123);
    expect(writer.slice(0).toString()).toBe(
      '*3\r\n$4\r\nHGET\r\n$6\r\nk:{é}\r\n$13\r\n1763000000123\r\n',
    );
  });

  it('keeps earlier slices intact when it grows', () => {
    const writer = new RespWriter(8);
    writer.bulkUint(0);
    const first = writer.slice(0);
    writer.bulk(new Uint8Array(1000));
    expect(first.toString()).toBe('$1\r\n0\r\n');
    expect(writer.length).toBe(7 + 1000 + 9);
  });

  it('rejects numbers RESP cannot carry as integers', () => {
    expect(() => {
      new RespWriter().bulkUint(1.5);
    }).toThrow(RangeError);
    expect(() => {
      new RespWriter().bulkUint(-1);
    }).toThrow(RangeError);
  });

  it('pre-encodes a bulk string with its UTF-8 length', () => {
    expect(encodeBulk('aé').toString()).toBe('$3\r\naé\r\n');
  });
});

describe('RespWriter integers', () => {
  it.each([0, 7, 10, 99_999_999, 100_000_000, 1_763_000_000_123, Number.MAX_SAFE_INTEGER])(
    'writes %d exactly as its decimal string',
    (n) => {
      const writer = new RespWriter(8);
      writer.bulkUint(n);
      writer.bulkUint(n);
      writer.arrayHeader(n);
      const digits = String(n);
      expect(writer.slice(0).toString()).toBe(
        `$${String(digits.length)}\r\n${digits}\r\n`.repeat(2) + `*${digits}\r\n`,
      );
    },
  );
});
