import { describe, expect, it } from 'vitest';
import { SUMMARY } from '../consultation/testing/sample-summary.js';
import { findingGroups } from './summary-review.js';

describe('findingGroups', () => {
  it('shows a finding stated several times once, keeping every mention’s index', () => {
    const groups = findingGroups(SUMMARY);
    expect(groups.map((g) => g.key)).toEqual([
      'fever|present|patient',
      'chest-pain|absent|patient',
      'cough|possible|patient',
      'wheeze|present|family',
    ]);
    expect(groups[0]?.indexes).toEqual([0, 4]);
  });
});
