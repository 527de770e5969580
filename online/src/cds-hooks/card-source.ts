/**
 * A card's `source` and `links` from the knowledge base's sources: the first source with a URL is
 * the card's source (its title, shortened when long); every source with a
 * URL becomes an absolute link. Cards without a KB source name MediAssist's knowledge base.
 */
import type { CdsLink, CdsSource } from '@mediassist/shared/api';
import type { KnowledgeBase, Source } from '@mediassist/shared/kb';

const MAX_LABEL = 90;
const MAX_LINKS = 5;

export interface CardSources {
  source(sourceIds: readonly string[]): CdsSource;
  /** Undefined when no source has a URL (the specification forbids an empty array). */
  links(sourceIds: readonly string[]): CdsLink[] | undefined;
}

/** The source's title, shortened at a word boundary when long. */
function labelOf(source: Source): string {
  if (source.title.length <= MAX_LABEL) {
    return source.title;
  }
  const cut = source.title.slice(0, MAX_LABEL - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_LABEL / 2)).replace(/[\s,;:.]+$/, '')}…`;
}

export function createCardSources(options: {
  kb: Pick<KnowledgeBase, 'source' | 'version'>;
}): CardSources {
  const { kb } = options;
  const fallback: CdsSource = { label: `MediAssist knowledge base ${kb.version}` };
  const sourcesOf = (ids: readonly string[]): Source[] =>
    [...new Set(ids)].flatMap((id) => {
      const source = kb.source(id);
      return source ? [source] : [];
    });
  return {
    source(ids) {
      const sources = sourcesOf(ids);
      const withUrl = sources.find((s) => s.url !== undefined);
      const chosen = withUrl ?? sources[0];
      if (!chosen) {
        return fallback;
      }
      return chosen.url === undefined
        ? { label: labelOf(chosen) }
        : { label: labelOf(chosen), url: chosen.url };
    },
    links(ids) {
      const seen = new Set<string>();
      const links = sourcesOf(ids).flatMap((s): CdsLink[] => {
        if (s.url === undefined || seen.has(s.url)) {
          return [];
        }
        seen.add(s.url);
        return [{ label: labelOf(s), url: s.url, type: 'absolute' }];
      });
      return links.length === 0 ? undefined : links.slice(0, MAX_LINKS);
    },
  };
}
