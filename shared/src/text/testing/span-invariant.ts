/** Test helper: every `{ span, text }` in a summary must quote the input exactly. */
export function spanViolations(input: string, value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => spanViolations(input, v, `${path}[${String(i)}]`));
  }
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  const record = value as Record<string, unknown>;
  const out: string[] = [];
  const span = record['span'] as { start: number; end: number } | undefined;
  if (
    span &&
    typeof record['text'] === 'string' &&
    input.slice(span.start, span.end) !== record['text']
  ) {
    out.push(
      `${path}: span quotes "${input.slice(span.start, span.end)}", text is "${record['text']}"`,
    );
  }
  for (const [key, child] of Object.entries(record)) {
    out.push(...spanViolations(input, child, `${path}.${key}`));
  }
  return out;
}
