import { describe, expect, it } from 'vitest';
import { detectTurns } from './dialogue.js';
import { detectSections } from './sections.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokenize.js';

function split(text: string): string[] {
  const sentences = splitSentences({
    text,
    tokens: tokenize(text),
    sections: detectSections(text),
    turns: detectTurns(text),
  });
  return sentences.map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('does not split at abbreviations with periods or decimals', () => {
    expect(
      split('Seen by Dr. Smith. Amoxicillin 500 mg p.o. t.i.d. for 7 days. T 38.5 today.'),
    ).toEqual([
      'Seen by Dr. Smith.',
      'Amoxicillin 500 mg p.o. t.i.d. for 7 days.',
      'T 38.5 today.',
    ]);
    expect(split('Viral vs. bacterial, e.g. strep. No fever.')).toEqual([
      'Viral vs. bacterial, e.g. strep.',
      'No fever.',
    ]);
  });

  it('joins a wrapped line but splits bullets and new capitalised lines', () => {
    expect(
      split('Patient X\n is a 60 year-old male.\n- Cough\n- Fever\nPenicillin\nSulfa'),
    ).toEqual(['Patient X\n is a 60 year-old male.', '- Cough', '- Fever', 'Penicillin', 'Sulfa']);
  });

  it('never crosses a section header or a speaker turn', () => {
    expect(split('HPI: cough\nPlan: rest')).toEqual(['cough', 'rest']);
    expect(split('Doctor: Any fever?\nPatient: no fever but chills')).toEqual([
      'Any fever?',
      'no fever but chills',
    ]);
  });
});
