/**
 * `report.html`: one self-contained page for a data scientist — headline metrics against the
 * guideline-only baseline per slice, reliability diagram, learning curve, training curve and
 * per-condition recall, as inline SVG and tables (no scripts, no external assets).
 */
import type { ModelManifest } from '@mediassist/shared/model';
import type { EvaluationReport, SliceSummary } from '../evaluate/evaluation-report.js';
import type { TrainingRecord } from '../train/training-record.js';
import { escapeXml, lineChart, pairedBars } from './svg-charts.js';

const MODEL = '#1f6feb';
const BASELINE = '#d97706';
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function sliceRows(report: EvaluationReport): string {
  const slices: [string, SliceSummary, SliceSummary][] = [
    ['all evaluation visits', report.model.all, report.baseline.all],
    ['held-out patients', report.model.heldOutPatients, report.baseline.heldOutPatients],
    [`visits from ${report.split.cutoff}`, report.model.laterWindow, report.baseline.laterWindow],
  ];
  return slices
    .map(
      ([name, m, b]) =>
        `<tr><td>${escapeXml(name)}</td><td>${m.examples.toLocaleString('en-US')}</td>${(
          ['top1', 'top3', 'top10', 'macroRecall'] as const
        )
          .map(
            (k) =>
              `<td>${pct(m[k])} <span class="b">${pct(b[k])}</span> <span class="d">${((m[k] - b[k]) * 100).toFixed(1)} pt</span></td>`,
          )
          .join('')}<td>${m.ece.toFixed(3)} <span class="b">${b.ece.toFixed(3)}</span></td></tr>`,
    )
    .join('');
}

export function reportHtml(options: {
  manifest: ModelManifest;
  training: TrainingRecord;
  report: EvaluationReport;
  /** KB condition id → display name. */
  display: (conditionId: string) => string;
}): string {
  const { manifest, training, report, display } = options;
  const reliability = lineChart({
    title: 'Reliability (top suggestion)',
    xLabel: 'mean confidence in bin',
    yLabel: 'accuracy in bin',
    yRange: [0, 1],
    diagonal: true,
    series: [
      {
        name: 'model',
        color: MODEL,
        points: report.model.all.reliability
          .filter((b) => b.count > 0)
          .map((b) => ({ x: b.confidence, y: b.accuracy })),
      },
      {
        name: 'guidelines',
        color: BASELINE,
        points: report.baseline.all.reliability
          .filter((b) => b.count > 0)
          .map((b) => ({ x: b.confidence, y: b.accuracy })),
      },
    ],
  });
  const learning = lineChart({
    title: 'Learning curve (validation patients)',
    xLabel: 'training examples (log scale)',
    yLabel: 'accuracy',
    logX: true,
    series: [
      {
        name: 'top-1',
        color: MODEL,
        points: training.learningCurve.map((p) => ({ x: p.examples, y: p.top1 })),
      },
      {
        name: 'top-3',
        color: '#2da44e',
        points: training.learningCurve.map((p) => ({ x: p.examples, y: p.top3 })),
      },
    ],
  });
  const epochs = lineChart({
    title: 'Training (cross-entropy per epoch)',
    xLabel: 'epoch',
    yLabel: 'loss',
    series: [
      {
        name: 'train',
        color: '#6e7781',
        points: training.fit.history.map((h) => ({ x: h.epoch, y: h.trainLoss })),
      },
      {
        name: 'validation',
        color: MODEL,
        points: training.fit.history.map((h) => ({ x: h.epoch, y: h.validationLoss })),
      },
    ],
  });
  const baselineRecall = new Map(report.baseline.all.perCondition.map((c) => [c.condition, c]));
  const conditions = report.model.all.perCondition;
  const bars = pairedBars({
    title: 'Top-1 recall per condition (40 most frequent)',
    series: [
      { name: 'model', color: MODEL },
      { name: 'guidelines', color: BASELINE },
    ],
    rows: conditions.slice(0, 40).map((c) => ({
      label: display(c.condition),
      note: `n=${String(c.support)}`,
      values: [c.recall, baselineRecall.get(c.condition)?.recall ?? 0],
    })),
  });
  const table = conditions
    .map((c) => {
      const b = baselineRecall.get(c.condition);
      const known = manifest.diagnosis.classes.includes(c.condition);
      return `<tr><td>${escapeXml(display(c.condition))}${known ? '' : ' <em>(not a class)</em>'}</td><td>${String(c.support)}</td><td>${pct(c.recall)}</td><td>${pct(b?.recall ?? 0)}</td><td>${pct(c.recallTop3)}</td><td>${pct(b?.recallTop3 ?? 0)}</td></tr>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MediAssist model ${escapeXml(manifest.version)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:24px;max-width:1100px;color:#1f2328}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;font-size:13px}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}
.b{color:${BASELINE}}.d{color:#57606a;font-size:11px}.grid{display:flex;flex-wrap:wrap;gap:16px}
.note{color:#57606a;font-size:13px}
</style></head><body>
<h1>Diagnosis model ${escapeXml(manifest.version)}: evaluation</h1>
<p class="note">Decision support, not a diagnosis. KB ${escapeXml(manifest.kbVersion)} · ${String(manifest.diagnosis.classes.length)} classes · ${String(training.model.inputs)} inputs, hidden ${String(training.model.hidden)} · temperature ${manifest.diagnosis.temperature.toFixed(3)} · evaluated ${escapeXml(report.evaluatedAt)} on ${report.sample.examples.toLocaleString('en-US')} of ${report.sample.available.toLocaleString('en-US')} test visits · split: ${pct(report.split.testShare)} held-out patients, visits from ${escapeXml(report.split.cutoff)}.</p>
<h2>Model vs guideline-only baseline <span class="b">(baseline in orange)</span></h2>
<table><tr><th>slice</th><th>visits</th><th>top-1</th><th>top-3</th><th>top-10</th><th>macro recall</th><th>ECE (${String(report.calibration.bins)} bins)</th></tr>${sliceRows(report)}</table>
<p class="note">ECE: ${escapeXml(report.calibration.binning)}. The baseline's confidence is its posterior for the top condition, which leaves mass to "none of the KB conditions".</p>
<div class="grid">${reliability}${learning}${epochs}</div>
<h2>Per-condition recall</h2>
${bars}
<table><tr><th>condition</th><th>visits</th><th>model top-1</th><th>guidelines top-1</th><th>model top-3</th><th>guidelines top-3</th></tr>${table}</table>
<h2>Training</h2>
<p class="note">${training.examples.train.toLocaleString('en-US')} training (fitted on ${training.examples.fitted.toLocaleString('en-US')}) and ${training.examples.validation.toLocaleString('en-US')} validation visits (${escapeXml(training.examples.from)} – ${escapeXml(training.examples.to)}); best epoch ${String(training.fit.bestEpoch)} of ${String(training.fit.history.length)}; Adam lr ${String(training.fit.learningRate)}, L2 ${String(training.fit.l2)}, batch ${String(training.fit.batchSize)}; validation NLL ${training.validation.nllBefore.toFixed(3)} → ${training.validation.nllAfter.toFixed(3)} after temperature scaling; ONNX parity max |Δp| ${training.parity.modelMaxAbsDiff.toExponential(1)}, |Δembedding| ${training.parity.encoderMaxAbsDiff.toExponential(1)}.</p>
</body></html>
`;
}
