/**
 * A small, hand-written FHIR R4 Bulk Data export in the MediAssist profile (docs/specs/fhir-profile.md)
 * for ingest and feature tests: three patients with recognisable (fake) PHI, their visits, findings,
 * vitals, labs, diagnoses, prescriptions, an allergy, vaccines, a screening and notes. Optionally with
 * malformed lines whose quarantine reasons and line numbers the tests know.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

type Resource = Record<string, unknown>;

/** Identifying strings seeded into the export; none may appear outside `restricted/`. */
export const FIXTURE_PHI = {
  givenName: 'Marguerite',
  familyName: 'Quillfeather',
  otherName: 'Thistlewood',
  street: '742 Evergreen Terrace',
  city: 'Zembla Falls',
  postalCode: '90210',
  phone: '555-867-5309',
  email: 'marguerite.q@example.org',
  mrn: 'MRN-88231547',
  ssn: '999-12-3456',
  noteSentence: 'Marguerite Quillfeather reports a persistent cough since Tuesday',
  birthDate: '1961-04-17',
  dosageText: 'Marguerite: one tablet every morning',
} as const;

/** Source ids (Patient A's id is her MRN, as some EHRs export it). */
export const FIXTURE_IDS = { a: FIXTURE_PHI.mrn, b: 'pat-b-7731', c: 'pat-c-5520' } as const;

const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

const cc = (system: string, code: string, display?: string): Resource => ({
  coding: [{ system, code, ...(display === undefined ? {} : { display }) }],
  ...(display === undefined ? {} : { text: display }),
});
const category = (system: string, code: string): Resource[] => [cc(system, code)];
const subject = (id: string, display?: string): Resource => ({
  reference: `Patient/${id}`,
  ...(display === undefined ? {} : { display }),
});
const encounter = (id: string): Resource => ({ reference: `Encounter/${id}` });
const OBS_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const COND_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';

function patients(): Resource[] {
  return [
    {
      resourceType: 'Patient',
      id: FIXTURE_IDS.a,
      text: {
        status: 'generated',
        div: `<div>${FIXTURE_PHI.givenName} ${FIXTURE_PHI.familyName}</div>`,
      },
      identifier: [
        { type: cc('http://terminology.hl7.org/CodeSystem/v2-0203', 'MR'), value: FIXTURE_PHI.mrn },
        { system: 'http://hl7.org/fhir/sid/us-ssn', value: FIXTURE_PHI.ssn },
      ],
      name: [{ family: FIXTURE_PHI.familyName, given: [FIXTURE_PHI.givenName] }],
      telecom: [
        { system: 'phone', value: FIXTURE_PHI.phone },
        { system: 'email', value: FIXTURE_PHI.email },
      ],
      gender: 'female',
      birthDate: FIXTURE_PHI.birthDate,
      address: [
        { line: [FIXTURE_PHI.street], city: FIXTURE_PHI.city, postalCode: FIXTURE_PHI.postalCode },
      ],
    },
    {
      resourceType: 'Patient',
      id: FIXTURE_IDS.b,
      name: [{ family: FIXTURE_PHI.otherName, given: ['Ebenezer'] }],
      gender: 'male',
      birthDate: '1930-02-02',
    },
    { resourceType: 'Patient', id: FIXTURE_IDS.c, gender: 'male', birthDate: '1990-08-08' },
  ];
}

function encounters(): Resource[] {
  const visit = (options: {
    id: string;
    patient: string;
    start: string;
    type: string;
    reason?: string;
    cls?: string;
  }): Resource => ({
    resourceType: 'Encounter',
    id: options.id,
    status: 'finished',
    class: {
      system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
      code: options.cls ?? 'AMB',
    },
    type: [cc(SNOMED, options.type)],
    subject: subject(options.patient, `${FIXTURE_PHI.givenName} ${FIXTURE_PHI.familyName}`),
    period: { start: options.start, end: options.start },
    ...(options.reason === undefined ? {} : { reasonCode: [cc(SNOMED, options.reason)] }),
  });
  return [
    visit({
      id: 'enc-a1',
      patient: FIXTURE_IDS.a,
      start: '2025-01-15T09:30:00+01:00',
      type: '185345009',
      reason: '49727002',
    }),
    visit({
      id: 'enc-a2',
      patient: FIXTURE_IDS.a,
      start: '2025-06-20T14:00:00-04:00',
      type: '390906007',
    }),
    visit({
      id: 'enc-b1',
      patient: FIXTURE_IDS.b,
      start: '2025-03-03T08:15:00Z',
      type: '185345009',
      reason: '267102003',
    }),
    visit({
      id: 'enc-c1',
      patient: FIXTURE_IDS.c,
      start: '2025-02-10T16:45:00Z',
      type: '185345009',
      reason: '267102003',
      cls: 'VR',
    }),
  ];
}

function conditions(): Resource[] {
  const condition = (options: {
    id: string;
    patient: string;
    codes: Resource[];
    problem: boolean;
    date: string;
    enc?: string;
    verification?: string;
  }): Resource => ({
    resourceType: 'Condition',
    id: options.id,
    clinicalStatus: cc('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active'),
    verificationStatus: cc(
      'http://terminology.hl7.org/CodeSystem/condition-ver-status',
      options.verification ?? 'confirmed',
    ),
    category: category(
      COND_CATEGORY,
      options.problem ? 'problem-list-item' : 'encounter-diagnosis',
    ),
    code: { coding: options.codes, text: 'free text that is never read' },
    subject: subject(options.patient),
    ...(options.enc === undefined ? {} : { encounter: encounter(options.enc) }),
    ...(options.problem ? { onsetDateTime: options.date } : {}),
    recordedDate: options.date,
    note: [{ text: `${FIXTURE_PHI.givenName} worries about this` }],
  });
  return [
    condition({
      id: 'cond-a-htn',
      patient: FIXTURE_IDS.a,
      problem: true,
      date: '2015-03-02',
      codes: [
        { system: ICD10, code: 'I10' },
        { system: SNOMED, code: '59621000' },
      ],
    }),
    condition({
      id: 'cond-a-t2dm',
      patient: FIXTURE_IDS.a,
      problem: true,
      date: '2018-06-10',
      codes: [{ system: ICD10, code: 'E11.9' }],
    }),
    condition({
      id: 'cond-a-bronchitis',
      patient: FIXTURE_IDS.a,
      problem: false,
      date: '2025-01-15T10:00:00+01:00',
      enc: 'enc-a1',
      codes: [
        { system: ICD10, code: 'J20.9' },
        { system: SNOMED, code: '10509002' },
      ],
    }),
    condition({
      id: 'cond-b-strep',
      patient: FIXTURE_IDS.b,
      problem: false,
      date: '2025-03-03',
      enc: 'enc-b1',
      codes: [{ system: ICD10, code: 'J02.0' }],
    }),
    condition({
      id: 'cond-c-z76',
      patient: FIXTURE_IDS.c,
      problem: false,
      date: '2025-02-10',
      enc: 'enc-c1',
      verification: 'provisional',
      codes: [{ system: ICD10, code: 'Z76.89' }],
    }),
  ];
}

function observation(options: {
  id: string;
  patient: string;
  enc: string;
  at: string;
  category: string;
  code: Resource;
  value?: Resource;
}): Resource {
  return {
    resourceType: 'Observation',
    id: options.id,
    status: 'final',
    category: category(OBS_CATEGORY, options.category),
    code: options.code,
    subject: subject(options.patient),
    encounter: encounter(options.enc),
    effectiveDateTime: options.at,
    ...options.value,
  };
}

function observations(): Resource[] {
  const a1 = { patient: FIXTURE_IDS.a, enc: 'enc-a1', at: '2025-01-15T09:40:00+01:00' };
  const a2 = { patient: FIXTURE_IDS.a, enc: 'enc-a2', at: '2025-06-20T14:10:00-04:00' };
  const b1 = { patient: FIXTURE_IDS.b, enc: 'enc-b1', at: '2025-03-03T08:20:00Z' };
  const c1 = { patient: FIXTURE_IDS.c, enc: 'enc-c1', at: '2025-02-10T16:50:00Z' };
  const finding = (code: string, present: boolean): Resource => ({
    category: 'exam',
    code: cc(SNOMED, code),
    value: { valueBoolean: present },
  });
  const quantity = (kind: string, code: string, [value, unit]: [number, string]): Resource => ({
    category: kind,
    code: cc(LOINC, code),
    value: { valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit } },
  });
  const bp = (systolic: number, diastolic: number): Resource => ({
    category: 'vital-signs',
    code: cc(LOINC, '85354-9'),
    value: {
      component: [
        {
          code: cc(LOINC, '8480-6'),
          valueQuantity: {
            value: systolic,
            unit: 'mm[Hg]',
            system: 'http://unitsofmeasure.org',
            code: 'mm[Hg]',
          },
        },
        {
          code: cc(LOINC, '8462-4'),
          valueQuantity: {
            value: diastolic,
            unit: 'mm[Hg]',
            system: 'http://unitsofmeasure.org',
            code: 'mm[Hg]',
          },
        },
      ],
    },
  });
  const rows: [string, Resource, Resource][] = [
    ['obs-a1-cough', a1, finding('49727002', true)],
    ['obs-a1-fever', a1, finding('386661006', true)],
    ['obs-a1-chest-pain', a1, finding('29857009', false)],
    ['obs-a1-temp', a1, quantity('vital-signs', '8310-5', [38.6, 'Cel'])],
    ['obs-a1-hr', a1, quantity('vital-signs', '8867-4', [104, '/min'])],
    ['obs-a1-bp', a1, bp(146, 92)],
    [
      'obs-a1-smoking',
      a1,
      {
        category: 'social-history',
        code: cc(LOINC, '72166-2'),
        value: { valueCodeableConcept: cc(SNOMED, '449868002') },
      },
    ],
    ['obs-a2-hba1c', a2, quantity('laboratory', '4548-4', [7.4, '%'])],
    ['obs-a2-bp', a2, bp(138, 84)],
    ['obs-b1-sore-throat', b1, finding('267102003', true)],
    ['obs-b1-temp', b1, quantity('vital-signs', '8310-5', [37.2, 'Cel'])],
    ['obs-c1-sore-throat', c1, finding('267102003', true)],
    ['obs-c1-fever', c1, finding('386661006', false)],
  ];
  return rows.map(([id, ctx, o]) =>
    observation({
      id,
      patient: String(ctx['patient']),
      enc: String(ctx['enc']),
      at: String(ctx['at']),
      category: String(o['category']),
      code: o['code'] as Resource,
      ...(o['value'] === undefined ? {} : { value: o['value'] as Resource }),
    }),
  );
}

function medicationRequests(): Resource[] {
  const order = (options: {
    id: string;
    patient: string;
    rxcui: string;
    status: string;
    authored: string;
    enc?: string;
  }): Resource => ({
    resourceType: 'MedicationRequest',
    id: options.id,
    status: options.status,
    intent: 'order',
    medicationCodeableConcept: cc(RXNORM, options.rxcui),
    subject: subject(options.patient),
    ...(options.enc === undefined ? {} : { encounter: encounter(options.enc) }),
    authoredOn: options.authored,
    dosageInstruction: [{ text: FIXTURE_PHI.dosageText }],
  });
  return [
    order({
      id: 'med-a-lisinopril',
      patient: FIXTURE_IDS.a,
      rxcui: '314076',
      status: 'active',
      authored: '2015-03-02',
    }),
    order({
      id: 'med-a-metformin',
      patient: FIXTURE_IDS.a,
      rxcui: '6809',
      status: 'active',
      authored: '2018-06-10',
    }),
    order({
      id: 'med-a-spironolactone',
      patient: FIXTURE_IDS.a,
      rxcui: '9997',
      status: 'active',
      authored: '2020-01-01',
    }),
    order({
      id: 'med-a-amoxicillin',
      patient: FIXTURE_IDS.a,
      rxcui: '723',
      status: 'completed',
      authored: '2025-01-15',
      enc: 'enc-a1',
    }),
    order({
      id: 'med-c-ibuprofen',
      patient: FIXTURE_IDS.c,
      rxcui: '5640',
      status: 'stopped',
      authored: '2025-02-10',
      enc: 'enc-c1',
    }),
  ];
}

function others(): Record<string, Resource[]> {
  const note = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
  return {
    AllergyIntolerance: [
      {
        resourceType: 'AllergyIntolerance',
        id: 'allergy-a-penicillin',
        clinicalStatus: cc(
          'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
          'active',
        ),
        type: 'allergy',
        category: ['medication'],
        criticality: 'high',
        code: cc(RXNORM, '7980'),
        patient: subject(FIXTURE_IDS.a),
        recordedDate: '2010-05-05',
        reaction: [{ manifestation: [cc(SNOMED, '247472004')] }],
        note: [{ text: `${FIXTURE_PHI.givenName} had hives` }],
      },
    ],
    Immunization: [
      {
        resourceType: 'Immunization',
        id: 'imm-a-flu',
        status: 'completed',
        vaccineCode: cc('http://hl7.org/fhir/sid/cvx', '140'),
        patient: subject(FIXTURE_IDS.a),
        occurrenceDateTime: '2024-10-01',
      },
      {
        resourceType: 'Immunization',
        id: 'imm-b-flu',
        status: 'completed',
        vaccineCode: cc('http://hl7.org/fhir/sid/cvx', '140'),
        patient: subject(FIXTURE_IDS.b),
        occurrenceDateTime: '2024-11-11',
      },
    ],
    Procedure: [
      {
        resourceType: 'Procedure',
        id: 'proc-a-colonoscopy',
        status: 'completed',
        code: cc('http://www.ama-assn.org/go/cpt', '45378'),
        subject: subject(FIXTURE_IDS.a),
        performedDateTime: '2019-05-05',
      },
    ],
    DocumentReference: [
      {
        resourceType: 'DocumentReference',
        id: 'doc-a1',
        status: 'current',
        type: cc(LOINC, '11506-3'),
        subject: subject(FIXTURE_IDS.a),
        date: '2025-01-15T10:05:00+01:00',
        content: [
          {
            attachment: {
              contentType: 'text/plain; charset=utf-8',
              data: note(`${FIXTURE_PHI.noteSentence}. Lives at ${FIXTURE_PHI.street}.`),
            },
          },
        ],
        context: { encounter: [encounter('enc-a1')] },
      },
      {
        resourceType: 'DocumentReference',
        id: 'doc-b1',
        status: 'current',
        type: cc(LOINC, '11506-3'),
        subject: subject(FIXTURE_IDS.b),
        date: '2025-03-03',
        content: [
          {
            attachment: {
              contentType: 'text/plain',
              data: note('Sore throat for two days, no cough.'),
            },
          },
        ],
        context: { encounter: [encounter('enc-b1')] },
      },
    ],
    Practitioner: [{ resourceType: 'Practitioner', id: 'pr-1', name: [{ family: 'Osler' }] }],
  };
}

/** Resources per type (Practitioner is a type ingest skips). */
export function fixtureResources(): Record<string, Resource[]> {
  return {
    Patient: patients(),
    Encounter: encounters(),
    Condition: conditions(),
    Observation: observations(),
    MedicationRequest: medicationRequests(),
    ...others(),
  };
}

/** Malformed Observation lines appended after the valid ones, with their expected quarantine. */
export const MALFORMED_OBSERVATION_LINES: readonly { line: string; reason: string }[] = [
  { line: 'this is not json', reason: 'invalid-json' },
  { line: '', reason: '' },
  {
    line: JSON.stringify({
      resourceType: 'Observation',
      id: 'obs-bad-date',
      status: 'final',
      code: cc(LOINC, '8310-5'),
      subject: subject(FIXTURE_IDS.c),
      effectiveDateTime: '2025-13-45',
      valueQuantity: { value: 37, unit: 'Cel' },
    }),
    reason: 'unparseable-date:effective[x]',
  },
  {
    line: JSON.stringify({ resourceType: 'Patient', id: 'intruder', gender: 'female' }),
    reason: 'wrong-resource-type',
  },
  {
    line: JSON.stringify({
      resourceType: 'Observation',
      id: 'obs-no-subject',
      code: cc(LOINC, '8310-5'),
      effectiveDateTime: '2025-01-01',
    }),
    reason: 'missing-required:subject',
  },
  {
    line: JSON.stringify({
      resourceType: 'Observation',
      id: 'obs-a1-hr',
      code: cc(LOINC, '8867-4'),
      subject: subject(FIXTURE_IDS.a),
      effectiveDateTime: '2025-01-15',
      valueQuantity: { value: 99, unit: '/min' },
    }),
    reason: 'duplicate-id',
  },
  {
    line: JSON.stringify({
      resourceType: 'Observation',
      id: 'obs-free-text-code',
      code: { coding: [{ code: `${FIXTURE_PHI.givenName} felt faint` }] },
      subject: subject(FIXTURE_IDS.a),
      effectiveDateTime: '2025-01-15',
    }),
    reason: 'invalid-code:code',
  },
  { line: '[1, 2, 3]', reason: 'not-an-object' },
];

export interface WriteFixtureOptions {
  dir: string;
  gzip?: boolean;
  /** Append MALFORMED_OBSERVATION_LINES to the Observation file. */
  malformed?: boolean;
}

/** Writes the export (one `<Type>.000.ndjson[.gz]` per type) plus an ignored manifest file. */
export async function writeFixtureExport(options: WriteFixtureOptions): Promise<void> {
  const { dir, gzip = false, malformed = false } = options;
  await mkdir(dir, { recursive: true });
  for (const [type, resources] of Object.entries(fixtureResources())) {
    const lines = resources.map((r) => JSON.stringify(r));
    if (malformed && type === 'Observation') {
      lines.push(...MALFORMED_OBSERVATION_LINES.map((m) => m.line));
    }
    const text = `${lines.join('\n')}\n`;
    const name = `${type}.000.ndjson${gzip ? '.gz' : ''}`;
    await writeFile(path.join(dir, name), gzip ? gzipSync(text) : text);
  }
  await writeFile(path.join(dir, 'manifest.json'), '{"note":"not a resource file"}\n');
}
