/** The evaluation as a readable table (codes and counts only; never note text). */
import type { Scores } from './metrics.js';
import type { FindingScores, ScoredKind, SourceReport } from './evaluate-corpus.js';

export interface ReportSource {
  name: string;
  /** Where the notes came from (`lake` or a folder). */
  input: string;
  report: SourceReport;
}

const num = (v: number | null, digits = 3): string => (v === null ? '–' : v.toFixed(digits));

function row(label: string, s: Scores, recallMeaningful = true): string {
  const cells = [
    num(s.precision),
    recallMeaningful ? num(s.recall) : 'n/a',
    recallMeaningful ? num(s.f1) : 'n/a',
    String(s.tp),
    String(s.fp),
    String(s.fn),
  ];
  return `  ${label.padEnd(26)}${cells.map((c, i) => c.padStart(i < 3 ? 7 : 8)).join('')}`;
}

function findingRows(label: string, f: FindingScores | undefined): string[] {
  if (!f) {
    return [`  ${label.padEnd(26)}   (no finding ground truth in this source)`];
  }
  return [
    row(`${label}: present`, f.present),
    row(`${label}: absent`, f.absent),
    row(`${label}: combined`, f.combined),
  ];
}

const ERROR_LABELS: Readonly<Record<ScoredKind, string>> = {
  findings: 'findings',
  documentedFindings: 'findings (words)',
  conditions: 'conditions',
  medications: 'medications',
  allergies: 'allergies',
};

function errorLines(report: SourceReport): string[] {
  const lines: string[] = [];
  for (const [kind, label] of Object.entries(ERROR_LABELS) as [ScoredKind, string][]) {
    const { falsePositives, falseNegatives } = report.errors[kind];
    const fmt = (list: [string, number][]) =>
      list
        .slice(0, 5)
        .map(([code, n]) => `${code} ×${String(n)}`)
        .join(', ');
    if (falsePositives.length > 0) {
      lines.push(`    ${label} false positives: ${fmt(falsePositives)}`);
    }
    if (falseNegatives.length > 0) {
      lines.push(`    ${label} misses: ${fmt(falseNegatives)}`);
    }
  }
  return lines;
}

export function reportTable(options: {
  kbVersion: string;
  sources: readonly ReportSource[];
  /** Kinds whose recall is not meaningful for a rule (shown as n/a). */
  precisionOnly: (source: ReportSource, kind: ScoredKind) => boolean;
  targets: { findingsF1: number; medicationsF1: number };
}): string {
  const { kbVersion, sources, precisionOnly, targets } = options;
  const lines = [`Note extraction evaluation (knowledge base ${kbVersion})`];
  for (const source of sources) {
    const r = source.report;
    lines.push(
      '',
      `${source.name}: ${String(r.notes)} notes, ${String(r.patients)} patients, from ${source.input}; ${String(r.msPerNote.p50)} ms/note (p50), ${String(r.msPerNote.p95)} ms (p95)`,
      `  ${'kind'.padEnd(26)}${['P', 'R', 'F1', 'TP', 'FP', 'FN'].map((h, i) => h.padStart(i < 3 ? 7 : 8)).join('')}`,
      ...findingRows('findings', r.findings),
      ...(r.findingsAgeNotPassed
        ? [row('findings, age not passed', r.findingsAgeNotPassed.combined)]
        : []),
      ...(r.documentedFindings ? findingRows('findings (words)', r.documentedFindings) : []),
      row('conditions', r.conditions, !precisionOnly(source, 'conditions')),
      row('medications', r.medications, !precisionOnly(source, 'medications')),
      row('allergies', r.allergies, !precisionOnly(source, 'allergies')),
    );
    if (r.findings) {
      lines.push(
        `  negation accuracy: ${num(r.findings.negationAccuracy, 4)} of ${String(r.findings.found)} findings found`,
      );
      const ok = (v: number | null, t: number) => (v !== null && v >= t ? 'met' : 'NOT met');
      lines.push(
        `  targets: findings F1 ${num(r.findings.combined.f1)} (≥ ${String(targets.findingsF1)}: ${ok(r.findings.combined.f1, targets.findingsF1)}); medications F1 ${num(r.medications.f1)} (≥ ${String(targets.medicationsF1)}: ${ok(r.medications.f1, targets.medicationsF1)})`,
      );
    }
    lines.push(
      `  outside the knowledge base (not scorable): ${String(r.outsideKb.findings)} findings, ${String(r.outsideKb.conditions)} conditions, ${String(r.outsideKb.medications)} prescriptions`,
      '  most frequent errors:',
      ...errorLines(r),
    );
  }
  return `${lines.join('\n')}\n`;
}
