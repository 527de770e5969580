/**
 * The patient's age as a note states it ("4-year-old", "18 month old", "3 yo", "Age: 2 years",
 * "aged 7"), for choosing children's vital-sign cut-offs. The first statement wins; an age next to a
 * relative ("his 3-year-old son", "mother aged 45") is someone else's and is skipped.
 */
import type { Span } from './summary-schema.js';

export interface StatedAge {
  years: number;
  span: Span;
  text: string;
}

const UNIT_YEARS: Readonly<Record<string, number>> = {
  y: 1,
  m: 1 / 12,
  w: 7 / 365.25,
  d: 1 / 365.25,
};

const AGE_PATTERNS: readonly RegExp[] = [
  // 4-year-old, 18 month old, 6 wk old, 10-day-old
  /\b(\d{1,3}(?:\.\d)?)[-\s]?(years?|yrs?|months?|mos?|weeks?|wks?|days?)[-\s]old\b/gi,
  // 3 yo, 3yo, 3 y/o, 3 y.o.
  /\b(\d{1,3})\s?(y)(?:o\b|\/o\b|\.o\.)/gi,
  // Age: 2 years, age 18 months, aged 7, Age 45
  /\bage[ds]?:?\s+(\d{1,3}(?:\.\d)?)(?:\s?(years?|yrs?|y|months?|mos?|m|weeks?|wks?|w|days?|d)\b)?/gi,
];

const RELATIVE =
  /\b(?:mother|mum|mom|father|dad|sister|brother|son|daughter|sibling|child|baby brother|baby sister|wife|husband|partner|grand\w*|aunt|uncle|cousin|niece|nephew|friend)\b/i;

function unitOf(word: string | undefined): number {
  const w = (word ?? 'y').toLowerCase();
  if (w.startsWith('mo') || w === 'm') {
    return UNIT_YEARS['m'] ?? 1;
  }
  return UNIT_YEARS[w[0] ?? 'y'] ?? 1;
}

export function readStatedAge(text: string): StatedAge | undefined {
  let best: StatedAge | undefined;
  for (const pattern of AGE_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const years = Number(m[1]) * unitOf(m[2]);
      const before = text.slice(Math.max(0, m.index - 25), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      const nextWords = /^\s*[a-z]+(?:\s+[a-z]+)?/i.exec(after)?.[0] ?? '';
      const ofRelative = RELATIVE.test(before) || RELATIVE.test(nextWords);
      const notTheAge = /\b(?:gestation\w*|gestational|bone|mental|corrected)\s*$/i.test(before);
      if (!Number.isFinite(years) || years > 125 || ofRelative || notTheAge) {
        continue;
      }
      if (!best || m.index < best.span.start) {
        best = { years, span: { start: m.index, end: m.index + m[0].length }, text: m[0] };
      }
      break;
    }
  }
  return best;
}
