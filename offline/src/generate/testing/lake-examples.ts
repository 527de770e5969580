/**
 * Test and bench helper: one patient's generated resources read the way ingest and the features job
 * read them (docs/lake.md; offline/src/features/facts-sql.ts, views-sql.ts, examples-sql.ts), giving
 * the training examples the model and the guideline baseline see — one per acute visit with its
 * confirmed acute diagnosis as the label, the findings recorded at the visit (coded Observations,
 * smoking status answers, the encounter's reason, threshold findings read from measured values), age
 * at the visit, sex, and the history as of the day before (active chronic conditions, acute
 * diagnoses of the past 365 days). Kept independent of the generator's internals on purpose.
 */
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { ResourceType } from '../emit-encounter.js';

export interface LakeExample {
  patient: string;
  /** The visit's day (UTC), as epoch ms of 00:00. */
  dayMs: number;
  label: string;
  present: string[];
  absent: string[];
  age: number | null;
  sex: 'female' | 'male';
  chronic: string[];
  recentAcute: string[];
}

interface Coding {
  system?: string;
  code?: string;
}
interface Concept {
  coding?: Coding[];
}
interface Quantity {
  value?: number;
  unit?: string;
}
interface Json {
  id?: string;
  gender?: string;
  birthDate?: string;
  period?: { start?: string };
  reasonCode?: Concept[];
  category?: Concept[];
  code?: Concept;
  encounter?: { reference?: string };
  clinicalStatus?: Concept;
  verificationStatus?: Concept;
  onsetDateTime?: string;
  recordedDate?: string;
  effectiveDateTime?: string;
  valueBoolean?: boolean;
  valueQuantity?: Quantity;
  valueCodeableConcept?: Concept;
  component?: { code?: Concept; valueQuantity?: Quantity }[];
}

const DAY_MS = 86_400_000;
const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const TOBACCO = '72166-2';
/** The US Core smoking-status answers ingest maps (offline/src/ingest/code-resolver.ts). */
const CURRENT_SMOKER = new Set([
  '449868002',
  '428041000124106',
  '77176002',
  '428071000124103',
  '428061000124105',
]);

const dayOf = (iso: string | undefined): number =>
  iso === undefined ? Number.NaN : Math.floor(Date.parse(iso) / DAY_MS) * DAY_MS;
const idOf = (ref: string | undefined): string => (ref ?? '').split('/')[1] ?? '';

function ageYears(birth: string, day: number): number {
  const b = new Date(`${birth}T00:00:00Z`);
  const d = new Date(day);
  let age = d.getUTCFullYear() - b.getUTCFullYear();
  if (
    d.getUTCMonth() < b.getUTCMonth() ||
    (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate())
  ) {
    age -= 1;
  }
  return age;
}

export type PatientLines = Readonly<Record<ResourceType, readonly string[]>>;

export function createLakeExampleReader(kb: KnowledgeBase): (lines: PatientLines) => LakeExample[] {
  const thresholds = kb.findings.flatMap((f) =>
    f.threshold ? [{ id: f.id, ...f.threshold }] : [],
  );
  const meets = (t: (typeof thresholds)[number], v: number): boolean =>
    t.comparator === '>'
      ? v > t.value
      : t.comparator === '>='
        ? v >= t.value
        : t.comparator === '<'
          ? v < t.value
          : v <= t.value;
  const findingOf = (concept: Concept | undefined): string | undefined => {
    for (const c of concept?.coding ?? []) {
      const f = c.system && c.code ? kb.findingByCode(c.system, c.code) : undefined;
      if (f) {
        return f.id;
      }
    }
    return undefined;
  };

  return (lines) => {
    const patient = JSON.parse(lines.Patient[0] ?? '{}') as Json;
    const sex = patient.gender === 'male' ? 'male' : 'female';
    const encounters = new Map<
      string,
      { day: number; present: Set<string>; absent: Set<string> }
    >();
    for (const line of lines.Encounter) {
      const e = JSON.parse(line) as Json;
      const reason = findingOf(e.reasonCode?.[0]);
      encounters.set(e.id ?? '', {
        day: dayOf(e.period?.start),
        present: new Set(reason === undefined ? [] : [reason]),
        absent: new Set(),
      });
    }
    for (const line of lines.Observation) {
      const o = JSON.parse(line) as Json;
      const visit = encounters.get(idOf(o.encounter?.reference));
      if (!visit) {
        continue;
      }
      const loinc = o.code?.coding?.find((c) => c.system === LOINC)?.code;
      const finding = findingOf(o.code);
      if (finding !== undefined) {
        (o.valueBoolean === false ? visit.absent : visit.present).add(finding);
      }
      if (loinc === TOBACCO) {
        const answer = o.valueCodeableConcept?.coding?.find((c) => c.system === SNOMED)?.code;
        const answerFinding = findingOf(o.valueCodeableConcept);
        if (answerFinding !== undefined) {
          visit.present.add(answerFinding);
        }
        if (answer === undefined || !CURRENT_SMOKER.has(answer)) {
          visit.absent.add('current-smoker');
        }
      }
      const values: { loinc: string | undefined; q: Quantity | undefined }[] = [
        { loinc, q: o.valueQuantity },
        ...(o.component ?? []).map((c) => ({
          loinc: c.code?.coding?.find((x) => x.system === LOINC)?.code,
          q: c.valueQuantity,
        })),
      ];
      for (const { loinc: l, q } of values) {
        if (l === undefined || q?.value === undefined) {
          continue;
        }
        for (const t of thresholds) {
          if (t.loinc === l && t.unit === q.unit && meets(t, q.value)) {
            visit.present.add(t.id);
          }
        }
      }
    }
    const conditions = lines.Condition.map((line) => {
      const c = JSON.parse(line) as Json;
      const icd = c.code?.coding?.find((x) => x.system === ICD10)?.code ?? '';
      const condition = kb.conditionByIcd10(icd);
      return {
        id: condition?.id,
        course: condition?.course,
        encounter: idOf(c.encounter?.reference),
        day: dayOf(c.onsetDateTime ?? c.recordedDate),
        category: c.category?.[0]?.coding?.[0]?.code,
        confirmed: c.verificationStatus?.coding?.[0]?.code !== 'provisional',
        resolved: c.clinicalStatus?.coding?.[0]?.code === 'resolved',
      };
    });
    const examples: LakeExample[] = [];
    for (const [encounterId, visit] of encounters) {
      const dx = conditions
        .filter(
          (c) =>
            c.encounter === encounterId &&
            c.course === 'acute' &&
            c.confirmed &&
            c.category !== 'problem-list-item',
        )
        .map((c) => c.id ?? '')
        .sort();
      const label = dx[0];
      if (label === undefined) {
        continue;
      }
      const before = visit.day - DAY_MS;
      const history = conditions.filter((c) => c.confirmed && c.day <= before && c.id);
      const chronic = history
        .filter((c) => c.course === 'chronic' && !c.resolved)
        .map((c) => c.id ?? '');
      const recentAcute = history
        .filter((c) => c.course === 'acute' && c.day > before - 365 * DAY_MS)
        .map((c) => c.id ?? '');
      const present = [...visit.present].sort();
      const age = patient.birthDate === undefined ? null : ageYears(patient.birthDate, visit.day);
      examples.push({
        patient: patient.id ?? '',
        dayMs: visit.day,
        label,
        present,
        absent: [...visit.absent].filter((f) => !visit.present.has(f)).sort(),
        age: age !== null && age >= 90 ? 90 : age,
        sex,
        chronic: [...new Set(chronic)].sort(),
        recentAcute: [...new Set(recentAcute)].sort(),
      });
    }
    return examples.sort((a, b) => a.dayMs - b.dayMs);
  };
}
