// The issue's user story, start to finish, as a new user would do it: build
// publisher → queue → consumer from the palette, play, kill and revive the
// consumer, and see that a queue in between loses nothing.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { dragFromPalette, dragWire, launch, metric, openApp, simTimeMs, testId, waitForMetric } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('story: a queue between publisher and consumer loses nothing while the consumer is down', async (t) => {
  const page = await openApp(browser, '/', { t });
  const publisher = await dragFromPalette(page, 'publisher', 120, 160);
  const queue = await dragFromPalette(page, 'queue', 380, 160);
  const consumer = await dragFromPalette(page, 'consumer', 640, 160);
  await dragWire(page, publisher, queue);
  await dragWire(page, queue, consumer);
  // A straight wire has a zero-height box, which Playwright calls hidden.
  await page.locator(testId(`wire-${publisher}-${queue}`)).waitFor({ state: 'attached', timeout: 5_000 });
  await page.locator(testId(`wire-${queue}-${consumer}`)).waitFor({ state: 'attached', timeout: 5_000 });

  // 10× so the lesson takes seconds, not minutes.
  await page.locator(testId('speed')).evaluate((input) => {
    input.value = '1';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.click(testId('play'));
  const deliveredBefore = await waitForMetric(page, 'delivered', (n) => n >= 3);

  await page.click(testId(`component-${consumer}`));
  await page.click(testId('kill'));
  await page.waitForSelector(`${testId(`component-${consumer}`)}[data-state="down"]`, { timeout: 5_000 });
  const killedAt = await simTimeMs(page);
  await waitForMetric(page, `in_queue-${queue}`, (n) => n >= 5, { timeoutMs: 15_000 });
  assert.ok((await simTimeMs(page)) > killedAt);

  await page.click(testId('revive'));
  await page.waitForSelector(`${testId(`component-${consumer}`)}[data-state="running"]`, { timeout: 5_000 });
  await waitForMetric(page, `in_queue-${queue}`, (n) => n <= 1, { timeoutMs: 15_000 });
  const deliveredAfter = await waitForMetric(page, 'delivered', (n) => n > deliveredBefore + 5);
  assert.ok(deliveredAfter > deliveredBefore, 'delivered keeps rising');
  assert.equal(await metric(page, 'lost'), 0, 'the queue kept every order');
  assert.equal(await page.locator(testId('conservation')).getAttribute('data-value'), 'true');
});
