// Keyboard only: Tab goes from box to box (each one reached is selected),
// arrows move the selected box (Shift: a grid cell), Enter goes on to its
// settings in the inspector, Ctrl+Z undoes a move, and ? lists every shortcut.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, loadPreset, openApp, testId } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const focusedTestId = (page) => page.evaluate(() => document.activeElement?.dataset?.testid ?? null);
// Read the way the waits below read it, so both round alike.
const boxAt = (page, id) =>
  page.evaluate((id) => {
    const b = document.querySelector(`[data-testid="component-${id}"] rect.box`).getBoundingClientRect();
    return { x: Math.round(b.x), y: Math.round(b.y) };
  }, id);

test('keyboard: tab to a box, move it with the arrows, edit it with Enter, undo the move', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  await page.evaluate(() => document.activeElement?.blur());

  // Tab from the top of the page until a box has the focus: it is StoreFront,
  // the first component, and it is now the selection.
  let focused = null;
  for (let presses = 0; presses < 80 && !focused?.startsWith('component-'); presses += 1) {
    await page.keyboard.press('Tab');
    focused = await focusedTestId(page);
  }
  assert.equal(focused, 'component-storefront');
  await page.waitForSelector(`${testId('component-storefront')}.selected`);
  assert.equal(await page.inputValue(testId('field-name')), 'StoreFront');

  // The next Tab reaches Shipping, which becomes the selection in turn.
  await page.keyboard.press('Tab');
  assert.equal(await focusedTestId(page), 'component-shipping');
  await page.waitForSelector(`${testId('component-shipping')}.selected`);
  assert.equal(await page.inputValue(testId('field-name')), 'Shipping');

  // Arrows move it 8 px; with Shift, 24 px (a grid cell). The lesson's own
  // ← → do not take these keys while a box is selected.
  const start = await boxAt(page, 'shipping');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await page.waitForFunction(
    ({ y }) => Math.round(document.querySelector('[data-testid="component-shipping"] rect.box').getBoundingClientRect().y) === y,
    { y: start.y + 24 },
  );
  const moved = await boxAt(page, 'shipping');
  assert.deepEqual(moved, { x: start.x + 16, y: start.y + 24 });
  assert.equal(await page.locator(testId('lesson-step')).getAttribute('data-value'), '0', 'the lesson did not start');
  assert.equal(await focusedTestId(page), 'component-shipping', 'the box keeps the focus while it moves');

  // Each press is one undoable move.
  await page.keyboard.press('Control+z');
  await page.waitForFunction(
    ({ y }) => Math.round(document.querySelector('[data-testid="component-shipping"] rect.box').getBoundingClientRect().y) === y,
    { y: start.y },
  );
  assert.deepEqual(await boxAt(page, 'shipping'), { x: start.x + 16, y: start.y });

  // Enter goes on to the box's settings: its name, then type a new one.
  await page.locator(testId('component-shipping')).focus();
  await page.keyboard.press('Enter');
  assert.equal(await focusedTestId(page), 'field-name');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Shipping EU');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="component-shipping"]')?.textContent.includes('Shipping EU'));
});

test('keyboard: wire two boxes from the inspector, select the wire, delete it', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  await page.evaluate(() => document.activeElement?.blur());
  await page.locator(testId('component-storefront')).focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await page.waitForSelector(`${testId('component-storefront')}.selected`);

  // StoreFront's wires are listed; it is wired to both consumers already,
  // so there is nothing left to wire it to.
  assert.equal(await page.locator(testId('inspector-wire-storefront-shipping')).count(), 1);
  assert.equal(await page.locator(testId('connect-to')).count(), 0);

  // Select the wire to Shipping by keyboard and delete it.
  await page.locator(testId('inspector-wire-storefront-shipping')).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${testId('wire-storefront-shipping')}`, { state: 'attached' });
  await page.keyboard.press('Delete');
  await page.locator(testId('wire-storefront-shipping')).waitFor({ state: 'detached' });

  // Shipping can be wired again from StoreFront's inspector.
  await page.locator(testId('component-storefront')).focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const wireTo = page.locator(testId('connect-to'));
  await wireTo.focus();
  await page.keyboard.press('ArrowDown');
  await page.locator(testId('wire-storefront-shipping')).waitFor({ state: 'attached' });
  assert.equal(await wireTo.count(), 0, 'every allowed wire is drawn again');
});

test('keyboard: ? lists the shortcuts in the interface language, Escape closes the list', async (t) => {
  const page = await openApp(browser, '/', { t });
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('?');
  const dialog = page.locator(testId('shortcuts'));
  await dialog.waitFor();
  const text = await dialog.innerText();
  for (const words of ['Keyboard shortcuts', 'Move the selected box', 'Undo', 'Play or pause', 'Fit the whole diagram']) {
    assert.ok(text.includes(words), `the list has "${words}"`);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // The header's ? button opens it too, and its × closes it.
  await page.click(testId('shortcuts-button'));
  await dialog.waitFor();
  await page.click(testId('shortcuts-close'));
  await dialog.waitFor({ state: 'detached' });
});
