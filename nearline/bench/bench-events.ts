/** Synthetic visit events for the benchmark: each a new encounter, so its effect (one visit) is countable. */
import { randomUUID } from 'node:crypto';
import type { CodedVisitEvent } from '@mediassist/shared/events';
import type { PatientId } from '@mediassist/shared/ids';
import { visitEvent } from '../src/testing/events.js';

const FINDINGS = ['fever', 'cough', 'dyspnoea', 'fatigue', 'chills', 'malaise'];
const DRUGS = ['29046', '6809', '83367', '5640', '11289', '36567'];

export interface BenchEventSource {
  /** A new visit for a random patient (its own encounter). */
  next(): CodedVisitEvent;
  /** Distinct events generated per patient so far. */
  readonly perPatient: ReadonlyMap<PatientId, number>;
  readonly eventIds: readonly string[];
}

export function createBenchEventSource(options: {
  patients: readonly PatientId[];
  random: () => number;
}): BenchEventSource {
  const { patients, random } = options;
  const perPatient = new Map<PatientId, number>();
  const eventIds: string[] = [];
  let encounter = 0;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return {
    perPatient,
    eventIds,
    next() {
      const patientId = pick(patients);
      encounter += 1;
      const now = new Date();
      const event = visitEvent({
        patientId,
        eventId: randomUUID(),
        encounter,
        occurredAt: now.toISOString(),
        findings: { present: [pick(FINDINGS)], absent: [] },
        observations: [
          {
            loinc: '8480-6',
            value: 110 + Math.round(random() * 50),
            unit: 'mm[Hg]',
            at: now.toISOString(),
          },
        ],
        medications:
          random() < 0.2 ? { started: [pick(DRUGS)], stopped: [] } : { started: [], stopped: [] },
      });
      perPatient.set(patientId, (perPatient.get(patientId) ?? 0) + 1);
      eventIds.push(event.eventId);
      return event;
    },
  };
}

/** mulberry32: the same events on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
