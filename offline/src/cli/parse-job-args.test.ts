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

describe('parseJobArgs with inline values', () => {
  it('accepts --flag=value, including values with = and leading dashes', () => {
    expect(parseJobArgs(['ingest', '--input=/data/a=b', '--since=-1d']).flags).toEqual({
      input: '/data/a=b',
      since: '-1d',
    });
  });

  it('passes words after the job name as flags._, and adds nothing without them', () => {
    expect(parseJobArgs(['rollout', 'canary', '--version', 'v1', '--share', '0.1'])).toEqual({
      job: 'rollout',
      flags: { _: 'canary', version: 'v1', share: '0.1' },
      help: false,
    });
    expect(parseJobArgs(['rollout']).flags).toEqual({});
  });
});
