import { AppError } from '@mediassist/shared/errors';
import { describe, expect, it } from 'vitest';
import { safeErrorFields } from './safe-error.js';

describe('safeErrorFields', () => {
  it('keeps the type, code and stack frames of a foreign error but drops its message', () => {
    const error = Object.assign(new SyntaxError('Unexpected token J in "John Smith"'), {
      code: 'E_PARSE',
    });
    const fields = safeErrorFields(error);
    expect(fields).toMatchObject({ type: 'SyntaxError', code: 'E_PARSE' });
    expect(fields.frames).toMatch(/^\s+at /);
    expect(JSON.stringify(fields)).not.toContain('John');
  });

  it('keeps our own AppError message and code, and follows the cause', () => {
    const error = new AppError('DEPENDENCY_UNAVAILABLE', 'Redis unreachable', {
      cause: new Error('connect ECONNREFUSED secret-host'),
    });
    const fields = safeErrorFields(error);
    expect(fields).toMatchObject({
      type: 'AppError',
      code: 'DEPENDENCY_UNAVAILABLE',
      message: 'Redis unreachable',
      cause: { type: 'Error' },
    });
    expect(JSON.stringify(fields)).not.toContain('secret-host');
  });

  it('describes a thrown non-error by its type only', () => {
    expect(safeErrorFields('Jane Doe')).toEqual({ type: 'string' });
  });
});
