/**
 * The promotion rule. A candidate may serve only if:
 *   1. its model.onnx and encoder.onnx load in onnxruntime with the manifest's tensor names;
 *   2. onnxruntime reproduces the training code's outputs on the stored parity fixture
 *      (max |Δ| ≤ 1e-5 for probabilities and embeddings);
 *   3. its expected calibration error on the evaluation set is below 0.05;
 *   4. on the same evaluation set, its top-3 accuracy is not worse than production's by more than
 *      0.5 percentage points — or, with no production model, better than the guideline-only
 *      baseline (what the online service answers without a model);
 *   5. for a canary only: it uses production's encoder byte for byte (the online store holds
 *      embeddings from production's encoder, which the canary's model then reads).
 */
export const MAX_ECE = 0.05;
export const MAX_TOP3_DROP = 0.005;

export interface GateCheck {
  name: 'loads' | 'parity' | 'calibration' | 'accuracy' | 'shared-encoder';
  pass: boolean;
  detail: string;
}

export interface GateInput {
  loads: boolean;
  parity: { modelMaxAbsDiff: number; encoderMaxAbsDiff: number; tolerance: number } | null;
  candidate: { top3: number; ece: number } | null;
  /** Production on the same set, or null when nothing is in production. */
  production: { version: string; top3: number } | null;
  baseline: { top3: number } | null;
  canary: { sameEncoder: boolean } | null;
}

export interface GateDecision {
  pass: boolean;
  checks: GateCheck[];
  /** One line for the registry history. */
  reason: string;
}

const pt = (x: number): string => `${(x * 100).toFixed(2)}%`;

export function promotionGate(input: GateInput): GateDecision {
  const checks: GateCheck[] = [
    {
      name: 'loads',
      pass: input.loads,
      detail: input.loads ? 'onnxruntime loads both' : 'does not load',
    },
  ];
  const parity = input.parity;
  checks.push({
    name: 'parity',
    pass:
      parity !== null &&
      parity.modelMaxAbsDiff <= parity.tolerance &&
      parity.encoderMaxAbsDiff <= parity.tolerance,
    detail:
      parity === null
        ? 'not checked'
        : `max |Δp| ${parity.modelMaxAbsDiff.toExponential(2)}, |Δe| ${parity.encoderMaxAbsDiff.toExponential(2)} (≤ ${parity.tolerance.toExponential(0)})`,
  });
  const c = input.candidate;
  checks.push({
    name: 'calibration',
    pass: c !== null && c.ece < MAX_ECE,
    detail: c === null ? 'not evaluated' : `ECE ${c.ece.toFixed(4)} (< ${String(MAX_ECE)})`,
  });
  if (input.production) {
    const p = input.production;
    checks.push({
      name: 'accuracy',
      pass: c !== null && c.top3 >= p.top3 - MAX_TOP3_DROP,
      detail: `top-3 ${c ? pt(c.top3) : '?'} vs production ${p.version} ${pt(p.top3)} (may drop ≤ ${String(MAX_TOP3_DROP * 100)} pt)`,
    });
  } else {
    const b = input.baseline;
    checks.push({
      name: 'accuracy',
      pass: c !== null && b !== null && c.top3 > b.top3,
      detail: `top-3 ${c ? pt(c.top3) : '?'} vs guideline-only ${b ? pt(b.top3) : '?'} (no production model)`,
    });
  }
  if (input.canary) {
    checks.push({
      name: 'shared-encoder',
      pass: input.canary.sameEncoder,
      detail: input.canary.sameEncoder
        ? "production's encoder"
        : 'own encoder: train the canary with `embed --from-production`',
    });
  }
  const pass = checks.every((check) => check.pass);
  const failed = checks.filter((check) => !check.pass).map((check) => check.name);
  return {
    pass,
    checks,
    reason: pass
      ? `gate passed: ${checks.map((check) => check.detail).join('; ')}`
      : `gate failed (${failed.join(', ')}): ${checks
          .filter((check) => !check.pass)
          .map((check) => check.detail)
          .join('; ')}`,
  };
}
