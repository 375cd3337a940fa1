import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Runs axe (WCAG 2.x A/AA) on the page and fails on serious or critical violations, listing them readably. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  // Buttons fade their colours (transition-colors). Right after a theme switch axe could sample a colour half-way
  // between the two themes and report a contrast that no one ever sees; measure the settled colours instead.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(report, report.join('\n')).toEqual([]);
}
