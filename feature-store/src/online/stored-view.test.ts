import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStoredNumber, shouldReplace } from './stored-view.js';

describe('shouldReplace (the newest-wins rule the Lua script mirrors)', () => {
  it.each([
    { label: 'nothing stored', stored: [undefined, undefined], incoming: [1, 5], replace: true },
    { label: 'same version, later as_of', stored: [1, 5], incoming: [1, 6], replace: true },
    { label: 'same version, same as_of', stored: [1, 5], incoming: [1, 5], replace: true },
    { label: 'same version, earlier as_of', stored: [1, 5], incoming: [1, 4], replace: false },
    { label: 'higher version, earlier as_of', stored: [1, 5], incoming: [2, 1], replace: true },
    { label: 'lower version, later as_of', stored: [2, 5], incoming: [1, 9], replace: false },
    { label: 'stored as_of unreadable', stored: [1, undefined], incoming: [1, 1], replace: true },
  ])('$label → replace: $replace', ({ stored, incoming, replace }) => {
    expect(
      shouldReplace({
        stored: { version: stored[0], asOfMs: stored[1] },
        incoming: { version: incoming[0] ?? 0, asOfMs: incoming[1] ?? 0 },
      }),
    ).toBe(replace);
  });
});

describe('parseStoredNumber (as_of and version fields)', () => {
  /** The definition: the field's text (as a TextDecoder reads it) is 1-16 digits, no leading zero. */
  const byText = (field: Uint8Array): number | undefined => {
    const text = new TextDecoder().decode(field);
    return /^(0|[1-9][0-9]{0,15})$/.test(text) ? Number(text) : undefined;
  };
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const bom = Uint8Array.of(0xef, 0xbb, 0xbf);

  it.each([
    ['1', 1],
    ['0', 0],
    ['1700000000000', 1_700_000_000_000],
    ['999999999999999', 999_999_999_999_999],
    ['9999999999999999', 10_000_000_000_000_000],
    ['01', undefined],
    ['', undefined],
    ['1.5', undefined],
    ['-1', undefined],
    [' 1', undefined],
    ['12345678901234567', undefined],
  ])('%j → %j, from bytes and from text', (text, expected) => {
    expect(parseStoredNumber(utf8(text))).toBe(expected);
    expect(parseStoredNumber(text)).toBe(expected);
  });

  it('reads bytes exactly as their decoded text, BOM and all', () => {
    const digits = fc
      .array(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), { maxLength: 18 })
      .map((d) => utf8(d.join('')));
    const field = fc.oneof(
      digits,
      digits.map((d) => Uint8Array.from([...bom, ...d])),
      digits.map((d) => Uint8Array.from([...bom, ...bom, ...d])),
      fc.uint8Array({ maxLength: 18 }),
      fc.string({ maxLength: 6 }).map(utf8),
    );
    fc.assert(
      fc.property(field, (bytes) => {
        expect(parseStoredNumber(bytes)).toBe(byText(bytes));
      }),
      { numRuns: 2_000 },
    );
  });
});
