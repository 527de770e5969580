import { describe, expect, expectTypeOf, it } from 'vitest';
import { CdsCardSchema, CdsServiceResponseSchema, type CdsCard } from './cds-hooks-card.js';

/** The specification's example response (cds-hooks.hl7.org, "CDS Service Response"). */
const SPEC_EXAMPLE = {
  cards: [
    {
      uuid: '4e0a3a1e-3283-4575-ab82-028d55fe2719',
      summary: 'Example Card',
      indicator: 'info',
      detail: 'This is an example card.',
      source: {
        label: 'Static CDS Service Example',
        url: 'https://example.com',
        icon: 'https://example.com/img/icon-100px.png',
      },
      links: [
        { label: 'Google', url: 'https://google.com', type: 'absolute' },
        {
          label: 'SMART Example App',
          url: 'https://smart.example.com/launch',
          type: 'smart',
          appContext: '{"session":3456356,"settings":{"module":4235}}',
        },
      ],
    },
    {
      summary: 'Another card',
      indicator: 'warning',
      source: { label: 'Static CDS Service Example' },
      overrideReasons: [
        {
          code: 'reason-code-provided-by-service',
          system: 'http://example.org/cds-services/fhir/CodeSystem/override-reasons',
          display: 'Patient refused',
        },
      ],
    },
  ],
};

const card = (extra: Record<string, unknown>) => ({
  summary: 'A card',
  indicator: 'critical',
  source: { label: 'Source' },
  ...extra,
});

describe('CDS Hooks card schemas', () => {
  it('accept the specification’s example response and an empty answer', () => {
    expect(CdsServiceResponseSchema.safeParse(SPEC_EXAMPLE).success).toBe(true);
    expect(CdsServiceResponseSchema.safeParse({ cards: [] }).success).toBe(true);
  });

  it('refuse a summary of 141 characters, an unknown indicator and a relative link', () => {
    expect(CdsCardSchema.safeParse(card({ summary: 'x'.repeat(141) })).success).toBe(false);
    expect(CdsCardSchema.safeParse(card({ indicator: 'hard-stop' })).success).toBe(false);
    expect(
      CdsCardSchema.safeParse(card({ links: [{ label: 'x', url: '/relative', type: 'absolute' }] }))
        .success,
    ).toBe(false);
  });

  it('require selectionBehavior with suggestions, and a resourceId for delete actions', () => {
    const remove = {
      label: 'Remove',
      actions: [{ type: 'delete', description: 'd', resourceId: 'MedicationRequest/1' }],
    };
    expect(CdsCardSchema.safeParse(card({ suggestions: [remove] })).success).toBe(false);
    expect(
      CdsCardSchema.safeParse(card({ suggestions: [remove], selectionBehavior: 'at-most-one' }))
        .success,
    ).toBe(true);
    const broken = { label: 'Remove', actions: [{ type: 'delete', description: 'd' }] };
    expect(
      CdsCardSchema.safeParse(card({ suggestions: [broken], selectionBehavior: 'any' })).success,
    ).toBe(false);
  });

  it('refuse empty optional arrays (the specification omits them instead)', () => {
    expect(CdsCardSchema.safeParse(card({ links: [] })).success).toBe(false);
    expect(CdsCardSchema.safeParse(card({ overrideReasons: [] })).success).toBe(false);
  });

  it('type the card’s indicator as the three values', () => {
    expectTypeOf<CdsCard['indicator']>().toEqualTypeOf<'info' | 'warning' | 'critical'>();
  });
});
