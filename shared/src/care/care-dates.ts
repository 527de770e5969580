/** Calendar arithmetic for care rules, on UTC dates (`YYYY-MM-DD`): no time zones, no clocks. */
import { z } from 'zod';
import { AppError } from '../errors.js';

/** When each test (KB test id) was last done: an ISO date or date-time. */
export const LastDoneSchema = z.record(
  z.string().min(1),
  z.union([z.iso.date(), z.iso.datetime({ offset: true })]),
);
export type LastDone = Readonly<Record<string, string>>;

const DAY_MS = 86_400_000;

/** The UTC calendar day of an ISO date or date-time, as epoch milliseconds at midnight. */
export function parseDay(value: string, path: string): number {
  const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) {
    throw new AppError('VALIDATION_FAILED', 'Invalid date in care input', {
      details: [{ path, issue: 'invalid_date' }],
    });
  }
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

export function dayOf(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS) * DAY_MS;
}

export function addDays(day: number, days: number): number {
  return day + days * DAY_MS;
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: number, months: number): number {
  const date = new Date(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.getTime();
}

export function isoDay(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}
