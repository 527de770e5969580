/**
 * Sentence splitting that survives clinical writing: abbreviations with periods (`b.i.d.`, `Dr.`,
 * `vs.`), decimals (`38.5`), wrapped lines, bullet lists, `Label: value` lines and dialogue turns.
 */
import { sectionAt } from './sections.js';
import type { Turn } from './dialogue.js';
import type { Section, SectionKind, Speaker } from './summary-schema.js';
import type { Token } from './tokenize.js';

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
  section: SectionKind;
  speaker?: Speaker;
  /** Index into the dialogue turns. */
  turn?: number;
  /** Ends with a question mark. */
  question: boolean;
}

/** Words after which a period does not end a sentence. */
const NO_BREAK_BEFORE_PERIOD = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'vs',
  'approx',
  'st',
  'jr',
  'sr',
  'fig',
  'inc',
  'dept',
]);

interface Region {
  start: number;
  end: number;
  section: SectionKind;
  speaker?: Speaker;
  turn?: number;
}

/** Section contents (headers excluded), cut further at dialogue turns. */
function regions(sections: readonly Section[], turns: readonly Turn[], length: number): Region[] {
  const cuts = new Set<number>([0, length]);
  for (const s of sections) {
    cuts.add(s.span.start);
    cuts.add(s.contentStart);
    cuts.add(s.span.end);
  }
  for (const t of turns) {
    cuts.add(t.start);
    cuts.add(t.contentStart);
  }
  const sorted = [...cuts].filter((c) => c <= length).sort((a, b) => a - b);
  const out: Region[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] ?? 0;
    const end = sorted[i + 1] ?? length;
    const isHeader = sections.some((s) => start >= s.span.start && start < s.contentStart);
    const isLabel = turns.some((t) => start >= t.start && start < t.contentStart);
    if (isHeader || isLabel || end <= start) {
      continue;
    }
    const turnIndex = turns.findIndex((t) => start >= t.contentStart && start < t.end);
    const turn = turns[turnIndex];
    out.push({
      start,
      end,
      section: sectionAt(sections, start),
      ...(turn ? { speaker: turn.speaker, turn: turnIndex } : {}),
    });
  }
  return out;
}

function breaksBefore(
  text: string,
  { prev, beforePrev, next }: { prev: Token; beforePrev: Token | undefined; next: Token },
): boolean {
  const gap = text.slice(prev.end, next.start);
  if (/\n[ \t]*\r?\n/.test(gap)) {
    return true;
  }
  if (gap.includes('\n')) {
    // A wrapped line continues in lower case; anything else (a capital, a bullet, a number) starts anew.
    const continues = /^\p{Ll}/u.test(next.raw) || prev.raw === ',' || prev.raw === '-';
    if (!continues) {
      return true;
    }
  }
  if (prev.kind === 'punct' && /^[.!?]$/.test(prev.raw) && gap.length > 0) {
    if (prev.raw === '.' && beforePrev?.kind === 'word' && beforePrev.end === prev.start) {
      return !NO_BREAK_BEFORE_PERIOD.has(beforePrev.lower);
    }
    return true;
  }
  return false;
}

/** Sentences over the tokens of the whole text. */
export function splitSentences(options: {
  text: string;
  tokens: readonly Token[];
  sections: readonly Section[];
  turns: readonly Turn[];
}): Sentence[] {
  const { text, tokens, sections, turns } = options;
  const sentences: Sentence[] = [];
  let t = 0;
  for (const region of regions(sections, turns, text.length)) {
    while (t < tokens.length && (tokens[t]?.start ?? 0) < region.start) {
      t += 1;
    }
    let current: Token[] = [];
    const flush = (): void => {
      const first = current[0];
      const last = current[current.length - 1];
      if (first && last) {
        sentences.push({
          start: first.start,
          end: last.end,
          tokens: current,
          section: region.section,
          ...(region.speaker === undefined ? {} : { speaker: region.speaker }),
          ...(region.turn === undefined ? {} : { turn: region.turn }),
          question: last.raw === '?',
        });
      }
      current = [];
    };
    while (t < tokens.length && (tokens[t]?.end ?? 0) <= region.end) {
      const token = tokens[t];
      if (!token) {
        break;
      }
      const prev = current[current.length - 1];
      if (
        prev &&
        breaksBefore(text, { prev, beforePrev: current[current.length - 2], next: token })
      ) {
        flush();
      }
      current.push(token);
      t += 1;
    }
    flush();
  }
  return sentences;
}

/** The list lead-in governing sentence `index` ("The following procedures were conducted:"), if any. */
export function leadInOf(
  sentences: readonly Sentence[],
  index: number,
  text: string,
): string | undefined {
  const sentence = sentences[index];
  for (let i = index - 1; i >= 0; i--) {
    const candidate = sentences[i];
    if (!candidate || candidate.section !== sentence?.section) {
      return undefined;
    }
    const body = text.slice(candidate.start, candidate.end).trimEnd();
    if (body.endsWith(':')) {
      return body;
    }
  }
  return undefined;
}
