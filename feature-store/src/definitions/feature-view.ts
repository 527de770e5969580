/** A feature view: a named, versioned group of features about one entity. A value, not a class. */
import { AppError } from '@mediassist/shared/errors';
import type { Entity } from './entity.js';
import type { ValueType } from './value-type.js';

/** View names become Redis hash fields, Parquet folder names and SQL identifiers: keep them plain. */
const VIEW_NAME = /^[a-z][a-z0-9_]{0,62}$/;

export interface FeatureViewDefinition<TName extends string, TValue> {
  readonly name: TName;
  readonly entity: Entity;
  /** Bump on every change to the value's shape or meaning; readers report older values as incompatible. */
  readonly version: number;
  /** The team answering for the view's correctness. */
  readonly owner: string;
  readonly description: string;
  /** Older values are reported `stale` at read time (never silently served as fresh). */
  readonly maxStalenessMs: number;
  readonly value: ValueType<TValue>;
  /** Who writes the view (for the catalogue), e.g. `offline:features`, `nearline:visit-refresh`. */
  readonly producers: readonly string[];
}

export type FeatureView<TName extends string = string, TValue = unknown> = FeatureViewDefinition<
  TName,
  TValue
>;

/** Any view, whatever its value type: what registries and stores hold. */
export type AnyFeatureView = FeatureView;

export type FeatureValueOf<TView> =
  TView extends FeatureView<string, infer TValue> ? TValue : never;

export function defineFeatureView<const TName extends string, TValue>(
  definition: FeatureViewDefinition<TName, TValue>,
): FeatureView<TName, TValue> {
  const problems: string[] = [];
  if (!VIEW_NAME.test(definition.name)) {
    problems.push('name must match /^[a-z][a-z0-9_]{0,62}$/');
  }
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    problems.push('version must be a positive integer');
  }
  if (!(definition.maxStalenessMs > 0)) {
    problems.push('maxStalenessMs must be positive');
  }
  const { encoding } = definition.value;
  if (
    encoding.kind === 'float32' &&
    !(Number.isInteger(encoding.dimension) && encoding.dimension > 0)
  ) {
    problems.push('float32 dimension must be a positive integer');
  }
  if (problems.length > 0) {
    throw new AppError(
      'CONFIG_INVALID',
      `Invalid feature view definition: ${problems.join('; ')}`,
      {
        details: problems.map((issue) => ({ path: definition.name, issue })),
      },
    );
  }
  return Object.freeze({ ...definition });
}
