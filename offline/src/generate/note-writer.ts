/**
 * The visit note, written from exactly the encounter's facts: sectioned (CC/HPI/ROS/PMH/Meds/
 * Allergies/Exam/Vitals/Results/Assessment/Plan) or, sometimes, a doctor–patient transcript followed
 * by the clinician's exam and plan. Varied wording (KB synonyms and lay terms), negations, common
 * abbreviations and occasional typos; nothing the structured resources do not also say.
 */
import {
  allergiesLine,
  cap,
  header,
  list,
  medsLine,
  plan,
  resultsLine,
  split,
  vitalsLine,
  type NoteContext,
} from './note-lines.js';

export type { NoteContext } from './note-lines.js';

function sectionedNote(ctx: NoteContext): string {
  const { world, phrases, facts, random, sex } = ctx;
  const lines: string[] = [];
  const cc =
    facts.chiefComplaint === undefined ? undefined : world.findings[facts.chiefComplaint]?.finding;
  const who = `${String(Math.floor(facts.age))} ${random.pick(['y/o', 'yo', 'year old'])} ${sex === 'female' ? random.pick(['F', 'female', 'woman']) : random.pick(['M', 'male', 'man'])}`;
  const problems = facts.problems
    .map((ci) => world.conditions[ci]?.condition)
    .filter((c) => c !== undefined);
  if (facts.kind === 'acute' || facts.kind === 'new-problem') {
    const present = split(world, facts.present, facts.chiefComplaint);
    const absent = split(world, facts.absent, undefined);
    const ccText = cc ? phrases.clinical(cc, random) : 'review of results';
    lines.push(
      `${header(['CC', 'Chief complaint', 'Presenting complaint'], random)}: ${random.chance(0.3) && cc ? `"${phrases.lay(cc, random)}"` : ccText}`,
    );
    const hpi: string[] = [`${who} presenting with ${ccText}.`];
    const also = [...present.symptoms, ...present.history].map((f) => phrases.clinical(f, random));
    if (also.length > 0) {
      hpi.push(
        `${random.pick(['Also reports', 'Associated with', 'Also c/o', 'Reports'])} ${list(also, random)}.`,
      );
    }
    const negSymptoms = [...absent.symptoms, ...absent.history].map((f) =>
      phrases.clinical(f, random),
    );
    if (negSymptoms.length > 0 && random.chance(0.5)) {
      hpi.push(`${random.pick(['Denies', 'No', 'Negative for'])} ${list(negSymptoms, random)}.`);
      negSymptoms.length = 0;
    }
    lines.push(`${header(['HPI', 'History of present illness'], random)}: ${hpi.join(' ')}`);
    if (negSymptoms.length > 0) {
      lines.push(
        `ROS: ${random.pick(['negative for', 'denies', 'no'])} ${list(negSymptoms, random)}.`,
      );
    }
    pushHistory(
      ctx,
      lines,
      problems.map((c) => phrases.condition(c, random)),
    );
    const exam: string[] = [];
    if (present.signs.length > 0) {
      exam.push(
        `${cap(
          list(
            present.signs.map((f) => phrases.clinical(f, random)),
            random,
          ),
        )} ${random.pick(['noted', 'present', 'on examination'])}.`,
      );
    }
    if (absent.signs.length > 0) {
      exam.push(
        `No ${list(
          absent.signs.map((f) => phrases.clinical(f, random)),
          random,
        )}.`,
      );
    }
    if (exam.length > 0) {
      lines.push(`${header(['Exam', 'Physical exam', 'O/E'], random)}: ${exam.join(' ')}`);
    }
  } else {
    const reason =
      facts.kind === 'wellness'
        ? random.pick(['Annual wellness visit.', 'Routine health check.', 'Annual physical.'])
        : `Follow-up of ${list(
            facts.diagnoses
              .map((ci) => world.conditions[ci]?.condition)
              .filter((c) => c !== undefined)
              .map((c) => phrases.condition(c, random)),
            random,
          )}.`;
    lines.push(`${header(['Reason for visit', 'CC'], random)}: ${reason}`);
    lines.push(
      `HPI: ${who} ${facts.kind === 'wellness' ? 'here for preventive care' : 'here for chronic disease review'}.`,
    );
    pushHistory(
      ctx,
      lines,
      problems.map((c) => phrases.condition(c, random)),
    );
  }
  const social = facts.socialHistory.flatMap((r) => {
    const f = world.findings[r.finding]?.finding;
    return f
      ? [r.present ? phrases.clinical(f, random) : `not ${phrases.clinical(f, random)}`]
      : [];
  });
  if (facts.smoking !== undefined) {
    social.unshift(
      { current: 'current smoker', former: 'former smoker', never: 'never smoker' }[facts.smoking],
    );
  }
  if (social.length > 0) {
    lines.push(`Social history: ${social.join('; ')}.`);
  }
  const vitals = vitalsLine(facts, random);
  if (vitals) {
    lines.push(`${header(['Vitals', 'Vital signs', 'VS'], random)}: ${vitals}`);
  }
  const results = resultsLine(ctx);
  if (results) {
    lines.push(`${header(['Results', 'Labs'], random)}: ${results}`);
  }
  const dx = facts.diagnoses
    .map((ci) => world.conditions[ci]?.condition)
    .filter((c) => c !== undefined);
  if (facts.kind !== 'wellness' && dx.length > 0) {
    lines.push(
      `${header(['Assessment', 'Impression', 'A'], random)}: ${dx.map((c) => phrases.condition(c, random)).join('; ')}.`,
    );
  }
  const planLines = plan(ctx);
  if (planLines.length > 0) {
    lines.push(`${header(['Plan', 'P'], random)}: ${planLines.join(' ')}`);
  }
  return lines.join('\n');
}

function pushHistory(ctx: NoteContext, lines: string[], problems: readonly string[]): void {
  const { facts, allergies, random } = ctx;
  lines.push(
    `${header(['PMH', 'Past medical history', 'PMHx'], random)}: ${problems.length > 0 ? problems.join(', ') : random.pick(['none', 'Nil significant', 'No significant PMH'])}`,
  );
  lines.push(
    `${header(['Meds', 'Medications', 'Current meds'], random)}: ${medsLine(facts.ongoingMedications, random)}`,
  );
  lines.push(`${header(['Allergies', 'Allergy'], random)}: ${allergiesLine(allergies, random)}`);
}

/** A transcript of the history taking, then the clinician's exam, vitals, assessment and plan. */
function dialogueNote(ctx: NoteContext): string {
  const { world, phrases, facts, random } = ctx;
  const turns: string[] = [];
  const cc =
    facts.chiefComplaint === undefined ? undefined : world.findings[facts.chiefComplaint]?.finding;
  turns.push(
    `Doctor: ${random.pick(['What brings you in today?', 'How can I help today?', 'What seems to be the problem?'])}`,
  );
  turns.push(`Patient: ${cc ? cap(phrases.lay(cc, random)) : 'I came about my results'}.`);
  const present = split(world, facts.present, facts.chiefComplaint);
  const absent = split(world, facts.absent, undefined);
  const asked = [
    ...[...present.symptoms, ...present.history].map((f) => ({ f, yes: true })),
    ...[...absent.symptoms, ...absent.history].map((f) => ({ f, yes: false })),
  ].sort((a, b) => a.f.id.localeCompare(b.f.id));
  for (const { f, yes } of asked) {
    turns.push(`Doctor: Any ${phrases.clinical(f, random)}?`);
    turns.push(
      `Patient: ${yes ? random.pick(['Yes.', 'Yes, I have.', 'Yeah, a bit.']) : random.pick(['No.', 'No, none.', 'Not at all.'])}`,
    );
  }
  const lines = [turns.join('\n'), ''];
  const problems = facts.problems
    .map((ci) => world.conditions[ci]?.condition)
    .filter((c) => c !== undefined);
  pushHistory(
    ctx,
    lines,
    problems.map((c) => phrases.condition(c, random)),
  );
  const exam: string[] = [];
  if (present.signs.length > 0) {
    exam.push(
      `${cap(
        list(
          present.signs.map((f) => phrases.clinical(f, random)),
          random,
        ),
      )} noted.`,
    );
  }
  if (absent.signs.length > 0) {
    exam.push(
      `No ${list(
        absent.signs.map((f) => phrases.clinical(f, random)),
        random,
      )}.`,
    );
  }
  if (exam.length > 0) {
    lines.push(`Exam: ${exam.join(' ')}`);
  }
  const vitals = vitalsLine(facts, random);
  if (vitals) {
    lines.push(`Vitals: ${vitals}`);
  }
  const results = resultsLine(ctx);
  if (results) {
    lines.push(`Results: ${results}`);
  }
  const dx = facts.diagnoses
    .map((ci) => world.conditions[ci]?.condition)
    .filter((c) => c !== undefined);
  lines.push(`Assessment: ${dx.map((c) => phrases.condition(c, random)).join('; ')}.`);
  const planLines = plan(ctx);
  if (planLines.length > 0) {
    lines.push(`Plan: ${planLines.join(' ')}`);
  }
  return lines.join('\n');
}

export const DIALOGUE_SHARE = 0.15;

export function writeNote(ctx: NoteContext): string {
  const symptomVisit = ctx.facts.kind === 'acute' || ctx.facts.kind === 'new-problem';
  return symptomVisit && ctx.random.chance(DIALOGUE_SHARE) ? dialogueNote(ctx) : sectionedNote(ctx);
}
