/**
 * The diagnosis model's input vector, one layout for training and serving:
 * [findings present/absent pairs | chronic multi-hot | recent-acute multi-hot | age bands one-hot |
 *  age/100 | sex one-hot (female, male) | season (sin, cos of day of year) | embedding | embedding missing].
 */
import { AGE_BANDS, type AgeBand } from '../kb/schema.js';
import type { DiagnosisInputSpec } from './manifest.js';

export interface DiagnosisInputValues {
  present: readonly string[];
  absent: readonly string[];
  chronic: readonly string[];
  recentAcute: readonly string[];
  age: number | null;
  sex: 'female' | 'male' | 'other' | 'unknown' | null;
  embedding: Float32Array | null;
  /** The visit date: seasonality matters (influenza in winter). */
  date: Date;
}

export function ageBand(age: number): AgeBand {
  if (age < 5) {
    return '0-4';
  }
  if (age < 18) {
    return '5-17';
  }
  if (age < 40) {
    return '18-39';
  }
  return age < 65 ? '40-64' : '65+';
}

export interface DiagnosisInputLayout {
  size: number;
  build(values: DiagnosisInputValues): Float32Array;
}

export function createDiagnosisInputLayout(spec: DiagnosisInputSpec): DiagnosisInputLayout {
  const findingIndex = new Map(spec.findings.map((f, i) => [f, i]));
  const chronicIndex = new Map(spec.chronicConditions.map((c, i) => [c, i]));
  const acuteIndex = new Map(spec.recentAcute.map((c, i) => [c, i]));
  const offsets = {
    chronic: spec.findings.length * 2,
    acute: spec.findings.length * 2 + spec.chronicConditions.length,
    ageBands: spec.findings.length * 2 + spec.chronicConditions.length + spec.recentAcute.length,
  };
  const age = offsets.ageBands + AGE_BANDS.length;
  const sex = age + 1;
  const season = sex + 2;
  const embedding = season + 2;
  const size = embedding + spec.embeddingDimension + 1;

  const setAll = (
    vector: Float32Array,
    ids: readonly string[],
    at: { index: Map<string, number>; offset: number; stride: number },
  ): void => {
    for (const id of ids) {
      const i = at.index.get(id);
      if (i !== undefined) {
        vector[at.offset + i * at.stride] = 1;
      }
    }
  };

  return {
    size,
    build(values) {
      const vector = new Float32Array(size);
      setAll(vector, values.present, { index: findingIndex, offset: 0, stride: 2 });
      setAll(vector, values.absent, { index: findingIndex, offset: 1, stride: 2 });
      setAll(vector, values.chronic, { index: chronicIndex, offset: offsets.chronic, stride: 1 });
      setAll(vector, values.recentAcute, { index: acuteIndex, offset: offsets.acute, stride: 1 });
      if (values.age !== null) {
        vector[offsets.ageBands + AGE_BANDS.indexOf(ageBand(values.age))] = 1;
        vector[age] = values.age / 100;
      }
      if (values.sex === 'female') {
        vector[sex] = 1;
      } else if (values.sex === 'male') {
        vector[sex + 1] = 1;
      }
      const start = Date.UTC(values.date.getUTCFullYear(), 0, 1);
      const dayOfYear = (values.date.getTime() - start) / 86_400_000;
      vector[season] = Math.sin((2 * Math.PI * dayOfYear) / 365.25);
      vector[season + 1] = Math.cos((2 * Math.PI * dayOfYear) / 365.25);
      if (values.embedding && values.embedding.length === spec.embeddingDimension) {
        vector.set(values.embedding, embedding);
      } else {
        vector[embedding + spec.embeddingDimension] = 1;
      }
      return vector;
    },
  };
}
