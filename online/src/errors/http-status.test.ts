import { ERROR_CODES, type ErrorCode } from '@mediassist/shared/errors';
import { describe, expect, it } from 'vitest';
import { codeForHttpStatus, HTTP_STATUS_BY_CODE } from './http-status.js';

describe('HTTP_STATUS_BY_CODE', () => {
  it('maps every error code and nothing else', () => {
    expect(Object.keys(HTTP_STATUS_BY_CODE).sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it('round-trips every client-error status through codeForHttpStatus', () => {
    for (const [code, status] of Object.entries(HTTP_STATUS_BY_CODE)) {
      if (status !== 500) {
        expect(codeForHttpStatus(status)).toBe(code as ErrorCode);
      }
    }
  });

  it('treats an unknown status as INTERNAL', () => {
    expect(codeForHttpStatus(418)).toBe('INTERNAL');
  });
});
