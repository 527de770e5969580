/**
 * CRC-64/Jones (reflected, polynomial 0xad93d23594c935a9, init 0, no final xor): the checksum Redis
 * puts in the footer of a DUMP payload and checks on RESTORE. Slicing-by-8 over 32-bit halves, so
 * no BigInt arithmetic per byte.
 */

const TABLES = 8;
/** `TABLES` tables of 256 entries: low and high 32-bit halves. */
const LOW = new Uint32Array(256 * TABLES);
const HIGH = new Uint32Array(256 * TABLES);

{
  // Reflected polynomial 0x95ac9329ac4bc9b5 as halves.
  const polyLow = 0xac4bc9b5;
  const polyHigh = 0x95ac9329;
  for (let n = 0; n < 256; n++) {
    let low = n;
    let high = 0;
    for (let k = 0; k < 8; k++) {
      const lsb = low & 1;
      low = ((low >>> 1) | (high << 31)) >>> 0;
      high = high >>> 1;
      if (lsb) {
        low = (low ^ polyLow) >>> 0;
        high = (high ^ polyHigh) >>> 0;
      }
    }
    LOW[n] = low;
    HIGH[n] = high;
  }
  for (let t = 1; t < TABLES; t++) {
    for (let n = 0; n < 256; n++) {
      const prevLow = LOW[(t - 1) * 256 + n] ?? 0;
      const prevHigh = HIGH[(t - 1) * 256 + n] ?? 0;
      const index = prevLow & 0xff;
      LOW[t * 256 + n] =
        ((((prevLow >>> 8) | (prevHigh << 24)) >>> 0) ^ (LOW[index] as number)) >>> 0;
      HIGH[t * 256 + n] = ((prevHigh >>> 8) ^ (HIGH[index] as number)) >>> 0;
    }
  }
}

/** The slicing-by-8 tables (table t, byte n at `t * 256 + n`), as 32-bit halves; shared with crc64-jones-wasm.ts. */
export const CRC64_JONES_TABLES: { readonly low: Uint32Array; readonly high: Uint32Array } = {
  low: LOW,
  high: HIGH,
};

/** A running CRC-64/Jones (halves of the 64-bit value); reused across payloads with `reset`. */
export class Crc64Jones {
  low = 0;
  high = 0;
  /** A DataView of the last buffer seen (the encoder passes the same batch buffer many times). */
  #view: DataView | undefined;

  #viewOf(bytes: Uint8Array): DataView {
    const view = this.#view;
    if (view?.buffer === bytes.buffer && view.byteOffset === bytes.byteOffset) {
      return view;
    }
    const fresh = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#view = fresh;
    return fresh;
  }

  reset(): void {
    this.low = 0;
    this.high = 0;
  }

  /** Adds `bytes[start .. end)`. */
  update(bytes: Uint8Array, start: number, end: number): void {
    let position = start;
    let low = this.low;
    let high = this.high;
    if (end - start >= 64) {
      // Whole 32-bit little-endian words through a DataView: two loads instead of eight.
      const view = this.#viewOf(bytes);
      for (; position + 8 <= end; position += 8) {
        const a = (low ^ view.getUint32(position, true)) >>> 0;
        const b = (high ^ view.getUint32(position + 4, true)) >>> 0;
        low =
          ((LOW[7 * 256 + (a & 0xff)] as number) ^
            (LOW[6 * 256 + ((a >>> 8) & 0xff)] as number) ^
            (LOW[5 * 256 + ((a >>> 16) & 0xff)] as number) ^
            (LOW[4 * 256 + (a >>> 24)] as number) ^
            (LOW[3 * 256 + (b & 0xff)] as number) ^
            (LOW[2 * 256 + ((b >>> 8) & 0xff)] as number) ^
            (LOW[256 + ((b >>> 16) & 0xff)] as number) ^
            (LOW[b >>> 24] as number)) >>>
          0;
        high =
          ((HIGH[7 * 256 + (a & 0xff)] as number) ^
            (HIGH[6 * 256 + ((a >>> 8) & 0xff)] as number) ^
            (HIGH[5 * 256 + ((a >>> 16) & 0xff)] as number) ^
            (HIGH[4 * 256 + (a >>> 24)] as number) ^
            (HIGH[3 * 256 + (b & 0xff)] as number) ^
            (HIGH[2 * 256 + ((b >>> 8) & 0xff)] as number) ^
            (HIGH[256 + ((b >>> 16) & 0xff)] as number) ^
            (HIGH[b >>> 24] as number)) >>>
          0;
      }
    }
    for (; position < end; position++) {
      const index = (low ^ (bytes[position] as number)) & 0xff;
      low = ((((low >>> 8) | (high << 24)) >>> 0) ^ (LOW[index] as number)) >>> 0;
      high = ((high >>> 8) ^ (HIGH[index] as number)) >>> 0;
    }
    this.low = low;
    this.high = high;
  }
}

/** The CRC of `bytes[start .. end)`, continuing from `crc` (halves; from 0, 0 when absent). */
export function crc64Jones(options: {
  bytes: Uint8Array;
  start?: number;
  end?: number;
  crc?: { low: number; high: number };
}): { low: number; high: number } {
  const crc = new Crc64Jones();
  crc.low = options.crc?.low ?? 0;
  crc.high = options.crc?.high ?? 0;
  crc.update(options.bytes, options.start ?? 0, options.end ?? options.bytes.byteLength);
  return { low: crc.low, high: crc.high };
}
