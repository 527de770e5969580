import { describe, expect, it } from 'vitest';
import { isListKey, nextActiveIndex } from './listbox-navigation.js';

describe('nextActiveIndex', () => {
  it('moves down from none to the first option and wraps at the end', () => {
    expect(nextActiveIndex({ current: -1, key: 'ArrowDown', count: 3 })).toBe(0);
    expect(nextActiveIndex({ current: 1, key: 'ArrowDown', count: 3 })).toBe(2);
    expect(nextActiveIndex({ current: 2, key: 'ArrowDown', count: 3 })).toBe(0);
  });

  it('moves up from none or the first option to the last', () => {
    expect(nextActiveIndex({ current: -1, key: 'ArrowUp', count: 3 })).toBe(2);
    expect(nextActiveIndex({ current: 0, key: 'ArrowUp', count: 3 })).toBe(2);
    expect(nextActiveIndex({ current: 2, key: 'ArrowUp', count: 3 })).toBe(1);
  });

  it('jumps with Home and End, and stays at none without options', () => {
    expect(nextActiveIndex({ current: 1, key: 'Home', count: 3 })).toBe(0);
    expect(nextActiveIndex({ current: 1, key: 'End', count: 3 })).toBe(2);
    expect(nextActiveIndex({ current: 1, key: 'ArrowDown', count: 0 })).toBe(-1);
  });

  it('knows which keys move in the list', () => {
    expect(isListKey('ArrowDown')).toBe(true);
    expect(isListKey('Enter')).toBe(false);
  });
});
