import { describe, expect, it } from 'vitest';
import { parseJobArgs } from './parse-job-args.js';

describe('parseJobArgs', () => {
  it('takes the first positional as the job and camelCases flags', () => {
    expect(
      parseJobArgs(['generate', '--patients', '1000', '--out-dir', '/tmp/x', '--gzip']),
    ).toEqual({
      job: 'generate',
      flags: { patients: '1000', outDir: '/tmp/x', gzip: true },
      help: false,
    });
  });

  it('recognises --help without a job', () => {
    expect(parseJobArgs(['--help'])).toEqual({ job: undefined, flags: {}, help: true });
  });
});
