/** Keyboard movement in a listbox (ARIA combobox pattern): arrows wrap, Home/End jump, -1 is "none". */

export type ListKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End';

export function isListKey(key: string): key is ListKey {
  return key === 'ArrowDown' || key === 'ArrowUp' || key === 'Home' || key === 'End';
}

export function nextActiveIndex(options: { current: number; key: ListKey; count: number }): number {
  const { current, key, count } = options;
  if (count === 0) {
    return -1;
  }
  switch (key) {
    case 'ArrowDown':
      return current < 0 || current >= count - 1 ? 0 : current + 1;
    case 'ArrowUp':
      return current <= 0 ? count - 1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      key satisfies never;
      return current;
  }
}
