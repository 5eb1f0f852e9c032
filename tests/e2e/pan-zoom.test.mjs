// Pan and zoom: the wheel zooms around the pointer, dragging empty space
// pans, two fingers pinch, the buttons and keys zoom and fit, and boxes and
// palette drops still land under the pointer at any zoom.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { dragFromPalette, launch, loadPreset, openApp, testId } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const zoom = async (page) => Number(await page.locator(testId('zoom-level')).getAttribute('data-value'));
const box = (page, id) => page.locator(`${testId(`component-${id}`)} rect.box`).boundingBox();
const centre = (b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** A point of the stage where nothing but the canvas background is. */
async function emptySpot(page) {
  const stage = await page.locator(testId('canvas')).boundingBox();
  // Well inside the stage, where a dropped box is not pushed back in.
  const spot = await page.evaluate((s) => {
    for (let y = s.y + 140; y < s.y + s.height - 140; y += 20) {
      for (let x = s.x + s.width - 220; x > s.x + 220; x -= 20) {
        if (document.elementFromPoint(x, y)?.classList.contains('background')) return { x, y };
      }
    }
    return null;
  }, stage);
  assert.ok(spot, 'the stage has some empty space');
  return spot;
}

test('pan and zoom: wheel, buttons, keys, drag on empty space and fit', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'zone-outage');
  assert.equal(await zoom(page), 100);
  const before = await box(page, 'storefront');

  await page.click(testId('zoom-in'));
  assert.equal(await zoom(page), 125);
  const bigger = await box(page, 'storefront');
  assert.ok(Math.abs(bigger.width / before.width - 1.25) < 0.02, `${bigger.width} vs ${before.width}`);

  // The wheel zooms around the pointer: the point under it stays put.
  const stage = await page.locator(testId('canvas')).boundingBox();
  const anchor = centre(await box(page, 'orders'));
  await page.mouse.move(anchor.x, anchor.y);
  await page.mouse.wheel(0, -200);
  await page.waitForFunction((z) => Number(document.querySelector('[data-testid="zoom-level"]').dataset.value) > z, 125);
  const after = centre(await box(page, 'orders'));
  assert.ok(Math.hypot(after.x - anchor.x, after.y - anchor.y) < 3, `the box under the pointer stays: ${JSON.stringify([anchor, after])}`);

  // Dragging empty space pans: every box follows the pointer.
  const start = centre(await box(page, 'storefront'));
  const empty = await emptySpot(page);
  await page.mouse.move(empty.x, empty.y);
  await page.mouse.down();
  await page.mouse.move(empty.x - 60, empty.y + 40, { steps: 5 });
  await page.mouse.up();
  const panned = centre(await box(page, 'storefront'));
  assert.ok(Math.abs(panned.x - (start.x - 60)) < 2 && Math.abs(panned.y - (start.y + 40)) < 2, JSON.stringify([start, panned]));

  // Opening another scenario starts it at 100 %, not at the last one's zoom.
  await page.click(testId('zoom-in'));
  await loadPreset(page, 'direct-coupling');
  assert.equal(await zoom(page), 100);
  await loadPreset(page, 'zone-outage');

  // 0 goes back to 100 %; F fits the whole diagram in the stage.
  await page.locator('body').press('0');
  assert.equal(await zoom(page), 100);
  await page.locator('body').press('f');
  for (const id of ['storefront', 'a-1', 'control-plane', 'shipping-pods']) {
    const b = await box(page, id);
    assert.ok(b.x >= stage.x && b.x + b.width <= stage.x + stage.width, `${id} inside horizontally`);
    assert.ok(b.y >= stage.y && b.y + b.height <= stage.y + stage.height, `${id} inside vertically`);
  }
});

test('pan and zoom: zoomed in, a dragged box and a palette drop land under the pointer', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  // Zoom in with the wheel over StoreFront, which stays under the pointer.
  const anchor = centre(await box(page, 'storefront'));
  await page.mouse.move(anchor.x, anchor.y);
  await page.mouse.wheel(0, -250);
  await page.waitForTimeout(100);
  await page.mouse.wheel(0, -250);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="zoom-level"]').dataset.value) > 180);
  const level = await zoom(page);

  // Drag a box by 60 × 30 px on screen: it follows the pointer exactly.
  const from = centre(await box(page, 'storefront'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 60, from.y + 30, { steps: 6 });
  await page.mouse.up();
  const to = centre(await box(page, 'storefront'));
  assert.ok(Math.abs(to.x - from.x - 60) < 3 && Math.abs(to.y - from.y - 30) < 3, JSON.stringify([level, from, to]));

  // A palette drop lands centred under the pointer.
  const stage = await page.locator(testId('canvas')).boundingBox();
  const drop = await emptySpot(page);
  const added = await dragFromPalette(page, 'queue', drop.x - stage.x, drop.y - stage.y);
  const queue = centre(await box(page, added));
  assert.ok(Math.abs(queue.x - drop.x) < 4 && Math.abs(queue.y - drop.y) < 4, JSON.stringify([drop, queue]));
});

test('pan and zoom: two fingers pinch to zoom on a touch screen', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  const stage = await page.locator(testId('canvas')).boundingBox();
  const cx = stage.x + stage.width - 150;
  const cy = stage.y + stage.height / 2 + 80;
  // Pointer events as a touch screen sends them: two fingers spreading apart.
  await page.evaluate(({ cx, cy }) => {
    const background = document.querySelector('[data-testid="canvas"] rect.background');
    const svg = document.querySelector('[data-testid="canvas"]');
    const send = (target, type, id, x, y) =>
      target.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', isPrimary: id === 11,
        clientX: x, clientY: y, button: type === 'pointermove' ? -1 : 0, bubbles: true }));
    send(background, 'pointerdown', 11, cx - 20, cy);
    send(background, 'pointerdown', 12, cx + 20, cy);
    for (let i = 1; i <= 5; i += 1) {
      send(svg, 'pointermove', 11, cx - 20 - i * 8, cy);
      send(svg, 'pointermove', 12, cx + 20 + i * 8, cy);
    }
    send(svg, 'pointerup', 11, cx - 60, cy);
    send(svg, 'pointerup', 12, cx + 60, cy);
  }, { cx, cy });
  // The fingers went from 40 px apart to 120 px: three times closer.
  const level = await zoom(page);
  assert.ok(level > 280 && level <= 300, `pinch zoomed to ${level} %`);
});

test('touch: a finger drags a box, and one finger on empty space pans', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  const start = centre(await box(page, 'shipping'));
  // Pointer events as a touch screen sends them, one finger at a time.
  const drag = (selector, from, by) =>
    page.evaluate(({ selector, from, by }) => {
      const target = document.querySelector(selector);
      const svg = document.querySelector('[data-testid="canvas"]');
      const send = (element, type, x, y) =>
        element.dispatchEvent(new PointerEvent(type, { pointerId: 21, pointerType: 'touch', isPrimary: true,
          clientX: x, clientY: y, button: type === 'pointermove' ? -1 : 0, buttons: type === 'pointerup' ? 0 : 1, bubbles: true }));
      send(target, 'pointerdown', from.x, from.y);
      for (let i = 1; i <= 6; i += 1) send(svg, 'pointermove', from.x + (by.x * i) / 6, from.y + (by.y * i) / 6);
      send(svg, 'pointerup', from.x + by.x, from.y + by.y);
    }, { selector, from, by });

  await drag('[data-testid="component-shipping"] rect.box', start, { x: -40, y: 30 });
  await page.waitForFunction(
    ({ x }) => {
      const b = document.querySelector('[data-testid="component-shipping"] rect.box').getBoundingClientRect();
      return Math.abs(b.x + b.width / 2 - x) < 3;
    },
    { x: start.x - 40 },
  );
  const moved = centre(await box(page, 'shipping'));
  assert.ok(Math.abs(moved.y - (start.y + 30)) < 3, JSON.stringify([start, moved]));

  // On empty space the same finger pans the whole diagram instead.
  const before = centre(await box(page, 'storefront'));
  const empty = await emptySpot(page);
  await drag('[data-testid="canvas"] rect.background', empty, { x: 50, y: -20 });
  const after = centre(await box(page, 'storefront'));
  assert.ok(Math.abs(after.x - before.x - 50) < 3 && Math.abs(after.y - before.y + 20) < 3, JSON.stringify([before, after]));
});
