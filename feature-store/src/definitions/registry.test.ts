import { z } from 'zod';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AppError } from '@mediassist/shared/errors';
import { samplePatientFeatures } from '../testing/sample-features.js';
import { days } from './duration.js';
import { patient } from './entity.js';
import { defineFeatureView } from './feature-view.js';
import {
  createFeatureRegistry,
  featureRegistry,
  type PatientFeatureValues,
  type PatientFeatureViewName,
} from './registry.js';
import { encodeFeatureValue } from './value-codec.js';
import { jsonValue } from './value-type.js';

describe('featureRegistry', () => {
  it('lists the nine patient views in catalogue order', () => {
    expect(featureRegistry.names).toEqual([
      'demographics',
      'condition_history',
      'medication_list',
      'recent_findings',
      'vitals_labs',
      'recent_tests',
      'care_gaps',
      'medication_alerts',
      'patient_embedding',
    ]);
  });

  it('looks views up by name, typed by name', () => {
    const view = featureRegistry.get('patient_embedding');
    expect(view.value.encoding).toEqual({ kind: 'float32', dimension: 32 });
    expectTypeOf<PatientFeatureValues['patient_embedding']>().toEqualTypeOf<Float32Array>();
    expectTypeOf<PatientFeatureValues['demographics']>().toEqualTypeOf<{
      birthYear: number;
      sex: 'female' | 'male' | 'other' | 'unknown';
    }>();
    expectTypeOf<PatientFeatureViewName>().toEqualTypeOf<
      | 'demographics'
      | 'condition_history'
      | 'medication_list'
      | 'recent_findings'
      | 'vitals_labs'
      | 'recent_tests'
      | 'care_gaps'
      | 'medication_alerts'
      | 'patient_embedding'
    >();
  });

  it('answers an unknown name with undefined from find and NOT_FOUND from get', () => {
    expect(featureRegistry.find('diagnosis')).toBeUndefined();
    expect(() => featureRegistry.get('diagnosis' as PatientFeatureViewName)).toThrow(AppError);
  });

  it('declares owner, description, producers and a staleness limit for every view', () => {
    for (const view of featureRegistry.views) {
      expect(view.owner, view.name).not.toBe('');
      expect(view.description.length, view.name).toBeGreaterThan(10);
      expect(view.producers.length, view.name).toBeGreaterThan(0);
      expect(view.maxStalenessMs, view.name).toBeGreaterThanOrEqual(days(1));
    }
  });

  it('accepts the sample value of every view', () => {
    const sample = samplePatientFeatures();
    for (const view of featureRegistry.views) {
      expect(() => encodeFeatureValue(view, sample[view.name]), view.name).not.toThrow();
    }
  });

  it('refuses to register two views with one name', () => {
    const view = defineFeatureView({
      name: 'twice',
      entity: patient,
      version: 1,
      owner: 't',
      description: 'd',
      maxStalenessMs: 1,
      value: jsonValue(z.number()),
      producers: [],
    });
    expect(() => createFeatureRegistry([view, view])).toThrow(/registered twice/);
  });
});
