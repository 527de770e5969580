/**
 * Prefetch tokens → a relative FHIR request, as the CDS client does it: `{{context.patientId}}` is
 * replaced by the root-level context field (a string or number), URI-encoded. Undefined when a token
 * has no value (the query cannot be made) or names something other than a root context field.
 */
const TOKEN = /\{\{\s*([^}]*?)\s*\}\}/g;

function tokenValue(token: string, context: Readonly<Record<string, unknown>>): string | undefined {
  const field = /^context\.([A-Za-z][A-Za-z0-9_]*)$/.exec(token)?.[1];
  const value = field === undefined ? undefined : context[field];
  if (typeof value === 'string' && value.length > 0) {
    return encodeURIComponent(value);
  }
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

export function renderPrefetchTemplate(
  template: string,
  context: Readonly<Record<string, unknown>>,
): string | undefined {
  const tokens = [...template.matchAll(TOKEN)].map((match) => match[1] ?? '');
  if (tokens.some((token) => tokenValue(token, context) === undefined)) {
    return undefined;
  }
  return template.replace(TOKEN, (_match, token: string) => tokenValue(token, context) ?? '');
}
