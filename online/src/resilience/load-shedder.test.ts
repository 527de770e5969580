import { describe, expect, it } from 'vitest';
import { createLoadShedder } from './load-shedder.js';

describe('createLoadShedder', () => {
  it('sheds the answers that enter while the limit is in progress, shed ones counted too', () => {
    const shedder = createLoadShedder({ maxInFlight: 2 });
    expect([shedder.enter(), shedder.enter(), shedder.enter()]).toEqual([false, false, true]);
    shedder.leave();
    expect(shedder.enter()).toBe(true);
    shedder.leave();
    shedder.leave();
    expect(shedder.enter()).toBe(false);
  });

  it('never sheds when the limit is 0', () => {
    const shedder = createLoadShedder({ maxInFlight: 0 });
    expect(Array.from({ length: 100 }, () => shedder.enter())).not.toContain(true);
  });
});
