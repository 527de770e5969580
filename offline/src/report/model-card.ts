/** `model-card.md`: intended use, data, metrics against the guideline-only baseline, limitations. */
import type { ModelManifest } from '@mediassist/shared/model';
import type { EvaluationReport } from '../evaluate/evaluation-report.js';
import type { TrainingRecord } from '../train/training-record.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

export function modelCard(options: {
  manifest: ModelManifest;
  training: TrainingRecord;
  report: EvaluationReport;
}): string {
  const { manifest, training, report } = options;
  const m = report.model.all;
  const b = report.baseline.all;
  const row = (name: string, [a, c]: readonly [number, number], format = pct): string =>
    `| ${name} | ${format(a)} | ${format(c)} | ${((a - c) * 100).toFixed(1)} pt |`;
  return [
    `# Model card — MediAssist diagnosis model ${manifest.version}`,
    '',
    '## Intended use',
    '',
    'Decision support for primary-care clinicians during a consultation: a ranked list of conditions',
    'to **consider**, blended with the guideline engine (`online/src/assist/blend-differential.ts`).',
    'It is **not a diagnosis** and must not be used without a clinician: it sees only coded findings,',
    'demographics and history, never the patient. It ranks only the acute conditions it was trained on.',
    '',
    '## Data',
    '',
    `- Training examples: ${training.examples.train.toLocaleString('en-US')} acute visits (fitted on ${training.examples.fitted.toLocaleString('en-US')}; validation ${training.examples.validation.toLocaleString('en-US')}), ${training.examples.from} to ${training.examples.to}; snapshot hash \`${manifest.trainingData.snapshotHash}\`.`,
    `- Labels: the visit's confirmed acute diagnosis, or a clinician's final-diagnosis feedback (${String(training.examples.fromFeedback)} labels); ${String(training.examples.fromEvents)} visits came from nearline events; ${String(training.examples.ruledOut)} visits left out because the clinician ruled their coded diagnosis out.`,
    `- Inputs: findings present/absent (${String(manifest.diagnosis.input.findings.length)}), chronic (${String(manifest.diagnosis.input.chronicConditions.length)}) and recent acute (${String(manifest.diagnosis.input.recentAcute.length)}) conditions, age, sex, season, and a ${String(manifest.encoder.dimension)}-dimensional history embedding (vocabulary ${String(manifest.encoder.vocabulary.length)}), all as of the day before the visit.`,
    `- Classes: ${String(manifest.diagnosis.classes.length)} KB acute conditions with at least ${String(training.model.minClassExamples)} training examples; knowledge base ${manifest.kbVersion}.`,
    `- Split: patients held out by a hash of their pseudonym (${pct(report.split.testShare)} test, ${pct(report.split.validationShare)} validation) and every visit from ${report.split.cutoff} on held out.`,
    '',
    '## Metrics (held-out patients and the later window)',
    '',
    `${report.sample.examples.toLocaleString('en-US')} evaluation visits. ECE: ${String(report.calibration.bins)} equal-width bins of the top suggestion's probability.`,
    '',
    '| metric | model | guideline-only | difference |',
    '| --- | --- | --- | --- |',
    row('top-1 accuracy', [m.top1, b.top1]),
    row('top-3 accuracy', [m.top3, b.top3]),
    row('top-10 accuracy', [m.top10, b.top10]),
    row('macro recall (top-1)', [m.macroRecall, b.macroRecall]),
    row('expected calibration error', [m.ece, b.ece], (x) => x.toFixed(3)),
    `| top-3, held-out patients | ${pct(report.model.heldOutPatients.top3)} | ${pct(report.baseline.heldOutPatients.top3)} | |`,
    `| top-3, later window | ${pct(report.model.laterWindow.top3)} | ${pct(report.baseline.laterWindow.top3)} | |`,
    '',
    `Calibration temperature ${manifest.diagnosis.temperature.toFixed(3)} (folded into the graph). Parity with the training code: max |Δp| ${training.parity.modelMaxAbsDiff.toExponential(1)}, max |Δembedding| ${training.parity.encoderMaxAbsDiff.toExponential(1)} (tolerance ${training.parity.tolerance.toExponential(0)}).`,
    '',
    '## Limitations',
    '',
    '- Trained and evaluated on records; where they come from the synthetic generator, figures describe',
    '  that world (see the README, "Synthetic data"), not real patients.',
    '- Labels are recorded diagnoses, which can be wrong; rare conditions are not classes at all, and',
    '  conditions with few examples have unstable recall (see the per-condition table in the report).',
    '- Findings the clinician did not record are treated as unknown, not absent.',
    '- No "none of these" output: the guideline engine keeps that share when blending.',
    '- Re-validate after any knowledge-base, coding or population change; monitor accepted/dismissed',
    '  feedback per version.',
    '',
  ].join('\n');
}
