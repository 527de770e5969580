import { describe, expect, it } from 'vitest';
import { slotJobId } from './offline-queue.js';

describe('slotJobId', () => {
  it('names a slot by its schedule and UTC second, without colons', () => {
    expect(slotJobId({ schedule: 'nightly', at: new Date('2026-11-22T02:00:00.000Z') })).toBe(
      'nightly-20261122T020000Z',
    );
  });

  it('gives the same id to firings within the same second', () => {
    const a = slotJobId({ schedule: 'hourly', at: new Date('2026-11-22T03:15:00.010Z') });
    const b = slotJobId({ schedule: 'hourly', at: new Date('2026-11-22T03:15:00.990Z') });
    expect(a).toBe(b);
  });
});
