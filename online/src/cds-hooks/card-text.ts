/** Text for cards: summaries cut to the specification's 140 characters, KB text made Markdown-safe. */
import { CDS_SUMMARY_MAX } from '@mediassist/shared/api';

/** The summary, shortened at a word boundary with an ellipsis when over 140 characters. */
export function cardSummary(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= CDS_SUMMARY_MAX) {
    return clean;
  }
  const cut = clean.slice(0, CDS_SUMMARY_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > CDS_SUMMARY_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** Escapes the characters GitHub-flavoured Markdown would read as markup (links, emphasis, HTML). */
export function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** `42%` for a probability, `<1%` below one percent. */
export function percent(probability: number): string {
  const value = Math.round(probability * 100);
  return value < 1 ? '<1%' : `${String(value)}%`;
}
