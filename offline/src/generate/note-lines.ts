/** The building blocks of a visit note: lists, vitals and results lines, medications, allergies, plan. */
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

export function list(items: readonly string[], random: Random): string {
  if (items.length <= 1) {
    return items[0] ?? '';
  }
  const head = items.slice(0, -1).join(', ');
  const oxford = items.length > 2 && random.chance(0.5) ? ',' : '';
  return `${head}${oxford} and ${items[items.length - 1] ?? ''}`;
}

export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function fmt(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

export function vitalsLine(facts: EncounterFacts, random: Random): string | undefined {
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

export function resultsLine(ctx: NoteContext): string | undefined {
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

export function medsLine(meds: readonly Prescription[], random: Random): string {
  if (meds.length === 0) {
    return random.pick(['None.', 'No regular medications.', 'nil']);
  }
  return meds.map((p) => `${p.drug.name} ${abbreviateDose(p.doseText, random)}`).join('; ');
}

export function allergiesLine(allergies: readonly DrugAllergy[], random: Random): string {
  if (allergies.length === 0) {
    return random.pick(['NKDA', 'No known drug allergies.', 'NKDA.']);
  }
  return allergies.map((a) => `${a.drug.name} (${a.reaction.text})`).join(', ');
}

export interface Split {
  symptoms: Finding[];
  signs: Finding[];
  history: Finding[];
}

export function split(
  world: WorldModel,
  ids: readonly number[],
  exclude: number | undefined,
): Split {
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

export function plan(ctx: NoteContext): string[] {
  const { facts, random } = ctx;
  const lines = facts.prescriptions.map((p) => {
    const verb = random.pick(['Start', 'Rx', 'Prescribed', 'Commence']);
    return `${verb} ${p.drug.name} ${abbreviateDose(p.doseText, random).replace(/\.$/, '')}.`;
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

export function header(label: readonly string[], random: Random): string {
  return random.pick(label);
}

/** The sectioned note of a symptom visit or a routine visit. */
