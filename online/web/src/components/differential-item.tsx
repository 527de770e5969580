/** One differential suggestion: "Consider …", its probability and urgency, evidence and sources on demand. */
import type { AssistDifferentialItem } from '@mediassist/shared/api';
import type { ReactNode } from 'react';
import { formatPercent } from '../format/format.js';

export interface DifferentialItemProps {
  item: AssistDifferentialItem;
  feedback: ReactNode;
}

const LISTED_BECAUSE = {
  rank: 'ranked by probability',
  'cant-miss': 'can’t-miss condition',
  'red-flag': 'a red flag fired',
} as const;

export function DifferentialItem({ item, feedback }: DifferentialItemProps) {
  return (
    <li className={`suggestion urgency-${item.urgency}`} data-testid="differential-item">
      <div className="suggestion-head">
        <span className="suggestion-label">{item.label}</span>
        <span className="probability" title="Blended probability">
          <span className="bar" aria-hidden="true">
            <span
              style={{ width: `${String(Math.max(2, Math.round(item.probability * 100)))}%` }}
            />
          </span>
          {formatPercent(item.probability)}
        </span>
      </div>
      <div className="suggestion-meta">
        <p className="muted small">
          {item.display} <span className="code">{item.icd10}</span> · {item.urgency}
          {item.cantMiss ? ' · can’t miss' : ''} · {LISTED_BECAUSE[item.listedBecause]}
        </p>
        {feedback}
      </div>
      <details>
        <summary>Evidence and sources</summary>
        <dl className="evidence">
          <dt>For</dt>
          <dd>
            {item.supporting.length === 0
              ? 'No entered finding supports it (listed from prior probability).'
              : item.supporting
                  .map((e) => `${e.display} (LR ${e.likelihoodRatio.toFixed(1)})`)
                  .join(', ')}
          </dd>
          <dt>Against</dt>
          <dd>
            {item.against.length === 0
              ? 'None entered.'
              : item.against
                  .map(
                    (e) =>
                      `${e.display} ${e.reason === 'absent' ? 'absent' : 'rare with it'} (LR ${e.likelihoodRatio.toFixed(2)})`,
                  )
                  .join(', ')}
          </dd>
          <dt>Probabilities</dt>
          <dd>
            guidelines {formatPercent(item.guidelineProbability)}
            {item.modelProbability !== null
              ? `, model ${formatPercent(item.modelProbability)}`
              : ''}
          </dd>
          <dt>Sources</dt>
          <dd>{item.sources.join(', ')}</dd>
        </dl>
      </details>
    </li>
  );
}
