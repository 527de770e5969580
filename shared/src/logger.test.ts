import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, withoutPhi } from './logger.js';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('drops PHI fields at any of the first three levels and keeps ids and codes', () => {
    const { lines, stream } = capture();
    const log = createLogger({ name: 'test', destination: stream });
    log.info(
      {
        patientId: 'pt_0123456789abcdef0123456789abcdef',
        name: 'Jane Doe',
        patient: { birthDate: '1961-02-03', address: '1 Elm St', code: 'I10' },
        req: { body: { note: 'Jane has chest pain' } },
      },
      'assist served',
    );
    const line = lines.join('');
    expect(line).toContain('pt_0123456789abcdef0123456789abcdef');
    expect(line).toContain('I10');
    expect(line).toContain('"service":"test"');
    for (const phi of ['Jane', '1961-02-03', 'Elm St', 'chest pain']) {
      expect(line).not.toContain(phi);
    }
  });
});

describe('withoutPhi (the logger’s PHI removal)', () => {
  it('removes PHI keys inside arrays, child bindings and errors, leaving the logged object intact', () => {
    const { lines, stream } = capture();
    const log = createLogger({ name: 'test', destination: stream }).child({
      requestId: 'req-1',
      patient: { name: 'Jane Doe', id: 'pt_1' },
    });
    const error = Object.assign(new Error('lookup failed'), { body: 'Jane Doe 1961-02-03' });
    const logged = {
      findings: [{ code: 'R05', note: 'Jane coughs' }],
      err: error,
      deep: { a: { b: { text: 'beyond three levels' } } },
    };
    log.warn(logged, 'assist failed');
    const line = lines.join('');
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(line).not.toContain('Jane');
    expect(line).not.toContain('1961-02-03');
    expect(parsed).toMatchObject({
      requestId: 'req-1',
      patient: { id: 'pt_1' },
      findings: [{ code: 'R05' }],
      err: { type: 'Error', message: 'lookup failed' },
    });
    // Three levels are searched, as with the redact paths `f`, `*.f`, `*.*.f`.
    expect(line).toContain('beyond three levels');
    expect(logged.findings[0]).toEqual({ code: 'R05', note: 'Jane coughs' });
    expect(error.body).toBe('Jane Doe 1961-02-03');
  });

  it('returns the logged object itself when it holds no PHI key', () => {
    const fields = { requestId: 'r', route: '/api/v1/assist', status: 200, nested: { code: 'x' } };
    expect(withoutPhi(fields)).toBe(fields);
    expect(withoutPhi({ name: 'x' })).toEqual({});
  });
});
