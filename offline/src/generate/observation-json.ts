/**
 * Observations are most of an export's lines, so they are serialised from templates with the coded
 * parts cached (JSON of each code is built once), instead of building an object and calling
 * JSON.stringify. The output is byte-identical to JSON.stringify of the typed builders in
 * fhir-observations.ts (observation-json.test.ts proves it).
 */
import type { Coding } from '@mediassist/shared/kb';
import {
  bloodPressureObservation,
  findingObservation,
  quantityObservation,
} from './fhir-observations.js';

export interface ObservationContext {
  id: string;
  patientId: string;
  encounterId: string;
  /** Pre-formatted effectiveDateTime (isoDateTime of the encounter start). */
  effective: string;
}

export interface ObservationJson {
  finding(
    ctx: ObservationContext,
    f: {
      coding: Coding;
      display: string;
      present: boolean;
      category?: 'exam' | 'social-history';
    },
  ): string;
  quantity(
    ctx: ObservationContext,
    q: {
      category: 'vital-signs' | 'laboratory' | 'survey';
      codings: readonly Coding[];
      display: string;
      value: number;
      unit: string;
    },
  ): string;
  bloodPressure(ctx: ObservationContext, bp: { systolic: number; diastolic: number }): string;
}

const SAMPLE = { id: '@@ID@@', patientId: '@@PT@@', encounterId: '@@EN@@', ms: 0 };
const EPOCH = '1970-01-01T00:00:00Z';

/** Splits a builder's JSON around the per-resource parts, keeping everything else verbatim. */
function template(json: string): (ctx: ObservationContext) => string {
  const [beforeId = '', afterId = ''] = json.split('@@ID@@');
  const [beforePatient = '', afterPatient = ''] = afterId.split('@@PT@@');
  const [beforeEncounter = '', afterEncounter = ''] = afterPatient.split('@@EN@@');
  const [beforeTime = '', afterTime = ''] = afterEncounter.split(EPOCH);
  return (ctx) =>
    beforeId +
    ctx.id +
    beforePatient +
    ctx.patientId +
    beforeEncounter +
    ctx.encounterId +
    beforeTime +
    ctx.effective +
    afterTime;
}

export function createObservationJson(): ObservationJson {
  const findings = new Map<string, (ctx: ObservationContext) => string>();
  const quantities = new Map<string, { head: (ctx: ObservationContext) => string; tail: string }>();
  let bp: ((ctx: ObservationContext, systolic: number, diastolic: number) => string) | undefined;
  return {
    finding(ctx, f) {
      const key = `${f.coding.system}|${f.coding.code}|${String(f.present)}|${f.category ?? 'exam'}`;
      let t = findings.get(key);
      if (!t) {
        t = template(JSON.stringify(findingObservation({ ...SAMPLE, ...f })));
        findings.set(key, t);
      }
      return t(ctx);
    },
    quantity(ctx, q) {
      const key = `${q.category}|${q.codings.map((c) => c.code).join(',')}|${q.unit}`;
      let t = quantities.get(key);
      if (!t) {
        const json = JSON.stringify(quantityObservation({ ...SAMPLE, ...q, value: 0 }));
        const marker = '"valueQuantity":{"value":0,';
        const at = json.indexOf(marker);
        t = {
          head: template(json.slice(0, at + marker.length - 2)),
          tail: json.slice(at + marker.length - 1),
        };
        quantities.set(key, t);
      }
      return `${t.head(ctx)}${JSON.stringify(q.value)}${t.tail}`;
    },
    bloodPressure(ctx, { systolic, diastolic }) {
      if (!bp) {
        const json = JSON.stringify(
          bloodPressureObservation({ ...SAMPLE, systolic: 1111, diastolic: 2222 }),
        );
        const [head = '', rest = ''] = json.split('1111');
        const [middle = '', tail = ''] = rest.split('2222');
        const fill = template(head);
        bp = (c, s, d) => `${fill(c)}${String(s)}${middle}${String(d)}${tail}`;
      }
      return bp(ctx, systolic, diastolic);
    },
  };
}
