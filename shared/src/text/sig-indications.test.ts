import { describe, expect, it } from 'vitest';
import { sigIndicationSpans } from './sig-indications.js';

const indications = (text: string, sig: string): string[] => {
  const start = text.indexOf(sig);
  return sigIndicationSpans({ text, sig: { start, end: start + sig.length } }).map((s) =>
    text.slice(s.start, s.end).trim(),
  );
};

describe('sigIndicationSpans', () => {
  it('takes the words after an indication cue up to the end of the clause', () => {
    expect(
      indications('ibuprofen 400 mg TDS for pain or fever', '400 mg TDS for pain or fever'),
    ).toEqual(['pain or fever']);
    expect(
      indications('albuterol 2 puffs PRN if short of breath', '2 puffs PRN if short of breath'),
    ).toEqual(['short of breath']);
    expect(
      indications('sumatriptan 50 mg at onset of headache', '50 mg at onset of headache'),
    ).toEqual(['headache']);
    expect(indications('ondansetron 4 mg PRN nausea', '4 mg PRN nausea')).toEqual(['nausea']);
  });

  it('stops at a comma or a new statement about the patient', () => {
    expect(indications('ibuprofen for 3 days, now has fever', 'for 3 days, now has fever')).toEqual(
      ['3 days'],
    );
    expect(
      indications('acetaminophen for headache but still febrile', 'for headache but still febrile'),
    ).toEqual(['headache']);
  });

  it('finds nothing in a clause without a cue', () => {
    expect(
      indications(
        'ibuprofen yesterday, now has fever and rash',
        'yesterday, now has fever and rash',
      ),
    ).toEqual([]);
    expect(
      indications('acetaminophen with no relief, fever 39', 'with no relief, fever 39'),
    ).toEqual([]);
  });
});
