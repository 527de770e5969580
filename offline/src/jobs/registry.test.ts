import { describe, expect, it } from 'vitest';
import { findJob, JOBS } from './registry.js';

describe('job registry', () => {
  it('has unique, kebab-case job names', () => {
    const names = JOBS.map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    }
  });

  it('finds jobs by name and nothing else', () => {
    expect(findJob('kb-stats')?.name).toBe('kb-stats');
    expect(findJob('no-such-job')).toBeUndefined();
  });
});
