import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/knowledge-base.js';
import { createDiagnosisEngine, rankDifferential } from './diagnosis-engine.js';
import type { DifferentialResult, PatientInput } from './types.js';

const kb = loadKnowledgeBase();
const engine = createDiagnosisEngine({ kb });

function rank(present: string[], patient: PatientInput, absent: string[] = []): DifferentialResult {
  return engine.rankDifferential({ findings: { present, absent }, patient });
}
const top = (r: DifferentialResult, n: number): string[] =>
  r.items.slice(0, n).map((i) => i.condition);
const probabilityOf = (r: DifferentialResult, id: string): number =>
  r.items.find((i) => i.condition === id)?.probability ?? 0;

describe('rankDifferential', () => {
  it('suggests UTI for dysuria, frequency and suprapubic pain in a woman', () => {
    const r = rank(['dysuria', 'urinary-frequency', 'suprapubic-pain'], { age: 30, sex: 'female' });
    expect(top(r, 3)).toContain('urinary-tract-infection');
  });

  it('suggests pneumonia for fever, cough, crackles and tachypnoea', () => {
    const r = rank(['fever', 'cough', 'crackles', 'tachypnoea'], { age: 60, sex: 'male' });
    expect(top(r, 3)).toContain('community-acquired-pneumonia');
  });

  it('keeps ACS on the list as can’t-miss for chest pain with diaphoresis, with an emergency red flag', () => {
    const r = rank(['chest-pain', 'diaphoresis'], { age: 58, sex: 'male' });
    const acs = r.items.find((i) => i.condition === 'acute-coronary-syndrome');
    expect(acs?.cantMiss).toBe(true);
    expect(r.urgency).toBe('emergency');
    expect(r.redFlags.map((f) => f.rule)).toContain('chest-pain-with-diaphoresis');
    expect(acs?.label).toMatch(/^Consider /);
  });

  it('lowers a condition when its typical findings are absent', () => {
    const present = ['sore-throat', 'fever'];
    const patient = { age: 15, sex: 'female' } as const;
    const without = probabilityOf(rank(present, patient), 'streptococcal-pharyngitis');
    const absentExudate = rank(present, patient, [
      'tonsillar-exudate',
      'tender-cervical-lymphadenopathy',
    ]);
    expect(probabilityOf(absentExudate, 'streptococcal-pharyngitis')).toBeLessThan(without);
    const strep = absentExudate.items.find((i) => i.condition === 'streptococcal-pharyngitis');
    expect(strep?.against.map((a) => a.finding)).toContain('tonsillar-exudate');
  });

  it('never suggests prostate conditions for female patients', () => {
    const r = rank(['nocturia', 'weak-urinary-stream', 'raised-psa'], { age: 70, sex: 'female' });
    const ids = r.items.map((i) => i.condition);
    expect(ids).not.toContain('benign-prostatic-hyperplasia');
    expect(ids).not.toContain('prostate-cancer');
    const male = rank(['nocturia', 'weak-urinary-stream'], { age: 70, sex: 'male' });
    expect(top(male, 1)).toEqual(['benign-prostatic-hyperplasia']);
  });

  it('uses age priors: croup in a toddler, not in an older adult', () => {
    const findings = ['barking-cough', 'fever', 'rhinorrhoea'];
    expect(top(rank(findings, { age: 2 }), 1)).toEqual(['croup']);
    expect(probabilityOf(rank(findings, { age: 70 }), 'croup')).toBeLessThan(0.05);
  });

  it('does not re-suggest a chronic condition the patient has, but raises its exacerbation', () => {
    const findings = ['wheeze', 'dyspnoea', 'chest-tightness'];
    const known = rank(findings, { age: 25, sex: 'male', conditions: ['asthma'] });
    expect(known.items.map((i) => i.condition)).not.toContain('asthma');
    expect(top(known, 1)).toEqual(['asthma-exacerbation']);
    const unknown = rank(findings, { age: 25, sex: 'male' });
    expect(probabilityOf(known, 'asthma-exacerbation')).toBeGreaterThan(
      probabilityOf(unknown, 'asthma-exacerbation'),
    );
  });

  it('shows supporting findings with likelihood ratios above 1 and names sources', () => {
    const r = rank(['fever', 'cough', 'crackles'], { age: 50 });
    const cap = r.items.find((i) => i.condition === 'community-acquired-pneumonia');
    expect(cap?.supporting.length).toBeGreaterThan(0);
    expect(cap?.supporting.every((s) => s.likelihoodRatio > 1)).toBe(true);
    expect(cap?.sources.length).toBeGreaterThan(0);
    expect(cap?.sources.every((s) => kb.source(s) !== undefined)).toBe(true);
  });

  it('has probabilities that sum to at most 1 and a deterministic order', () => {
    const input = {
      findings: { present: ['headache', 'fever'], absent: ['rash'] },
      patient: { age: 40 },
    };
    const a = engine.rankDifferential(input);
    const b = rankDifferential({ kb, ...input });
    expect(a).toEqual(b);
    const sum = a.items.reduce((s, i) => s + i.probability, 0) + a.otherProbability;
    expect(sum).toBeLessThanOrEqual(1.0001);
    const ranked = a.items.filter((i) => i.listedBecause === 'rank').map((i) => i.probability);
    expect(ranked).toEqual([...ranked].sort((x, y) => y - x));
  });

  it('reports unknown finding ids instead of failing', () => {
    const r = rank(['cough', 'not-a-finding'], {});
    expect(r.unknownFindings).toEqual(['not-a-finding']);
    expect(r.items.length).toBeGreaterThan(0);
  });

  it('keeps plausible can’t-miss conditions beyond the limit', () => {
    const r = engine.rankDifferential({
      findings: { present: ['headache', 'fever', 'neck-stiffness'], absent: [] },
      patient: { age: 20 },
      limit: 1,
    });
    expect(r.items.map((i) => i.condition)).toContain('bacterial-meningitis');
    expect(r.items.slice(1).every((i) => i.listedBecause !== 'rank')).toBe(true);
  });
});

describe('nextQuestions', () => {
  it('asks about findings that separate the leading suggestions, never ones already known', () => {
    const differential = rank(['fever', 'cough'], { age: 45 });
    const questions = engine.nextQuestions({ differential, asked: ['crackles'] });
    expect(questions.length).toBeGreaterThan(0);
    const ids = questions.map((q) => q.finding);
    expect(ids).not.toContain('fever');
    expect(ids).not.toContain('crackles');
    expect(questions[0]?.informationGain).toBeGreaterThan(0);
    const gains = questions.map((q) => q.informationGain);
    expect(gains).toEqual([...gains].sort((x, y) => y - x));
    expect(questions.every((q) => q.reason.length > 0)).toBe(true);
  });
});

describe('evaluateRedFlags', () => {
  it('fires combination rules only when every finding is present', () => {
    const fired = engine.evaluateRedFlags({
      findings: { present: ['headache', 'fever', 'neck-stiffness'] },
    });
    expect(fired.map((f) => f.rule)).toContain('meningism-with-fever-headache');
    const notFired = engine.evaluateRedFlags({ findings: { present: ['headache', 'fever'] } });
    expect(notFired.map((f) => f.rule)).not.toContain('meningism-with-fever-headache');
  });

  it('respects age bounds, and fires age-bounded rules when the age is unknown', () => {
    const present = ['rectal-bleeding', 'unintentional-weight-loss'];
    const rule = 'rectal-bleeding-weight-loss-over-50';
    expect(
      engine.evaluateRedFlags({ findings: { present }, age: 30 }).map((f) => f.rule),
    ).not.toContain(rule);
    expect(
      engine.evaluateRedFlags({ findings: { present }, age: 65 }).map((f) => f.rule),
    ).toContain(rule);
    expect(engine.evaluateRedFlags({ findings: { present } }).map((f) => f.rule)).toContain(rule);
  });
});
