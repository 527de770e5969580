import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, toAppError } from './errors.js';

describe('toAppError', () => {
  it('passes an AppError through unchanged', () => {
    const error = new AppError('NOT_FOUND', 'no such route');
    expect(toAppError(error)).toBe(error);
  });

  it('turns a ZodError into VALIDATION_FAILED with paths and issue codes but no values', () => {
    const parsed = z.object({ age: z.number() }).safeParse({ age: 'Jane Doe' });
    expect(parsed.success).toBe(false);
    const error = toAppError(parsed.error);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([{ path: 'age', issue: 'invalid_type' }]);
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(
      'Jane',
    );
  });

  it('classifies anything else as INTERNAL and keeps it as the cause', () => {
    const cause = new TypeError('boom');
    const error = toAppError(cause);
    expect(error.code).toBe('INTERNAL');
    expect(error.cause).toBe(cause);
  });
});

describe('ERROR_CODES', () => {
  it('marks dependency failures retryable and validation failures not', () => {
    expect(new AppError('DEPENDENCY_UNAVAILABLE', 'redis down').retryable).toBe(true);
    expect(new AppError('VALIDATION_FAILED', 'bad').retryable).toBe(false);
    expect(Object.keys(ERROR_CODES)).toContain('CONFIG_INVALID');
  });
});
