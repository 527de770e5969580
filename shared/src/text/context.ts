/**
 * Assertion status of a mention, NegEx/ConText style: trigger phrases open a scope (forward, backward
 * or both) that ends at a terminator, at another trigger, at the rule's word limit or at the sentence
 * end; pseudo-triggers match first so the triggers inside them never fire. Hand-written: no maintained
 * JavaScript library implements ConText over a custom lexicon (medspaCy/pyConText are Python).
 */
import { TRIGGER_RULES, type TriggerCategory, type TriggerDirection } from './context-rules.js';
import type { Assertion, Experiencer, SectionKind } from './summary-schema.js';
import { tokenize, type Token } from './tokenize.js';

interface RuleEntry {
  category: TriggerCategory;
  direction: TriggerDirection;
  maxScope: number;
  commaNeedsConjunction: boolean;
  ends: readonly TriggerCategory[] | undefined;
}

interface RuleNode {
  next: Map<string, RuleNode>;
  rules: RuleEntry[];
}

export interface ContextRules {
  root: RuleNode;
}

const DEFAULT_SCOPE = 100;

export function compileContextRules(): ContextRules {
  const root: RuleNode = { next: new Map(), rules: [] };
  for (const rule of TRIGGER_RULES) {
    let node = root;
    for (const token of tokenize(rule.phrase)) {
      let child = node.next.get(token.lower);
      if (!child) {
        child = { next: new Map(), rules: [] };
        node.next.set(token.lower, child);
      }
      node = child;
    }
    node.rules.push({
      category: rule.category,
      direction: rule.direction,
      maxScope: rule.maxScope ?? DEFAULT_SCOPE,
      commaNeedsConjunction: rule.commaNeedsConjunction ?? false,
      ends: rule.ends,
    });
  }
  return { root };
}

/** A trigger found in a sentence, with the token range its scope covers (`[scopeStart, scopeEnd)`). */
export interface Modifier {
  category: Exclude<TriggerCategory, 'pseudo' | 'terminate'>;
  direction: 'forward' | 'backward';
  first: number;
  last: number;
  scopeStart: number;
  scopeEnd: number;
  /** Adjacent triggers form one chain and apply together ("no family history of", "denies any history of"). */
  chain: number;
}

interface Trigger {
  first: number;
  last: number;
  rules: RuleEntry[];
}

/** Longest trigger at each position; tokens inside a found trigger (or a blocked span) start none. */
function findTriggers(
  rules: ContextRules,
  tokens: readonly Token[],
  blocked: readonly boolean[],
): Trigger[] {
  const found: Trigger[] = [];
  let i = 0;
  while (i < tokens.length) {
    let node: RuleNode | undefined = rules.root;
    let best: Trigger | undefined;
    for (let j = i; j < tokens.length && node && !blocked[j]; j++) {
      node = node.next.get(tokens[j]?.lower ?? '');
      if (node && node.rules.length > 0) {
        best = { first: i, last: j, rules: node.rules };
      }
    }
    if (best) {
      found.push(best);
      i = best.last + 1;
    } else {
      i += 1;
    }
  }
  return found;
}

function wordsBetween(tokens: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    if (tokens[k]?.kind !== 'punct') {
      n += 1;
    }
  }
  return n;
}

/** Whether trigger `b` is a terminator that ends scopes of `category`. */
function endsScopeOf(b: Trigger, category: TriggerCategory): boolean {
  return b.rules.some(
    (r) => r.category === 'terminate' && (r.ends === undefined || r.ends.includes(category)),
  );
}

const CONJUNCTIONS = new Set(['or', 'nor', 'and', '/']);

/** Whether a list continues after the comma at `comma`: a conjunction before the scope's end. */
function coordinatedAfter(tokens: readonly Token[], comma: number, stop: number): boolean {
  for (let k = comma + 1; k < stop; k++) {
    if (CONJUNCTIONS.has(tokens[k]?.lower ?? '')) {
      return true;
    }
  }
  return false;
}

/**
 * The modifiers of one sentence. `blocked[i]` marks tokens inside lexicon terms, which never start or
 * continue a trigger (so "negative" inside a term name is not a negation).
 */
export function findModifiers(
  rules: ContextRules,
  tokens: readonly Token[],
  blocked: readonly boolean[],
): Modifier[] {
  const triggers = findTriggers(rules, tokens, blocked);
  const terminators = triggers.filter((t) => t.rules.some((r) => r.category === 'terminate'));
  const modifiers: Modifier[] = [];
  let previous: { last: number; chain: number } | undefined;
  for (const trigger of triggers) {
    const asserting = trigger.rules.filter(
      (r) => r.category !== 'pseudo' && r.category !== 'terminate',
    );
    if (asserting.length === 0) {
      continue;
    }
    const chain =
      previous && wordsBetween(tokens, previous.last + 1, trigger.first) <= 1
        ? previous.chain
        : trigger.first;
    previous = { last: trigger.last, chain };
    for (const rule of asserting) {
      const category = rule.category as Modifier['category'];
      if (rule.direction !== 'backward') {
        const stop =
          terminators.find((b) => b.first > trigger.last && endsScopeOf(b, category))?.first ??
          tokens.length;
        let end = trigger.last + 1;
        while (end < stop && wordsBetween(tokens, trigger.last + 1, end + 1) <= rule.maxScope) {
          if (
            rule.commaNeedsConjunction &&
            tokens[end]?.raw === ',' &&
            !coordinatedAfter(tokens, end, stop)
          ) {
            break;
          }
          end += 1;
        }
        modifiers.push({
          category,
          direction: 'forward',
          first: trigger.first,
          last: trigger.last,
          scopeStart: trigger.last + 1,
          scopeEnd: end,
          chain,
        });
      }
      if (rule.direction !== 'forward') {
        const before = terminators.filter(
          (b) => b.last < trigger.first && endsScopeOf(b, category),
        );
        const stop = before.length > 0 ? (before[before.length - 1]?.last ?? -1) + 1 : 0;
        let begin = trigger.first;
        while (begin > stop && wordsBetween(tokens, begin - 1, trigger.first) <= rule.maxScope) {
          if (rule.commaNeedsConjunction && tokens[begin - 1]?.raw === ',') {
            break; // "joint pain, suspected covid-19": the adjective belongs to what follows
          }
          begin -= 1;
        }
        modifiers.push({
          category,
          direction: 'backward',
          first: trigger.first,
          last: trigger.last,
          scopeStart: begin,
          scopeEnd: trigger.first,
          chain,
        });
      }
    }
  }
  return modifiers;
}

/** Assertion implied by the section when no trigger says otherwise. */
function sectionDefault(section: SectionKind): { historical: boolean; family: boolean } {
  return {
    historical: section === 'pmh' || section === 'surgical-history',
    family: section === 'family-history',
  };
}

export interface AssertionResult {
  assertion: Assertion;
  experiencer: Experiencer;
}

/** Combines the modifiers covering tokens `[first, last]` with the section's default. */
export function assertMention(options: {
  modifiers: readonly Modifier[];
  first: number;
  last: number;
  section: SectionKind;
}): AssertionResult {
  const { modifiers, first, last, section } = options;
  // The nearest trigger chain on each side decides ("no fever, possible pneumonia"); family, an
  // experiencer rather than a status, applies from any trigger covering the mention.
  // A forward scope covers a mention that starts in it; a backward one, a mention that ends in it.
  const covering = modifiers.filter((m) =>
    m.direction === 'forward'
      ? first >= m.scopeStart && first < m.scopeEnd
      : last >= m.scopeStart && last < m.scopeEnd,
  );
  const forward = covering.filter((m) => m.direction === 'forward');
  const backward = covering.filter((m) => m.direction === 'backward');
  const nearestForward = Math.max(-1, ...forward.map((m) => m.first));
  const nearestBackward = Math.min(Number.MAX_SAFE_INTEGER, ...backward.map((m) => m.first));
  const chains = new Set<number>([
    ...forward.filter((m) => m.first === nearestForward).map((m) => m.chain),
    ...backward.filter((m) => m.first === nearestBackward).map((m) => m.chain),
  ]);
  const hit = new Set<Modifier['category']>(
    covering.filter((m) => chains.has(m.chain)).map((m) => m.category),
  );
  const familyTrigger = covering.some((m) => m.category === 'family');
  const defaults = sectionDefault(section);
  const family = familyTrigger || defaults.family;
  const experiencer: Experiencer = family ? 'family' : 'patient';
  if (hit.has('hypothetical')) {
    return { assertion: 'hypothetical', experiencer };
  }
  if (hit.has('negated')) {
    return { assertion: 'absent', experiencer };
  }
  if (family) {
    return { assertion: 'family', experiencer };
  }
  if (hit.has('possible')) {
    return { assertion: 'possible', experiencer };
  }
  if (hit.has('historical') || defaults.historical) {
    return { assertion: 'historical', experiencer };
  }
  return { assertion: 'present', experiencer };
}
