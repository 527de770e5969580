import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { indexConditionCodes } from './condition-codes.js';
import { shippedKbFiles, type KbFiles } from './kb-files.js';
import { buildKnowledgeBase, loadKnowledgeBase } from './knowledge-base.js';
import type { Condition } from './schema.js';

const base = loadKnowledgeBase().conditions;
const named = (id: string): Condition => {
  const found = base.find((c) => c.id === id);
  if (!found) {
    throw new Error(id);
  }
  return found;
};
const seizure = named('seizure');
const epilepsy = named('epilepsy');

describe('condition code resolution', () => {
  it('resolves G40.909 (epilepsy, unspecified) to epilepsy, not seizure (review regression)', () => {
    const kb = loadKnowledgeBase();
    expect(kb.conditionByIcd10('G40.909')?.id).toBe('epilepsy');
    expect(kb.conditionByIcd10('R56.9')?.id).toBe('seizure');
    expect(kb.conditionBySnomed('84757009')?.id).toBe('epilepsy');
    expect(kb.conditionBySnomed('91175000')?.id).toBe('seizure');
  });

  it('finds no ICD-10-CM or SNOMED CT code listed by two shipped conditions', () => {
    expect(indexConditionCodes(base).problems).toEqual([]);
  });

  it('reports a code listed by two conditions without a resolution rule', () => {
    const clash = { ...seizure, icd10: ['R56.9', 'G40.909'] };
    const index = indexConditionCodes([clash, epilepsy]);
    expect(index.problems).toEqual([
      {
        path: 'conditions.icd10.G40.909',
        issue:
          'icd10 G40.909 is listed by seizure and epilepsy: a code belongs to one condition unless the others mark it in sharedCodes',
      },
    ]);
  });

  it('reports a shared SNOMED CT code the same way', () => {
    const clash = { ...seizure, snomed: epilepsy.snomed ?? '' };
    expect(indexConditionCodes([clash, epilepsy]).problems.map((p) => p.path)).toEqual([
      'conditions.snomed.84757009',
    ]);
  });

  it('accepts a code marked shared and resolves it to the owner whatever the order', () => {
    const shared: Condition = {
      ...seizure,
      icd10: ['R56.9', 'G40.909'],
      sharedCodes: [{ system: 'icd10', code: 'G40.909', resolvesTo: 'epilepsy' }],
    };
    const index = indexConditionCodes([shared, epilepsy]);
    expect(index.problems).toEqual([]);
    expect(index.icd10.get('G40.909')?.id).toBe('epilepsy');
    expect(index.icd10.get('R56.9')?.id).toBe('seizure');
  });

  it('rejects a resolution rule naming a condition that does not own the code', () => {
    const wrong: Condition = {
      ...seizure,
      icd10: ['R56.9', 'G40.909'],
      sharedCodes: [{ system: 'icd10', code: 'G40.909', resolvesTo: 'seizure' }],
    };
    expect(indexConditionCodes([wrong, epilepsy]).problems).toEqual([
      {
        path: 'conditions.seizure.sharedCodes',
        issue:
          'icd10 G40.909 resolves to seizure, which does not own it (listed by seizure, epilepsy)',
      },
    ]);
  });

  it('rejects a shared mark on a code the condition does not list', () => {
    const stray: Condition = {
      ...seizure,
      sharedCodes: [{ system: 'icd10', code: 'G40.909', resolvesTo: 'epilepsy' }],
    };
    expect(indexConditionCodes([stray]).problems.map((p) => p.issue)).toEqual([
      'icd10 G40.909 is marked shared but the condition does not list it',
    ]);
  });

  it('makes the knowledge base fail to load when two conditions list one code', () => {
    const conditions = (shippedKbFiles.conditions as Condition[]).map((c) =>
      c.id === 'seizure' ? { ...c, icd10: [...c.icd10, 'G40.909'] } : c,
    );
    const files: KbFiles = { ...shippedKbFiles, conditions };
    expect(() => buildKnowledgeBase(files)).toThrow(AppError);
  });
});
