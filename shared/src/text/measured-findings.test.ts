import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/index.js';
import { createTextExtractor } from './text-extractor.js';

const kb = loadKnowledgeBase();
const extractor = createTextExtractor({ kb });

describe('measuredFindings (shipped knowledge base)', () => {
  it('reads pulse oximetry (59408-5) against an arterial oxygen saturation threshold (2708-6)', () => {
    expect(kb.finding('hypoxia')?.threshold?.loinc).toBe('2708-6');
    expect(extractor.extractFindings('SpO2 91% on RA').present).toContain('hypoxia');
    expect(extractor.extractFindings('O2 sat 97%').absent).toContain('hypoxia');
  });

  it('derives heart-rate findings from a pulse written `P 112`', () => {
    expect(extractor.extractFindings('Vitals: T 36.9 C, P 112, BP 120/80').present).toEqual([
      'tachycardia',
    ]);
  });
});
