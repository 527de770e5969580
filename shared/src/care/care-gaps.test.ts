import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type PreventiveService } from '../kb/index.js';
import { careGaps, isEligible, type CareGapsPatient } from './care-gaps.js';

const service = (id: string, fields: Partial<PreventiveService>): PreventiveService => ({
  id,
  title: id,
  grade: 'B',
  population: { minAge: 18, anyConditions: [], anyFindings: [], excludeConditions: [] },
  satisfiedBy: ['t'],
  testIntervalMonths: {},
  year: 2020,
  sources: ['s'],
  ...fields,
});
const adult: CareGapsPatient = { age: 50, sex: 'female', conditions: [], historyFindings: [] };

describe('isEligible', () => {
  const pop = (p: Partial<PreventiveService['population']>): PreventiveService =>
    service('x', { population: { ...service('y', {}).population, ...p } });

  it('checks age bounds and sex', () => {
    expect(isEligible(pop({ minAge: 50, maxAge: 75 }), adult)).toBe(true);
    expect(isEligible(pop({ minAge: 51 }), adult)).toBe(false);
    expect(isEligible(pop({ maxAge: 49 }), adult)).toBe(false);
    expect(isEligible(pop({ sex: 'male' }), adult)).toBe(false);
  });

  it('requires any listed condition or finding, and none of the excluded conditions', () => {
    const risk = pop({ anyConditions: ['obesity'], anyFindings: ['current-smoker'] });
    expect(isEligible(risk, adult)).toBe(false);
    expect(isEligible(risk, { ...adult, conditions: ['obesity'] })).toBe(true);
    expect(isEligible(risk, { ...adult, historyFindings: ['current-smoker'] })).toBe(true);
    const excluded = pop({ excludeConditions: ['colorectal-cancer'] });
    expect(isEligible(excluded, { ...adult, conditions: ['colorectal-cancer'] })).toBe(false);
  });
});

describe('careGaps with the shipped knowledge base', () => {
  const kb = loadKnowledgeBase();
  const now = new Date('2026-06-15T09:00:00Z');
  const woman55: CareGapsPatient = { age: 55, sex: 'female', conditions: [], historyFindings: [] };
  const gap = (result: ReturnType<typeof careGaps>, id: string) =>
    [...result.open, ...result.satisfied].find((g) => g.serviceId === id);

  it('opens colorectal screening for a 55-year-old woman never screened, due today', () => {
    const result = careGaps({ kb, patient: woman55, lastDone: {}, now });
    expect(gap(result, 'colorectal-cancer-screening-50-75')).toMatchObject({
      status: 'due',
      dueDate: '2026-06-15',
      grade: 'A',
    });
    expect(result.open.map((g) => g.serviceId)).toContain('breast-cancer-screening');
    expect(result.open.map((g) => g.serviceId)).not.toContain('aaa-screening');
  });

  it('counts a colonoscopy 2 years ago as satisfied for 10 years', () => {
    const result = careGaps({ kb, patient: woman55, lastDone: { colonoscopy: '2024-06-10' }, now });
    expect(gap(result, 'colorectal-cancer-screening-50-75')).toMatchObject({
      status: 'satisfied',
      dueDate: '2034-06-10',
      lastDone: { testId: 'colonoscopy', date: '2024-06-10' },
    });
  });

  it('reopens screening with the date it fell due when the interval has lapsed', () => {
    const late = careGaps({ kb, patient: woman55, lastDone: { colonoscopy: '2015-03-01' }, now });
    expect(gap(late, 'colorectal-cancer-screening-50-75')).toMatchObject({
      status: 'overdue',
      dueDate: '2025-03-01',
    });
    const fit = careGaps({ kb, patient: woman55, lastDone: { fit: '2024-06-10' }, now });
    expect(gap(fit, 'colorectal-cancer-screening-50-75')).toMatchObject({
      status: 'overdue',
      dueDate: '2025-06-10',
    });
  });

  it('uses the test that gives the longest cover', () => {
    const result = careGaps({
      kb,
      patient: woman55,
      lastDone: { fit: '2026-01-10', colonoscopy: '2020-01-10' },
      now,
    });
    expect(gap(result, 'colorectal-cancer-screening-50-75')?.dueDate).toBe('2030-01-10');
  });

  it('keeps once-only services satisfied without a due date', () => {
    const result = careGaps({
      kb,
      patient: woman55,
      lastDone: { 'hcv-antibody': '2010-01-01' },
      now,
    });
    expect(gap(result, 'hcv-screening')).toMatchObject({ status: 'satisfied', dueDate: null });
  });

  it('targets services by sex, age, risk and exclusions', () => {
    const smoker: CareGapsPatient = {
      age: 68,
      sex: 'male',
      conditions: ['colorectal-cancer'],
      historyFindings: ['current-smoker'],
    };
    const open = careGaps({ kb, patient: smoker, lastDone: {}, now }).open.map((g) => g.serviceId);
    expect(open).toEqual(expect.arrayContaining(['lung-cancer-screening', 'aaa-screening']));
    expect(open).not.toContain('colorectal-cancer-screening-50-75');
    expect(open).not.toContain('breast-cancer-screening');
    expect(open).not.toContain('cervical-cancer-screening-30-65');
  });

  it('sorts open gaps by due date', () => {
    const result = careGaps({
      kb,
      patient: woman55,
      lastDone: { mammography: '2023-01-01', 'td-tdap-vaccine': '2010-01-01' },
      now,
    });
    const dues = result.open.map((g) => g.dueDate ?? '');
    expect(dues).toEqual([...dues].sort());
    expect(dues[0]).toBe('2020-01-01');
  });
});
