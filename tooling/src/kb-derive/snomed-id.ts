/**
 * Structural check of SNOMED CT identifiers (SCTIDs): digits only, 6–18 long, a concept partition
 * ("00" core, "10" extension) and a valid Verhoeff check digit. It catches mistyped or invented
 * ids; it cannot tell whether a well-formed id means what we think (the code ledger records that).
 */

/** Verhoeff multiplication table (dihedral group D5). */
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
] as const;

/** Verhoeff position permutation: P[i] is P[1] applied i times. */
const P1 = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4] as const;
const P: readonly (readonly number[])[] = Array.from({ length: 8 }, (_, i) => {
  let row: number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  for (let k = 0; k < i; k += 1) {
    row = row.map((x) => P1[x] ?? 0);
  }
  return row;
});

/** True when the digits end in a correct Verhoeff check digit. */
export function hasValidVerhoeff(digits: string): boolean {
  if (!/^\d+$/.test(digits)) {
    return false;
  }
  let c = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    c = D[c]?.[P[i % 8]?.[digit] ?? 0] ?? 0;
  }
  return c === 0;
}

/** A well-formed SNOMED CT concept id (core or extension namespace). */
export function isValidConceptId(id: string): boolean {
  return /^\d{6,18}$/.test(id) && ['00', '10'].includes(id.slice(-3, -1)) && hasValidVerhoeff(id);
}
