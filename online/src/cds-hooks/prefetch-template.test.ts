import { describe, expect, it } from 'vitest';
import { renderPrefetchTemplate } from './prefetch-template.js';

describe('renderPrefetchTemplate', () => {
  it('replaces context tokens (the specification’s examples)', () => {
    const context = { patientId: '1288992', encounterId: '456', userId: 'Practitioner/1' };
    expect(renderPrefetchTemplate('Patient/{{context.patientId}}', context)).toBe(
      'Patient/1288992',
    );
    expect(
      renderPrefetchTemplate(
        'Observation?patient={{context.patientId}}&encounter={{ context.encounterId }}',
        context,
      ),
    ).toBe('Observation?patient=1288992&encounter=456');
  });

  it('URI-encodes values so they cannot add query parameters', () => {
    expect(renderPrefetchTemplate('Patient/{{context.patientId}}', { patientId: 'a&b=c' })).toBe(
      'Patient/a%26b%3Dc',
    );
  });

  it('is undefined when a token has no value or is not a root context field', () => {
    expect(renderPrefetchTemplate('Encounter/{{context.encounterId}}', {})).toBeUndefined();
    expect(
      renderPrefetchTemplate('Patient/{{context.patient.id}}', { patient: { id: '1' } }),
    ).toBeUndefined();
    expect(renderPrefetchTemplate('Patient/{{userPractitionerId}}', {})).toBeUndefined();
  });
});
