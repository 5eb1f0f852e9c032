// Playback and sharing, driven the way a workshop participant would: load a
// preset from the Scenarios menu, play it fast, kill and revive a consumer,
// read the metrics; share a link and open it in a fresh page; open broken
// links and files and see a clear error instead of a broken app.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, componentIds, launch, loadPreset, metric, openApp, select, setSpeed, simTimeMs, testId, waitForMetric } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Waits until `component-<id>` has `data-state` equal to `state`. */
async function waitForState(page, id, state) {
  await page.waitForSelector(`${testId(`component-${id}`)}[data-state="${state}"]`, { timeout: 5_000 });
}

/** Plays until sim time has passed `ms` more milliseconds. */
async function runFor(page, ms) {
  const start = await simTimeMs(page);
  const deadline = Date.now() + 20_000;
  while ((await simTimeMs(page)) < start + ms) {
    assert.ok(Date.now() < deadline, `sim time did not advance ${ms} ms past ${start}`);
    await page.waitForTimeout(50);
  }
}

test('direct coupling: orders sent while Shipping is down are lost; after revival it delivers again', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  assert.deepEqual((await componentIds(page)).sort(), ['accounting', 'shipping', 'storefront']);
  assert.equal(await metric(page, 'delivered'), 0, 'nothing runs before play');

  await setSpeed(page, 20);
  await page.click(testId('play'));
  await page.waitForSelector(`${testId('play')}[disabled]`, { timeout: 5_000 }); // disabled while playing
  await waitForMetric(page, 'delivered-shipping', (n) => n > 0);

  await select(page, 'shipping');
  await page.click(testId('kill'));
  await waitForState(page, 'shipping', 'down');
  await runFor(page, 5_000);
  const lostWhileDown = await waitForMetric(page, 'lost', (n) => n > 0);
  assert.equal(await metric(page, 'lost-accounting'), 0, 'Accounting was never down');
  assert.match(await page.locator(testId('event-log')).innerText(), /lost at Shipping: the consumer was down/);

  await page.click(testId('revive'));
  await waitForState(page, 'shipping', 'running');
  // A call already on its way when Shipping came back may still be counted,
  // and the metrics refresh a few times a wall-clock second (at 20× that is up
  // to 2 s of sim time behind): wait past both before taking the baseline.
  await runFor(page, 4_000);
  const lostAfterRevival = await metric(page, 'lost');
  assert.ok(lostAfterRevival >= lostWhileDown);
  const deliveredToShipping = await metric(page, 'delivered-shipping');
  await runFor(page, 5_000);
  assert.ok((await metric(page, 'delivered-shipping')) > deliveredToShipping, 'Shipping delivers again');
  assert.equal(await metric(page, 'lost'), lostAfterRevival, 'nothing is lost once Shipping is back');
  assert.equal(await page.locator(testId('conservation')).getAttribute('data-value'), 'true');
});

test('a queue per service: Shipping down, its orders wait in the queue and drain after revival', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'sns-sqs-per-service');
  await setSpeed(page, 20);
  await select(page, 'shipping');
  // Killing before play builds the run at time zero: Shipping never starts.
  await page.click(testId('kill'));
  await waitForState(page, 'shipping', 'down');
  await page.click(testId('play'));
  await waitForMetric(page, 'in_queue-shipping-queue', (n) => n >= 10);
  assert.ok((await metric(page, 'oldest_message_age_ms-shipping-queue')) > 0);
  await page.click(testId('revive'));
  await waitForMetric(page, 'in_queue-shipping-queue', (n) => n <= 1, { timeoutMs: 15_000 });
  assert.equal(await metric(page, 'lost'), 0);
  assert.ok((await metric(page, 'delivered-shipping')) >= 10);
});

test('transport: step while paused, pause, Space toggles, reset returns to zero', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  assert.equal(await simTimeMs(page), 0);
  assert.ok(await page.locator(testId('pause')).isDisabled(), 'pause is disabled while paused');

  await page.click(testId('step'));
  const afterOneStep = await simTimeMs(page);
  await page.click(testId('step'));
  assert.ok((await simTimeMs(page)) >= afterOneStep, 'each step moves to the next event');
  assert.ok((await metric(page, 'published')) >= 1, 'the first steps publish the first order');

  // Space on a focused button presses that button, as everywhere; the
  // shortcut applies when focus is elsewhere.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Space');
  await runFor(page, 500);
  await page.waitForSelector(`${testId('play')}[disabled]`, { timeout: 5_000 }); // Space started playback
  await page.keyboard.press('Space');
  await page.waitForSelector(`${testId('step')}:not([disabled])`, { timeout: 5_000 }); // and paused again
  await page.waitForTimeout(100);
  const paused = await simTimeMs(page);
  await page.waitForTimeout(300);
  assert.equal(await simTimeMs(page), paused, 'time stands still while paused');

  await page.click(testId('reset'));
  await page.waitForSelector(`${testId('sim-time')}[data-value="0"]`, { timeout: 5_000 });
  assert.equal(await metric(page, 'published'), 0);
  assert.equal(await metric(page, 'delivered-shipping'), 0);
});

test('a rename keeps the run going; a settings change starts it over', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  await setSpeed(page, 10);
  await page.click(testId('play'));
  await runFor(page, 2_000);
  await select(page, 'shipping');
  await page.fill(testId('field-name'), 'Dispatch');
  await page.press(testId('field-name'), 'Enter');
  await page.locator(`${testId('component-shipping')} .name`, { hasText: 'Dispatch' }).waitFor({ timeout: 5_000 });
  const renamedAt = await simTimeMs(page);
  assert.ok(renamedAt >= 2_000, 'the rename did not reset the clock');
  await runFor(page, 500); // still playing after the rename

  await page.fill(testId('field-processing_time_ms'), '400');
  await page.press(testId('field-processing_time_ms'), 'Enter');
  await page.waitForSelector('.transport-note', { timeout: 5_000 });
  assert.equal(await simTimeMs(page), 0, 'a changed setting starts the run over');
  assert.equal(await metric(page, 'published'), 0);
  assert.ok(await page.locator(testId('play')).isEnabled(), 'and waits for play');
});

test('messages in flight are drawn as moving dots on the overlay', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  await setSpeed(page, 0.5);
  await page.click(testId('play'));
  // Sample the overlay every animation frame for up to 5 s and record where
  // painted pixels are: a dot is somewhere, then somewhere else.
  const centroids = await page.evaluate(async () => {
    const canvas = document.querySelector('canvas.message-overlay');
    const context = canvas.getContext('2d');
    const seen = [];
    const until = performance.now() + 5_000;
    while (performance.now() < until && seen.length < 6) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const { data, width } = context.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      let sumX = 0;
      for (let i = 3; i < data.length; i += 4) {
        if (data[i] > 0) {
          count += 1;
          sumX += ((i - 3) / 4) % width;
        }
      }
      if (count > 0) seen.push(Math.round(sumX / count));
    }
    return seen;
  });
  assert.ok(centroids.length > 0, 'no dot was ever drawn');
  assert.ok(new Set(centroids).size > 1, `the dots did not move: ${centroids}`);
});

test('a share link opened in a fresh page restores the same scenario', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'sns-sqs-per-service');
  await page.click(testId('share'));
  const link = await page.locator(testId('share-link')).inputValue();
  assert.ok(link.startsWith(BASE_URL), `${link} is not under ${BASE_URL}`);
  assert.match(link, /#s=2\.[A-Za-z0-9_-]+$/);
  assert.equal(new URL(page.url()).hash, '', 'sharing does not change the current address');

  const layout = (p) =>
    p.locator('[data-testid^="component-"]').evaluateAll((elements) =>
      elements
        .map((e) => `${e.dataset.testid} ${e.dataset.kind} ${e.getAttribute('transform')}`)
        .sort(),
    );
  const original = await layout(page);
  const fresh = await openApp(browser, new URL(link).pathname + new URL(link).hash, { t });
  assert.deepEqual(await layout(fresh), original);
  assert.equal(await fresh.locator(testId('error')).count(), 0);
  assert.equal(
    await fresh.locator(testId('wire-orders-shipping-queue')).count(),
    1,
    'the wires come back too',
  );
});

test('a garbage #s= link shows the error banner and the app stays usable', async (t) => {
  const page = await openApp(browser, '/#s=xyz', { t });
  await page.locator(testId('error')).waitFor({ timeout: 5_000 });
  assert.match(await page.locator(testId('error')).innerText(), /link/i);
  await page.click(testId('palette-publisher'));
  assert.equal((await componentIds(page)).length, 1, 'the palette still adds components');
  await page.click(testId('play'));
  await waitForMetric(page, 'published', (n) => n > 0);
});

test('a share link pasted into the address bar of an open app loads it', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'sns-fanout');
  await page.click(testId('share'));
  const link = await page.locator(testId('share-link')).inputValue();
  await loadPreset(page, 'direct-coupling');
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, new URL(link).hash);
  await page.waitForSelector(testId('component-orders'), { timeout: 5_000 });
  await page.evaluate(() => {
    window.location.hash = '#s=1.damaged!';
  });
  await page.locator(testId('error')).waitFor({ timeout: 5_000 });
  assert.ok(await page.locator(testId('component-orders')).isVisible(), 'a broken link leaves the scenario alone');
});

test('export downloads the scenario as JSON; import opens it again; a broken file is refused', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(testId('export'))]);
  assert.equal(download.suggestedFilename(), 'direct-coupling-loses-orders.json');
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  const exported = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  assert.equal(exported.components.length, 3);

  exported.components[0].name = 'Web shop';
  // Rename the id everywhere it is referenced: wires, the lesson's steps.
  const edited = JSON.stringify(exported).replaceAll('"storefront"', '"webshop"');
  await page.setInputFiles(testId('import'), {
    name: 'edited.json',
    mimeType: 'application/json',
    buffer: Buffer.from(edited),
  });
  await page.waitForSelector(testId('component-webshop'), { timeout: 5_000 });

  await page.setInputFiles(testId('import'), {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"schema": 1, "components": [ {"id": "x"'),
  });
  await page.locator(testId('error')).waitFor({ timeout: 5_000 });
  assert.ok(await page.locator(testId('component-webshop')).isVisible(), 'a broken file leaves the scenario alone');
});
