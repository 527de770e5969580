import type { AssistResponse, PatientSummaryResponse } from '@mediassist/shared/api';
import { describe, expect, it } from 'vitest';
import { bannerMessages } from './status-banner.js';

const patient = (
  views: PatientSummaryResponse['freshness']['views'],
  read: 'ok' | 'unavailable' = 'ok',
) => ({ freshness: { read, views } }) as PatientSummaryResponse;
const view = (name: string, status: 'fresh' | 'stale') => ({
  view: name,
  status,
  asOf: null,
  ageMs: null,
  maxStalenessMs: null,
});
const answer = (
  tier: 'model' | 'guidelines-only',
  views: Record<string, { status: 'fresh' | 'stale' }>,
) =>
  ({
    provenance: {
      tier,
      fallbackReason: tier === 'guidelines-only' ? 'model-absent' : null,
      features: { read: 'ok', views },
    },
  }) as unknown as AssistResponse;

describe('bannerMessages', () => {
  it('says when guidelines alone answered, and why', () => {
    const messages = bannerMessages({
      patient: patient([]),
      answer: answer('guidelines-only', {}),
    });
    expect(messages.map((m) => m.kind)).toEqual(['guidelines-only']);
    expect(messages[0]?.text).toContain('no diagnosis model is deployed');
  });

  it('names stale views, from the answer when there is one, else from the record', () => {
    const record = patient([view('condition_history', 'stale'), view('demographics', 'fresh')]);
    const fromRecord = bannerMessages({ patient: record, answer: null });
    expect(fromRecord.map((m) => m.kind)).toEqual(['stale']);
    expect(fromRecord[0]?.text).toContain('Conditions is older');
    const fresher = answer('model', {
      condition_history: { status: 'fresh' },
      medication_list: { status: 'stale' },
      care_gaps: { status: 'stale' },
    });
    expect(bannerMessages({ patient: record, answer: fresher })[0]?.text).toContain(
      'Medications and Care gaps are older',
    );
  });

  it('warns when the record could not be read, and is silent when all is well', () => {
    expect(bannerMessages({ patient: patient([], 'unavailable'), answer: null })[0]?.kind).toBe(
      'unavailable',
    );
    expect(
      bannerMessages({
        patient: patient([view('demographics', 'fresh')]),
        answer: answer('model', {}),
      }),
    ).toEqual([]);
  });
});
