/**
 * `<job> --some-flag value --other=x --switch` → `{ job, flags: { someFlag: 'value', other: 'x', switch: true } }`.
 * Words after the job name (`rollout status`) arrive as `flags._` (space-joined), only when present.
 * Hand-written because `util.parseArgs` needs every flag declared up front, and jobs declare theirs
 * as zod schemas (which then coerce and validate the strings).
 */
export interface ParsedCommandLine {
  job: string | undefined;
  flags: Record<string, string | boolean>;
  help: boolean;
}

const toCamel = (flag: string): string =>
  flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function parseJobArgs(argv: readonly string[]): ParsedCommandLine {
  const flags: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i] ?? '';
    if (token === '--help' || token === '-h') {
      help = true;
    } else if (token.startsWith('--')) {
      const [rawName = '', inline] = token.slice(2).split(/=(.*)/s, 2);
      const next = argv[i + 1];
      if (inline !== undefined) {
        flags[toCamel(rawName)] = inline;
      } else if (next !== undefined && !next.startsWith('--')) {
        flags[toCamel(rawName)] = next;
        i += 1;
      } else {
        flags[toCamel(rawName)] = true;
      }
    } else {
      positionals.push(token);
    }
  }
  if (positionals.length > 1) {
    flags['_'] = positionals.slice(1).join(' ');
  }
  return { job: positionals[0], flags, help };
}
