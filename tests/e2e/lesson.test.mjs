// Lessons: a preset's guided steps walked with the keyboard only, as a
// presenter's slide clicker would (→ and Page Down forward, ← back). Each
// step shows its caption and "n / N", reveals its components, applies its
// faults, plays to its end and pauses there, and its check turns passed.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { componentIds, launch, loadPreset, openApp, setSpeed, simTimeMs, testId } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Waits until the lesson bar shows step `number` (1-based). */
async function waitForStep(page, number) {
  await page.waitForSelector(`${testId('lesson-step')}[data-value="${number}"]`, { timeout: 5_000 });
}

/** Waits until the step's check reads `state` (pending, passed, failed). */
async function waitForCheck(page, state, timeout = 15_000) {
  await page.waitForSelector(`${testId('lesson-check')}[data-state="${state}"]`, { timeout });
}

async function caption(page) {
  return page.locator(testId('lesson-caption')).innerText();
}

/** Takes focus off whatever the mouse last pressed (the Scenarios menu). */
async function focusNothing(page) {
  await page.evaluate(() => document.activeElement?.blur());
}

test('lesson: walk the direct-coupling lesson with the keyboard only', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  await setSpeed(page, 20);
  await focusNothing(page);

  // A preset opens with its lesson offered, not started: the whole diagram.
  await waitForStep(page, 0);
  assert.equal(await page.locator(testId('lesson')).getAttribute('data-active'), 'false');
  assert.equal(await page.locator(testId('lesson-step')).getAttribute('data-count'), '4');
  assert.deepEqual((await componentIds(page)).sort(), ['accounting', 'shipping', 'storefront']);

  // → starts it: step 1 of 4 shows only StoreFront and Shipping, plays to
  // 10 s and pauses there with its check passed.
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, 1);
  assert.equal((await page.locator(testId('lesson-step')).innerText()).trim(), '1 / 4');
  assert.match(await caption(page), /StoreFront calls Shipping directly/);
  assert.deepEqual((await componentIds(page)).sort(), ['shipping', 'storefront'], 'Accounting is revealed later');
  assert.equal(await page.locator(testId('wire-storefront-accounting')).count(), 0, 'and so is its wire');
  await waitForCheck(page, 'passed');
  assert.equal(await simTimeMs(page), 10_000);

  // → : step 2 reveals Accounting and plays to its end, 15 s, where it
  // pauses with its check passed.
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, 2);
  assert.match(await caption(page), /Accounting needs every order too/);
  await page.locator(testId('component-accounting')).waitFor({ timeout: 5_000 });
  await page.locator(testId('wire-storefront-accounting')).waitFor({ state: 'attached', timeout: 5_000 });
  await waitForCheck(page, 'passed');
  await page.waitForSelector(`${testId('play')}:not([disabled])`, { timeout: 5_000 }); // paused again
  assert.equal(await simTimeMs(page), 15_000, 'the step pauses exactly at its end');

  // Page Down: step 3 kills Shipping and plays to 25 s; orders are lost.
  await page.keyboard.press('PageDown');
  await waitForStep(page, 3);
  assert.match(await caption(page), /Shipping goes down/);
  await page.waitForSelector(`${testId('component-shipping')}[data-state="down"]`, { timeout: 5_000 });
  await waitForCheck(page, 'passed');
  assert.equal(await simTimeMs(page), 25_000);

  // ← : back to step 2, replayed from the start: Shipping is up again and the
  // step plays to 15 s once more.
  await page.keyboard.press('ArrowLeft');
  await waitForStep(page, 2);
  assert.match(await caption(page), /Accounting needs every order too/);
  await page.waitForSelector(`${testId('component-shipping')}:not([data-state="down"])`, { timeout: 5_000 });
  await waitForCheck(page, 'passed');
  assert.equal(await simTimeMs(page), 15_000);

  // Keys typed into a field are the field's: → on the speed slider moves the
  // slider, not the lesson.
  await page.locator(testId('speed')).focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(200);
  assert.equal(await page.locator(testId('lesson-step')).getAttribute('data-value'), '2');
  await focusNothing(page);

  // Captions follow the interface language at once, and on the next steps.
  await page.selectOption(testId('lang'), 'ko');
  await page.waitForFunction(
    (id) => /StoreFront는 주문마다 한 번 더 호출합니다/.test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''),
    'lesson-caption',
    { timeout: 5_000 },
  );
  assert.equal(await page.locator(testId('lesson-caption')).getAttribute('lang'), 'ko');
  await focusNothing(page);
  await page.keyboard.press('PageDown');
  await waitForStep(page, 3);
  assert.match(await caption(page), /Shipping이 죽었습니다/);
  await waitForCheck(page, 'passed');

  // The last step: Next is disabled and → does nothing more.
  await page.selectOption(testId('lang'), 'en');
  await focusNothing(page);
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, 4);
  await waitForCheck(page, 'passed');
  assert.ok(await page.locator(testId('lesson-next')).isDisabled());
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(200);
  assert.equal(await page.locator(testId('lesson-step')).getAttribute('data-value'), '4');

  // Leaving the lesson shows everything and lets the run play on.
  await page.click(testId('lesson-end'));
  await waitForStep(page, 0);
  assert.equal(await simTimeMs(page), 35_000, 'the run is kept');
  await page.click(testId('play'));
  await page.waitForFunction((id) => Number(document.querySelector(`[data-testid="${id}"]`)?.dataset.value) > 36_000, 'sim-time', { timeout: 5_000 });
});

test('lesson: a scenario without a lesson shows no lesson bar', async (t) => {
  const page = await openApp(browser, '/', { t });
  assert.equal(await page.locator(testId('lesson')).count(), 0);
});
