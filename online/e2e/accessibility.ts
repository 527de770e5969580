/**
 * Automated accessibility checks in the page with axe-core (WCAG 2.1 A and AA rules). Injected through
 * the DevTools protocol, so the page's own policy stays strict. Finds what rules can find — missing
 * labels, contrast, ARIA misuse — not everything a screen-reader user would notice.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface Violation {
  id: string;
  impact: string | null;
  targets: string[];
}

export async function accessibilityViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run: (options: object) => Promise<AxeResults> } };
    return axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}
