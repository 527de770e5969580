/**
 * `POST /api/v1/summarize` (clinician, admin): a visit note or transcript → the structured SOAP
 * summary, or with `format: "fhir"` a draft FHIR R4 document Bundle. The note text is never logged,
 * stored or echoed in an error; text over the extractor's limit is 413 PAYLOAD_TOO_LARGE.
 */
import { createRoute } from '@hono/zod-openapi';
import {
  SummarizeRequestSchema,
  SummarizeResponseSchema,
  type SummarizeFhirResponse,
} from '@mediassist/shared/api';
import { AppError } from '@mediassist/shared/errors';
import { EncounterIdSchema, parsePatientId } from '@mediassist/shared/ids';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import { MAX_TEXT_CHARS, type TextExtractor } from '@mediassist/shared/text';
import type { Clock } from '../clock.js';
import { throwOnInvalid, type ValidationResult } from '../errors/validation-hook.js';
import { recordPatientAccess } from '../middleware/audit-access.js';
import { requireAccess } from '../middleware/require-role.js';
import { createRouter } from '../router.js';
import { draftBundle } from '../summarize/draft-bundle.js';
import {
  EXAMPLE_ENCOUNTER,
  EXAMPLE_NOTE,
  EXAMPLE_NOW,
  EXAMPLE_PATIENT,
  EXAMPLE_TRANSCRIPT,
} from '../summarize/example-note.js';
import { AUTHENTICATED, AUTHENTICATED_ERRORS, errorResponses } from './openapi-common.js';

export interface SummarizeRoutesOptions {
  /** Built once in main.ts (`createTextExtractor({ kb })`); the same KB as `kb`. */
  extractor: TextExtractor;
  kb: KnowledgeBase;
  clock: Clock;
}

function tooLarge(max: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `Note text exceeds ${String(max)} characters`, {
    details: [{ path: 'json.text', issue: 'too_big' }],
  });
}

/** Like every route's hook, except that text over the limit is 413 (a size, not a shape, problem). */
function summarizeHook(result: ValidationResult, max: number): void {
  if (
    !result.success &&
    result.target === 'json' &&
    result.error.issues.some(
      (i) => i.code === 'too_big' && i.path.length === 1 && i.path[0] === 'text',
    )
  ) {
    throw tooLarge(max);
  }
  throwOnInvalid(result);
}

/** The documented answers: real answers of this extractor to the example request (a few ms, once). */
function exampleAnswers(options: SummarizeRoutesOptions & { max: number }) {
  const { extractor, kb, max } = options;
  if (EXAMPLE_NOTE.length > max) {
    return undefined;
  }
  const summary = extractor.summarize(EXAMPLE_NOTE);
  const fhir = draftBundle({
    summary,
    patient: parsePatientId(EXAMPLE_PATIENT),
    encounter: EncounterIdSchema.parse(EXAMPLE_ENCOUNTER),
    now: EXAMPLE_NOW,
    kb,
  });
  return {
    summary: { summary: 'The note example as a summary', value: summary },
    fhir: { summary: 'The fhir example as a document Bundle', value: fhir },
  };
}

function summarizeRoute(examples: ReturnType<typeof exampleAnswers>) {
  return createRoute({
    method: 'post',
    path: '/summarize',
    tags: ['summarize'],
    summary: 'Structure a visit note or transcript into a coded SOAP summary (or a FHIR document)',
    description: [
      'Reads a free-text note, dictation or "Doctor: … Patient: …" transcript and returns what it says, coded against the knowledge base: findings (present, absent, possible, historical, family, hypothetical), conditions, vitals, medications with sigs, allergies, assessment and plan.',
      'Every item carries `span` (UTF-16 offsets, end exclusive) and `text`, and `text.slice(span.start, span.end) === text` always holds, so the web app can highlight the source.',
      'With `format: "fhir"` the answer is a draft FHIR R4 document Bundle (a `preliminary` Composition and draft resources) for a clinician to review before filing; the subject and encounter are logical references by pseudonym.',
      "With `ageYears` (the patient's age), vital signs are read against children's cut-offs below 12; without it, against the age the note states, else adult cut-offs. `vitalCutOffs` in the answer says which were used.",
      'When `patient` is given the access is audited. The text is never logged. This is an extraction of the note for review, never a diagnosis.',
    ].join('\n\n'),
    middleware: [requireAccess('summarize')] as const,
    security: AUTHENTICATED,
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: SummarizeRequestSchema,
            examples: {
              note: { summary: 'A sectioned visit note', value: { text: EXAMPLE_NOTE } },
              transcript: {
                summary: 'A doctor–patient transcript',
                value: { text: EXAMPLE_TRANSCRIPT, patient: EXAMPLE_PATIENT, ageYears: 4 },
              },
              fhir: {
                summary: 'The same note as a draft FHIR document',
                value: {
                  text: EXAMPLE_NOTE,
                  format: 'fhir',
                  patient: EXAMPLE_PATIENT,
                  encounter: EXAMPLE_ENCOUNTER,
                },
              },
            },
          },
        },
      },
    },
    responses: {
      200: {
        description:
          '`ClinicalSummary` (format `summary`, the default) or `FhirDocumentBundle` (format `fhir`)',
        content: {
          'application/json': {
            schema: SummarizeResponseSchema,
            ...(examples === undefined ? {} : { examples }),
          },
        },
      },
      ...errorResponses(400, 413, 415, ...AUTHENTICATED_ERRORS),
    },
  });
}

export function summarizeRoutes(options: SummarizeRoutesOptions) {
  const { extractor, kb, clock } = options;
  // The schema documents MAX_TEXT_CHARS; an extractor built with a lower limit lowers it.
  const max = Math.min(extractor.maxTextChars, MAX_TEXT_CHARS);
  const route = summarizeRoute(exampleAnswers({ ...options, max }));
  return createRouter().openapi(
    route,
    (c) => {
      const { text, format, patient, encounter, ageYears } = c.req.valid('json');
      if (patient !== undefined) {
        recordPatientAccess(c, patient);
      }
      if (text.length > max) {
        throw tooLarge(max);
      }
      // The caller's age chooses children's vital-sign cut-offs (else the note's own statement).
      const summary = extractor.summarize(text, ageYears === undefined ? {} : { ageYears });
      switch (format) {
        case 'summary':
          return c.json(summary, 200);
        case 'fhir': {
          const now = new Date(clock.now()).toISOString();
          const bundle = draftBundle({ summary, patient, encounter, now, kb });
          // toFhirComposition always builds a `document` Bundle with identifier, timestamp and entries.
          return c.json(bundle as SummarizeFhirResponse, 200);
        }
        default:
          return format satisfies never;
      }
    },
    (result) => {
      summarizeHook(result, max);
    },
  );
}
