import { describe, expect, it } from 'vitest';
import { shouldReplace } from './stored-view.js';

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
