/** Time as a dependency: the service asks `clock.now()` so tests can move it. */

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
