import { describe, expect, it } from 'vitest';
import { detectSections, sectionAt } from './sections.js';

const kinds = (text: string): string[] => detectSections(text).map((s) => s.kind);

describe('detectSections', () => {
  it('reads labelled headers with inline content', () => {
    const text = 'CC: cough\nHPI: 3 days of cough.\nPMH: asthma\nMeds: none\nA/P: bronchitis';
    expect(kinds(text)).toEqual([
      'chief-complaint',
      'hpi',
      'pmh',
      'medications',
      'assessment-plan',
    ]);
    const [cc] = detectSections(text);
    expect(text.slice(cc?.contentStart, cc?.span.end)).toBe(' cough\n');
  });

  it("reads Synthea's markdown headers, nested Plan included", () => {
    const text = '2020-01-01\n\n# Chief Complaint\n- Cough\n\n# Assessment and Plan\n\n## Plan\nx';
    expect(kinds(text)).toEqual(['preamble', 'chief-complaint', 'assessment-plan', 'plan']);
  });

  it('reads SOAP letters and bare capitalised header lines', () => {
    expect(kinds('S: sore throat\nO: T 38.1\nA: pharyngitis\nP: strep test')).toEqual([
      'subjective',
      'objective',
      'assessment',
      'plan',
    ]);
    expect(kinds('PHYSICAL EXAM\nLungs clear\nImpression\nviral URI')).toEqual([
      'exam',
      'assessment',
    ]);
  });

  it('does not take a pulse `P: 88` or a sentence for a header', () => {
    expect(kinds('Vitals: BP 120/80\nP: 88\nHistory of asthma since childhood.')).toEqual([
      'vitals',
    ]);
  });

  it('covers the text without gaps and locates offsets', () => {
    const text = 'intro\nHPI: cough\nPlan: rest';
    const sections = detectSections(text);
    expect(sections[0]?.span.start).toBe(0);
    expect(sections.at(-1)?.span.end).toBe(text.length);
    expect(sectionAt(sections, text.indexOf('rest'))).toBe('plan');
  });

  it('reads the O/E (on examination) and VS (vital signs) headers', () => {
    expect(kinds('Allergies: NKDA.\nO/E: Wheeze noted.\nVS: T 37.1 C, HR 76')).toEqual([
      'allergies',
      'exam',
      'vitals',
    ]);
  });
});
