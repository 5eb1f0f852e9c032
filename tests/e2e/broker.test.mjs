// The broker lessons in the app, as a learner would try them: a poison
// message in a FIFO queue ends in its dead-letter queue; a filter policy on a
// subscription lets only matching orders through, and switching it off lets
// everything through again.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { commit, dragFromPalette, dragWire, launch, metric, openApp, select, setSpeed, testId, waitForMetric } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('broker: a poison message in a FIFO queue lands in its dead-letter queue', async (t) => {
  const page = await openApp(browser, '/', { t });
  const publisher = await dragFromPalette(page, 'publisher', 110, 120);
  const queue = await dragFromPalette(page, 'queue-fifo', 380, 120);
  const deadLetters = await dragFromPalette(page, 'queue-fifo', 380, 300);
  const consumer = await dragFromPalette(page, 'consumer', 640, 120);
  await dragWire(page, publisher, queue);
  await dragWire(page, queue, consumer);

  await select(page, publisher);
  await commit(page, 'field-poison_every', '5');
  await select(page, queue);
  await commit(page, 'field-visibility_timeout_ms', '2000');
  await page.selectOption(testId('field-dead_letter_queue'), deadLetters);
  await commit(page, 'field-max_receive_count', '3');
  await page.locator(testId(`dlq-${queue}-${deadLetters}`)).waitFor({ state: 'attached' });

  await setSpeed(page, 20);
  await page.click(testId('play'));
  // Order 5 is received three times, two seconds apart, then moved.
  await waitForMetric(page, `in_queue-${deadLetters}`, (n) => n >= 1, { timeoutMs: 20_000 });
  assert.equal(await metric(page, 'lost'), 0);
  // The group moves on after its poison head is gone.
  await waitForMetric(page, `delivered-${consumer}`, (n) => n >= 8, { timeoutMs: 20_000 });
});

test('broker: a filter policy lets only matching orders through, and off lets all through', async (t) => {
  const page = await openApp(browser, '/', { t });
  await page.click(testId('scenarios'));
  await page.click(testId('preset-sns-filter-policies'));
  await page.locator(testId('component-bookshop')).waitFor();
  await page.locator(testId('filter-orders-books')).waitFor();

  await setSpeed(page, 50);
  await page.click(testId('play'));
  await waitForMetric(page, 'delivered-auditor', (n) => n >= 150, { timeoutMs: 30_000 });
  await page.click(testId('pause'));
  const books = await metric(page, 'delivered-bookshop');
  const all = await metric(page, 'delivered-auditor');
  assert.ok(books > all / 5 && books < all / 2, `about a third are books: ${books} of ${all}`);
  assert.ok((await metric(page, 'filtered-orders')) > 0);

  // Switch the books subscription's filter off: every order goes there now.
  await page.locator(testId('wire-orders-books')).click({ force: true });
  await page.locator(testId('field-filter_policy')).waitFor();
  await page.click(testId('field-filter_enabled'));
  await page.locator(testId('filter-orders-books')).waitFor({ state: 'detached' });
  // A changed setting starts the run over.
  await page.waitForSelector(`${testId('sim-time')}[data-value="0"]`, { timeout: 5_000 });
  await page.click(testId('play'));
  await waitForMetric(page, 'delivered-auditor', (n) => n >= 150, { timeoutMs: 30_000 });
  await page.click(testId('pause'));
  // Everything reaches the books queue now (more than one Bookshop worker
  // can handle, so some of it waits there).
  const booksAfter =
    (await metric(page, 'delivered-bookshop')) + (await metric(page, 'in_queue-books')) + (await metric(page, 'in_flight-books'));
  const allAfter =
    (await metric(page, 'delivered-auditor')) + (await metric(page, 'in_queue-audit')) + (await metric(page, 'in_flight-audit'));
  assert.ok(Math.abs(booksAfter - allAfter) <= 5, `no filter: the books queue gets every order (${booksAfter} vs ${allAfter})`);
});
