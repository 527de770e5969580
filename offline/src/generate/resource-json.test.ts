import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { describe, expect, it } from 'vitest';
import { isoDateTime } from './fhir-datatypes.js';
import { medicationRequestResource } from './care-resources.js';
import { conditionResource, encounterResource } from './encounter-resources.js';
import { noteResource } from './note-resource.js';
import { createResourceJson } from './resource-json.js';

const kb = loadKnowledgeBase();
const start = Date.UTC(2024, 0, 15, 14, 5);
const end = start + 20 * 60_000;
const t = { start: isoDateTime(start), end: isoDateTime(end) };
const ids = {
  patientId: '0a1b2c3d-0000-4000-8000-000000001111',
  encounterId: 'e0e0e0e0-1111-4111-9111-111111111111',
};

describe('createResourceJson', () => {
  const json = createResourceJson();

  it('writes Conditions byte-identical to the builder, with and without encounter and onset', () => {
    const condition = kb.condition('urinary-tract-infection')!;
    for (const encounterId of [ids.encounterId, undefined]) {
      for (const onsetMs of [start, undefined]) {
        const o = {
          id: 'c-1111',
          patientId: ids.patientId,
          encounterId,
          condition,
          category: 'encounter-diagnosis' as const,
          clinicalStatus: 'resolved' as const,
          recordedMs: end,
          onsetMs,
        };
        expect(
          json.condition(o, {
            recorded: t.end,
            onset: onsetMs === undefined ? undefined : t.start,
          }),
        ).toBe(JSON.stringify(conditionResource(o)));
      }
    }
  });

  it('writes Encounters, prescriptions and notes byte-identical to the builders', () => {
    const finding = kb.finding('dysuria')!;
    const e = {
      id: 'enc-1',
      patientId: ids.patientId,
      type: 'symptom' as const,
      encounterClass: 'AMB' as const,
      startMs: start,
      endMs: end,
      reason: { ...finding.code, display: finding.display },
    };
    expect(json.encounter(e, t)).toBe(JSON.stringify(encounterResource(e)));
    const drug = kb.drugByName('nitrofurantoin')!;
    const prescription = {
      id: 'rx-1',
      drug,
      doseText: '100 mg orally twice daily for 5 days',
      status: 'completed' as const,
      authoredMs: start,
      encounterId: ids.encounterId,
      condition: 0,
    };
    for (const reasonConditionId of ['c-2', undefined]) {
      const m = { patientId: ids.patientId, prescription, reasonConditionId };
      expect(json.medicationRequest(m, t.start)).toBe(JSON.stringify(medicationRequestResource(m)));
    }
    const text = 'CC: dysuria\nPlan: nitrofurantoin 100 mg PO b.i.d.';
    const n = {
      id: 'doc-1',
      patientId: ids.patientId,
      encounterId: ids.encounterId,
      startMs: start,
      endMs: end,
    };
    expect(json.note(n, { base64: Buffer.from(text).toString('base64'), ...t })).toBe(
      JSON.stringify(noteResource({ ...n, text })),
    );
  });
});
