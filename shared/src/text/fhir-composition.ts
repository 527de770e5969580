/**
 * A summary as a draft FHIR R4 document Bundle: a `preliminary` Composition with SOAP sections whose
 * narrative lists what was extracted and whose entries point at draft resources (see fhir-resources).
 * Ids are deterministic (`urn:uuid:` from the patient, encounter, time and item), so re-running the
 * conversion yields the same bundle.
 */
import type { Bundle, BundleEntry, Composition, Narrative, Resource } from '@medplum/fhirtypes';
import type { KnowledgeBase } from '../kb/index.js';
import { deterministicUuid } from './fhir-ids.js';
import {
  allergyResource,
  conditionResource,
  findingObservation,
  medicationStatement,
  procedureResource,
  serviceRequest,
  vitalObservation,
  type ResourceContext,
} from './fhir-resources.js';
import { findingsOf } from './text-extractor.js';
import type { ClinicalSummary, FindingMention, SectionKind } from './summary-schema.js';

export interface FhirCompositionOptions {
  /** `Patient/<id>` or `urn:uuid:<id>`. */
  patientRef: string;
  /** `Encounter/<id>` or `urn:uuid:<id>`. */
  encounterRef?: string;
  /** ISO date-time stamped on every resource (pass the clock in; the function reads none). */
  now: string;
  /** `Practitioner/<id>`; without it the author is the extractor itself, by display. */
  authorRef?: string;
  /** For condition course (acute history → resolved); optional. */
  kb?: KnowledgeBase;
}

const LOINC = 'http://loinc.org';
const OBJECTIVE_SECTIONS: ReadonlySet<SectionKind> = new Set([
  'exam',
  'objective',
  'vitals',
  'results',
]);

const escapeHtml = (s: string): string =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

function narrative(lines: readonly string[]): Narrative {
  const items =
    lines.length === 0
      ? '<p>Nothing extracted.</p>'
      : `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`;
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${items}</div>` };
}

interface SectionDraft {
  title: string;
  code: string;
  lines: string[];
  refs: string[];
}

export function toFhirComposition(
  summary: ClinicalSummary,
  options: FhirCompositionOptions,
): Bundle {
  const { patientRef, encounterRef, now, authorRef, kb } = options;
  const ctx: ResourceContext = {
    subject: { reference: patientRef },
    ...(encounterRef === undefined ? {} : { encounter: { reference: encounterRef } }),
    now,
  };
  const seed = `${patientRef}|${encounterRef ?? ''}|${now}|${summary.kbVersion}|${String(summary.textLength)}`;
  const entries: BundleEntry[] = [];
  const add = (
    section: SectionDraft,
    { key, resource, line }: { key: string; resource: Resource | undefined; line: string },
  ): void => {
    if (!resource) {
      return;
    }
    const fullUrl = `urn:uuid:${deterministicUuid(`${seed}|${key}`)}`;
    entries.push({ fullUrl, resource });
    section.refs.push(fullUrl);
    section.lines.push(line);
  };
  const subjective: SectionDraft = { title: 'Subjective', code: '61150-9', lines: [], refs: [] };
  const objective: SectionDraft = { title: 'Objective', code: '61149-1', lines: [], refs: [] };
  const assessment: SectionDraft = { title: 'Assessment', code: '51848-0', lines: [], refs: [] };
  const plan: SectionDraft = { title: 'Plan', code: '18776-5', lines: [], refs: [] };

  if (summary.chiefComplaint) {
    subjective.lines.push(`Chief complaint: ${summary.chiefComplaint.text}`);
  }
  const { present, absent } = findingsOf(summary.findings.filter((f) => f.match !== 'measurement'));
  const firstMention = new Map<string, FindingMention>();
  for (const f of summary.findings) {
    if (!firstMention.has(f.findingId)) {
      firstMention.set(f.findingId, f);
    }
  }
  for (const [ids, isPresent] of [
    [present, true],
    [absent, false],
  ] as const) {
    for (const id of ids) {
      const mention = firstMention.get(id);
      if (mention) {
        const section = OBJECTIVE_SECTIONS.has(mention.section) ? objective : subjective;
        add(section, {
          key: `finding|${id}`,
          resource: findingObservation(mention, isPresent, ctx),
          line: `${mention.display}: ${isPresent ? 'present' : 'absent'}`,
        });
      }
    }
  }
  summary.conditions.forEach((c, i) => {
    const resource = conditionResource({
      mention: c,
      condition: kb?.condition(c.conditionId),
      category: 'problem-list-item',
      ctx,
    });
    add(subjective, {
      key: `problem|${String(i)}`,
      resource,
      line: `History: ${c.display} (${c.assertion})`,
    });
  });
  summary.medications.forEach((m, i) => {
    add(m.status === 'started' ? plan : subjective, {
      key: `medication|${String(i)}`,
      resource: medicationStatement(m, ctx),
      line: `${m.name}${m.sig ? ` ${m.sig.text}` : ''} (${m.status})`,
    });
  });
  summary.allergies.forEach((a, i) => {
    const line =
      a.kind === 'no-known-allergies'
        ? 'No known allergies'
        : `Allergy: ${a.substance.name ?? a.substance.text}${a.reaction ? ` (${a.reaction.text})` : ''}`;
    add(subjective, { key: `allergy|${String(i)}`, resource: allergyResource(a, ctx), line });
  });
  summary.vitals.forEach((v, i) => {
    const line =
      v.kind === 'blood-pressure'
        ? `Blood pressure ${String(v.systolic)}/${String(v.diastolic)} mmHg`
        : `${v.kind} ${String(v.value)} ${v.unit}`;
    add(objective, { key: `vital|${String(i)}`, resource: vitalObservation(v, ctx), line });
  });
  summary.assessment.forEach((c, i) => {
    const resource = conditionResource({
      mention: c,
      condition: kb?.condition(c.conditionId),
      category: 'encounter-diagnosis',
      ctx,
    });
    add(assessment, {
      key: `diagnosis|${String(i)}`,
      resource,
      line: `${c.display} (${c.icd10}): ${c.assertion}`,
    });
  });
  summary.plan.forEach((p, i) => {
    switch (p.kind) {
      case 'test':
        if (p.status === 'ordered') {
          add(plan, {
            key: `plan|${String(i)}`,
            resource: serviceRequest(p, ctx),
            line: `Order: ${p.display}`,
          });
        } else {
          add(plan, {
            key: `plan|${String(i)}`,
            resource: procedureResource(p, ctx),
            line: `Done: ${p.display}`,
          });
        }
        break;
      case 'referral':
        add(plan, {
          key: `plan|${String(i)}`,
          resource: serviceRequest(p, ctx),
          line: `Referral: ${p.specialty}`,
        });
        break;
      case 'follow-up':
        plan.lines.push(
          `Follow-up${p.interval ? ` in ${String(p.interval.value)} ${p.interval.unit}` : ''}${p.asNeeded ? ' as needed' : ''}`,
        );
        break;
      case 'medication':
        break; // the MedicationStatement (status intended/stopped) is listed above
      default:
        p satisfies never;
    }
  });

  const composition: Composition = {
    resourceType: 'Composition',
    status: 'preliminary',
    type: {
      coding: [{ system: LOINC, code: '11506-3', display: 'Progress note' }],
      text: 'Progress note',
    },
    subject: ctx.subject,
    ...(ctx.encounter ? { encounter: ctx.encounter } : {}),
    date: now,
    author: [
      authorRef === undefined
        ? { display: 'MediAssist text extractor (draft for clinician review)' }
        : { reference: authorRef },
    ],
    title: 'Visit summary extracted from the note (draft)',
    section: [subjective, objective, assessment, plan].map((s) => ({
      title: s.title,
      code: { coding: [{ system: LOINC, code: s.code }], text: s.title },
      text: narrative(s.lines),
      ...(s.refs.length > 0 ? { entry: s.refs.map((reference) => ({ reference })) } : {}),
    })),
  };
  const compositionUrl = `urn:uuid:${deterministicUuid(`${seed}|composition`)}`;
  return {
    resourceType: 'Bundle',
    type: 'document',
    identifier: {
      system: 'urn:ietf:rfc:3986',
      value: `urn:uuid:${deterministicUuid(`${seed}|bundle`)}`,
    },
    timestamp: now,
    entry: [{ fullUrl: compositionUrl, resource: composition }, ...entries],
  };
}
