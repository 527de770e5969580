/** Optimal-string-alignment (restricted Damerau–Levenshtein) distance with an early exit. */

/** The distance between `a` and `b`, or `max + 1` as soon as it must exceed `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) {
    return max + 1;
  }
  const width = b.length + 1;
  let prevPrev = new Array<number>(width).fill(0);
  let prev = Array.from({ length: width }, (_, j) => j);
  let row = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      }
      row[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) {
      return max + 1;
    }
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[b.length] ?? max + 1;
}

/** Misspellings tolerated for a term token of this length: 0 below 5, 1 from 5, 2 from 9. */
export function allowedEdits(length: number): number {
  if (length >= 9) {
    return 2;
  }
  return length >= 5 ? 1 : 0;
}
