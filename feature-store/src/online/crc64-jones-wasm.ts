/**
 * CRC-64/Jones over many ranges of one buffer in WebAssembly: slicing-by-8 on 64-bit words, one
 * table load per byte, where JavaScript (crc64-jones.ts) needs two (32-bit halves). The module is
 * hand-assembled below from its instructions (about 200 bytes, compiled synchronously at start;
 * no download, no build step). Tables come from crc64-jones.ts, so both implementations share
 * them; crc64-jones-wasm.test.ts holds this one to the JavaScript one and to Redis's test vector.
 */
import { CRC64_JONES_TABLES } from './crc64-jones.js';

/** 8 tables × 256 entries × 8 bytes at the start of memory; then the ranges, then the data. */
const TABLE_BYTES = 8 * 256 * 8;
const PAGE = 65_536;

// Opcodes and value types used below (WebAssembly core spec, binary format).
const I32 = 0x7f;
const I64 = 0x7e;
const OP = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  call: 0x10,
  localGet: 0x20,
  localSet: 0x21,
  i32Load: 0x28,
  i64Load: 0x29,
  i64Load8U: 0x31,
  i64Store: 0x37,
  i32Const: 0x41,
  i64Const: 0x42,
  i32Eqz: 0x45,
  i32GtU: 0x4b,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32And: 0x71,
  i32Shl: 0x74,
  i64Xor: 0x85,
  i64ShrU: 0x88,
  i32WrapI64: 0xa7,
} as const;
const VOID_BLOCK = 0x40;

function uleb(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    out.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
  return out;
}

/** Signed LEB128 of a small non-negative constant (as i32.const / i64.const take it). */
function sleb(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    if (rest === 0 && (byte & 0x40) === 0) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** `table[(x >>> shift) & 0xff]` for table `t`, x in local 3 (an i64). */
function tableLookup(t: number, shift: number): number[] {
  return [
    OP.localGet,
    3,
    ...(shift > 0 ? [OP.i64Const, ...sleb(shift), OP.i64ShrU] : []),
    OP.i32WrapI64,
    ...(shift < 56 ? [OP.i32Const, ...sleb(0xff), OP.i32And] : []),
    OP.i32Const,
    3,
    OP.i32Shl,
    OP.i64Load,
    3,
    ...uleb(t * 2048),
  ];
}

/** crc(start: i32, end: i32) -> i64; locals: 2 = crc (i64), 3 = x (i64). */
const CRC_BODY = [
  ...[1, 2, I64], // locals: two i64
  // while (start + 8 <= end): crc = slice8(crc ^ load64(start)); start += 8
  OP.block,
  VOID_BLOCK,
  OP.loop,
  VOID_BLOCK,
  ...[OP.localGet, 0, OP.i32Const, 8, OP.i32Add, OP.localGet, 1, OP.i32GtU, OP.brIf, 1],
  ...[OP.localGet, 2, OP.localGet, 0, OP.i64Load, 0, 0, OP.i64Xor, OP.localSet, 3],
  ...tableLookup(7, 0),
  ...[1, 2, 3, 4, 5, 6, 7].flatMap((j) => [...tableLookup(7 - j, 8 * j), OP.i64Xor]),
  ...[OP.localSet, 2],
  ...[OP.localGet, 0, OP.i32Const, 8, OP.i32Add, OP.localSet, 0],
  ...[OP.br, 0, OP.end, OP.end],
  // while (start < end): crc = table0[(crc ^ byte) & 0xff] ^ (crc >>> 8); start += 1
  OP.block,
  VOID_BLOCK,
  OP.loop,
  VOID_BLOCK,
  ...[OP.localGet, 0, OP.localGet, 1, OP.i32GeU, OP.brIf, 1],
  ...[OP.localGet, 2, OP.localGet, 0, OP.i64Load8U, 0, 0, OP.i64Xor, OP.i32WrapI64],
  ...[OP.i32Const, ...sleb(0xff), OP.i32And, OP.i32Const, 3, OP.i32Shl, OP.i64Load, 3, 0],
  ...[OP.localGet, 2, OP.i64Const, 8, OP.i64ShrU, OP.i64Xor, OP.localSet, 2],
  ...[OP.localGet, 0, OP.i32Const, 1, OP.i32Add, OP.localSet, 0],
  ...[OP.br, 0, OP.end, OP.end],
  ...[OP.localGet, 2, OP.end],
];

/**
 * many(ranges: i32, count: i32): for each (start, end) i32 pair at `ranges`, stores the CRC of
 * [start, end) as a little-endian i64 at `end`. Local 2 = end.
 */
const MANY_BODY = [
  ...[1, 1, I32],
  OP.block,
  VOID_BLOCK,
  OP.loop,
  VOID_BLOCK,
  ...[OP.localGet, 1, OP.i32Eqz, OP.brIf, 1],
  ...[OP.localGet, 0, OP.i32Load, 2, 4, OP.localSet, 2],
  ...[OP.localGet, 2, OP.localGet, 0, OP.i32Load, 2, 0, OP.localGet, 2, OP.call, 0],
  ...[OP.i64Store, 0, 0],
  ...[OP.localGet, 0, OP.i32Const, 8, OP.i32Add, OP.localSet, 0],
  ...[OP.localGet, 1, OP.i32Const, 1, OP.i32Sub, OP.localSet, 1],
  ...[OP.br, 0, OP.end, OP.end, OP.end],
];

function section(id: number, content: readonly number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function name(text: string): number[] {
  return [text.length, ...Array.from(text, (c) => c.charCodeAt(0))];
}

const MODULE = Uint8Array.from([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // \0asm, version 1
  ...section(1, [2, 0x60, 2, I32, I32, 1, I64, 0x60, 2, I32, I32, 0]), // types
  ...section(3, [2, 0, 1]), // functions: crc (type 0), many (type 1)
  ...section(5, [1, 0, 1]), // one memory, at least 1 page
  ...section(7, [2, ...name('memory'), 2, 0, ...name('many'), 0, 1]), // exports
  ...section(10, [
    2,
    ...uleb(CRC_BODY.length),
    ...CRC_BODY,
    ...uleb(MANY_BODY.length),
    ...MANY_BODY,
  ]),
]);

/** The part of the WebAssembly API used here (the project's TypeScript lib has no DOM types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object) => { readonly exports: object };
}

/** Writes CRC-64/Jones footers into a buffer of DUMP payloads, many at a time. */
export class Crc64JonesFooters {
  readonly #memory: WasmMemory;
  readonly #many: (ranges: number, count: number) => void;

  private constructor(exports: object) {
    const { memory, many } = exports as {
      memory: WasmMemory;
      many: (ranges: number, count: number) => void;
    };
    this.#memory = memory;
    this.#many = many;
    this.#reserve(TABLE_BYTES);
    const tables = new Uint32Array(memory.buffer, 0, TABLE_BYTES / 4);
    const { low, high } = CRC64_JONES_TABLES;
    for (let i = 0; i < low.length; i++) {
      tables[2 * i] = low[i] as number;
      tables[2 * i + 1] = high[i] as number;
    }
  }

  /** Undefined where WebAssembly is unavailable (the caller then uses crc64-jones.ts). */
  static create(): Crc64JonesFooters | undefined {
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (!wasm) {
      return undefined;
    }
    return new Crc64JonesFooters(new wasm.Instance(new wasm.Module(MODULE)).exports);
  }

  /**
   * For each i < count, the CRC of `bytes[ranges[2i] .. ranges[2i + 1])` is written as 8
   * little-endian bytes at `bytes[ranges[2i + 1]]` (the DUMP payload footer).
   */
  fill(options: { bytes: Uint8Array; ranges: Int32Array; count: number }): void {
    const { bytes, ranges, count } = options;
    const rangesAt = TABLE_BYTES;
    const dataAt = rangesAt + count * 8;
    this.#reserve(dataAt + bytes.byteLength + 8);
    const buffer = this.#memory.buffer;
    const memory = new Uint8Array(buffer);
    memory.set(bytes, dataAt);
    const shifted = new Int32Array(buffer, rangesAt, 2 * count);
    for (let i = 0; i < 2 * count; i++) {
      shifted[i] = (ranges[i] as number) + dataAt;
    }
    this.#many(rangesAt, count);
    for (let i = 0; i < count; i++) {
      const end = ranges[2 * i + 1] as number;
      const from = end + dataAt;
      for (let k = 0; k < 8; k++) {
        bytes[end + k] = memory[from + k] as number;
      }
    }
  }

  #reserve(bytes: number): void {
    const have = this.#memory.buffer.byteLength;
    if (bytes > have) {
      this.#memory.grow(Math.ceil((bytes - have) / PAGE));
    }
  }
}
