/** What the extractor read from the note, item by item, for the doctor to keep, drop or correct. */
import type { ClinicalSummary } from '../consultation/summary-types.js';
import type { KeptItems } from '../consultation/visit-event.js';
import { vitalCutOffsView } from '../format/vital-cut-offs.js';

export interface SummaryReviewProps {
  summary: ClinicalSummary;
  kept: KeptItems;
  onChange: (kept: KeptItems) => void;
}

type ListName = 'findings' | 'conditions' | 'assessment' | 'vitals' | 'medications';

function toggled(set: ReadonlySet<number>, index: number): Set<number> {
  const next = new Set(set);
  if (next.has(index)) {
    next.delete(index);
  } else {
    next.add(index);
  }
  return next;
}

type FindingMention = ClinicalSummary['findings'][number];

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** Mentions of one finding with one assertion, shown once (a note often repeats a finding). */
export function findingGroups(
  summary: ClinicalSummary,
): { key: string; indexes: number[]; first: FindingMention }[] {
  const groups = new Map<string, { key: string; indexes: number[]; first: FindingMention }>();
  summary.findings.forEach((f, i) => {
    const key = `${f.findingId}|${f.assertion}|${f.experiencer}`;
    const group = groups.get(key);
    if (group) {
      group.indexes.push(i);
    } else {
      groups.set(key, { key, indexes: [i], first: f });
    }
  });
  return [...groups.values()];
}

export function SummaryReview({ summary, kept, onChange }: SummaryReviewProps) {
  const keepBox = (list: ListName, index: number, label: string) => (
    <input
      type="checkbox"
      checked={kept[list].has(index)}
      aria-label={`Keep ${label}`}
      onChange={() => {
        onChange({ ...kept, [list]: toggled(kept[list], index) });
      }}
    />
  );
  const vitalText = (v: ClinicalSummary['vitals'][number]) =>
    v.kind === 'blood-pressure'
      ? `Blood pressure ${String(v.systolic)}/${String(v.diastolic)} ${v.unit}`
      : `${v.kind.replaceAll('-', ' ')} ${String(v.value)} ${v.unit}`;
  // Which cut-offs turned the vitals into findings (children's, adult, or adult for want of an age).
  const cutOffs = summary.vitalCutOffs ? vitalCutOffsView(summary.vitalCutOffs) : null;
  return (
    <div className="summary-review" data-testid="note-summary">
      <h3>Findings</h3>
      {summary.findings.length === 0 ? <p className="muted">None read.</p> : null}
      <ul className="plain review">
        {findingGroups(summary).map(({ key, indexes, first }) => {
          const i = indexes[0] ?? 0;
          const status = kept.findingStatus.get(i) ?? first.assertion;
          const flippable =
            first.experiencer === 'patient' && (status === 'present' || status === 'absent');
          const mentions = indexes.map((n) => summary.findings[n]);
          return (
            <li key={key}>
              <label>
                <input
                  type="checkbox"
                  checked={indexes.every((n) => kept.findings.has(n))}
                  aria-label={`Keep ${first.display}`}
                  onChange={() => {
                    const keep = !indexes.every((n) => kept.findings.has(n));
                    const findings = new Set(kept.findings);
                    for (const n of indexes) {
                      if (keep) {
                        findings.add(n);
                      } else {
                        findings.delete(n);
                      }
                    }
                    onChange({ ...kept, findings });
                  }}
                />{' '}
                {first.display}
              </label>{' '}
              <span className={`assertion ${status}`}>
                {first.experiencer === 'family' ? 'family history' : status}
              </span>
              {flippable ? (
                <button
                  type="button"
                  className="link small"
                  onClick={() => {
                    const findingStatus = new Map(kept.findingStatus);
                    for (const n of indexes) {
                      findingStatus.set(n, status === 'present' ? 'absent' : 'present');
                    }
                    onChange({ ...kept, findingStatus });
                  }}
                >
                  mark {status === 'present' ? 'absent' : 'present'}
                </button>
              ) : null}
              <span className="muted small quotes">
                {mentions.every((m) => m?.match === 'measurement') ? 'from vitals: ' : ''}
                {unique(mentions.map((m) => `“${m?.text ?? ''}”`)).join(', ')}
              </span>
            </li>
          );
        })}
      </ul>
      {summary.assessment.length + summary.conditions.length > 0 ? (
        <>
          <h3>Conditions</h3>
          <ul className="plain review">
            {summary.assessment.map((c, i) => (
              <li key={`a-${c.conditionId}-${String(c.span.start)}`}>
                <label>
                  {keepBox('assessment', i, c.display)} {c.display}
                </label>{' '}
                <span className="muted small">assessment · {c.assertion}</span>
              </li>
            ))}
            {summary.conditions.map((c, i) => (
              <li key={`c-${c.conditionId}-${String(c.span.start)}`}>
                <label>
                  {keepBox('conditions', i, c.display)} {c.display}
                </label>{' '}
                <span className="muted small">
                  {c.section} · {c.experiencer === 'family' ? 'family history' : c.assertion}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {summary.vitals.length > 0 ? (
        <>
          <h3>Vitals</h3>
          <ul className="plain review">
            {summary.vitals.map((v, i) => (
              <li key={`${v.kind}-${String(v.span.start)}`}>
                <label>
                  {keepBox('vitals', i, vitalText(v))} {vitalText(v)}
                </label>
              </li>
            ))}
          </ul>
          {cutOffs ? (
            <p
              className={`vital-cut-offs${cutOffs.warn ? ' warn' : ''}`}
              data-testid="vital-cut-offs"
            >
              <strong>{cutOffs.title}.</strong> {cutOffs.detail}
            </p>
          ) : null}
        </>
      ) : null}
      {summary.medications.length > 0 ? (
        <>
          <h3>Medications</h3>
          <ul className="plain review">
            {summary.medications.map((m, i) => (
              <li key={`${m.rxcui}-${String(m.span.start)}`}>
                <label>
                  {keepBox('medications', i, m.name)} {m.name}
                </label>{' '}
                <span className="muted small">
                  {m.status}
                  {m.sig ? ` · ${m.sig.text}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {summary.allergies.length > 0 ? (
        <>
          <h3>Allergies</h3>
          <ul className="plain">
            {summary.allergies.map((a) => (
              <li key={String(a.span.start)}>
                {a.kind === 'no-known-allergies'
                  ? 'No known allergies'
                  : (a.substance.name ?? a.substance.text)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {summary.plan.length > 0 ? (
        <>
          <h3>Plan</h3>
          <ul className="plain">
            {summary.plan.map((p) => (
              <li key={`${p.kind}-${String(p.span.start)}`}>{p.text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
