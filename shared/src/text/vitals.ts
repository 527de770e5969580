/**
 * Vital signs written as text (`BP 142/91`, `HR 104`, `T 101.2 F`, `SpO2 94% on RA`, `Wt 80 kg`),
 * parsed to numbers in UCUM units and coded with LOINC (the US Core vital-signs codes). Values outside
 * physiological ranges are ignored rather than guessed.
 */
import type { BloodPressure, Measurement, VitalKind, VitalSign } from './summary-schema.js';

/** LOINC codes for each vital sign (HL7 FHIR R4 vital-signs profile). */
export const VITAL_LOINC: Readonly<
  Record<VitalKind | 'systolic' | 'diastolic' | 'blood-pressure', string>
> = {
  'blood-pressure': '85354-9',
  systolic: '8480-6',
  diastolic: '8462-4',
  'heart-rate': '8867-4',
  'respiratory-rate': '9279-1',
  temperature: '8310-5',
  'oxygen-saturation': '59408-5',
  weight: '29463-7',
  height: '8302-2',
  bmi: '39156-5',
};

const SEP = String.raw`\s*(?:of|was|is|were|at|=|:|-)?\s*`;
const NUM = String.raw`(\d{1,3}(?:\.\d{1,2})?)`;

const BP = new RegExp(
  String.raw`\b(?:BP|B\/P|blood pressure)${SEP}(\d{2,3})\s*\/\s*(\d{2,3})(?:\s*mm\s*Hg)?`,
  'gi',
);

interface Rule {
  kind: VitalKind;
  pattern: RegExp;
  convert: (
    value: number,
    unit: string | undefined,
  ) => { value: number; unit: string; original?: { value: number; unit: string } } | undefined;
}

const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

const within = (value: number, min: number, max: number): boolean => value >= min && value <= max;

function temperature(value: number, unit: string | undefined): ReturnType<Rule['convert']> {
  const u = unit?.toLowerCase();
  const fahrenheit = u === 'f' || (u === undefined && within(value, 86, 113));
  if (fahrenheit) {
    const celsius = round(((value - 32) * 5) / 9, 1);
    return within(celsius, 30, 45)
      ? { value: celsius, unit: 'Cel', original: { value, unit: '[degF]' } }
      : undefined;
  }
  return within(value, 30, 45) ? { value, unit: 'Cel' } : undefined;
}

function weight(value: number, unit: string | undefined): ReturnType<Rule['convert']> {
  const u = unit?.toLowerCase() ?? 'kg';
  if (u.startsWith('lb') || u.startsWith('pound')) {
    const kg = round(value * 0.45359237, 1);
    return within(kg, 0.5, 400)
      ? { value: kg, unit: 'kg', original: { value, unit: '[lb_av]' } }
      : undefined;
  }
  return within(value, 0.5, 400) ? { value, unit: 'kg' } : undefined;
}

function height(value: number, unit: string | undefined): ReturnType<Rule['convert']> {
  const u = unit?.toLowerCase() ?? 'cm';
  if (u === 'm') {
    return within(value, 0.3, 2.5)
      ? { value: round(value * 100, 1), unit: 'cm', original: { value, unit: 'm' } }
      : undefined;
  }
  if (u.startsWith('in')) {
    const cm = round(value * 2.54, 1);
    return within(cm, 30, 250)
      ? { value: cm, unit: 'cm', original: { value, unit: '[in_i]' } }
      : undefined;
  }
  return within(value, 30, 250) ? { value, unit: 'cm' } : undefined;
}

const inRange =
  (min: number, max: number, unit: string) =>
  (value: number): ReturnType<Rule['convert']> =>
    within(value, min, max) ? { value, unit } : undefined;

const RULES: readonly Rule[] = [
  {
    kind: 'heart-rate',
    pattern: new RegExp(
      String.raw`\b(?:HR|heart rate|pulse(?: rate)?|PR|P(?=\s+\d))${SEP}${NUM}(?:\s*(?:bpm|beats\/min|\/min|beats per minute))?`,
      'gi',
    ),
    convert: inRange(20, 250, '/min'),
  },
  {
    kind: 'respiratory-rate',
    pattern: new RegExp(
      String.raw`\b(?:RR|resp(?:iratory)? rate|resps?|respirations)${SEP}${NUM}(?:\s*(?:\/min|breaths\/min|breaths per minute))?`,
      'gi',
    ),
    convert: inRange(4, 80, '/min'),
  },
  {
    kind: 'temperature',
    pattern: new RegExp(
      String.raw`\b(?:T|temp(?:erature)?|Tmax|febrile to|fever of|fever to)${SEP}${NUM}\s*(?:°|º|deg(?:rees)?)?\s*([CF])?(?![A-Za-z])`,
      'gi',
    ),
    convert: temperature,
  },
  {
    kind: 'oxygen-saturation',
    pattern: new RegExp(
      String.raw`\b(?:SpO2|SaO2|O2 sat(?:uration)?s?|sats?|oxygen saturation|pulse ox(?:imetry)?)${SEP}${NUM}\s*%?(?:\s*(?:on\s+)?(?:RA|room air|\d+\s*L(?:\/min)?(?:\s*(?:NC|O2))?))?`,
      'gi',
    ),
    convert: inRange(50, 100, '%'),
  },
  {
    kind: 'weight',
    pattern: new RegExp(
      String.raw`\b(?:wt|weight|weighs)${SEP}${NUM}\s*(kg|kgs|kilograms?|lbs?|pounds?)?\b`,
      'gi',
    ),
    convert: weight,
  },
  {
    kind: 'height',
    pattern: new RegExp(String.raw`\b(?:ht|height)${SEP}${NUM}\s*(cm|m|in|inches)?\b`, 'gi'),
    convert: height,
  },
  {
    kind: 'bmi',
    pattern: new RegExp(
      String.raw`\b(?:BMI|body mass index)${SEP}${NUM}(?:\s*kg\/m2|\s*kg\/m²)?`,
      'gi',
    ),
    convert: inRange(8, 90, 'kg/m2'),
  },
];

const FEET_INCHES =
  /\b(?:ht|height)\s*(?:of|is|was|:|=)?\s*(\d)\s*(?:'|’|ft|feet)\s*(?:(\d{1,2})\s*(?:"|”|in|inches)?)?/gi;

/** A threshold, not a measurement: "BMI 30 or more", "HR 100+". */
const CRITERION_AFTER =
  /^\s*(?:or (?:more|above|greater|higher|over|less|below|lower|under)|\+|and (?:above|over|below))/i;
const isCriterion = (text: string, end: number): boolean =>
  CRITERION_AFTER.test(text.slice(end, end + 20));

/** Every vital sign in the text, in order of appearance. */
export function extractVitals(text: string): VitalSign[] {
  const found: VitalSign[] = [];
  for (const m of text.matchAll(BP)) {
    const systolic = Number(m[1]);
    const diastolic = Number(m[2]);
    const isMeasurement = !isCriterion(text, m.index + m[0].length);
    if (
      isMeasurement &&
      within(systolic, 50, 300) &&
      within(diastolic, 20, 200) &&
      systolic > diastolic
    ) {
      const bp: BloodPressure = {
        kind: 'blood-pressure',
        loinc: '85354-9',
        systolic,
        diastolic,
        unit: 'mm[Hg]',
        span: { start: m.index, end: m.index + m[0].length },
        text: m[0],
      };
      found.push(bp);
    }
  }
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const label = m[0].slice(0, 2);
      // A lone `T`, `P` or `PR` must be upper case (`t`, `p` and `pr` are words and a route).
      if (
        (/^[TP]\b/i.test(m[0]) && label[0] !== label[0]?.toUpperCase()) ||
        (/^PR\b/i.test(m[0]) && !m[0].startsWith('PR'))
      ) {
        continue;
      }
      if (isCriterion(text, m.index + m[0].length)) {
        continue;
      }
      const converted = rule.convert(Number(m[1]), m[2]);
      if (converted) {
        const measurement: Measurement = {
          kind: rule.kind,
          loinc: VITAL_LOINC[rule.kind],
          ...converted,
          span: { start: m.index, end: m.index + m[0].length },
          text: m[0],
        };
        found.push(measurement);
      }
    }
  }
  for (const m of text.matchAll(FEET_INCHES)) {
    const cm = round((Number(m[1]) * 12 + Number(m[2] ?? 0)) * 2.54, 1);
    if (within(cm, 30, 250)) {
      found.push({
        kind: 'height',
        loinc: VITAL_LOINC.height,
        value: cm,
        unit: 'cm',
        original: { value: Number(m[1]) * 12 + Number(m[2] ?? 0), unit: '[in_i]' },
        span: { start: m.index, end: m.index + m[0].length },
        text: m[0],
      });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}
