/**
 * The extractor over the knowledge base as shipped: every name the KB gives a finding, condition,
 * drug or test must be recognised in a sentence, with the right assertion, so that the same meaning
 * written as codes or as text gives the assist API the same findings.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../kb/index.js';
import { createTextExtractor, type TextExtractor } from './text-extractor.js';

function shippedKb(): KnowledgeBase | undefined {
  try {
    return loadKnowledgeBase();
  } catch {
    return undefined; // the KB's own tests say why it does not load
  }
}

const kb = shippedKb();
const extractor: TextExtractor | undefined =
  kb && kb.findings.length + kb.drugs.length > 0 ? createTextExtractor({ kb }) : undefined;

/** Names as written in notes: as listed, or in capitals for acronyms that are also English words. */
const spellings = (name: string): string[] => [name, name.toUpperCase()];

describe.skipIf(!kb || !extractor)('the shipped knowledge base through the text extractor', () => {
  const ex = extractor as TextExtractor;
  const k = kb as KnowledgeBase;

  it.skipIf(!kb || kb.findings.length === 0)(
    'recognises every finding name, affirmed and denied',
    () => {
      const failures: string[] = [];
      for (const f of k.findings) {
        for (const name of [f.display, ...f.synonyms, ...f.layTerms]) {
          const present = spellings(name).some((n) =>
            ex.extractFindings(`Patient reports ${n}.`).present.includes(f.id),
          );
          const absent = spellings(name).some((n) =>
            ex.extractFindings(`Patient denies ${n}.`).absent.includes(f.id),
          );
          if (!present || !absent) {
            failures.push(
              `${f.id}: "${name}"${present ? '' : ' not present'}${absent ? '' : ' not absent'}`,
            );
          }
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it.skipIf(!kb || kb.findings.length === 0)(
    'gives the same findings for codes and for the same meaning in text',
    () => {
      const failures: string[] = [];
      const findings = k.findings;
      for (let i = 0; i + 5 < findings.length; i += 6) {
        const group = findings.slice(i, i + 6);
        const yes = group.slice(0, 3);
        const no = group.slice(3);
        const text = `Presents with ${yes.map((f) => f.display.toLowerCase()).join(', ')}. Denies ${no.map((f) => f.display.toLowerCase()).join(', ')}.`;
        const got = ex.extractFindings(text);
        const expected = { present: yes.map((f) => f.id), absent: no.map((f) => f.id) };
        const missing = [
          ...expected.present.filter((id) => !got.present.includes(id)),
          ...expected.absent.filter((id) => !got.absent.includes(id)),
        ];
        if (missing.length > 0) {
          failures.push(`${text} → missing ${missing.join(', ')}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it.skipIf(!kb || kb.conditions.length === 0)(
    'codes every condition name in an assessment',
    () => {
      const failures = k.conditions.flatMap((c) =>
        [c.display, ...c.synonyms]
          .filter(
            (name) =>
              !spellings(name).some((n) =>
                ex.summarize(`Assessment: ${n}.`).assessment.some((a) => a.conditionId === c.id),
              ),
          )
          .map((name) => `${c.id}: "${name}"`),
      );
      expect(failures).toEqual([]);
    },
  );

  it.skipIf(!kb || kb.drugs.length === 0)(
    'resolves every ingredient name and nearly every brand to its RxCUI',
    () => {
      const resolves = (name: string, rxcui: string): boolean =>
        ex
          .summarize(`Medications: ${name} 10 mg daily.`)
          .medications.some((m) => m.rxcui === rxcui);
      expect(k.drugs.filter((d) => !resolves(d.name, d.rxcui)).map((d) => d.name)).toEqual([]);
      const brands = k.drugs.flatMap((d) => d.brands.map((b) => ({ b, rxcui: d.rxcui })));
      const missed = brands.filter(({ b, rxcui }) => !resolves(b, rxcui));
      // Misses are multi-ingredient product names with commas or the word "allergy" in them
      // ("vicks 44 cold, flu and cough", "tylenol allergy sinus"), read as lists and allergies.
      expect(missed.length / Math.max(1, brands.length)).toBeLessThan(0.05);
    },
  );

  it.skipIf(!kb || kb.tests.length === 0)('reads every test name in a plan as an order', () => {
    const failures = k.tests
      .filter(
        (t) =>
          !ex
            .summarize(`Plan: order ${t.display}.`)
            .plan.some((p) => p.kind === 'test' && p.testId === t.id),
      )
      .map((t) => `${t.id}: "${t.display}"`);
    expect(failures).toEqual([]);
  });
});
