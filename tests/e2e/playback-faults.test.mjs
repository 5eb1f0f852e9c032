// Faults, the fault script, the message inspector and the invariant panel,
// driven the way a workshop participant would: schedule "kill Shipping at
// 5 s" and watch it happen, share it, partition a wire and watch orders get
// lost, click a message to read its story, follow an invariant's link to the
// first lost order.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, loadPreset, metric, openApp, setSpeed, simTimeMs, testId, waitForMetric } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Plays until sim time has passed `ms`. */
async function playUntil(page, ms) {
  const deadline = Date.now() + 20_000;
  while ((await simTimeMs(page)) < ms) {
    assert.ok(Date.now() < deadline, `sim time did not reach ${ms}`);
    await page.waitForTimeout(50);
  }
}

/** Adds "at <seconds> s: <action> <target>" through the fault script panel. */
async function addScriptedFault(page, seconds, action, target) {
  await page.click(testId('tab-fault-script'));
  await page.fill(testId('field-fault-at'), String(seconds));
  await page.selectOption(testId('field-fault-action'), action);
  await page.selectOption(testId('field-fault-target'), target);
  await page.click(testId('fault-add'));
}

test('a kill scheduled in the fault script shows on the timeline and happens at its time', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  await addScriptedFault(page, 5, 'kill', 'shipping');

  const mark = page.locator(testId('fault-mark-0'));
  await mark.waitFor({ timeout: 5_000 });
  assert.equal(await mark.getAttribute('title'), 'at 5 s: kill Shipping');
  assert.equal(await mark.getAttribute('data-value'), '5000');
  assert.match(await page.locator(testId('fault-row-0')).innerText(), /5 s\s+kill Shipping/);
  assert.match(await page.locator(testId('tab-fault-script')).innerText(), /\(1\)/);

  await setSpeed(page, 5);
  await page.click(testId('play'));
  // Well before 5 s: a busy machine can skip a second of sim time between looks.
  await playUntil(page, 2_000);
  assert.equal(await page.locator(testId('component-shipping')).getAttribute('data-state'), 'running');
  await page.waitForSelector(`${testId('component-shipping')}[data-state="down"]`, { timeout: 5_000 });
  assert.ok((await simTimeMs(page)) >= 5_000, 'not before 5 s');
  await waitForMetric(page, 'lost', (n) => n > 0);
});

test('the fault script travels in a share link; removing an entry is undoable', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  await addScriptedFault(page, 20, 'kill', 'shipping');
  await addScriptedFault(page, 8, 'partition', '1'); // wire 1: StoreFront → Accounting
  // The script stays in time order: the 8 s entry comes first.
  assert.equal(await page.locator(testId('fault-mark-0')).getAttribute('title'), 'at 8 s: partition StoreFront → Accounting');
  assert.equal(await page.locator(testId('fault-mark-1')).getAttribute('title'), 'at 20 s: kill Shipping');

  await page.click(testId('share'));
  const link = new URL(await page.locator(testId('share-link')).inputValue());
  const fresh = await openApp(browser, link.pathname + link.hash, { t });
  await fresh.locator(testId('fault-mark-1')).waitFor({ timeout: 5_000 });
  assert.equal(await fresh.locator(testId('fault-mark-0')).getAttribute('title'), 'at 8 s: partition StoreFront → Accounting');
  assert.equal(await fresh.locator(testId('fault-mark-1')).getAttribute('title'), 'at 20 s: kill Shipping');

  await page.click(testId('fault-remove-0'));
  await page.waitForSelector(testId('fault-mark-1'), { state: 'detached', timeout: 5_000 });
  assert.equal(await page.locator(testId('fault-mark-0')).getAttribute('title'), 'at 20 s: kill Shipping');
  await page.click(testId('undo'));
  await page.locator(testId('fault-mark-1')).waitFor({ timeout: 5_000 });
});

test('a live kill can be added to the script at the time it happened, without restarting the run', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  assert.ok(await page.locator(testId('record-fault')).isDisabled(), 'nothing to record yet');
  await setSpeed(page, 10);
  await page.click(testId('play'));
  await playUntil(page, 3_000);
  await page.click(testId('component-shipping'));
  await page.click(testId('kill'));
  await page.waitForSelector(`${testId('component-shipping')}[data-state="down"]`, { timeout: 5_000 });
  await page.click(testId('record-fault'));

  const row = page.locator(testId('fault-row-0'));
  await row.waitFor({ timeout: 5_000 });
  assert.match(await row.innerText(), /kill Shipping/);
  const at = Number(await page.locator(testId('fault-mark-0')).getAttribute('data-value'));
  assert.ok(at >= 3_000, `recorded at ${at} ms`);
  assert.ok((await simTimeMs(page)) >= at, 'the run kept going');
  assert.equal(await page.locator('.transport-note').count(), 0, 'no reset notice');
  assert.ok(await page.locator(testId('record-fault')).isDisabled(), 'recorded once');
});

test('partitioning a direct wire loses the orders sent along it; healing stops the losses', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  await setSpeed(page, 10);
  await page.click(testId('play'));
  await waitForMetric(page, 'delivered-shipping', (n) => n > 0);

  await page.locator(testId('wire-storefront-shipping')).click();
  await page.click(testId('partition'));
  await page.locator(testId('heal')).waitFor({ timeout: 5_000 });
  assert.equal(await page.locator(testId('error')).count(), 0, 'the engine accepts a partition');
  await waitForMetric(page, 'lost', (n) => n > 0);
  assert.equal(await metric(page, 'lost-accounting'), 0, 'the other wire is untouched');

  await page.click(testId('heal'));
  await page.locator(testId('partition')).waitFor({ timeout: 5_000 });
  // Let what was already on the wire land and the numbers catch up.
  await playUntil(page, (await simTimeMs(page)) + 4_000);
  const lost = await metric(page, 'lost');
  const delivered = await metric(page, 'delivered-shipping');
  await playUntil(page, (await simTimeMs(page)) + 5_000);
  assert.equal(await metric(page, 'lost'), lost, 'nothing more is lost once healed');
  assert.ok((await metric(page, 'delivered-shipping')) > delivered, 'Shipping gets orders again');
});

test('a slowed consumer lets its queue grow; back at ×1 it drains', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'sns-sqs-per-service');
  await page.click(testId('component-shipping'));
  await page.selectOption(testId('slow'), '10');
  assert.equal(await page.locator(testId('error')).count(), 0, 'the engine accepts a slow-down');
  assert.equal(await page.locator(testId('slow')).getAttribute('data-value'), '10');
  await setSpeed(page, 20);
  await page.click(testId('play'));
  await waitForMetric(page, 'in_queue-shipping-queue', (n) => n >= 5, { timeoutMs: 15_000 });
  await page.selectOption(testId('slow'), '1');
  await waitForMetric(page, 'in_queue-shipping-queue', (n) => n <= 1, { timeoutMs: 15_000 });
});

test('a wire delay and loss ratio apply live', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  await page.locator(testId('wire-storefront-accounting')).click();
  await page.fill(testId('field-fault-loss'), '1');
  await page.click(testId('apply-fault-loss'));
  await page.fill(testId('field-fault-delay'), '300');
  await page.click(testId('apply-fault-delay'));
  assert.equal(await page.locator(testId('error')).count(), 0);
  await setSpeed(page, 10);
  await page.click(testId('play'));
  await waitForMetric(page, 'lost', (n) => n > 0);
  assert.equal(await metric(page, 'delivered-accounting'), 0, 'a loss ratio of 1 lets nothing through');
});

/** The client point of a dot on the message overlay, or null. */
function findDot(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas.message-overlay');
    const { data, width } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const ratio = canvas.width / canvas.clientWidth;
    for (let i = 3; i < data.length; i += 4) {
      if (data[i] > 200) {
        const pixel = (i - 3) / 4;
        const rect = canvas.getBoundingClientRect();
        // The topmost painted pixel of a dot is about its radius above its centre.
        return { x: rect.left + (pixel % width) / ratio, y: rect.top + Math.floor(pixel / width) / ratio + 4 };
      }
    }
    return null;
  });
}

test('clicking a message dot opens its lineage, starting with its publish', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  let dot = null;
  for (let i = 0; i < 20 && !dot; i += 1) {
    await page.click(testId('step'));
    await page.waitForTimeout(50);
    dot = await findDot(page);
  }
  assert.ok(dot, 'stepping never put a message on a wire');
  await page.mouse.click(dot.x, dot.y);
  const inspector = page.locator(testId('message-inspector'));
  await inspector.waitFor({ timeout: 5_000 });
  assert.match(await page.locator(testId('lineage-step-0')).innerText(), /published/);
  assert.match(await inspector.innerText(), /sent along StoreFront →/);
  assert.equal(await page.locator('.fault-hint').count(), 1, 'the press did not reach the editor (nothing selected)');

  await page.click(testId('message-inspector-close'));
  await page.waitForSelector(testId('message-inspector'), { state: 'detached', timeout: 5_000 });
});

test("a queue's Messages list opens the lineage of a waiting order", async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'sns-sqs-per-service');
  await page.click(testId('component-shipping'));
  await page.click(testId('kill'));
  await setSpeed(page, 20);
  await page.click(testId('play'));
  await waitForMetric(page, 'in_queue-shipping-queue', (n) => n >= 3);
  await page.click(testId('pause'));

  await page.click(testId('component-shipping-queue'));
  await page.click(testId('messages'));
  const first = page.locator('[data-testid^="message-order-"]').first();
  await first.waitFor({ timeout: 5_000 });
  const order = (await first.getAttribute('data-testid')).slice('message-order-'.length);
  await first.click();
  await page.locator(testId('lineage-step-0')).waitFor({ timeout: 5_000 });
  assert.match(await page.locator(testId('message-inspector')).innerText(), new RegExp(`Order ${order}`));
  assert.match(await page.locator(testId('lineage-step-0')).innerText(), /published/);
  assert.match(await page.locator(testId('message-inspector')).innerText(), /stored in shipping-queue/);
  await page.click(testId('message-inspector-back'));
  await page.locator(testId(`message-order-${order}`)).waitFor({ timeout: 5_000 });
});

test('the invariant panel turns red when Shipping is killed and links to the first lost order', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  const lost = page.locator(testId('invariant-lost'));
  assert.equal(await lost.getAttribute('data-state'), 'ok');
  assert.equal(await page.locator(testId('invariant-conservation')).getAttribute('data-state'), 'ok');

  await setSpeed(page, 10);
  await page.click(testId('play'));
  await page.click(testId('component-shipping'));
  await page.click(testId('kill'));
  await page.waitForSelector(`${testId('invariant-lost')}[data-state="failed"]`, { timeout: 10_000 });
  assert.ok(Number(await lost.getAttribute('data-value')) > 0);
  assert.equal(await page.locator(testId('invariant-processed_more_than_once')).getAttribute('data-state'), 'ok');
  assert.equal(await page.locator(testId('invariant-fifo_order_violated')).getAttribute('data-state'), 'ok');

  await page.click(testId('invariant-lost-first'));
  const inspector = page.locator(testId('message-inspector'));
  await inspector.waitFor({ timeout: 5_000 });
  // Down when the call arrived, or crashed while working on it: either way lost at Shipping.
  assert.match(await inspector.innerText(), /lost at Shipping: the consumer/);
  assert.match(await page.locator(testId('lineage-step-0')).innerText(), /published/);
});

test('the metrics carry every counter, hiding the columns still at zero', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  for (const name of ['expired', 'dead_lettered', 'throttled', 'out_of_order', 'filtered', 'deduplicated',
    'latency_p50_ms', 'latency_p99_ms']) {
    assert.equal(await metric(page, name), 0, name);
    assert.equal(await metric(page, `${name}-shipping`), 0, `${name}-shipping`);
    assert.equal(await page.locator(testId(`metric-${name}`)).isVisible(), false, `${name} is hidden while zero`);
  }
  await setSpeed(page, 10);
  await page.click(testId('play'));
  await waitForMetric(page, 'latency_p50_ms', (n) => n > 0);
  await page.locator(testId('metric-latency_p50_ms')).waitFor({ state: 'visible', timeout: 5_000 });
  assert.ok(await page.locator(testId('metric-latency_p50_ms-shipping')).isVisible(), 'its column shows too');
});
