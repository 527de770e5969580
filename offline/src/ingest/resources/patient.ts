/**
 * Patient → `patients`: only gender, birth date (→ year; suppressed at 90+) and deceased status are
 * read. Names, addresses, telecom, identifiers, narrative and extensions are never read.
 */
import type { ResourceSpec } from '../resource-spec.js';

const AGE_90_PLUS = 'coalesce(age_years(s.birth_date, as_of_date()) >= 90, false)';

export const patientSpec: ResourceSpec = {
  resourceType: 'Patient',
  table: 'patients',
  columns: {
    resourceType: 'VARCHAR',
    id: 'VARCHAR',
    gender: 'VARCHAR',
    birthDate: 'VARCHAR',
    deceasedBoolean: 'BOOLEAN',
    deceasedDateTime: 'VARCHAR',
  },
  patientRef: '"id"',
  patientElement: 'id',
  required: [],
  dates: {
    birth_date: { element: 'birthDate', raw: '"birthDate"' },
    deceased_date: { element: 'deceasedDateTime', raw: '"deceasedDateTime"' },
  },
  stage: {
    sex: `CASE lower("gender") WHEN 'female' THEN 'female' WHEN 'male' THEN 'male' WHEN 'other' THEN 'other' ELSE 'unknown' END`,
    deceased: 'coalesce("deceasedBoolean", false) OR "deceasedDateTime" IS NOT NULL',
  },
  concepts: [],
  output: {
    patient_id: 'p.patient_id',
    sex: 's.sex',
    birth_year: `CASE WHEN ${AGE_90_PLUS} THEN NULL ELSE year(s.birth_date) END::SMALLINT`,
    age_90_plus: AGE_90_PLUS,
    deceased: 's.deceased',
  },
};
