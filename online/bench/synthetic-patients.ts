/**
 * Synthetic patients for the assist benchmark (no PHI): plausible feature values drawn from the
 * knowledge base with a seeded generator, and request bodies shaped like a consultation's.
 */
import type { PatientFeatureView } from '@mediassist/feature-store/definitions';
import type { PatientFeatureWrite } from '@mediassist/feature-store/online';
import { testPatientId } from '@mediassist/feature-store/testing';
import type { AssistRequestInput } from '@mediassist/shared/api';
import type { KnowledgeBase } from '@mediassist/shared/kb';

export type Random = () => number;

/** mulberry32: the same patients and requests on every run. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

function some<T>(random: Random, items: readonly T[], max: number): T[] {
  const n = Math.floor(random() * (max + 1));
  return [...new Set(Array.from({ length: n }, () => pick(random, items)))];
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function syntheticFeatures(options: {
  kb: KnowledgeBase;
  random: Random;
  patient: number;
  now: number;
}): PatientFeatureWrite<PatientFeatureView> {
  const { kb, random, patient, now } = options;
  const chronic = kb.conditions.filter((c) => c.course === 'chronic');
  const acute = kb.conditions.filter((c) => c.course === 'acute');
  const history = some(random, chronic, 3);
  const recent = some(random, acute, 2);
  const asOf = new Date(now - Math.floor(random() * 12 * 3_600_000));
  const at = <TValue>(value: TValue) => ({ value, asOf });
  return {
    patientId: testPatientId(patient),
    features: {
      demographics: at({
        birthYear: 1935 + Math.floor(random() * 70),
        sex: random() < 0.5 ? ('female' as const) : ('male' as const),
      }),
      condition_history: at({
        chronic: history.map((c) => c.id),
        recentAcute: recent.map((c) => c.id),
        icd10: [...new Set([...history, ...recent].map((c) => c.icd10[0] ?? 'R69'))],
      }),
      medication_list: at({ activeRxcuis: some(random, kb.drugs, 5).map((d) => d.rxcui) }),
      recent_findings: at({
        present: some(random, kb.findings, 4).map((f) => f.id),
        visits90d: Math.floor(random() * 5),
        lastVisitAt: day(now - Math.floor(random() * 90) * 86_400_000),
      }),
      recent_tests: at({
        lastDone: Object.fromEntries(
          some(random, kb.tests, 4).map((t) => [
            t.id,
            day(now - Math.floor(random() * 700) * 86_400_000),
          ]),
        ),
      }),
      care_gaps: at({
        open: some(random, kb.preventiveServices, 3).map((s) => ({
          serviceId: s.id,
          dueSince: day(now - Math.floor(random() * 400) * 86_400_000),
        })),
      }),
      patient_embedding: at(Float32Array.from({ length: 32 }, () => random() * 2 - 1)),
    },
  };
}

/** A consultation: findings typical of one condition, some denied, sometimes as free text. */
export function syntheticRequest(options: {
  kb: KnowledgeBase;
  random: Random;
  patients: number;
}): AssistRequestInput {
  const { kb, random, patients } = options;
  const withFindings = kb.conditions.filter((c) => kb.associationsOf(c.id).length >= 3);
  const condition = pick(random, withFindings);
  const typical = [...kb.associationsOf(condition.id)]
    .sort((a, b) => b.likelihood - a.likelihood)
    .slice(0, 6)
    .map((a) => a.finding);
  const present = some(random, typical, 4);
  if (present.length === 0) {
    present.push(typical[0] ?? 'fever');
  }
  const absent = some(random, kb.findings, 2)
    .map((f) => f.id)
    .filter((id) => !present.includes(id));
  const patient = { pseudonym: testPatientId(Math.floor(random() * patients)) };
  const medications = {
    active: some(random, kb.drugs, 2).map((d) => d.name),
    proposed: random() < 0.5 ? [pick(random, kb.drugs).rxcui] : [],
  };
  const vitals =
    random() < 0.3 ? [{ loinc: '8310-5', value: 36.5 + random() * 3, unit: 'Cel' }] : [];
  if (random() < 0.2) {
    const name = (id: string) => kb.finding(id)?.display.toLowerCase() ?? id;
    const text = `${present.map(name).join(', ')} for 3 days.${absent.length > 0 ? ` No ${absent.map(name).join(', no ')}.` : ''}`;
    return { patient, text, vitals, medications };
  }
  return { patient, findings: { present, absent }, vitals, medications };
}
