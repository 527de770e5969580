import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { days } from './duration.js';
import { featureRegistry } from './registry.js';

const catalogueUrl = new URL('../../../docs/feature-views.md', import.meta.url);

describe('docs/feature-views.md', () => {
  it('lists every registered view with its version, owner, staleness and producers', async () => {
    const markdown = await readFile(catalogueUrl, 'utf8');
    for (const view of featureRegistry.views) {
      const row = markdown.split('\n').find((line) => line.startsWith(`| \`${view.name}\``));
      expect(row, view.name).toBeDefined();
      const cells = (row ?? '').split('|').map((c) => c.trim());
      const staleDays = view.maxStalenessMs / days(1);
      expect(cells.slice(2, 6), view.name).toEqual([
        String(view.version),
        view.owner,
        `${String(staleDays)} ${staleDays === 1 ? 'day' : 'days'}`,
        view.producers.join(', '),
      ]);
    }
  });
});
