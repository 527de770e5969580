/**
 * Curated tables are written as `a | b | c` lines inside template strings: one row per line, readable
 * in review, untouched by the formatter. Blank lines and lines starting with `#` are ignored.
 */

/** Splits a table into rows of trimmed cells; every row must have between `min` and `max` cells. */
export function parsePipeTable(
  text: string,
  shape: { name: string; minCells: number; maxCells: number },
): string[][] {
  const rows: string[][] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      return;
    }
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < shape.minCells || cells.length > shape.maxCells) {
      throw new Error(
        `${shape.name} line ${String(index)}: expected ${String(shape.minCells)}-${String(shape.maxCells)} cells, got ${String(cells.length)}`,
      );
    }
    rows.push(cells);
  });
  return rows;
}

/** `key=value; key=value` option cells (values may contain commas, never semicolons). */
export function parseOptions(cell: string | undefined): Map<string, string> {
  const options = new Map<string, string>();
  for (const part of (cell ?? '').split(';')) {
    const trimmed = part.trim();
    if (trimmed === '') {
      continue;
    }
    const eq = trimmed.indexOf('=');
    if (eq <= 0) {
      throw new Error(`option without a key: ${trimmed}`);
    }
    options.set(trimmed.slice(0, eq).trim(), trimmed.slice(eq + 1).trim());
  }
  return options;
}

/** Space-separated words, e.g. a drug's classes. */
export function words(cell: string): string[] {
  return cell.split(/\s+/).filter((w) => w !== '');
}
