// The scenario gallery: the landing view on an empty canvas and a menu in the
// header; every preset is a card with a thumbnail of its diagram, and a card
// opens its scenario as one undoable step.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, openApp, reloadApp, testId } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('gallery: an empty canvas lands on the gallery; a card opens its preset; undo returns', async (t) => {
  const page = await openApp(browser, '/', { t, gallery: true });
  await page.locator(testId('gallery-panel')).waitFor({ timeout: 5_000 });

  // Every preset has a card with a drawn thumbnail (one box per component).
  const stems = await page.locator('[data-testid^="gallery-"]').evaluateAll((els) =>
    els.map((e) => e.dataset.testid).filter((id) => !['gallery-panel', 'gallery-close', 'gallery-at-start'].includes(id)),
  );
  for (const stem of ['direct-coupling', 'sns-fanout', 'zone-outage', 'etcd-quorum', 'ingress-and-node-port']) {
    assert.ok(stems.includes(`gallery-${stem}`), `a card for ${stem}: ${stems}`);
  }
  const boxes = await page.locator(`${testId('gallery-zone-outage')} .thumb-boxes rect`).count();
  assert.equal(boxes, 13, 'the zone outage thumbnail draws its 13 components');
  // Lesson steps are listed on the card.
  await page.locator(`${testId('gallery-panel')} .gallery-steps`).first().waitFor();

  await page.click(testId('gallery-sns-fanout'));
  await page.locator(testId('gallery-panel')).waitFor({ state: 'detached', timeout: 5_000 });
  await page.locator(testId('component-orders')).waitFor({ timeout: 5_000 });

  // One undoable step: Undo brings back the empty canvas.
  await page.click(testId('undo'));
  await page.locator('[data-testid^="component-"]').first().waitFor({ state: 'detached', timeout: 5_000 });
});

test('gallery: opened from the header, closed by Escape; the landing can be switched off', async (t) => {
  const page = await openApp(browser, '/', { t, gallery: true });
  await page.locator(testId('gallery-panel')).waitFor({ timeout: 5_000 });
  await page.uncheck(testId('gallery-at-start'));
  await page.keyboard.press('Escape');
  await page.locator(testId('gallery-panel')).waitFor({ state: 'detached', timeout: 5_000 });

  // Switched off, a reload opens straight on the empty canvas.
  await reloadApp(page);
  await page.waitForTimeout(500);
  assert.equal(await page.locator(testId('gallery-panel')).count(), 0);

  // The header's Gallery button opens it at any time.
  await page.click(testId('gallery'));
  await page.locator(testId('gallery-panel')).waitFor({ timeout: 5_000 });
  await page.click(testId('gallery-close'));
  await page.locator(testId('gallery-panel')).waitFor({ state: 'detached', timeout: 5_000 });
});
