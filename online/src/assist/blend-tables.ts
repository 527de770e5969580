/**
 * Per-KB tables for the guideline blend, built once: each condition's position, its place in id
 * order (the blend's tie-break, compared as numbers instead of strings), can't-miss flags by
 * position, and each model's class positions (computed once per class list).
 */
import type { Condition } from '@mediassist/shared/kb';

export interface BlendTables {
  position: ReadonlyMap<string, number>;
  /** By position: the condition's rank among the ids sorted as strings (`<`). */
  idRank: Int32Array;
  /** By position: 1 for a can't-miss condition. */
  cantMiss: Uint8Array;
  /** Each class's condition position (−1 for a class the KB lacks), cached per class list. */
  positionsOf(classes: readonly string[]): Int32Array;
}

export function createBlendTables(conditions: readonly Condition[]): BlendTables {
  const position = new Map(conditions.map((c, i) => [c.id, i]));
  const idRank = new Int32Array(conditions.length);
  conditions
    .map((c, i) => ({ id: c.id, i }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .forEach(({ i }, r) => {
      idRank[i] = r;
    });
  const classPositions = new WeakMap<readonly string[], Int32Array>();
  return {
    position,
    idRank,
    cantMiss: Uint8Array.from(conditions, (c) => (c.cantMiss ? 1 : 0)),
    positionsOf(classes) {
      let found = classPositions.get(classes);
      if (!found) {
        found = Int32Array.from(classes, (id) => position.get(id) ?? -1);
        classPositions.set(classes, found);
      }
      return found;
    },
  };
}
