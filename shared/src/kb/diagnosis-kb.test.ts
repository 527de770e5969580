import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { referenceDataDir } from '@mediassist/tooling/reference-data';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { buildKnowledgeBase, loadKnowledgeBase } from './knowledge-base.js';
import { shippedKbFiles, type KbFiles } from './kb-files.js';

const kb = loadKnowledgeBase();

describe('the shipped diagnosis knowledge base', () => {
  it('loads, passes integrity and meets the minimum counts', () => {
    expect(kb.conditions.length).toBeGreaterThanOrEqual(150);
    expect(kb.findings.length).toBeGreaterThanOrEqual(300);
    expect(kb.redFlags.length).toBeGreaterThan(0);
  });

  it('gives every condition at least 6 associations', () => {
    const thin = kb.conditions.filter((c) => kb.associationsOf(c.id).length < 6).map((c) => c.id);
    expect(thin).toEqual([]);
  });

  it('uses every finding in an association, or as a history or red-flag finding', () => {
    const used = new Set([
      ...kb.associations.map((a) => a.finding),
      ...kb.redFlags.flatMap((r) => r.allFindings),
    ]);
    const unused = kb.findings.filter((f) => !used.has(f.id) && f.kind !== 'history' && !f.redFlag);
    expect(unused.map((f) => f.id)).toEqual([]);
  });

  it('has lower-case synonyms and lay terms, none shared by two findings', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const f of kb.findings) {
      for (const term of [...f.synonyms, ...f.layTerms]) {
        expect(term).toBe(term.toLowerCase());
        const other = owner.get(term);
        if (other !== undefined && other !== f.id) {
          clashes.push(`${term}: ${other}, ${f.id}`);
        }
        owner.set(term, f.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('gives vital and lab findings with a threshold a LOINC code and unit', () => {
    const withThreshold = kb.findings.filter((f) => f.threshold);
    expect(withThreshold.length).toBeGreaterThan(30);
    expect(kb.finding('fever')?.threshold).toEqual({
      loinc: '8310-5',
      comparator: '>',
      value: 38,
      unit: 'Cel',
    });
  });

  it('has positive priors for every condition and zero priors for sex-specific ones in the other sex', () => {
    for (const c of kb.conditions) {
      const total = [...Object.values(c.prior.female), ...Object.values(c.prior.male)].reduce(
        (s, x) => s + x,
        0,
      );
      expect(total, c.id).toBeGreaterThan(0);
    }
    expect(Object.values(kb.condition('benign-prostatic-hyperplasia')?.prior.female ?? {})).toEqual(
      [0, 0, 0, 0, 0],
    );
    expect(Object.values(kb.condition('ectopic-pregnancy')?.prior.male ?? {})).toEqual([
      0, 0, 0, 0, 0,
    ]);
  });
});

describe('integrity checks', () => {
  const withDiagnosis = (patch: Partial<KbFiles>): KbFiles => ({ ...shippedKbFiles, ...patch });
  const failure = (files: KbFiles): AppError => {
    try {
      buildKnowledgeBase(files);
    } catch (error) {
      if (error instanceof AppError) {
        return error;
      }
      throw error;
    }
    throw new Error('expected KB_INVALID');
  };

  it('reports a dangling finding reference with its path', () => {
    const associations = [
      ...kb.associations,
      {
        condition: 'influenza',
        finding: 'no-such-finding',
        likelihood: 0.5,
        sources: ['nice-cks'],
      },
    ];
    const error = failure(withDiagnosis({ associations }));
    expect(error.code).toBe('KB_INVALID');
    expect(error.details).toContainEqual({
      path: 'associations.influenza|no-such-finding',
      issue: 'unknown finding no-such-finding',
    });
  });

  it('reports a duplicate condition id', () => {
    const first = kb.conditions[0];
    const error = failure(withDiagnosis({ conditions: [...kb.conditions, first] }));
    expect(error.details).toContainEqual({
      path: `conditions.${first?.id ?? ''}`,
      issue: 'duplicate id',
    });
  });

  it('reports an unknown source', () => {
    const [first, ...rest] = kb.redFlags;
    const redFlags = [{ ...first, sources: ['no-such-source'] }, ...rest];
    const error = failure(withDiagnosis({ redFlags }));
    expect(error.details).toContainEqual({
      path: `redFlags.${first?.id ?? ''}.sources`,
      issue: 'unknown source no-such-source',
    });
  });
});

const dataDir = referenceDataDir();

describe.skipIf(!dataDir)('ICD-10-CM codes', () => {
  it('exist in CDC FY2021', () => {
    const file = path.join(dataDir ?? '', 'icd10cm', 'icd10cm_order_FY2021.csv.gz');
    const codes = new Set(
      gunzipSync(readFileSync(file))
        .toString('utf8')
        .split('\n')
        .map((line) => line.split(',')[0]),
    );
    const missing = kb.conditions.flatMap((c) =>
      c.icd10.filter((code) => !codes.has(code.replace('.', ''))),
    );
    expect(missing).toEqual([]);
  });
});
