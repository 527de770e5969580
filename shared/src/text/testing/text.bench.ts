/**
 * Micro-benchmark of the text extractor (`npm run bench:text -w shared`): lexicon build time, then
 * `summarize` latency on a typical ~2 KB visit note, on Synthea's notes when the reference data is
 * present, and on a note at the 20,000-character limit. Prints one JSON object as its last line.
 */
import { referenceDataDir } from '@mediassist/tooling/reference-data';
import { loadKnowledgeBase, type KnowledgeBase } from '../../kb/index.js';
import { MAX_TEXT_CHARS } from '../limits.js';
import { createTextExtractor, type TextExtractor } from '../text-extractor.js';
import { fixtureKb } from './fixture-kb.js';
import { syntheaNotes } from './synthea.js';

const TYPICAL_NOTE = `Chief Complaint: cough and fever x 3 days

HPI: 54 yo F presents with 3 days of productive cough, fevers to 101.5 F at home, chills and SOB on
exertion. Denies chest pain, hemoptysis, nausea or vomiting. No sick contacts. Tried Tylenol 500 mg
q6h prn with minimal relief. History of asthma, uses albuterol inhaler 2 puffs q4h prn. Mother had
colon cancer. Non-smoker. No recent travel.

ROS: Constitutional: + fevers, + chills, no weight loss. Resp: + cough, + sputum, no wheezing.
CV: no palpitations, no leg swelling. GI: no abdominal pain, no diarrhea.

PMH: asthma, hypertension, type 2 diabetes
Medications: lisinopril 20 mg po daily; metformin 1000 mg p.o. b.i.d.; albuterol 90 mcg 2 puffs
inhaled q4h prn; stopped ibuprofen last month.
Allergies: penicillin (hives); sulfa - rash

Vitals: BP 142/91 mmHg, HR 104, T 38.6 C, RR 22, SpO2 93% on RA, Wt 82 kg, BMI 29.1
Exam: Gen: ill-appearing, mild respiratory distress. Lungs: crackles at the right base, no wheeze.
Heart: tachycardic, regular, no murmur. Abd: soft, non-tender, no guarding. Ext: no edema, no
calf tenderness. Skin: no rash. Neuro: alert and oriented, no focal deficit.

Labs: fingerstick glucose 212. Rapid flu negative. Rapid COVID-19 antigen negative.

Assessment: Community-acquired pneumonia, right lower lobe, likely bacterial. r/o PE given
tachycardia, though low suspicion. Asthma, stable. HTN, not at goal. T2DM.

Plan:
1. CXR PA/lateral, CBC, BMP today.
2. Start amoxicillin 1 g PO TID x 5 days plus azithromycin 500 mg daily x 3 days.
3. Continue lisinopril; recheck BP at follow-up.
4. Refer to pulmonology if not improving.
5. Follow up in 1 week, sooner if worse. Return if shortness of breath worsens or chest pain.
6. Discussed smoking avoidance, hydration, rest; patient agrees with the plan. Work note given for
   3 days. Patient counselled on warning signs: confusion, cyanosis, inability to keep fluids down.
`;

function shippedOrFixture(): { kb: KnowledgeBase; which: string } {
  try {
    const kb = loadKnowledgeBase();
    if (kb.findings.length > 0) {
      return { kb, which: 'shipped' };
    }
  } catch {
    // fall through to the fixture
  }
  return { kb: fixtureKb(), which: 'fixture' };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function timeEach(
  extractor: TextExtractor,
  texts: readonly string[],
): { p50Ms: number; p95Ms: number; maxMs: number; meanMs: number } {
  const times = texts.map((text) => {
    const start = performance.now();
    extractor.summarize(text);
    return performance.now() - start;
  });
  const sorted = [...times].sort((a, b) => a - b);
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  return {
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted.at(-1) ?? 0),
    meanMs: round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)),
  };
}

const { kb, which } = shippedOrFixture();
const buildStart = performance.now();
const extractor = createTextExtractor({ kb });
const buildMs = Math.round(performance.now() - buildStart);

const typical = Array.from({ length: 50 }, () => TYPICAL_NOTE);
timeEach(extractor, typical); // warm-up
const note = timeEach(
  extractor,
  Array.from({ length: 500 }, () => TYPICAL_NOTE),
);

let largest = TYPICAL_NOTE;
while (largest.length + TYPICAL_NOTE.length <= MAX_TEXT_CHARS) {
  largest += TYPICAL_NOTE;
}
const atLimit = timeEach(
  extractor,
  Array.from({ length: 20 }, () => largest),
);

const dir = referenceDataDir();
const synthea = dir
  ? timeEach(
      extractor,
      syntheaNotes(dir).map((n) => n.text),
    )
  : undefined;

const result = {
  bench: 'text-extractor',
  kb: which,
  kbVersion: kb.version,
  buildMs,
  typicalNote: { chars: TYPICAL_NOTE.length, runs: 500, ...note },
  atLimit: { chars: largest.length, runs: 20, ...atLimit },
  ...(synthea ? { syntheaNotes: synthea } : {}),
  targetMs: 50,
  ok: note.p95Ms < 50,
};
console.log(JSON.stringify(result));
