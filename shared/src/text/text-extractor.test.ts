import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { spanViolations } from './testing/span-invariant.js';
import { fixtureKb } from './testing/fixture-kb.js';
import { ClinicalSummarySchema, type ClinicalSummary } from './summary-schema.js';
import { createTextExtractor } from './text-extractor.js';

const extractor = createTextExtractor({ kb: fixtureKb() });

function summarize(text: string): ClinicalSummary {
  const summary = extractor.summarize(text);
  expect(spanViolations(text, summary)).toEqual([]);
  expect(ClinicalSummarySchema.safeParse(summary).success).toBe(true);
  return summary;
}

const assertions = (text: string): Record<string, string> =>
  Object.fromEntries(summarize(text).findings.map((f) => [f.findingId, f.assertion]));

describe('assertion status', () => {
  it('negates a list after a negation verb up to a terminator', () => {
    expect(assertions('Denies fever, chills, nausea or vomiting but reports diarrhea.')).toEqual({
      fever: 'absent',
      chills: 'absent',
      nausea: 'absent',
      vomiting: 'absent',
      diarrhea: 'present',
    });
  });

  it('lets "no" run through a coordinated list but not into the next clause', () => {
    expect(assertions('No fever, chills or rigors.')).toEqual({
      fever: 'absent',
      chills: 'absent',
    });
    expect(assertions('3 days of productive cough, no fever, SOB on exertion.')).toEqual({
      'productive-cough': 'present',
      fever: 'absent',
      dyspnea: 'present',
    });
  });

  it('ends a scope at a semicolon and at the sentence end', () => {
    expect(assertions('No headache; nausea since Monday. Cough.')).toEqual({
      headache: 'absent',
      nausea: 'present',
      cough: 'present',
    });
  });

  it('ignores pseudo-triggers', () => {
    expect(assertions('No increase in cough. Not only headache but also nausea.')).toEqual({
      cough: 'present',
      headache: 'present',
      nausea: 'present',
    });
  });

  it('reads backward triggers', () => {
    expect(assertions('Pneumonia ruled out. Rash has resolved. Chest pain?')).toMatchObject({
      rash: 'absent',
      'chest-pain': 'possible',
    });
    const s = summarize('Pneumonia ruled out.');
    expect(s.conditions[0]).toMatchObject({
      conditionId: 'community-acquired-pneumonia',
      assertion: 'absent',
    });
  });

  it('marks possible, historical, family and hypothetical mentions', () => {
    const s = summarize(
      'Possible pneumonia. History of asthma. Mother had colon cancer. Return if fever develops. 3-day history of cough.',
    );
    expect(s.conditions.map((c) => [c.conditionId, c.assertion, c.experiencer])).toEqual([
      ['community-acquired-pneumonia', 'possible', 'patient'],
      ['asthma', 'historical', 'patient'],
      ['colon-cancer', 'family', 'family'],
    ]);
    expect(s.findings.map((f) => [f.findingId, f.assertion])).toEqual([
      ['fever', 'hypothetical'],
      ['cough', 'present'],
    ]);
  });

  it('lets the nearest trigger decide and keeps list adjectives to their own item', () => {
    const s = summarize(
      'No fever, possible pneumonia. History of bronchitis, suspected pneumonia, asthma.',
    );
    expect(s.findings.map((f) => [f.findingId, f.assertion])).toEqual([['fever', 'absent']]);
    expect(s.conditions.map((c) => [c.conditionId, c.assertion])).toEqual([
      ['community-acquired-pneumonia', 'possible'],
      ['acute-bronchitis', 'historical'],
      ['community-acquired-pneumonia', 'possible'],
      ['asthma', 'historical'],
    ]);
  });

  it('chains adjacent triggers: "denies any history of" is a denial', () => {
    expect(summarize('Denies any history of asthma.').conditions[0]?.assertion).toBe('absent');
  });

  it('does not read a disease named by a screening, a test or a vaccine as the patient’s', () => {
    const s = summarize('Plan: diabetes screening. Pneumonia vaccine given.');
    expect(s.conditions.map((c) => [c.conditionId, c.assertion])).toEqual([
      ['type-2-diabetes', 'hypothetical'],
    ]);
    const a = summarize('Assessment: possible asthma, PE unlikely.');
    expect(a.assessment.map((c) => [c.conditionId, c.assertion])).toEqual([
      ['asthma', 'possible'],
      ['pulmonary-embolism', 'absent'],
    ]);
  });

  it('does not take a relative reporting for family history', () => {
    expect(assertions('Mother reports fever and cough.')).toEqual({
      fever: 'present',
      cough: 'present',
    });
  });

  it('reads a negated family history as absent for the family', () => {
    const [c] = summarize('No family history of colon cancer.').conditions;
    expect(c).toMatchObject({ assertion: 'absent', experiencer: 'family' });
  });

  it('takes the assertion from the section: PMH is history, family history is family', () => {
    const s = summarize('PMH: asthma, no diabetes\nFamily history: colon cancer');
    expect(s.conditions.map((c) => [c.conditionId, c.assertion])).toEqual([
      ['asthma', 'historical'],
      ['type-2-diabetes', 'absent'],
      ['colon-cancer', 'family'],
    ]);
  });
});

describe('lexicon matching', () => {
  it('matches synonyms, lay terms, plurals and hyphenation with exact spans', () => {
    const text = 'Pt is running a temperature, has headaches and short-of-breath.';
    const s = summarize(text);
    expect(s.findings.map((f) => [f.findingId, f.text, f.match])).toEqual([
      ['fever', 'running a temperature', 'exact'],
      ['headache', 'headaches', 'exact'],
      ['dyspnea', 'short-of-breath', 'exact'],
    ]);
  });

  it('corrects misspellings of longer terms but not real English words', () => {
    expect(
      summarize('Feaver and diarhea since Monday.').findings.map((f) => [f.findingId, f.match]),
    ).toEqual([
      ['fever', 'fuzzy'],
      ['diarrhea', 'fuzzy'],
    ]);
    // "rough" and "fewer" are words, one edit away from "cough" and "fever".
    expect(summarize('Had a rough night, fewer visits.').findings).toEqual([]);
  });

  it('requires capitals for abbreviations that are also English words', () => {
    expect(summarize('r/o PE').conditions.map((c) => c.conditionId)).toEqual([
      'pulmonary-embolism',
    ]);
    expect(summarize('pe teacher').conditions).toEqual([]);
    expect(summarize('c/o sob and CP').findings.map((f) => [f.findingId, f.match])).toEqual([
      ['dyspnea', 'abbreviation'],
      ['chest-pain', 'abbreviation'],
    ]);
  });

  it('does not read terms inside vital signs ("on RA")', () => {
    expect(summarize('SpO2 97% on RA').conditions).toEqual([]);
  });
});

describe('medications', () => {
  it('parses drug, dose, route, frequency with status per section and trigger', () => {
    const s = summarize(
      'Meds: lisinopril 10 mg po daily; Glucophage 500 mg b.i.d.; stopped ibuprofen\nPlan: start azithromycin 500 mg PO daily x 5 days; continue lisinopril.',
    );
    expect(
      s.medications.map((m) => [
        m.name,
        m.rxcui,
        m.status,
        m.dose?.value,
        m.route,
        m.frequency?.code,
      ]),
    ).toEqual([
      ['lisinopril', '29046', 'current', 10, 'oral', 'QD'],
      ['metformin', '6809', 'current', 500, undefined, 'BID'],
      ['ibuprofen', '5640', 'stopped', undefined, undefined, undefined],
      ['azithromycin', '18631', 'started', 500, 'oral', 'QD'],
      ['lisinopril', '29046', 'current', undefined, undefined, undefined],
    ]);
    expect(s.plan.filter((p) => p.kind === 'medication').map((p) => [p.name, p.action])).toEqual([
      ['azithromycin', 'start'],
      ['lisinopril', 'continue'],
    ]);
  });

  it('reads a sig wrapped onto the next line', () => {
    const [med] = summarize('Meds: albuterol 2 puffs\ninhaled q4h prn').medications;
    expect(med).toMatchObject({ route: 'inhalation', frequency: { code: 'Q4H', asNeeded: true } });
  });

  it('does not read the indication in a sig as a presenting finding (review regression)', () => {
    expect(
      assertions(
        'Assessment/Plan: Ibuprofen 400 mg TDS for fever. Albuterol 2 puffs PRN if short of breath.',
      ),
    ).toEqual({});
    expect(assertions('Patient: I take acetaminophen for headache sometimes.')).toEqual({});
    expect(
      summarize('Plan: ibuprofen 400 mg TDS for fever.').medications.map((m) => m.name),
    ).toEqual(['ibuprofen']);
  });

  it('still reads findings after a drug that are not its indication', () => {
    expect(assertions('HPI: took ibuprofen yesterday, now has fever and cough.')).toEqual({
      fever: 'present',
      cough: 'present',
    });
    expect(assertions('Patient: I took acetaminophen and I still have a headache.')).toEqual({
      headache: 'present',
    });
  });

  it('reads a brand in brackets after its ingredient as one medication, and negations as not taking', () => {
    const s = summarize(
      'Medications: acetaminophen 325 mg oral tablet [tylenol]. Not taking aspirin.',
    );
    expect(s.medications.map((m) => [m.name, m.status])).toEqual([
      ['acetaminophen', 'current'],
      ['aspirin', 'not-taking'],
    ]);
  });
});

describe('allergies', () => {
  it('reads substances with reactions and "no known allergies"', () => {
    const s = summarize(
      'Allergies: penicillin (hives), sulfa - rash, tree nut (substance)\nNKDA per old chart.',
    );
    expect(
      s.allergies.map((a) =>
        a.kind === 'substance'
          ? [a.substance.text, a.substance.drugClassId ?? a.substance.rxcui, a.reaction?.findingIds]
          : [a.kind],
      ),
    ).toEqual([
      ['penicillin', 'penicillins', ['urticaria']],
      ['sulfa', undefined, ['rash']],
      ['tree nut', undefined, undefined],
      ['no-known-allergies'],
    ]);
    expect(s.medications).toEqual([]);
    expect(s.findings).toEqual([]);
  });

  it('reads "allergic to" outside the allergy section, and keeps the drug out of the medication list', () => {
    const s = summarize('She is allergic to amoxicillin. Takes ibuprofen.');
    expect(s.allergies).toMatchObject([
      { kind: 'substance', substance: { rxcui: '723', name: 'amoxicillin' } },
    ]);
    expect(s.medications.map((m) => m.name)).toEqual(['ibuprofen']);
  });
});

describe('assessment and plan', () => {
  it('codes assessment conditions with ICD-10 and reads tests, referrals and follow-up', () => {
    const s = summarize(
      'Assessment: Acute bronchitis vs CAP. HTN.\nPlan: CXR and CBC. Refer to cardiology. Follow up in 2 weeks. Return if worse.',
    );
    expect(s.assessment.map((c) => [c.conditionId, c.icd10, c.assertion])).toEqual([
      ['acute-bronchitis', 'J20.9', 'possible'],
      ['community-acquired-pneumonia', 'J18.9', 'possible'],
      ['essential-hypertension', 'I10', 'present'],
    ]);
    expect(
      s.plan.map((p) =>
        p.kind === 'test'
          ? [p.kind, p.testId, p.status]
          : p.kind === 'referral'
            ? [p.kind, p.specialty]
            : p.kind === 'follow-up'
              ? [p.kind, p.interval, p.asNeeded]
              : [p.kind],
      ),
    ).toEqual([
      ['test', 'chest-x-ray', 'ordered'],
      ['test', 'cbc', 'ordered'],
      ['referral', 'cardiology'],
      ['follow-up', { value: 2, unit: 'wk' }, false],
      ['follow-up', undefined, true],
    ]);
  });

  it('marks tests listed under a "were conducted" lead-in as completed', () => {
    const s = summarize(
      '## Plan\nThe following procedures were conducted:\n- urinalysis\n- electrocardiogram',
    );
    expect(s.plan).toMatchObject([
      { kind: 'test', testId: 'urinalysis', status: 'completed' },
      { kind: 'test', testId: 'ecg', status: 'completed' },
    ]);
  });
});

describe('dialogue transcripts', () => {
  it('takes a question’s assertion from the patient’s answer', () => {
    const text = [
      'Doctor: What brings you in today?',
      'Patient: I have had a cough for three days.',
      'Doctor: Any fever?',
      'Patient: No.',
      'Doctor: Any shortness of breath?',
      'Patient: Yes, when I climb stairs.',
      'Doctor: Chest pain?',
      'Patient: Hmm, I am not sure.',
    ].join('\n');
    const s = summarize(text);
    expect(s.dialogue).toBe(true);
    expect(s.chiefComplaint?.findingIds).toEqual(['cough']);
    expect(s.findings.map((f) => [f.findingId, f.assertion, f.speaker])).toEqual([
      ['cough', 'present', 'patient'],
      ['fever', 'absent', 'clinician'],
      ['dyspnea', 'present', 'clinician'],
      ['chest-pain', 'hypothetical', 'clinician'],
    ]);
  });
});

describe('extractFindings', () => {
  it('gives the same findings whether written as text or implied by measurements', () => {
    expect(
      extractor.extractFindings('Fever and fast heart rate, no shortness of breath.').present,
    ).toContain('fever');
    const measured = extractor.extractFindings('T 38.6, HR 112, SpO2 97%');
    expect(measured).toEqual({
      present: ['fever', 'tachycardia'],
      absent: ['hypoxemia'],
      possible: [],
    });
  });

  it('counts a finding both affirmed and denied as present, and leaves out family and hypothetical ones', () => {
    expect(
      extractor.extractFindings(
        'No fever yesterday. Fever 38.9 today. Possible rash. Mother has headache. Call if vomiting.',
      ),
    ).toEqual({ present: ['fever'], absent: [], possible: ['rash'] });
  });
});

describe('limits and determinism', () => {
  it('rejects text over the documented size with PAYLOAD_TOO_LARGE and no note text', () => {
    const small = createTextExtractor({ kb: fixtureKb(), maxTextChars: 10 });
    expect(() => small.summarize('cough cough cough')).toThrow(AppError);
    try {
      small.summarize('secret cough');
    } catch (error) {
      expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect((error as Error).message).not.toContain('secret');
    }
    expect(extractor.maxTextChars).toBe(20_000);
  });

  it('returns identical summaries for identical input and handles empty text', () => {
    const text = 'CC: cough\nPlan: CXR';
    expect(extractor.summarize(text)).toEqual(extractor.summarize(text));
    expect(summarize('')).toMatchObject({
      findings: [],
      sections: [],
      chiefComplaint: null,
      textLength: 0,
    });
  });
});
