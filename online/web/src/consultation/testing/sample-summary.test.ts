import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { describe, expect, it } from 'vitest';
import { SUMMARY } from './sample-summary.js';

describe('the sample summary', () => {
  it('carries the shipped knowledge base version and says which vital-sign cut-offs it used', () => {
    expect(SUMMARY.kbVersion).toBe(loadKnowledgeBase().version);
    expect(SUMMARY.vitalCutOffs?.basis).toBe('adult');
  });
});
