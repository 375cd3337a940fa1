import { expect, type Page, type TestInfo } from '@playwright/test';
import { screenshot } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';

/**
 * Screenshots of the page as it is now in light, dark and at 390 px (dark, the phone case people check last), with
 * axe run in each and no sideways scrolling at 390 px; leaves the page light at its original size.
 */
export async function threeLooks(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.emulateMedia({ colorScheme: 'light' });
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, `${name}-dark`);
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'the page scrolls sideways at 390 px').toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, `${name}-390`);
  await page.emulateMedia({ colorScheme: 'light' });
  if (size) await page.setViewportSize(size);
}
