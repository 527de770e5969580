/**
 * Vital signs and lab tests the generator measures: LOINC, UCUM unit, plausible and normal ranges,
 * and how to draw a value that agrees with the finding states on the same measurement (a `fever`
 * finding ↔ a temperature above its KB threshold, no `fever` ↔ at or below it). Normal ranges:
 * LOINC/RCPA reference intervals for adults; paediatric heart and breathing rates: APLS.
 */

export interface MeasurementSpec {
  loinc: string;
  display: string;
  unit: string;
  category: 'vital-signs' | 'laboratory';
  decimals: number;
  /** Where a value falls when nothing pushes it out (also the default baseline). */
  normal: readonly [number, number];
  /** Physiologically plausible bounds. */
  hard: readonly [number, number];
  /** Typical distance beyond a threshold when abnormal. */
  spread: number;
}

const m = (
  loinc: string,
  display: string,
  spec: Omit<MeasurementSpec, 'loinc' | 'display' | 'category'> & {
    category?: MeasurementSpec['category'];
  },
): MeasurementSpec => ({ loinc, display, category: spec.category ?? 'laboratory', ...spec });

const vital = 'vital-signs' as const;

export const MEASUREMENTS: readonly MeasurementSpec[] = [
  m('8310-5', 'Body temperature', {
    unit: 'Cel',
    category: vital,
    decimals: 1,
    normal: [36.2, 37.4],
    hard: [32, 41.5],
    spread: 0.7,
  }),
  m('8867-4', 'Heart rate', {
    unit: '/min',
    category: vital,
    decimals: 0,
    normal: [58, 96],
    hard: [30, 200],
    spread: 12,
  }),
  m('9279-1', 'Respiratory rate', {
    unit: '/min',
    category: vital,
    decimals: 0,
    normal: [12, 19],
    hard: [6, 60],
    spread: 5,
  }),
  m('2708-6', 'Oxygen saturation in Arterial blood', {
    unit: '%',
    category: vital,
    decimals: 0,
    normal: [95, 100],
    hard: [70, 100],
    spread: 3,
  }),
  m('8480-6', 'Systolic blood pressure', {
    unit: 'mm[Hg]',
    category: vital,
    decimals: 0,
    normal: [104, 136],
    hard: [60, 230],
    spread: 14,
  }),
  m('8462-4', 'Diastolic blood pressure', {
    unit: 'mm[Hg]',
    category: vital,
    decimals: 0,
    normal: [60, 88],
    hard: [35, 130],
    spread: 8,
  }),
  m('39156-5', 'Body mass index (BMI) [Ratio]', {
    unit: 'kg/m2',
    category: vital,
    decimals: 1,
    normal: [19, 29.9],
    hard: [11, 70],
    spread: 4,
  }),
  m('4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood', {
    unit: '%',
    decimals: 1,
    normal: [4.6, 5.6],
    hard: [3.8, 15],
    spread: 1,
  }),
  m('2345-7', 'Glucose [Mass/volume] in Serum or Plasma', {
    unit: 'mg/dL',
    decimals: 0,
    normal: [72, 130],
    hard: [25, 700],
    spread: 60,
  }),
  m('13457-7', 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation', {
    unit: 'mg/dL',
    decimals: 0,
    normal: [60, 150],
    hard: [20, 350],
    spread: 25,
  }),
  m('2093-3', 'Cholesterol [Mass/volume] in Serum or Plasma', {
    unit: 'mg/dL',
    decimals: 0,
    normal: [130, 230],
    hard: [70, 450],
    spread: 30,
  }),
  m('2085-9', 'Cholesterol in HDL [Mass/volume] in Serum or Plasma', {
    unit: 'mg/dL',
    decimals: 0,
    normal: [38, 80],
    hard: [15, 130],
    spread: 8,
  }),
  m('2571-8', 'Triglyceride [Mass/volume] in Serum or Plasma', {
    unit: 'mg/dL',
    decimals: 0,
    normal: [50, 180],
    hard: [20, 1500],
    spread: 80,
  }),
  m('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', {
    unit: 'mg/dL',
    decimals: 2,
    normal: [0.6, 1.2],
    hard: [0.2, 12],
    spread: 0.6,
  }),
  m(
    '62238-1',
    'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)',
    { unit: 'mL/min/{1.73_m2}', decimals: 0, normal: [62, 115], hard: [4, 150], spread: 15 },
  ),
  m('2823-3', 'Potassium [Moles/volume] in Serum or Plasma', {
    unit: 'mmol/L',
    decimals: 1,
    normal: [3.6, 5.1],
    hard: [2, 8],
    spread: 0.4,
  }),
  m('2951-2', 'Sodium [Moles/volume] in Serum or Plasma', {
    unit: 'mmol/L',
    decimals: 0,
    normal: [136, 144],
    hard: [110, 165],
    spread: 4,
  }),
  m('718-7', 'Hemoglobin [Mass/volume] in Blood', {
    unit: 'g/dL',
    decimals: 1,
    normal: [12.2, 16.5],
    hard: [4, 21],
    spread: 1.5,
  }),
  m('787-2', 'MCV [Entitic volume] by Automated count', {
    unit: 'fL',
    decimals: 0,
    normal: [82, 98],
    hard: [55, 130],
    spread: 6,
  }),
  m('777-3', 'Platelets [#/volume] in Blood by Automated count', {
    unit: '10*3/uL',
    decimals: 0,
    normal: [160, 390],
    hard: [2, 1200],
    spread: 50,
  }),
  m('6690-2', 'Leukocytes [#/volume] in Blood by Automated count', {
    unit: '10*3/uL',
    decimals: 1,
    normal: [4.2, 10.5],
    hard: [0.5, 60],
    spread: 4,
  }),
  m('3016-3', 'Thyrotropin [Units/volume] in Serum or Plasma', {
    unit: 'm[IU]/L',
    decimals: 2,
    normal: [0.5, 4.2],
    hard: [0.01, 100],
    spread: 4,
  }),
  m('1742-6', 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', {
    unit: 'U/L',
    decimals: 0,
    normal: [8, 38],
    hard: [3, 3000],
    spread: 30,
  }),
  m('1975-2', 'Bilirubin.total [Mass/volume] in Serum or Plasma', {
    unit: 'mg/dL',
    decimals: 1,
    normal: [0.2, 1.1],
    hard: [0.1, 30],
    spread: 1.5,
  }),
  m('9318-7', 'Albumin/Creatinine [Mass Ratio] in Urine', {
    unit: 'mg/g',
    decimals: 0,
    normal: [2, 25],
    hard: [0, 5000],
    spread: 80,
  }),
  m('2276-4', 'Ferritin [Mass/volume] in Serum or Plasma', {
    unit: 'ng/mL',
    decimals: 0,
    normal: [35, 280],
    hard: [1, 3000],
    spread: 10,
  }),
  m('1988-5', 'C reactive protein [Mass/volume] in Serum or Plasma', {
    unit: 'mg/L',
    decimals: 1,
    normal: [0.3, 8],
    hard: [0.1, 400],
    spread: 40,
  }),
  m('17861-6', 'Calcium [Mass/volume] in Serum or Plasma', {
    unit: 'mg/dL',
    decimals: 1,
    normal: [8.7, 10.2],
    hard: [5, 16],
    spread: 0.8,
  }),
  m('3040-3', 'Lipase [Enzymatic activity/volume] in Serum or Plasma', {
    unit: 'U/L',
    decimals: 0,
    normal: [15, 160],
    hard: [3, 5000],
    spread: 400,
  }),
  m('10839-9', 'Troponin I.cardiac [Mass/volume] in Serum or Plasma', {
    unit: 'ng/mL',
    decimals: 3,
    normal: [0, 0.03],
    hard: [0, 50],
    spread: 0.5,
  }),
  m('48065-7', 'Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma', {
    unit: 'ng/mL{FEU}',
    decimals: 0,
    normal: [120, 480],
    hard: [50, 20000],
    spread: 1200,
  }),
  m('33762-6', 'Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma', {
    unit: 'pg/mL',
    decimals: 0,
    normal: [20, 380],
    hard: [5, 35000],
    spread: 1500,
  }),
  m('2857-1', 'Prostate specific Ag [Mass/volume] in Serum or Plasma', {
    unit: 'ng/mL',
    decimals: 2,
    normal: [0.2, 3.5],
    hard: [0.01, 500],
    spread: 4,
  }),
  m('3084-1', 'Urate [Mass/volume] in Serum or Plasma', {
    unit: 'mg/dL',
    decimals: 1,
    normal: [3, 6.6],
    hard: [1, 15],
    spread: 1.5,
  }),
];

export const MEASUREMENT_BY_LOINC: ReadonlyMap<string, MeasurementSpec> = new Map(
  MEASUREMENTS.map((s) => [s.loinc, s]),
);

/** The vital signs taken at every in-person acute visit. */
export const ACUTE_VITALS = ['8310-5', '8867-4', '9279-1', '2708-6', '8480-6'] as const;
export const BODY_WEIGHT = { loinc: '29463-7', display: 'Body weight', unit: 'kg' } as const;
export const BODY_HEIGHT = { loinc: '8302-2', display: 'Body height', unit: 'cm' } as const;
export const BP_PANEL = { loinc: '85354-9', display: 'Blood pressure panel' } as const;
