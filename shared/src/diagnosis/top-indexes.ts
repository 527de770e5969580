/**
 * The first `limit` indexes of `0 … size − 1` in a strict total order (`before`), among those
 * `include` accepts: a partial insertion sort for the short lists a differential shows, a full sort
 * when most of the list is wanted. Same result as filtering, sorting and slicing.
 */
export interface TopIndexesOptions {
  size: number;
  /** How many to keep (fractions are truncated; less than 1 keeps none). */
  limit: number;
  include: (i: number) => boolean;
  /** True when `a` comes before `b`; must be a strict total order over the included indexes. */
  before: (a: number, b: number) => boolean;
}

/** Above this many, sorting everything is cheaper than insertion. */
const PARTIAL_MAX = 32;

export function topIndexes(options: TopIndexesOptions): number[] {
  const { size, include, before } = options;
  const limit = Math.max(0, Math.trunc(options.limit));
  const top: number[] = [];
  if (limit === 0) {
    return top;
  }
  if (limit > PARTIAL_MAX) {
    for (let i = 0; i < size; i++) {
      if (include(i)) {
        top.push(i);
      }
    }
    top.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    return top.length > limit ? top.slice(0, limit) : top;
  }
  for (let i = 0; i < size; i++) {
    if (!include(i)) {
      continue;
    }
    if (top.length === limit) {
      if (!before(i, top[limit - 1] ?? i)) {
        continue;
      }
      top.pop();
    }
    let j = top.length;
    top.push(i);
    while (j > 0 && before(i, top[j - 1] ?? i)) {
      top[j] = top[j - 1] ?? i;
      j -= 1;
    }
    top[j] = i;
  }
  return top;
}
