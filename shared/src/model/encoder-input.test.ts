import { describe, expect, it } from 'vitest';
import { createEncoderInputBuilder, encoderTokens } from './encoder-input.js';

describe('encoder input', () => {
  it('prefixes each code with its kind', () => {
    expect(
      encoderTokens({
        chronic: ['asthma'],
        recentAcute: ['uti'],
        rxcuis: ['29046'],
        findings: ['fever'],
      }),
    ).toEqual(['c:asthma', 'a:uti', 'm:29046', 'f:fever']);
  });

  it('builds a multi-hot vector over the vocabulary, ignoring unknown codes', () => {
    const build = createEncoderInputBuilder({ vocabulary: ['c:asthma', 'm:29046', 'f:fever'] });
    const v = build({
      chronic: ['asthma', 'gout'],
      recentAcute: [],
      rxcuis: [],
      findings: ['fever'],
    });
    expect(Array.from(v)).toEqual([1, 0, 1]);
  });
});
