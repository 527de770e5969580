import { describe, expect, it } from 'vitest';
import { resourceTypeOfFile } from './bulk-files.js';

describe('Bulk Data file names', () => {
  it('recognises plain, gzipped and numbered parts', () => {
    expect(resourceTypeOfFile('Patient.ndjson')).toBe('Patient');
    expect(resourceTypeOfFile('Observation.000.ndjson.gz')).toBe('Observation');
    expect(resourceTypeOfFile('Observation-12.ndjson')).toBe('Observation');
    expect(resourceTypeOfFile('3.MedicationRequest.ndjson')).toBe('MedicationRequest');
  });

  it('ignores logs, manifests and anything else', () => {
    expect(resourceTypeOfFile('log.ndjson.gz')).toBeUndefined();
    expect(resourceTypeOfFile('manifest.json')).toBeUndefined();
    expect(resourceTypeOfFile('Patient.json')).toBeUndefined();
    expect(resourceTypeOfFile('SOURCE.md')).toBeUndefined();
  });
});
