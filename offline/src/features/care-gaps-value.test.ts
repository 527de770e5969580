import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { describe, expect, it } from 'vitest';
import { careGapsValue } from './care-gaps-value.js';

const kb = loadKnowledgeBase();
const patient = { age: 55, sex: 'female' as const, conditions: [], historyFindings: [] };

describe('care_gaps value', () => {
  it('lists a never-done service as open with an unknown due date', () => {
    const { open } = careGapsValue({
      kb,
      patient,
      lastDone: {},
      now: new Date('2026-01-01T00:00:00Z'),
    });
    expect(open).toContainEqual({ serviceId: 'colorectal-cancer-screening-50-75', dueSince: null });
  });

  it('dates an overdue service from when its interval lapsed, and drops satisfied ones', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const overdue = careGapsValue({
      kb,
      patient,
      lastDone: { 'influenza-vaccine': '2024-09-15' },
      now,
    });
    expect(overdue.open).toContainEqual({
      serviceId: 'influenza-vaccination',
      dueSince: '2025-09-15',
    });
    const done = careGapsValue({ kb, patient, lastDone: { colonoscopy: '2020-03-01' }, now });
    expect(done.open.map((g) => g.serviceId)).not.toContain('colorectal-cancer-screening-50-75');
  });
});
