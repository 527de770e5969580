/** Tokens with character offsets, and the normal forms the lexicon and trigger rules match on. */

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  start: number;
  end: number;
  kind: TokenKind;
  /** As written. */
  raw: string;
  /** Lower case; dotted abbreviations without their dots (`b.i.d.` → `bid`). */
  lower: string;
  /** `lower` with plural and final-e folded (`headaches`/`headache` → `headach`). */
  norm: string;
}

// Dotted abbreviations (b.i.d., p.o., e.g.), slash abbreviations (r/o, h/o, c/o, s/p, n/v), words,
// numbers with decimals, then any other single non-space character.
const TOKEN_PATTERN =
  /(\p{L}(?:\.\p{L})+\.?)|(\p{L}\/\p{L}(?![\p{L}\p{N}]))|(\p{L}[\p{L}\p{N}]*(?:['’]\p{L}+)*)|(\p{N}+(?:[.,]\p{N}+)*)|(\S)/gu;

/** Folds English plurals and a final `e` so singular and plural share one form. */
export function stem(word: string): string {
  if (word.length <= 3 || !/^\p{L}+$/u.test(word)) {
    return word;
  }
  let w = word;
  if (w.endsWith('ies') && w.length > 4) {
    w = `${w.slice(0, -3)}y`;
  } else if (/(?:ch|sh|x|z|ss)es$/.test(w)) {
    w = w.slice(0, -2);
  } else if (w.endsWith('s') && !/(?:ss|us|is|ys|as)$/.test(w)) {
    w = w.slice(0, -1);
  }
  if (w.length > 4 && w.endsWith('e')) {
    w = w.slice(0, -1);
  }
  return w;
}

/** Tokenises `text[from, to)`; offsets are into `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(TOKEN_PATTERN)) {
    const raw = m[0];
    const start = from + m.index;
    const end = start + raw.length;
    if (m[1] !== undefined) {
      const lower = raw.replaceAll('.', '').toLowerCase();
      tokens.push({ start, end, kind: 'word', raw, lower, norm: lower });
    } else if (m[2] !== undefined || m[3] !== undefined) {
      const lower = raw.toLowerCase().replaceAll('’', "'");
      tokens.push({ start, end, kind: 'word', raw, lower, norm: stem(lower) });
    } else if (m[4] !== undefined) {
      tokens.push({ start, end, kind: 'number', raw, lower: raw, norm: raw });
    } else {
      tokens.push({ start, end, kind: 'punct', raw, lower: raw, norm: raw });
    }
  }
  return tokens;
}

/**
 * Punctuation skipped inside a multi-word term (`x-ray`, `hand, foot and mouth disease`,
 * `flank (loin) pain`): a term still needs every one of its words, in order.
 */
export const JOINERS: ReadonlySet<string> = new Set([
  '-',
  '/',
  "'",
  '’',
  '–',
  '&',
  '+',
  ',',
  '(',
  ')',
]);

/** Punctuation that is part of a term's meaning and must match (`hr >100`, `hba1c 6.5% or more`). */
export const MEANINGFUL_PUNCT: ReadonlySet<string> = new Set(['>', '<', '≥', '≤', '%']);
