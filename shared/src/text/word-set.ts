/**
 * A read-only set of many words held as one string and one offsets array: two heap objects instead
 * of one per word, so V8's major collections do not trace a quarter of a million strings (the English
 * word list) each time. `has` is a binary search over the words in code-unit order.
 */
export interface WordSet {
  has(word: string): boolean;
  readonly size: number;
}

export function createWordSet(words: Iterable<string>): WordSet {
  const sorted = [...new Set(words)].sort();
  const count = sorted.length;
  const text = sorted.join('');
  const starts = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) {
    starts[i + 1] = (starts[i] ?? 0) + (sorted[i]?.length ?? 0);
  }
  /** `word` compared with the i-th word, as `<`/`>` compare strings. */
  const compare = (word: string, i: number): number => {
    const start = starts[i] ?? 0;
    const length = (starts[i + 1] ?? 0) - start;
    const shared = Math.min(word.length, length);
    for (let k = 0; k < shared; k++) {
      const difference = word.charCodeAt(k) - text.charCodeAt(start + k);
      if (difference !== 0) {
        return difference;
      }
    }
    return word.length - length;
  };
  return {
    size: count,
    has(word) {
      let low = 0;
      let high = count - 1;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        const order = compare(word, middle);
        if (order === 0) {
          return true;
        }
        if (order < 0) {
          high = middle - 1;
        } else {
          low = middle + 1;
        }
      }
      return false;
    },
  };
}
