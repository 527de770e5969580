/**
 * The sig that follows a drug name: dose or strength, route, frequency (HL7 GTS acronyms: QD, BID,
 * Q8H…), as-needed and duration. Reads at most one clause (up to `;`, a line end or the next drug).
 */
import type { Duration, Frequency, Quantity, Route } from './summary-schema.js';

export interface Sig {
  dose?: Quantity;
  route?: Route;
  frequency?: Frequency;
  duration?: Duration;
}

const UNIT_ALIASES: Readonly<Record<string, string>> = {
  mg: 'mg',
  mcg: 'ug',
  µg: 'ug',
  ug: 'ug',
  g: 'g',
  gm: 'g',
  gram: 'g',
  grams: 'g',
  ml: 'mL',
  l: 'L',
  unit: '[iU]',
  units: '[iU]',
  unt: '[iU]',
  iu: '[iU]',
  meq: 'meq',
  mmol: 'mmol',
  puff: '{puff}',
  puffs: '{puff}',
  tab: '{tablet}',
  tabs: '{tablet}',
  tablet: '{tablet}',
  tablets: '{tablet}',
  cap: '{capsule}',
  caps: '{capsule}',
  capsule: '{capsule}',
  capsules: '{capsule}',
  drop: '{drop}',
  drops: '{drop}',
  gtt: '{drop}',
  gtts: '{drop}',
  spray: '{spray}',
  sprays: '{spray}',
  '%': '%',
};

const DOSE =
  /(\d+(?:\.\d+)?)\s*(mg|mcg|µg|ug|gm|grams?|g|ml|l|units?|unt|iu|meq|mmol|puffs?|tabs?|tablets?|caps?|capsules?|drops?|gtts?|sprays?|%)(?:\s*\/\s*(ml|l|actuat|hr|h|24\s*hr|kg))?(?![a-z])/i;

const ROUTE_PATTERNS: readonly [Route, RegExp][] = [
  ['oral', /\b(?:p\.?o\.?(?![a-z])|by mouth|orally|oral|per os)/i],
  ['intravenous', /\b(?:i\.?v\.?(?![a-z])|intravenous(?:ly)?)/i],
  ['intramuscular', /\b(?:IM\b|i\.m\.|intramuscular(?:ly)?)/],
  ['subcutaneous', /\b(?:s\.?c\.?(?![a-z])|sq\b|subq\b|sub-?cut(?:aneous(?:ly)?)?)/i],
  ['sublingual', /\b(?:s\.?l\.?(?![a-z])|sublingual(?:ly)?)/i],
  ['inhalation', /\b(?:inh\b|inhaled|inhalation|inhaler|nebuli[sz]ed|nebuli[sz]er|neb\b|mdi\b)/i],
  ['topical', /\b(?:topical(?:ly)?|apply to)/i],
  ['rectal', /\b(?:PR\b|per rectum|rectal(?:ly)?|suppository)/],
  ['transdermal', /\b(?:transdermal|patch)/i],
  ['nasal', /\b(?:intranasal(?:ly)?|nasal|each nostril)/i],
  ['ophthalmic', /\b(?:ophthalmic|eye drops?|each eye)/i],
  ['otic', /\b(?:otic|ear drops?|each ear)/i],
  ['vaginal', /\b(?:vaginal(?:ly)?|per vagina|intravaginal)/i],
];

interface FrequencyRule {
  pattern: RegExp;
  code?: string;
  timesPerDay?: number;
}

const FREQUENCIES: readonly FrequencyRule[] = [
  { pattern: /\b(?:q\.?o\.?d\.?(?![a-z])|every other day)/i, code: 'QOD', timesPerDay: 0.5 },
  {
    pattern: /\b(?:q\.?i\.?d\.?(?![a-z])|four times (?:a|per) day|4 times (?:a|per) day)/i,
    code: 'QID',
    timesPerDay: 4,
  },
  {
    pattern:
      /\b(?:t\.?i\.?d\.?(?![a-z])|three times (?:a|per) day|3 times (?:a|per) day|thrice daily)/i,
    code: 'TID',
    timesPerDay: 3,
  },
  {
    pattern:
      /\b(?:b\.?i\.?d\.?(?![a-z])|twice (?:a |per )?day|twice daily|2 times (?:a|per) day|two times (?:a|per) day)/i,
    code: 'BID',
    timesPerDay: 2,
  },
  {
    pattern: /\b(?:q\.?h\.?s\.?(?![a-z])|at bedtime|nightly|at night|every night)/i,
    code: 'HS',
    timesPerDay: 1,
  },
  {
    pattern: /\b(?:q\.?a\.?m\.?(?![a-z])|every morning|in the morning)/i,
    code: 'AM',
    timesPerDay: 1,
  },
  {
    pattern:
      /\b(?:q\.?d\.?(?![a-z])|qday|daily|once (?:a |per )?day|once daily|every day|per day|od\b)/i,
    code: 'QD',
    timesPerDay: 1,
  },
  { pattern: /\b(?:weekly|once (?:a|per) week|every week|q\s?wk)/i, code: 'WK' },
  { pattern: /\b(?:monthly|once (?:a|per) month|every month)/i, code: 'MO' },
];

const EVERY_HOURS =
  /\b(?:q\.?\s?(\d{1,2})\s?(?:h|hr|hrs|hours?)\.?(?![a-z])|every (\d{1,2}) ?(?:h|hr|hrs|hours?)\b)/i;
const AS_NEEDED = /\b(?:p\.?r\.?n\.?(?![a-z])|as needed|when needed|as required|if needed)/i;
const DURATION =
  /\b(?:x|for|times)\s*(\d{1,3})\s*(hours?|hrs?|days?|d|weeks?|wks?|months?|mos?)\b/i;

function durationUnit(word: string): Duration['unit'] {
  const w = word.toLowerCase();
  if (w.startsWith('h')) {
    return 'h';
  }
  if (w.startsWith('w')) {
    return 'wk';
  }
  return w.startsWith('mo') ? 'mo' : 'd';
}

function parseFrequency(clause: string): Frequency | undefined {
  const asNeeded = AS_NEEDED.exec(clause);
  const every = EVERY_HOURS.exec(clause);
  if (every) {
    const hours = Number(every[1] ?? every[2]);
    if (hours > 0) {
      return {
        code: `Q${String(hours)}H`,
        everyHours: hours,
        timesPerDay: Math.round((24 / hours) * 100) / 100,
        asNeeded: asNeeded !== null,
        text: every[0],
      };
    }
  }
  for (const rule of FREQUENCIES) {
    const m = rule.pattern.exec(clause);
    if (m) {
      return {
        ...(rule.code === undefined ? {} : { code: rule.code }),
        ...(rule.timesPerDay === undefined ? {} : { timesPerDay: rule.timesPerDay }),
        asNeeded: asNeeded !== null,
        text: m[0],
      };
    }
  }
  return asNeeded ? { asNeeded: true, text: asNeeded[0] } : undefined;
}

/** Parses the sig in `clause` (the text right after a drug name). */
export function parseSig(clause: string): Sig {
  const sig: Sig = {};
  const dose = DOSE.exec(clause);
  if (dose) {
    const unit = UNIT_ALIASES[(dose[2] ?? '').toLowerCase()] ?? dose[2] ?? '';
    const per =
      dose[3] === undefined
        ? ''
        : `/${UNIT_ALIASES[dose[3].toLowerCase()] ?? dose[3].replace(/\s+/g, '')}`;
    sig.dose = { value: Number(dose[1]), unit: `${unit}${per}` };
  }
  // Look for the route and frequency after the dose so `10 mg` is not read as anything else.
  const rest = dose ? clause.slice(dose.index + dose[0].length) : clause;
  const route = ROUTE_PATTERNS.find(([, pattern]) => pattern.test(rest) || pattern.test(clause));
  if (route) {
    sig.route = route[0];
  }
  const frequency = parseFrequency(rest);
  if (frequency) {
    sig.frequency = frequency;
  }
  const duration = DURATION.exec(rest);
  if (duration) {
    sig.duration = { value: Number(duration[1]), unit: durationUnit(duration[2] ?? 'd') };
  }
  return sig;
}
