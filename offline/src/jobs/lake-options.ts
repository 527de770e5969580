/** A model job's flags and environment → `openLakeResources` options. */
import path from 'node:path';
import type { OfflineEnv } from '../config.js';

export function lakeOptions(
  env: OfflineEnv,
  args: {
    lake?: string | undefined;
    threads?: number | undefined;
    memoryLimit?: string | undefined;
  },
): { home: string; lakeDir?: string; threads?: number; memoryLimit?: string } {
  return {
    home: env.MEDIASSIST_HOME,
    ...(args.lake === undefined ? {} : { lakeDir: path.resolve(args.lake) }),
    ...(args.threads === undefined ? {} : { threads: args.threads }),
    ...(args.memoryLimit === undefined ? {} : { memoryLimit: args.memoryLimit }),
  };
}
