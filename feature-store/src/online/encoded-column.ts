/** Building and slicing `EncodedColumn`s: many byte strings in one buffer plus offsets (Arrow's layout). */
import type { EncodedColumn } from './online-store.js';

/** Packs values into one column; `undefined` becomes an empty slot. */
export function buildEncodedColumn(values: readonly (Uint8Array | undefined)[]): EncodedColumn {
  const offsets = new Int32Array(values.length + 1);
  let total = 0;
  values.forEach((value, i) => {
    total += value?.byteLength ?? 0;
    offsets[i + 1] = total;
  });
  const bytes = new Uint8Array(total);
  values.forEach((value, i) => {
    if (value) {
      bytes.set(value, offsets[i]);
    }
  });
  return { bytes, offsets };
}

/** Value `row` of the column, without copying. */
export function columnValue(column: EncodedColumn, row: number): Uint8Array {
  return column.bytes.subarray(column.offsets[row], column.offsets[row + 1]);
}

const PT = [0x70, 0x74, 0x5f]; // "pt_"

/** True when bytes are a pseudonymous patient id: `pt_` + 32 lowercase hex digits. */
export function isPatientIdBytes(bytes: Uint8Array): boolean {
  if (bytes.byteLength !== 35 || bytes[0] !== PT[0] || bytes[1] !== PT[1] || bytes[2] !== PT[2]) {
    return false;
  }
  for (let i = 3; i < 35; i++) {
    const c = bytes[i] ?? 0;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) {
      return false;
    }
  }
  return true;
}
