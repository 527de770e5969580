/** The one place lake SQL escapes identifiers and literals. */

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A `DATE 'YYYY-MM-DD'` literal for a calendar date (UTC). */
export function dateLiteral(date: Date): string {
  return `DATE ${quoteLiteral(date.toISOString().slice(0, 10))}`;
}

/** `expr AS "name"` for each entry, comma-separated. */
export function selectList(columns: Readonly<Record<string, string>>): string {
  return Object.entries(columns)
    .map(([name, expr]) => `${expr} AS ${quoteIdent(name)}`)
    .join(', ');
}
