/** Typed access to the columns of a DuckDB result chunk (the offline store's only result reader). */
import {
  DuckDBBlobVector,
  DuckDBDoubleVector,
  DuckDBIntegerVector,
  DuckDBVarCharVector,
  type DuckDBDataChunk,
  type DuckDBVector,
} from '@duckdb/node-api';
import { AppError } from '@mediassist/shared/errors';

type VectorClass<T extends DuckDBVector> = abstract new (...args: never[]) => T;

function column<T extends DuckDBVector>(options: {
  chunk: DuckDBDataChunk;
  index: number;
  type: VectorClass<T>;
}): T {
  const vector = options.chunk.getColumnVector(options.index);
  if (!(vector instanceof options.type)) {
    throw new AppError('INTERNAL', `Unexpected DuckDB column type at ${String(options.index)}`);
  }
  return vector;
}

export const blobColumn = (chunk: DuckDBDataChunk, index: number) =>
  column({ chunk, index, type: DuckDBBlobVector });
export const integerColumn = (chunk: DuckDBDataChunk, index: number) =>
  column({ chunk, index, type: DuckDBIntegerVector });
export const doubleColumn = (chunk: DuckDBDataChunk, index: number) =>
  column({ chunk, index, type: DuckDBDoubleVector });
export const varcharColumn = (chunk: DuckDBDataChunk, index: number) =>
  column({ chunk, index, type: DuckDBVarCharVector });
