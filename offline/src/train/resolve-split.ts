/** The split of a lake's current training examples: fixed shares, cutoff anchored to the last visit. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '@mediassist/shared/errors';
import { queryRows } from '../lake/duckdb-session.js';
import { cutoffBefore, type SplitSpec } from './data-split.js';
import { buildLastVisitSql } from './examples-sql.js';

export async function resolveSplit(options: {
  connection: DuckDBConnection;
  examplesFile: string;
  testMonths: number;
  testShare: number;
  validationShare: number;
}): Promise<SplitSpec> {
  let rows;
  try {
    rows = await queryRows(options.connection, buildLastVisitSql(options.examplesFile));
  } catch (error) {
    throw new AppError(
      'NOT_FOUND',
      'No training examples in the lake: run `offline -- features` first',
      { cause: error },
    );
  }
  const last = rows[0]?.['last_visit'];
  if (typeof last !== 'string' || Number(rows[0]?.['n'] ?? 0) === 0) {
    throw new AppError('NOT_FOUND', 'The training examples table is empty');
  }
  return {
    testShare: options.testShare,
    validationShare: options.validationShare,
    cutoff: cutoffBefore(last, options.testMonths),
  };
}
