import { describe, expect, it } from 'vitest';
import { abbreviateDose, concreteDose } from './dose-text.js';
import { createRandom } from './random.js';

describe('concreteDose', () => {
  it('takes the lower end of a range and the first alternative only', () => {
    expect(concreteDose('10-40 mg orally once daily')).toBe('10 mg orally once daily');
    expect(concreteDose('500 mg orally three times daily (or 875 mg twice daily)')).toBe(
      '500 mg orally three times daily',
    );
    expect(concreteDose('10 mg orally as needed, or 2.5-5 mg once a day')).toBe(
      '10 mg orally as needed',
    );
    expect(concreteDose('20 mg orally twice daily or 40 mg at bedtime')).toBe(
      '20 mg orally twice daily',
    );
    expect(concreteDose(undefined)).toBe('as directed');
  });
});

describe('abbreviateDose', () => {
  it('writes the same instruction in shorthand', () => {
    const random = createRandom('dose');
    const forms = new Set(
      Array.from({ length: 50 }, () => abbreviateDose('100 mg orally twice daily', random)),
    );
    expect(forms).toContain('100 mg orally twice daily');
    expect([...forms].some((f) => /\b(?:PO|po)\b/.test(f))).toBe(true);
    expect([...forms].some((f) => /b\.i\.d\.|BID|bd/.test(f))).toBe(true);
  });
});
