// The scenario's clock and "skip idle time": a failover that takes minutes
// with Kubernetes' documented defaults plays in seconds at 1×, while the
// times shown stay the real ones, and both settings travel with the scenario.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, loadPreset, openApp, simTimeMs, testId } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Sim milliseconds that pass while `wallMs` of wall time pass, playing. */
async function simAdvanceOver(page, wallMs) {
  const start = await simTimeMs(page);
  await page.waitForTimeout(wallMs);
  return (await simTimeMs(page)) - start;
}

test('time scale: the clock selector runs a scenario ten times faster at 1× and undo restores it', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'sns-fanout');
  assert.equal(await page.locator(testId('time-scale')).getAttribute('data-value'), '1');
  await page.click(testId('play'));
  await page.waitForTimeout(300);
  const atOne = await simAdvanceOver(page, 2_000);
  assert.ok(atOne < 3_000, `at ×1, 2 s of wall time covered ${atOne} ms of sim time`);

  await page.selectOption(testId('time-scale'), '10');
  await page.waitForTimeout(300);
  const atTen = await simAdvanceOver(page, 2_000);
  // Frames may fall behind on a busy machine, so only a floor is checked.
  assert.ok(atTen > 8_000, `at ×10, 2 s of wall time covered only ${atTen} ms of sim time`);
  assert.equal(await page.locator(testId('time-scale')).getAttribute('data-value'), '10');
  // The run kept going: changing the clock changes how fast it is watched, not what happens.
  assert.ok((await simTimeMs(page)) > 10_000);

  await page.click(testId('pause'));
  await page.keyboard.press('Control+z');
  await page.locator(`${testId('time-scale')}[data-value="1"]`).waitFor({ timeout: 5_000 });
});

test('skip idle: a node failover hurries through the grace period and the toleration, then slows for the changes', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'pod-failover');
  const toggle = page.locator(testId('skip-idle'));
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'the preset saves skip idle on');

  // At 1×, the whole failover (node killed at 30 s, evicted at ≈ 380 s) fits
  // in well under a minute of wall time, and the badge says why time flies.
  await page.click(testId('play'));
  await page.locator(testId('skipping-idle')).waitFor({ timeout: 10_000 });
  const deadline = Date.now() + 45_000;
  while ((await simTimeMs(page)) < 400_000) {
    assert.ok(Date.now() < deadline, `only ${await simTimeMs(page)} ms of sim time after 45 s at 1×`);
    await page.waitForTimeout(250);
  }
  // The dead node's pod was evicted and replaced: three pods run on the
  // two nodes left.
  await page.waitForFunction(
    () => {
      const running = (node) =>
        document.querySelectorAll(`[data-testid="component-${node}"] [data-testid^="pod-"][data-phase="Running"]`).length;
      return running('node-2') + running('node-3') === 3;
    },
    null,
    { timeout: 30_000 },
  );

  // Switched off, 1× is real time again.
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await page.waitForTimeout(300);
  const plain = await simAdvanceOver(page, 2_000);
  assert.ok(plain < 3_000, `without skipping, 2 s of wall time covered ${plain} ms of sim time`);
  assert.equal(await page.locator(testId('skipping-idle')).count(), 0);
});
