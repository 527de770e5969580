/** Durations as milliseconds, so staleness limits read as `days(30)` rather than a bare number. */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export function minutes(n: number): number {
  return n * MINUTE_MS;
}

export function hours(n: number): number {
  return n * HOUR_MS;
}

export function days(n: number): number {
  return n * DAY_MS;
}
