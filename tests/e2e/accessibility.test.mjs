// Accessibility: significant events are narrated in an ARIA live region in
// plain words, in the interface's language.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, loadPreset, openApp, select, testId } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('narration: killing a consumer is told in words, with the orders waiting for it', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'sns-sqs-per-service');
  const region = page.locator(testId('narration'));
  assert.equal(await region.getAttribute('aria-live'), 'polite');
  await page.click(testId('play'));
  await page.waitForTimeout(1_500);
  await select(page, 'shipping');
  await page.click(testId('kill'));
  await page.waitForFunction(
    () => /Shipping is down; \d+ orders waiting in/.test(document.querySelector('[data-testid="narration"]')?.textContent ?? ''),
    null,
    { timeout: 5_000 },
  );
  await page.click(testId('revive'));
  await page.waitForFunction(
    () => /Shipping is back\./.test(document.querySelector('[data-testid="narration"]')?.textContent ?? ''),
    null,
    { timeout: 5_000 },
  );
});
