/**
 * The visit note, written from exactly the encounter's facts: sectioned (CC/HPI/ROS/PMH/Meds/
 * Allergies/Exam/Vitals/Results/Assessment/Plan) or, sometimes, a doctor–patient transcript followed
 * by the clinician's exam and plan. Varied wording (KB synonyms and lay terms), negations, common
 * abbreviations and occasional typos; nothing the structured resources do not also say.
 */
import type { Finding } from '@mediassist/shared/kb';
import { abbreviateDose } from './dose-text.js';
import type { EncounterFacts, Prescription } from './encounter-facts.js';
import { MEASUREMENT_BY_LOINC } from './measurements.js';
import type { PhraseBook } from './note-phrases.js';
import type { DrugAllergy } from './patient-profile.js';
import type { Random } from './random.js';
import type { WorldModel } from './world-model.js';

export interface NoteContext {
  world: WorldModel;
  phrases: PhraseBook;
  facts: EncounterFacts;
  sex: 'female' | 'male';
  allergies: readonly DrugAllergy[];
  random: Random;
}

const VITAL_LABELS: Readonly<Record<string, readonly string[]>> = {
  '8310-5': ['T', 'Temp'],
  '8867-4': ['HR', 'P', 'Pulse'],
  '9279-1': ['RR', 'Resp'],
  '2708-6': ['SpO2', 'O2 sat'],
  '39156-5': ['BMI'],
};
const VITAL_UNITS: Readonly<Record<string, string>> = {
  '8310-5': ' C',
  '8867-4': '',
  '9279-1': '',
  '2708-6': '%',
  '39156-5': '',
};
const LAB_LABELS: Readonly<Record<string, string>> = {
  '4548-4': 'HbA1c',
  '2345-7': 'Glucose',
  '13457-7': 'LDL',
  '2093-3': 'Total cholesterol',
  '2085-9': 'HDL',
  '2571-8': 'Triglycerides',
  '2160-0': 'Creatinine',
  '62238-1': 'eGFR',
  '2823-3': 'K',
  '2951-2': 'Na',
  '718-7': 'Hb',
  '787-2': 'MCV',
  '777-3': 'Platelets',
  '6690-2': 'WBC',
  '3016-3': 'TSH',
  '1742-6': 'ALT',
  '1975-2': 'Bilirubin',
  '9318-7': 'Urine ACR',
  '2276-4': 'Ferritin',
  '1988-5': 'CRP',
  '17861-6': 'Calcium',
  '3040-3': 'Lipase',
  '10839-9': 'Troponin I',
  '48065-7': 'D-dimer',
  '33762-6': 'NT-proBNP',
  '2857-1': 'PSA',
  '3084-1': 'Urate',
};

function list(items: readonly string[], random: Random): string {
  if (items.length <= 1) {
    return items[0] ?? '';
  }
  const head = items.slice(0, -1).join(', ');
  const oxford = items.length > 2 && random.chance(0.5) ? ',' : '';
  return `${head}${oxford} and ${items[items.length - 1] ?? ''}`;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function fmt(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

function vitalsLine(facts: EncounterFacts, random: Random): string | undefined {
  const parts: string[] = [];
  const byLoinc = new Map(facts.measured.map((m) => [m.loinc, m.value]));
  for (const m of facts.measured) {
    const spec = MEASUREMENT_BY_LOINC.get(m.loinc);
    if (!spec || spec.category !== 'vital-signs' || m.loinc === '8462-4') {
      continue;
    }
    if (m.loinc === '8480-6') {
      const dia = byLoinc.get('8462-4');
      parts.push(`BP ${fmt(m.value, 0)}/${fmt(dia ?? 0, 0)}`);
      continue;
    }
    const label = random.pick(VITAL_LABELS[m.loinc] ?? [spec.display]);
    parts.push(`${label} ${fmt(m.value, spec.decimals)}${VITAL_UNITS[m.loinc] ?? ''}`);
  }
  if (facts.weightKg !== undefined) {
    parts.push(`Wt ${fmt(facts.weightKg, 1)} kg`);
  }
  if (facts.heightCm !== undefined) {
    parts.push(`Ht ${fmt(facts.heightCm, 0)} cm`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function resultsLine(ctx: NoteContext): string | undefined {
  const { facts, world, phrases, random } = ctx;
  const parts: string[] = [];
  for (const m of facts.measured) {
    const spec = MEASUREMENT_BY_LOINC.get(m.loinc);
    if (spec?.category === 'laboratory') {
      parts.push(
        `${LAB_LABELS[m.loinc] ?? spec.display} ${fmt(m.value, spec.decimals)} ${spec.unit}`,
      );
    }
  }
  const qualitative = (ids: readonly number[], present: boolean): void => {
    for (const fi of ids) {
      const f = world.findings[fi]?.finding;
      if (f?.kind === 'lab') {
        parts.push(
          present ? phrases.clinical(f, random) : `negative for ${phrases.clinical(f, random)}`,
        );
      }
    }
  };
  qualitative(facts.present, true);
  qualitative(facts.absent, false);
  return parts.length > 0 ? `${parts.join('; ')}.` : undefined;
}

function medsLine(meds: readonly Prescription[], random: Random): string {
  if (meds.length === 0) {
    return random.pick(['None.', 'No regular medications.', 'nil']);
  }
  return meds.map((p) => `${p.drug.name} ${abbreviateDose(p.doseText, random)}`).join('; ');
}

function allergiesLine(allergies: readonly DrugAllergy[], random: Random): string {
  if (allergies.length === 0) {
    return random.pick(['NKDA', 'No known drug allergies.', 'NKDA.']);
  }
  return allergies.map((a) => `${a.drug.name} (${a.reaction.text})`).join(', ');
}

interface Split {
  symptoms: Finding[];
  signs: Finding[];
  history: Finding[];
}

function split(world: WorldModel, ids: readonly number[], exclude: number | undefined): Split {
  const out: Split = { symptoms: [], signs: [], history: [] };
  for (const fi of ids) {
    const f = world.findings[fi]?.finding;
    if (!f || fi === exclude || f.kind === 'lab') {
      continue;
    }
    if (f.kind === 'symptom') {
      out.symptoms.push(f);
    } else if (f.kind === 'history') {
      out.history.push(f);
    } else {
      out.signs.push(f);
    }
  }
  return out;
}

function plan(ctx: NoteContext): string[] {
  const { facts, random } = ctx;
  const lines = facts.prescriptions.map((p) => {
    const verb = random.pick(['Start', 'Rx', 'Prescribed', 'Commence']);
    return `${verb} ${p.drug.name} ${abbreviateDose(p.doseText, random)}.`;
  });
  for (const r of facts.preventive) {
    lines.push(
      r.resource === 'Immunization'
        ? `${r.display} given.`
        : r.resource === 'Procedure'
          ? `${r.display} done.`
          : `${r.display} completed.`,
    );
  }
  if (facts.kind === 'follow-up' && facts.ongoingMedications.length > 0) {
    lines.push(`Continue ${facts.ongoingMedications.map((p) => p.drug.name).join(', ')}.`);
  }
  return lines;
}

function header(label: readonly string[], random: Random): string {
  return random.pick(label);
}

/** The sectioned note of a symptom visit or a routine visit. */
function sectionedNote(ctx: NoteContext): string {
  const { world, phrases, facts, random, sex } = ctx;
  const lines: string[] = [];
  const cc =
    facts.chiefComplaint === undefined ? undefined : world.findings[facts.chiefComplaint]?.finding;
  const who = `${String(Math.floor(facts.age))} ${random.pick(['y/o', 'yo', 'year old'])} ${sex === 'female' ? random.pick(['F', 'female', 'woman']) : random.pick(['M', 'male', 'man'])}`;
  const problems = facts.problems
    .map((ci) => world.conditions[ci]?.condition)
    .filter((c) => c !== undefined);
  if (facts.kind === 'acute' || facts.kind === 'new-problem') {
    const present = split(world, facts.present, facts.chiefComplaint);
    const absent = split(world, facts.absent, undefined);
    const ccText = cc ? phrases.clinical(cc, random) : 'review of results';
    lines.push(
      `${header(['CC', 'Chief complaint', 'Presenting complaint'], random)}: ${random.chance(0.3) && cc ? `"${phrases.lay(cc, random)}"` : ccText}`,
    );
    const hpi: string[] = [`${who} presenting with ${ccText}.`];
    const also = [...present.symptoms, ...present.history].map((f) => phrases.clinical(f, random));
    if (also.length > 0) {
      hpi.push(
        `${random.pick(['Also reports', 'Associated with', 'Also c/o', 'Reports'])} ${list(also, random)}.`,
      );
    }
    const negSymptoms = [...absent.symptoms, ...absent.history].map((f) =>
      phrases.clinical(f, random),
    );
    if (negSymptoms.length > 0 && random.chance(0.5)) {
      hpi.push(`${random.pick(['Denies', 'No', 'Negative for'])} ${list(negSymptoms, random)}.`);
      negSymptoms.length = 0;
    }
    lines.push(`${header(['HPI', 'History of present illness'], random)}: ${hpi.join(' ')}`);
    if (negSymptoms.length > 0) {
      lines.push(
        `ROS: ${random.pick(['negative for', 'denies', 'no'])} ${list(negSymptoms, random)}.`,
      );
    }
    pushHistory(
      ctx,
      lines,
      problems.map((c) => phrases.condition(c, random)),
    );
    const exam: string[] = [];
    if (present.signs.length > 0) {
      exam.push(
        `${cap(
          list(
            present.signs.map((f) => phrases.clinical(f, random)),
            random,
          ),
        )} ${random.pick(['noted', 'present', 'on examination'])}.`,
      );
    }
    if (absent.signs.length > 0) {
      exam.push(
        `No ${list(
          absent.signs.map((f) => phrases.clinical(f, random)),
          random,
        )}.`,
      );
    }
    if (exam.length > 0) {
      lines.push(`${header(['Exam', 'Physical exam', 'O/E'], random)}: ${exam.join(' ')}`);
    }
  } else {
    const reason =
      facts.kind === 'wellness'
        ? random.pick(['Annual wellness visit.', 'Routine health check.', 'Annual physical.'])
        : `Follow-up of ${list(
            facts.diagnoses
              .map((ci) => world.conditions[ci]?.condition)
              .filter((c) => c !== undefined)
              .map((c) => phrases.condition(c, random)),
            random,
          )}.`;
    lines.push(`${header(['Reason for visit', 'CC'], random)}: ${reason}`);
    lines.push(
      `HPI: ${who} ${facts.kind === 'wellness' ? 'here for preventive care' : 'here for chronic disease review'}.`,
    );
    pushHistory(
      ctx,
      lines,
      problems.map((c) => phrases.condition(c, random)),
    );
  }
  if (facts.smoking !== undefined) {
    lines.push(
      `Social history: ${{ current: 'current smoker', former: 'former smoker', never: 'never smoker' }[facts.smoking]}.`,
    );
  }
  const vitals = vitalsLine(facts, random);
  if (vitals) {
    lines.push(`${header(['Vitals', 'Vital signs', 'VS'], random)}: ${vitals}`);
  }
  const results = resultsLine(ctx);
  if (results) {
    lines.push(`${header(['Results', 'Labs'], random)}: ${results}`);
  }
  const dx = facts.diagnoses
    .map((ci) => world.conditions[ci]?.condition)
    .filter((c) => c !== undefined);
  if (facts.kind !== 'wellness' && dx.length > 0) {
    lines.push(
      `${header(['Assessment', 'Impression', 'A'], random)}: ${dx.map((c) => phrases.condition(c, random)).join('; ')}.`,
    );
  }
  const planLines = plan(ctx);
  if (planLines.length > 0) {
    lines.push(`${header(['Plan', 'P'], random)}: ${planLines.join(' ')}`);
  }
  return lines.join('\n');
}

function pushHistory(ctx: NoteContext, lines: string[], problems: readonly string[]): void {
  const { facts, allergies, random } = ctx;
  lines.push(
    `${header(['PMH', 'Past medical history', 'PMHx'], random)}: ${problems.length > 0 ? problems.join(', ') : random.pick(['none', 'Nil significant', 'No significant PMH'])}`,
  );
  lines.push(
    `${header(['Meds', 'Medications', 'Current meds'], random)}: ${medsLine(facts.ongoingMedications, random)}`,
  );
  lines.push(`${header(['Allergies', 'Allergy'], random)}: ${allergiesLine(allergies, random)}`);
}

/** A transcript of the history taking, then the clinician's exam, vitals, assessment and plan. */
function dialogueNote(ctx: NoteContext): string {
  const { world, phrases, facts, random } = ctx;
  const turns: string[] = [];
  const cc =
    facts.chiefComplaint === undefined ? undefined : world.findings[facts.chiefComplaint]?.finding;
  turns.push(
    `Doctor: ${random.pick(['What brings you in today?', 'How can I help today?', 'What seems to be the problem?'])}`,
  );
  turns.push(`Patient: ${cc ? cap(phrases.lay(cc, random)) : 'I came about my results'}.`);
  const present = split(world, facts.present, facts.chiefComplaint);
  const absent = split(world, facts.absent, undefined);
  const asked = [
    ...[...present.symptoms, ...present.history].map((f) => ({ f, yes: true })),
    ...[...absent.symptoms, ...absent.history].map((f) => ({ f, yes: false })),
  ].sort((a, b) => a.f.id.localeCompare(b.f.id));
  for (const { f, yes } of asked) {
    turns.push(`Doctor: Any ${phrases.clinical(f, random)}?`);
    turns.push(
      `Patient: ${yes ? random.pick(['Yes.', 'Yes, I have.', 'Yeah, a bit.']) : random.pick(['No.', 'No, none.', 'Not at all.'])}`,
    );
  }
  const lines = [turns.join('\n'), ''];
  const problems = facts.problems
    .map((ci) => world.conditions[ci]?.condition)
    .filter((c) => c !== undefined);
  pushHistory(
    ctx,
    lines,
    problems.map((c) => phrases.condition(c, random)),
  );
  const exam: string[] = [];
  if (present.signs.length > 0) {
    exam.push(
      `${cap(
        list(
          present.signs.map((f) => phrases.clinical(f, random)),
          random,
        ),
      )} noted.`,
    );
  }
  if (absent.signs.length > 0) {
    exam.push(
      `No ${list(
        absent.signs.map((f) => phrases.clinical(f, random)),
        random,
      )}.`,
    );
  }
  if (exam.length > 0) {
    lines.push(`Exam: ${exam.join(' ')}`);
  }
  const vitals = vitalsLine(facts, random);
  if (vitals) {
    lines.push(`Vitals: ${vitals}`);
  }
  const results = resultsLine(ctx);
  if (results) {
    lines.push(`Results: ${results}`);
  }
  const dx = facts.diagnoses
    .map((ci) => world.conditions[ci]?.condition)
    .filter((c) => c !== undefined);
  lines.push(`Assessment: ${dx.map((c) => phrases.condition(c, random)).join('; ')}.`);
  const planLines = plan(ctx);
  if (planLines.length > 0) {
    lines.push(`Plan: ${planLines.join(' ')}`);
  }
  return lines.join('\n');
}

export const DIALOGUE_SHARE = 0.15;

export function writeNote(ctx: NoteContext): string {
  const symptomVisit = ctx.facts.kind === 'acute' || ctx.facts.kind === 'new-problem';
  return symptomVisit && ctx.random.chance(DIALOGUE_SHARE) ? dialogueNote(ctx) : sectionedNote(ctx);
}
