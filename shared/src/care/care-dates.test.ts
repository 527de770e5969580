import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { LastDoneSchema, addMonths, dayOf, isoDay, parseDay } from './care-dates.js';

describe('care dates', () => {
  it('parses ISO dates and date-times to their UTC day', () => {
    expect(isoDay(parseDay('2024-03-05', 'x'))).toBe('2024-03-05');
    expect(isoDay(parseDay('2024-03-05T23:30:00Z', 'x'))).toBe('2024-03-05');
    expect(isoDay(dayOf(new Date('2024-03-05T12:00:00Z')))).toBe('2024-03-05');
  });

  it('adds months, clamping to the end of shorter months', () => {
    const jan31 = parseDay('2023-01-31', 'x');
    expect(isoDay(addMonths(jan31, 1))).toBe('2023-02-28');
    expect(isoDay(addMonths(parseDay('2024-01-31', 'x'), 1))).toBe('2024-02-29');
    expect(isoDay(addMonths(parseDay('2015-06-15', 'x'), 120))).toBe('2025-06-15');
  });

  it('rejects an invalid date with a PHI-free validation error naming the path', () => {
    const attempt = (): number => parseDay('not-a-date', 'lastDone.colonoscopy');
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ path: 'lastDone.colonoscopy', issue: 'invalid_date' }],
      });
    }
  });

  it('validates lastDone at the edge', () => {
    expect(LastDoneSchema.safeParse({ fit: '2024-01-02' }).success).toBe(true);
    expect(LastDoneSchema.safeParse({ fit: '2024-01-02T10:00:00+01:00' }).success).toBe(true);
    expect(LastDoneSchema.safeParse({ fit: 'last year' }).success).toBe(false);
  });
});
