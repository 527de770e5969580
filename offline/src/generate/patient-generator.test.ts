import type {
  Coding,
  Condition,
  Encounter,
  MedicationRequest,
  Observation,
  Patient,
  Resource,
} from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateInMemory, type InMemoryExport } from './testing/in-memory-export.js';

let data: InMemoryExport;
const PATIENTS = 1000;

const idOf = (ref: string | undefined): string => (ref ?? '').split('/')[1] ?? '';

beforeAll(() => {
  data = generateInMemory(PATIENTS);
}, 120_000);

describe('generated population: clinical coherence', () => {
  it('averages about ten encounters per patient', () => {
    const perPatient = data.encounters / PATIENTS;
    expect(perPatient).toBeGreaterThan(7);
    expect(perPatient).toBeLessThan(14);
  }, 60_000);

  it('gives no patient a condition the KB prior rules out for their sex', () => {
    const patients = new Map((data.resources.Patient as Patient[]).map((p) => [p.id, p]));
    let checked = 0;
    for (const c of data.resources.Condition as Condition[]) {
      const icd =
        c.code?.coding?.find((x) => x.system === 'http://hl7.org/fhir/sid/icd-10-cm')?.code ?? '';
      const condition = data.kb.conditionByIcd10(icd);
      const sex = patients.get(idOf(c.subject.reference))?.gender;
      expect(condition).toBeDefined();
      if (condition && (sex === 'female' || sex === 'male')) {
        const total = Object.values(condition.prior[sex]).reduce((a, b) => a + b, 0);
        expect(total, `${condition.id} in a ${sex} patient`).toBeGreaterThan(0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(PATIENTS * 5);
  }, 60_000);

  it('respects the KB chronic priors by age band (hypertension, type 2 diabetes)', () => {
    const patients = data.resources.Patient as Patient[];
    const endYear = 2026;
    const band = (p: Patient): string => {
      const age = endYear - Number((p.birthDate ?? '2000').slice(0, 4));
      return age < 18 ? 'child' : age < 40 ? '18-39' : age < 65 ? '40-64' : '65+';
    };
    const problems = (data.resources.Condition as Condition[]).filter(
      (c) => c.category?.[0]?.coding?.[0]?.code === 'problem-list-item',
    );
    const prevalence = (conditionId: string, b: string): number => {
      const inBand = patients.filter((p) => band(p) === b);
      const ids = new Set(inBand.map((p) => p.id));
      const snomed = data.kb.condition(conditionId)?.snomed;
      const withIt = new Set(
        problems
          .filter(
            (c) =>
              c.code?.coding?.some((x) => x.code === snomed) && ids.has(idOf(c.subject.reference)),
          )
          .map((c) => idOf(c.subject.reference)),
      );
      return withIt.size / inBand.length;
    };
    const htn = data.kb.condition('hypertension')!;
    const prior65 = (htn.prior.female['65+'] + htn.prior.male['65+']) / 2000;
    expect(prevalence('hypertension', '65+')).toBeGreaterThan(prior65 * 0.6);
    expect(prevalence('hypertension', '65+')).toBeLessThan(Math.min(0.95, prior65 * 1.4));
    expect(prevalence('hypertension', '18-39')).toBeLessThan(prevalence('hypertension', '65+'));
    expect(prevalence('type-2-diabetes', '40-64')).toBeGreaterThan(
      prevalence('type-2-diabetes', '18-39'),
    );
    expect(prevalence('type-2-diabetes', 'child')).toBeLessThan(0.02);
  }, 60_000);

  it('writes a temperature above 38 °C exactly when fever is recorded present (and every threshold finding agrees with its measurement)', () => {
    const byEncounter = new Map<string, Observation[]>();
    for (const o of data.resources.Observation as Observation[]) {
      const e = idOf(o.encounter?.reference);
      byEncounter.set(e, [...(byEncounter.get(e) ?? []), o]);
    }
    const patients = new Map((data.resources.Patient as Patient[]).map((p) => [p.id, p]));
    let fevers = 0;
    let checked = 0;
    for (const [, observations] of byEncounter) {
      for (const o of observations) {
        if (o.valueBoolean === undefined) {
          continue;
        }
        const code = o.code.coding?.[0];
        const finding =
          code?.system && code.code ? data.kb.findingByCode(code.system, code.code) : undefined;
        const t = finding?.threshold;
        if (!finding || !t) {
          continue;
        }
        const patient = patients.get(idOf(o.subject?.reference));
        const age =
          (Date.parse(o.effectiveDateTime ?? '') - Date.parse(patient?.birthDate ?? '')) /
          (365.25 * 86_400_000);
        if (age < 12 && ['8867-4', '9279-1'].includes(t.loinc)) {
          continue; // paediatric limits apply to heart and breathing rates
        }
        const measured = observations.find(
          (m) =>
            m.code.coding?.some((c) => c.code === t.loinc) ||
            m.component?.some((c) => c.code.coding?.some((x) => x.code === t.loinc)),
        );
        const value =
          measured?.valueQuantity?.value ??
          measured?.component?.find((c) => c.code.coding?.some((x) => x.code === t.loinc))
            ?.valueQuantity?.value;
        if (value === undefined) {
          continue;
        }
        const meets = {
          '>': value > t.value,
          '>=': value >= t.value,
          '<': value < t.value,
          '<=': value <= t.value,
        }[t.comparator];
        expect(meets, `${finding.id} ${String(o.valueBoolean)} with ${String(value)}`).toBe(
          o.valueBoolean,
        );
        checked++;
        if (finding.id === 'fever' && o.valueBoolean) {
          fevers++;
          expect(value).toBeGreaterThan(38);
        }
      }
    }
    expect(fevers).toBeGreaterThan(20);
    expect(checked).toBeGreaterThan(500);
  }, 60_000);

  it('keeps chronic treatments active and links every prescription to a known drug and condition', () => {
    const conditions = new Map((data.resources.Condition as Condition[]).map((c) => [c.id, c]));
    let chronic = 0;
    for (const m of data.resources.MedicationRequest as MedicationRequest[]) {
      const rxcui = m.medicationCodeableConcept?.coding?.[0]?.code ?? '';
      expect(data.kb.drugByRxcui(rxcui)).toBeDefined();
      const reason = conditions.get(idOf(m.reasonReference?.[0]?.reference));
      expect(reason).toBeDefined();
      const icd = reason?.code?.coding?.[0]?.code ?? '';
      if (data.kb.conditionByIcd10(icd)?.course === 'chronic') {
        chronic++;
        expect(m.status).toBe('active');
      }
    }
    expect(chronic).toBeGreaterThan(PATIENTS * 0.5);
  }, 60_000);

  it('records the history findings preventive services depend on, and those services get done', () => {
    const codings = (r: Resource): Coding[] => {
      const json = r as {
        code?: { coding?: Coding[] };
        vaccineCode?: { coding?: Coding[] };
        valueCodeableConcept?: { coding?: Coding[] };
      };
      return [
        ...(json.code?.coding ?? []),
        ...(json.vaccineCode?.coding ?? []),
        ...(json.valueCodeableConcept?.coding ?? []),
      ];
    };
    const findings = new Map<string, number>();
    const tests = new Map<string, number>();
    let exSmokerAnswers = 0;
    for (const type of ['Observation', 'Procedure', 'Immunization'] as const) {
      for (const r of data.resources[type]) {
        for (const c of codings(r)) {
          const finding = data.kb.findingByCode(c.system ?? '', c.code ?? '');
          const test = data.kb.testByCode(c.system ?? '', c.code ?? '');
          if (finding) {
            findings.set(finding.id, (findings.get(finding.id) ?? 0) + 1);
          }
          if (test) {
            tests.set(test.id, (tests.get(test.id) ?? 0) + 1);
          }
          exSmokerAnswers += c.system === 'http://snomed.info/sct' && c.code === '8517006' ? 1 : 0;
        }
      }
    }
    expect(exSmokerAnswers).toBeGreaterThan(PATIENTS * 0.1);
    for (const id of [
      'recent-former-smoker',
      'postmenopausal',
      'high-risk-sexual-behaviour',
      'hepatitis-b-risk',
    ]) {
      expect(findings.get(id) ?? 0, id).toBeGreaterThan(PATIENTS * 0.005);
    }
    // Lung and AAA screening, hepatitis B, syphilis, chlamydia, bone density.
    for (const id of [
      'low-dose-ct-chest',
      'aortic-ultrasound',
      'hbsag',
      'syphilis-serology',
      'chlamydia-gonorrhoea-naat',
      'dxa-scan',
    ]) {
      expect(data.kb.test(id), id).toBeDefined();
      expect(tests.get(id) ?? 0, id).toBeGreaterThan(0);
    }
  }, 60_000);

  it('has symptom visits with findings, follow-ups and wellness visits', () => {
    const types = new Map<string, number>();
    for (const e of data.resources.Encounter as Encounter[]) {
      const code = e.type?.[0]?.coding?.[0]?.code ?? '';
      types.set(code, (types.get(code) ?? 0) + 1);
    }
    expect(types.get('185345009')).toBeGreaterThan(data.encounters * 0.3);
    expect(types.get('390906007')).toBeGreaterThan(data.encounters * 0.1);
    expect(types.get('162673000')).toBeGreaterThan(data.encounters * 0.1);
    expect(data.resources.Immunization.length).toBeGreaterThan(PATIENTS * 0.5);
  }, 60_000);
});
