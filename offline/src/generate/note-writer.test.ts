import type { DocumentReference, Observation } from '@medplum/fhirtypes';
import { createTextExtractor } from '@mediassist/shared/text';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateInMemory, type InMemoryExport } from './testing/in-memory-export.js';

let data: InMemoryExport;

beforeAll(() => {
  data = generateInMemory(250);
}, 120_000);

const idOf = (ref: string | undefined): string => (ref ?? '').split('/')[1] ?? '';

describe('visit notes', () => {
  it('state the documented findings: present ones affirmed, absent ones negated (checked with the text extractor)', () => {
    const extractor = createTextExtractor({ kb: data.kb });
    const findingsByEncounter = new Map<string, { present: Set<string>; absent: Set<string> }>();
    // What the record says without a finding Observation: measured values past a KB threshold
    // (`T 38.6` → fever) and the smoking status answer (`former smoker`).
    const impliedByEncounter = new Map<string, Set<string>>();
    const thresholds = data.kb.findings.flatMap((f) =>
      f.threshold ? [{ ...f.threshold, id: f.id }] : [],
    );
    const implied = (e: string): Set<string> => {
      const set = impliedByEncounter.get(e) ?? new Set<string>();
      impliedByEncounter.set(e, set);
      return set;
    };
    for (const o of data.resources.Observation as Observation[]) {
      const e = idOf(o.encounter?.reference);
      const values = [
        { code: o.code.coding?.[0]?.code, q: o.valueQuantity },
        ...(o.component ?? []).map((c) => ({ code: c.code.coding?.[0]?.code, q: c.valueQuantity })),
      ];
      for (const { code, q } of values) {
        for (const t of thresholds) {
          const v = q?.value;
          if (
            t.loinc === code &&
            v !== undefined &&
            { '>': v > t.value, '>=': v >= t.value, '<': v < t.value, '<=': v <= t.value }[
              t.comparator
            ]
          ) {
            implied(e).add(t.id);
          }
        }
      }
      const answer = o.valueCodeableConcept?.coding?.[0];
      const smoking =
        answer?.system && answer.code
          ? data.kb.findingByCode(answer.system, answer.code)
          : undefined;
      if (smoking) {
        implied(e).add(smoking.id);
      }
    }
    for (const o of data.resources.Observation as Observation[]) {
      if (o.valueBoolean === undefined) {
        continue;
      }
      const code = o.code.coding?.[0];
      const f =
        code?.system && code.code ? data.kb.findingByCode(code.system, code.code) : undefined;
      const e = idOf(o.encounter?.reference);
      const entry = findingsByEncounter.get(e) ?? {
        present: new Set<string>(),
        absent: new Set<string>(),
      };
      if (f) {
        (o.valueBoolean ? entry.present : entry.absent).add(f.id);
      }
      findingsByEncounter.set(e, entry);
    }
    let present = 0;
    let presentFound = 0;
    let absent = 0;
    let absentFound = 0;
    let contradicted = 0;
    let extractedPresent = 0;
    let unsupported = 0;
    for (const doc of data.resources.DocumentReference as DocumentReference[]) {
      const text = Buffer.from(doc.content[0]?.attachment.data ?? '', 'base64').toString('utf8');
      const encounterId = idOf(doc.context?.encounter?.[0]?.reference);
      const expected = findingsByEncounter.get(encounterId);
      if (!expected) {
        continue;
      }
      const alsoSupported = impliedByEncounter.get(encounterId) ?? new Set<string>();
      const got = extractor.extractFindings(text);
      const gotPresent = new Set(got.present);
      const gotAbsent = new Set(got.absent);
      for (const f of expected.present) {
        present++;
        presentFound += gotPresent.has(f) ? 1 : 0;
        contradicted += gotAbsent.has(f) && !gotPresent.has(f) ? 1 : 0;
      }
      for (const f of expected.absent) {
        absent++;
        absentFound += gotAbsent.has(f) ? 1 : 0;
        contradicted += gotPresent.has(f) ? 1 : 0;
      }
      for (const f of gotPresent) {
        extractedPresent++;
        unsupported += expected.present.has(f) || alsoSupported.has(f) ? 0 : 1;
      }
    }
    const rates = {
      presentRecall: presentFound / present,
      absentRecall: absentFound / absent,
      contradictions: contradicted / (present + absent),
      unsupportedShare: unsupported / extractedPresent,
    };
    expect(present).toBeGreaterThan(500);
    expect(rates.presentRecall).toBeGreaterThan(0.85);
    expect(rates.absentRecall).toBeGreaterThan(0.85);
    expect(rates.contradictions).toBeLessThan(0.01);
    // Findings the note states beyond the record's findings, measurements and smoking status.
    expect(rates.unsupportedShare).toBeLessThan(0.05);
  }, 60_000);
});
