/** Search normalisation: lower case, accents removed, punctuation to single spaces (`Sjögren's` → `sjogren s`). */

export function normalizeTerm(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
