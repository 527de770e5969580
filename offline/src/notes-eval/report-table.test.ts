import { describe, expect, it } from 'vitest';
import type { SourceReport } from './evaluate-corpus.js';
import { scoresOf } from './metrics.js';
import { reportTable } from './report-table.js';

const none = { falsePositives: [], falseNegatives: [] };
const findings = {
  present: scoresOf({ tp: 8, fp: 2, fn: 0 }),
  absent: scoresOf({ tp: 5, fp: 0, fn: 5 }),
  combined: scoresOf({ tp: 13, fp: 2, fn: 5 }),
  negationAccuracy: 0.9,
  found: 10,
};
const report: SourceReport = {
  rule: 'generated',
  notes: 3,
  patients: 2,
  outsideKb: { findings: 1, conditions: 0, medications: 2 },
  findings,
  findingsAgeNotPassed: { ...findings, combined: scoresOf({ tp: 12, fp: 3, fn: 6 }) },
  documentedFindings: findings,
  conditions: scoresOf({ tp: 3, fp: 0, fn: 0 }),
  medications: scoresOf({ tp: 1, fp: 1, fn: 2 }),
  allergies: scoresOf({ tp: 0, fp: 1, fn: 0 }),
  errors: {
    findings: { falsePositives: [['fever (present)', 2]], falseNegatives: [] },
    documentedFindings: none,
    conditions: none,
    medications: { falsePositives: [], falseNegatives: [['lisinopril (29046)', 2]] },
    allergies: none,
  },
  msPerNote: { p50: 1.5, p95: 4 },
};

describe('reportTable', () => {
  const table = reportTable({
    kbVersion: '9.9.9',
    sources: [{ name: 'generated', input: 'lake', report }],
    precisionOnly: (_, kind) => kind === 'allergies',
    targets: { findingsF1: 0.85, medicationsF1: 0.85 },
  });

  it('shows one row per kind with P, R, F1 and counts, and n/a where recall is not meaningful', () => {
    expect(table).toContain('Note extraction evaluation (knowledge base 9.9.9)');
    expect(table).toContain(
      'generated: 3 notes, 2 patients, from lake; 1.5 ms/note (p50), 4 ms (p95)',
    );
    expect(table).toMatch(/findings: present\s+0\.800\s+1\.000\s+0\.889\s+8\s+2\s+0/);
    expect(table).toMatch(/medications\s+0\.500\s+0\.333\s+0\.400\s+1\s+1\s+2/);
    expect(table).toMatch(/allergies\s+0\.000\s+n\/a\s+n\/a\s+0\s+1\s+0/);
    expect(table).toMatch(/findings, age not passed\s+0\.800\s+0\.667\s+0\.727\s+12\s+3\s+6/);
    expect(table).toContain('negation accuracy: 0.9000 of 10 findings found');
  });

  it('says whether the targets are met and lists the most frequent errors by code', () => {
    expect(table).toContain(
      'targets: findings F1 0.788 (≥ 0.85: NOT met); medications F1 0.400 (≥ 0.85: NOT met)',
    );
    expect(table).toContain('findings false positives: fever (present) ×2');
    expect(table).toContain('medications misses: lisinopril (29046) ×2');
    expect(table).toContain('1 findings, 0 conditions, 2 prescriptions');
  });
});
