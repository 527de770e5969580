import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

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
