/** Seeded random presentations over the whole KB (findings, unknown ids, ages, sexes, histories), for tests. */
import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import type { FindingsInput, PatientInput } from '../types.js';

export interface Presentation {
  findings: FindingsInput;
  patient: PatientInput;
}

export function randomPresentations(kb: KnowledgeBase, count: number, seed = 7): Presentation[] {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) {
      throw new Error('empty list');
    }
    return item;
  };
  return Array.from({ length: count }, () => {
    const associated = kb.associationsOf(pick(kb.conditions).id).map((a) => a.finding);
    const finding = (): string =>
      random() < 0.7 && associated.length > 0 ? pick(associated) : pick(kb.findings).id;
    const present = Array.from({ length: Math.floor(random() * 6) }, finding);
    const absent = Array.from({ length: Math.floor(random() * 4) }, finding);
    if (random() < 0.05) {
      present.push('not-a-kb-finding');
    }
    const patient: PatientInput = {
      ...(random() < 0.8 ? { age: Math.floor(random() * 95) } : {}),
      ...(random() < 0.8 ? { sex: random() < 0.5 ? ('female' as const) : ('male' as const) } : {}),
      ...(random() < 0.6
        ? {
            conditions: Array.from(
              { length: Math.floor(random() * 5) },
              () => pick(kb.conditions).id,
            ),
          }
        : {}),
    };
    return { findings: { present, absent }, patient };
  });
}
