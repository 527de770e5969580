/**
 * Encounters, Conditions, prescriptions and notes serialised from cached templates (one per coded
 * shape), byte-identical to JSON.stringify of the typed builders (encounter-resources.ts,
 * care-resources.ts, note-resource.ts; resource-json.test.ts proves it). Slot values are ids,
 * timestamps and base64: no escaping needed.
 */
import { medicationRequestResource } from './care-resources.js';
import { conditionResource, encounterResource } from './encounter-resources.js';
import { noteResource } from './note-resource.js';

type Fill = (values: readonly string[]) => string;

/** Placeholders that cannot occur in generated JSON otherwise. */
const slot = (i: number): string => `@@${String(i)}@@`;
/** Timestamps the builders format from these instants are replaced by slots. */
const SAMPLE_MS = [
  Date.UTC(1901, 0, 1, 1, 1, 1),
  Date.UTC(1902, 1, 2, 2, 2, 2),
  Date.UTC(1903, 2, 3, 3, 3, 3),
];
const sampleTimes = ['1901-01-01T01:01:01Z', '1902-02-02T02:02:02Z', '1903-03-03T03:03:03Z'];

/** Splits `json` on the given markers (each occurring once, in any order) into a fill function. */
export function compileTemplate(json: string, markers: readonly string[]): Fill {
  const found = markers
    .map((marker, index) => ({ marker, index, at: json.indexOf(marker) }))
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  const order: number[] = [];
  let pos = 0;
  for (const m of found) {
    parts.push(json.slice(pos, m.at));
    order.push(m.index);
    pos = m.at + m.marker.length;
  }
  const tail = json.slice(pos);
  return (values) => {
    let out = '';
    for (let i = 0; i < parts.length; i++) {
      out += (parts[i] ?? '') + (values[order[i] ?? 0] ?? '');
    }
    return out + tail;
  };
}

type ConditionOptions = Parameters<typeof conditionResource>[0];
type EncounterOptions = Parameters<typeof encounterResource>[0];
type MedicationOptions = Parameters<typeof medicationRequestResource>[0];
type NoteOptions = Parameters<typeof noteResource>[0];

export interface ResourceJson {
  condition(o: ConditionOptions, times: { recorded: string; onset: string | undefined }): string;
  encounter(o: EncounterOptions, times: { start: string; end: string }): string;
  medicationRequest(o: MedicationOptions, authoredOn: string): string;
  note(o: Omit<NoteOptions, 'text'>, data: { base64: string; start: string; end: string }): string;
}

export function createResourceJson(): ResourceJson {
  const markers = [0, 1, 2, 3, 4, 5, 6].map(slot);
  const ids = { id: slot(0), patientId: slot(1) };
  const withTimes = (json: string): string =>
    sampleTimes.reduce((s, t, i) => s.replace(t, slot(4 + i)), json);
  const conditions = new Map<string, Fill>();
  const encounters = new Map<string, Fill>();
  const medications = new Map<string, Fill>();
  let note: Fill | undefined;
  const lookup = (cache: Map<string, Fill>, key: string, build: () => string): Fill => {
    let fill = cache.get(key);
    if (!fill) {
      fill = compileTemplate(build(), markers);
      cache.set(key, fill);
    }
    return fill;
  };
  return {
    condition(o, times) {
      const key = `${o.condition.id}|${o.category}|${o.clinicalStatus}|${String(o.encounterId !== undefined)}|${String(o.onsetMs !== undefined)}`;
      const fill = lookup(conditions, key, () =>
        withTimes(
          JSON.stringify(
            conditionResource({
              ...o,
              ...ids,
              encounterId: o.encounterId === undefined ? undefined : slot(2),
              recordedMs: SAMPLE_MS[0] ?? 0,
              onsetMs: o.onsetMs === undefined ? undefined : SAMPLE_MS[1],
            }),
          ),
        ),
      );
      return fill([o.id, o.patientId, o.encounterId ?? '', '', times.recorded, times.onset ?? '']);
    },
    encounter(o, times) {
      const key = `${o.type}|${o.encounterClass}|${o.reason?.system ?? ''}|${o.reason?.code ?? ''}`;
      const fill = lookup(encounters, key, () =>
        withTimes(
          JSON.stringify(
            encounterResource({
              ...o,
              ...ids,
              startMs: SAMPLE_MS[0] ?? 0,
              endMs: SAMPLE_MS[1] ?? 0,
            }),
          ),
        ),
      );
      return fill([o.id, o.patientId, '', '', times.start, times.end]);
    },
    medicationRequest(o, authoredOn) {
      const p = o.prescription;
      const key = `${p.drug.rxcui}|${p.status}|${p.doseText}|${String(p.encounterId !== undefined)}|${String(o.reasonConditionId !== undefined)}`;
      const fill = lookup(medications, key, () =>
        withTimes(
          JSON.stringify(
            medicationRequestResource({
              patientId: slot(1),
              reasonConditionId: o.reasonConditionId === undefined ? undefined : slot(3),
              prescription: {
                ...p,
                id: slot(0),
                encounterId: p.encounterId === undefined ? undefined : slot(2),
                authoredMs: SAMPLE_MS[0] ?? 0,
              },
            }),
          ),
        ),
      );
      return fill([p.id, o.patientId, p.encounterId ?? '', o.reasonConditionId ?? '', authoredOn]);
    },
    note(o, data) {
      note ??= compileTemplate(
        withTimes(
          JSON.stringify(
            noteResource({
              ...ids,
              encounterId: slot(2),
              startMs: SAMPLE_MS[0] ?? 0,
              endMs: SAMPLE_MS[1] ?? 0,
              text: '',
            }),
          ),
        )
          // The end time appears twice (date, then period.end): the second becomes slot 6.
          .replace(sampleTimes[1] ?? '', slot(6))
          .replace('"data":""', `"data":"${slot(3)}"`),
        markers,
      );
      return note([o.id, o.patientId, o.encounterId, data.base64, data.start, data.end, data.end]);
    },
  };
}
