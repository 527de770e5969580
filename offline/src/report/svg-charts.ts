/** Inline SVG charts for the evaluation report (no scripts, no CDN): lines, reliability, paired bars. */

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

export interface Series {
  name: string;
  color: string;
  points: readonly { x: number; y: number }[];
}

const fmt = (x: number): string => (Math.round(x * 10) / 10).toString();

function legend(series: readonly { name: string; color: string }[], x: number, y: number): string {
  return series
    .map(
      (s, i) =>
        `<rect x="${fmt(x)}" y="${fmt(y + i * 16)}" width="10" height="10" fill="${s.color}"/><text x="${fmt(x + 14)}" y="${fmt(y + i * 16 + 9)}" font-size="11">${escapeXml(s.name)}</text>`,
    )
    .join('');
}

/** A line chart; `logX` for sizes spanning orders of magnitude (learning curves). */
export function lineChart(options: {
  title: string;
  series: readonly Series[];
  xLabel: string;
  yLabel: string;
  logX?: boolean;
  yRange?: [number, number];
  diagonal?: boolean;
}): string {
  const width = 460;
  const height = 300;
  const m = { left: 52, right: 130, top: 28, bottom: 42 };
  const all = options.series.flatMap((s) => s.points);
  const tx = (x: number): number => (options.logX ? Math.log10(Math.max(x, 1e-9)) : x);
  const xs = all.map((p) => tx(p.x));
  const ys = all.map((p) => p.y);
  let [x0, x1] = [
    Math.min(...xs, options.diagonal ? 0 : Infinity),
    Math.max(...xs, options.diagonal ? 1 : -Infinity),
  ];
  const [y0, y1] = options.yRange ?? [Math.min(...ys), Math.max(...ys)];
  if (!Number.isFinite(x0) || x0 === x1) {
    x0 = (Number.isFinite(x0) ? x0 : 0) - 1;
    x1 = x0 + 2;
  }
  const px = (x: number): number =>
    m.left + ((tx(x) - x0) / (x1 - x0)) * (width - m.left - m.right);
  const py = (y: number): number =>
    height - m.bottom - ((y - y0) / (y1 - y0 || 1)) * (height - m.top - m.bottom);
  const ticks = (from: number, to: number, n: number): number[] =>
    Array.from({ length: n + 1 }, (_, i) => from + ((to - from) * i) / n);
  const xTicks = ticks(x0, x1, 4).map((t) => (options.logX ? 10 ** t : t));
  const integerX = !options.logX && all.every((p) => Number.isInteger(p.x));
  const yTicks = ticks(y0, y1, 4);
  const grid = [
    ...yTicks.map(
      (t) =>
        `<line x1="${fmt(m.left)}" x2="${fmt(width - m.right)}" y1="${fmt(py(t))}" y2="${fmt(py(t))}" stroke="#e5e5e5"/><text x="${fmt(m.left - 6)}" y="${fmt(py(t) + 4)}" font-size="10" text-anchor="end">${t.toFixed(2)}</text>`,
    ),
    ...xTicks.map(
      (t) =>
        `<text x="${fmt(px(t))}" y="${fmt(height - m.bottom + 14)}" font-size="10" text-anchor="middle">${options.logX ? Math.round(t).toLocaleString('en-US') : t.toFixed(integerX ? 0 : 2)}</text>`,
    ),
  ].join('');
  const diagonal = options.diagonal
    ? `<line x1="${fmt(px(0))}" y1="${fmt(py(0))}" x2="${fmt(px(1))}" y2="${fmt(py(1))}" stroke="#999" stroke-dasharray="4 3"/>`
    : '';
  const lines = options.series
    .map((s) => {
      const path = s.points.map((p) => `${fmt(px(p.x))},${fmt(py(p.y))}`).join(' ');
      const dots = s.points
        .map(
          (p) =>
            `<circle cx="${fmt(px(p.x))}" cy="${fmt(py(p.y))}" r="3" fill="${s.color}"><title>${escapeXml(`${s.name}: ${p.x.toLocaleString('en-US')} → ${p.y.toFixed(3)}`)}</title></circle>`,
        )
        .join('');
      return `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${path}"/>${dots}`;
    })
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(width)}" height="${String(height)}" viewBox="0 0 ${String(width)} ${String(height)}" role="img" aria-label="${escapeXml(options.title)}" font-family="system-ui, sans-serif">`,
    `<text x="${fmt(m.left)}" y="16" font-size="13" font-weight="600">${escapeXml(options.title)}</text>`,
    grid,
    `<line x1="${fmt(m.left)}" x2="${fmt(m.left)}" y1="${fmt(m.top)}" y2="${fmt(height - m.bottom)}" stroke="#333"/>`,
    `<line x1="${fmt(m.left)}" x2="${fmt(width - m.right)}" y1="${fmt(height - m.bottom)}" y2="${fmt(height - m.bottom)}" stroke="#333"/>`,
    diagonal,
    lines,
    `<text x="${fmt((m.left + width - m.right) / 2)}" y="${fmt(height - 6)}" font-size="11" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
    `<text x="12" y="${fmt((m.top + height - m.bottom) / 2)}" font-size="11" text-anchor="middle" transform="rotate(-90 12 ${fmt((m.top + height - m.bottom) / 2)})">${escapeXml(options.yLabel)}</text>`,
    legend(options.series, width - m.right + 12, m.top),
    '</svg>',
  ].join('');
}

/** Horizontal paired bars per row (e.g. recall of the model and of the baseline per condition). */
export function pairedBars(options: {
  title: string;
  rows: readonly { label: string; values: readonly number[]; note?: string }[];
  series: readonly { name: string; color: string }[];
}): string {
  const barHeight = 7;
  const rowHeight = barHeight * options.series.length + 6;
  const m = { left: 320, right: 60, top: 56 };
  const width = 720;
  const height = m.top + options.rows.length * rowHeight + 10;
  const scale = (v: number): number => Math.max(0, Math.min(1, v)) * (width - m.left - m.right);
  const rows = options.rows
    .map((row, i) => {
      const y = m.top + i * rowHeight;
      const bars = row.values
        .map((v, k) => {
          const color = options.series[k]?.color ?? '#888';
          return `<rect x="${String(m.left)}" y="${fmt(y + k * barHeight)}" width="${fmt(scale(v))}" height="${String(barHeight - 1)}" fill="${color}"><title>${escapeXml(`${options.series[k]?.name ?? ''}: ${v.toFixed(3)}`)}</title></rect>`;
        })
        .join('');
      return `<text x="${String(m.left - 6)}" y="${fmt(y + rowHeight / 2)}" font-size="10" text-anchor="end">${escapeXml(row.label)}${row.note ? ` (${escapeXml(row.note)})` : ''}</text>${bars}<text x="${fmt(m.left + scale(Math.max(...row.values)) + 4)}" y="${fmt(y + rowHeight / 2)}" font-size="9">${(row.values[0] ?? 0).toFixed(2)}</text>`;
    })
    .join('');
  const axis = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (t) =>
        `<line x1="${fmt(m.left + scale(t))}" x2="${fmt(m.left + scale(t))}" y1="${String(m.top - 4)}" y2="${fmt(height - 6)}" stroke="#eee"/><text x="${fmt(m.left + scale(t))}" y="${String(m.top - 8)}" font-size="9" text-anchor="middle">${t.toFixed(2)}</text>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(width)}" height="${fmt(height)}" viewBox="0 0 ${String(width)} ${fmt(height)}" role="img" aria-label="${escapeXml(options.title)}" font-family="system-ui, sans-serif">`,
    `<text x="8" y="16" font-size="13" font-weight="600">${escapeXml(options.title)}</text>`,
    legend(options.series, width - m.right - 110, 4).replaceAll('font-size="11"', 'font-size="10"'),
    axis,
    rows,
    '</svg>',
  ].join('');
}
