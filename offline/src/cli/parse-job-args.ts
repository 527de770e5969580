/** `<job> --some-flag value --switch` → `{ job, flags: { someFlag: 'value', switch: true } }`. */
import { parseArgs } from 'node:util';

export interface ParsedCommandLine {
  job: string | undefined;
  flags: Record<string, string | boolean>;
  help: boolean;
}

const toCamel = (flag: string): string =>
  flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function parseJobArgs(argv: readonly string[]): ParsedCommandLine {
  const { positionals, values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
  });
  const flags: Record<string, string | boolean> = {};
  let help = false;
  for (const [key, value] of Object.entries(values)) {
    if (key === 'help' || key === 'h') {
      help = true;
    } else if (typeof value === 'string' || typeof value === 'boolean') {
      flags[toCamel(key)] = value;
    }
  }
  return { job: positionals[0], flags, help };
}
