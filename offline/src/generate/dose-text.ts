/** A concrete dose from the KB's typical-dose text, and its abbreviated form as clinicians write it. */
import type { Random } from './random.js';

/** `10-40 mg orally once daily (max …)` → `10 mg orally once daily`. */
export function concreteDose(typicalDose: string | undefined): string {
  if (!typicalDose) {
    return 'as directed';
  }
  // The first alternative only: cut at a parenthesis, a semicolon or an "or" clause.
  const main = (typicalDose.split(/\(|;|,? or /)[0] ?? typicalDose).trim().replace(/,\s*$/, '');
  return main.replace(
    /(\d+(?:\.\d+)?)\s*-\s*\d+(?:\.\d+)?(?=\s*(?:mg|mcg|g|units|micrograms|ml|%))/,
    '$1',
  );
}

const ABBREVIATIONS: readonly [RegExp, readonly string[]][] = [
  [/\borally\b/g, ['PO', 'po', 'by mouth']],
  [/\bonce daily\b/g, ['daily', 'qd', 'once a day']],
  [/\btwice daily\b/g, ['b.i.d.', 'BID', 'bd']],
  [/\bthree times daily\b/g, ['t.i.d.', 'TID', 'tds']],
  [/\bfour times daily\b/g, ['q.i.d.', 'QID']],
  [/\bat night\b/g, ['qhs', 'at bedtime', 'nocte']],
  [/\bas needed\b/g, ['PRN', 'prn']],
];

/** The same instruction in the shorthand of a note (abbreviations chosen at random). */
export function abbreviateDose(dose: string, random: Random): string {
  let text = dose;
  for (const [pattern, forms] of ABBREVIATIONS) {
    if (pattern.test(text) && random.chance(0.75)) {
      const form = random.pick(forms);
      text = text.replace(pattern, form);
    }
    pattern.lastIndex = 0;
  }
  return text;
}
