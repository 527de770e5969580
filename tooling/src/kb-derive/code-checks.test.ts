import { describe, expect, it } from 'vitest';
import {
  checkCodes,
  LOCAL_FINDING_SYSTEM,
  resolveFindingCode,
  type CodeLedger,
} from './code-checks.js';
import {
  both,
  cui,
  sct,
  SNOMED,
  type CuratedCondition,
  type CuratedFinding,
} from './curated/types.js';

const finding = (id: string, extra: Partial<CuratedFinding> = {}): CuratedFinding => ({
  id,
  display: id,
  kind: 'symptom',
  system: 'general',
  base: 0.01,
  sources: ['s'],
  ...extra,
});

const condition = (id: string, snomed?: string): CuratedCondition => ({
  id,
  display: id,
  icd10: ['R50.9'],
  ...(snomed === undefined ? {} : { snomed }),
  course: 'acute',
  system: 'general',
  urgency: 'routine',
  cantMiss: false,
  syn: [],
  prior: both([1, 1, 1, 1, 1]),
  sources: ['s'],
  findings: {},
  evidence: ['s'],
});

const ledger = (overrides: Partial<CodeLedger> = {}): CodeLedger => ({
  findingCodes: {
    'eye-pain': { code: sct('41652007'), display: 'Pain in eye', via: ['mii'] },
  },
  localFindings: new Map(),
  conditionChecks: {},
  evidenceIds: new Set(['mii']),
  ...overrides,
});

const check = (
  findings: CuratedFinding[],
  options: { conditions?: CuratedCondition[]; ledger?: CodeLedger } = {},
): ReturnType<typeof checkCodes> =>
  checkCodes({
    findings,
    conditions: options.conditions ?? [],
    ledger: options.ledger ?? ledger(),
    columbiaCuis: new Set(['C0015967']),
  });

describe('resolveFindingCode', () => {
  it('gives a finding its ledger code with the display the source shows', () => {
    expect(resolveFindingCode(finding('eye-pain'), ledger())).toEqual({
      system: SNOMED,
      code: '41652007',
      display: 'Pain in eye',
    });
  });

  it('keeps the author code when the ledger has none, and falls back to a local code', () => {
    expect(resolveFindingCode(finding('fever', { code: cui('C0015967') }), ledger()).code).toBe(
      'C0015967',
    );
    expect(resolveFindingCode(finding('double-sickening'), ledger())).toEqual({
      system: LOCAL_FINDING_SYSTEM,
      code: 'double-sickening',
    });
  });
});

describe('checkCodes', () => {
  it('passes a consistent ledger and counts codes by provenance', () => {
    const result = check(
      [
        finding('eye-pain'),
        finding('fever', { code: cui('C0015967') }),
        finding('double-sickening'),
      ],
      {
        conditions: [condition('glaucoma', '23986001')],
        ledger: ledger({
          localFindings: new Map([['double-sickening', { reason: 'composite' }]]),
          conditionChecks: { glaucoma: { snomed: '23986001', display: 'Glaucoma', via: ['mii'] } },
        }),
      },
    );
    expect(result.problems).toEqual([]);
    expect(result.notes[0]).toContain('1 SNOMED CT verified');
    expect(result.notes[0]).toContain('1 UMLS CUIs shown by Columbia');
    expect(result.notes[0]).toContain('1 composite');
    expect(result.notes[1]).toContain('1 of 1 checked');
  });

  it('refuses a local code without a recorded reason', () => {
    expect(check([finding('eye-pain'), finding('new-finding')]).problems).toEqual([
      'finding new-finding: local code without a recorded reason',
    ]);
  });

  it('refuses a SNOMED CT id with a wrong check digit, from the author or the ledger', () => {
    const own = check([finding('x', { code: sct('85848008') })], {
      ledger: ledger({ findingCodes: {} }),
    });
    expect(own.problems).toEqual(['finding x: SNOMED CT id 85848008 fails the check digit']);
    const bad = ledger({
      findingCodes: { 'eye-pain': { code: sct('41652006'), display: 'x', via: ['mii'] } },
    });
    expect(check([finding('eye-pain')], { ledger: bad }).problems).toContain(
      'finding eye-pain: SNOMED CT id 41652006 fails the check digit',
    );
  });

  it("refuses a ledger code that contradicts the finding's own code", () => {
    const result = check([finding('eye-pain', { code: sct('16001004') })]);
    expect(result.problems).toEqual([
      "finding eye-pain: its code 16001004 differs from the ledger's 41652007",
    ]);
  });

  it('refuses unknown evidence, unknown findings, duplicate codes and stale local reasons', () => {
    const result = check([finding('eye-pain'), finding('other', { code: sct('41652007') })], {
      ledger: ledger({
        localFindings: new Map([['double-sickening', { reason: 'composite' }]]),
        findingCodes: {
          'eye-pain': { code: sct('41652007'), display: 'Pain in eye', via: ['nowhere'] },
          ghost: { code: sct('386661006'), display: 'Fever', via: ['mii'] },
        },
      }),
    });
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'code ledger: unknown finding ghost',
        'code ledger eye-pain: unknown evidence nowhere',
        'local findings: unknown finding double-sickening',
        `code ${SNOMED}|41652007 used by both eye-pain and other`,
      ]),
    );
  });

  it('refuses a condition code that disagrees with its recorded check', () => {
    const result = check([], {
      conditions: [condition('glaucoma', '30041005')],
      ledger: ledger({
        conditionChecks: { glaucoma: { snomed: '23986001', display: 'Glaucoma', via: ['mii'] } },
      }),
    });
    expect(result.problems).toContain(
      'condition glaucoma: snomed 30041005 differs from its check (23986001 Glaucoma)',
    );
  });
});
