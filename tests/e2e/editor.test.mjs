// The editor, driven the way a person uses it: real pointer drags from the
// palette, moving boxes, drawing wires port to port, a refused wire with its
// reason at the cursor, deleting, undo and redo from the keyboard, and an
// inspector field with its checks.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { componentIds, dragFromPalette, dragWire, launch, openApp, testId } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The centre of an element, in page coordinates. */
async function centre(page, id) {
  const box = await page.locator(testId(id)).boundingBox();
  assert.ok(box, `${id} is not on the page`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Press at `from`, move in steps to `to`, release: real pointer events. */
async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

async function wireIds(page) {
  return page.locator('[data-testid^="wire-"]:not([data-testid="wire-refusal"])').evaluateAll((elements) =>
    elements.map((element) => element.dataset.testid).sort(),
  );
}

/** Builds publisher → queue → consumer by dragging, as the lesson starts. */
async function buildPipeline(page) {
  const publisher = await dragFromPalette(page, 'publisher', 140, 120);
  const queue = await dragFromPalette(page, 'queue', 380, 240);
  const consumer = await dragFromPalette(page, 'consumer', 620, 120);
  await dragWire(page, publisher, queue);
  await dragWire(page, queue, consumer);
  return { publisher, queue, consumer };
}

test('editor: drag from the palette, move, wire, refuse, delete, undo and redo', async (t) => {
  const page = await openApp(browser, '/', { t });

  const { publisher, queue, consumer } = await buildPipeline(page);
  assert.deepEqual(await componentIds(page), [publisher, queue, consumer]);
  for (const [id, kind] of [[publisher, 'publisher'], [queue, 'queue'], [consumer, 'consumer']]) {
    assert.equal(await page.locator(testId(`component-${id}`)).getAttribute('data-kind'), kind);
    assert.equal(await page.locator(testId(`component-${id}`)).getAttribute('data-state'), 'running');
  }
  assert.deepEqual(await wireIds(page), [`wire-${publisher}-${queue}`, `wire-${queue}-${consumer}`]);

  // Move the queue up by 100 px: the box follows, and the move is one undo step.
  const before = await centre(page, `component-${queue}`);
  await drag(page, before, { x: before.x, y: before.y - 100 });
  const moved = await centre(page, `component-${queue}`);
  assert.ok(Math.abs(moved.y - (before.y - 100)) <= 1 && Math.abs(moved.x - before.x) <= 1, `queue is at ${JSON.stringify(moved)}`);
  await page.keyboard.press('Control+z');
  const undone = await centre(page, `component-${queue}`);
  assert.ok(Math.abs(undone.y - before.y) <= 1, 'one undo puts the queue back where it was');
  await page.keyboard.press('Control+Shift+z');
  assert.ok(Math.abs((await centre(page, `component-${queue}`)).y - moved.y) <= 1, 'redo moves it again');

  // A wire into a publisher makes no sense: refused, with the reason at the cursor.
  await drag(page, await centre(page, `port-out-${queue}`), await centre(page, `component-${publisher}`));
  const refusal = page.locator(testId('wire-refusal'));
  await refusal.waitFor({ state: 'visible', timeout: 2_000 });
  assert.match(await refusal.textContent(), /publisher/i);
  assert.equal((await wireIds(page)).length, 2, 'the refused wire was not added');
  await refusal.waitFor({ state: 'detached', timeout: 5_000 });

  // A consumer has no output port; drawing consumer → queue from the queue's
  // input port is refused too, with the reason.
  await drag(page, await centre(page, `port-in-${queue}`), await centre(page, `component-${consumer}`));
  await refusal.waitFor({ state: 'visible', timeout: 2_000 });
  assert.match(await refusal.textContent(), /consumer only receives/i);
  assert.equal((await wireIds(page)).length, 2, 'the refused wire was not added');

  // From the receiving end too: dragging from the consumer's input port onto
  // the publisher draws publisher → consumer; from a topic's input onto the
  // queue would be queue → topic, which SNS/SQS do not do.
  await page.locator(testId('palette-topic')).click();
  const [topic] = (await componentIds(page)).filter((id) => id.startsWith('topic-'));
  assert.ok(topic, 'clicking the palette item adds a topic at a free spot');
  await drag(page, await centre(page, `port-in-${topic}`), await centre(page, `component-${queue}`));
  await refusal.waitFor({ state: 'visible', timeout: 2_000 });
  assert.match(await refusal.textContent(), /queue cannot push to a topic/i);
  await page.keyboard.press('Delete'); // the new topic is selected: delete it
  assert.equal(await page.locator(testId(`component-${topic}`)).count(), 0);

  // Select the queue → consumer wire and delete it; undo brings it back, redo removes it.
  const wire = `wire-${queue}-${consumer}`;
  await page.locator(testId(wire)).click();
  await page.keyboard.press('Delete');
  assert.equal(await page.locator(testId(wire)).count(), 0, 'Delete removes the selected wire');
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator(testId(wire)).count(), 1, 'Ctrl+Z brings the wire back');
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await page.locator(testId(wire)).count(), 0, 'Ctrl+Shift+Z removes it again');
  await page.keyboard.press('Control+y');
  assert.equal(await page.locator(testId(wire)).count(), 0, 'nothing left to redo');

  // The header's buttons do the same.
  await page.locator(testId('undo')).click();
  assert.equal(await page.locator(testId(wire)).count(), 1, 'the Undo button restores the wire');

  // Escape clears the selection; the inspector then shows the scenario.
  await page.locator(testId(`component-${consumer}`)).click();
  await page.locator(testId('field-processing_time_ms')).waitFor();
  await page.keyboard.press('Escape');
  await page.locator(testId('field-seed')).waitFor();
});

test('editor: the inspector checks a value before it is applied', async (t) => {
  const page = await openApp(browser, '/', { t });
  const queue = await dragFromPalette(page, 'queue', 300, 200);
  await page.locator(testId(`component-${queue}`)).click();

  const field = page.locator(testId('field-visibility_timeout_ms'));
  const echo = page.locator('.field', { has: field }).locator('.field-echo');
  assert.equal(await field.inputValue(), '30000', 'SQS default visibility timeout');
  assert.match(await echo.textContent(), /= 30 s/);

  await field.fill('45000');
  await field.press('Enter');
  assert.match(await echo.textContent(), /= 45 s/);

  // Beyond SQS's 12 hours: explained under the field, not applied.
  await field.fill('99999999999');
  await field.press('Enter');
  const problem = page.locator(testId('field-error-visibility_timeout_ms'));
  await problem.waitFor({ state: 'visible' });
  assert.match(await problem.textContent(), /43,200,000/);

  // Leave (click the empty canvas) and come back: the document still holds
  // the last good value.
  const canvas = await page.locator(testId('canvas')).boundingBox();
  await page.mouse.click(canvas.x + 30, canvas.y + 30);
  await page.locator(testId('field-seed')).waitFor();
  await page.locator(testId(`component-${queue}`)).click();
  assert.equal(await page.locator(testId('field-visibility_timeout_ms')).inputValue(), '45000');

  // The change is one undo step.
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator(testId('field-visibility_timeout_ms')).inputValue(), '30000');

  // A value typed and then left by clicking elsewhere on the canvas is kept,
  // not lost with the field.
  await page.locator(testId('field-name')).fill('orders-queue');
  await page.mouse.click(canvas.x + 30, canvas.y + 30);
  assert.equal(await page.locator(`${testId(`component-${queue}`)} .name`).textContent(), 'orders-queue');
});

test('editor: deleting a component takes its wires with it', async (t) => {
  const page = await openApp(browser, '/', { t });
  const { publisher, queue, consumer } = await buildPipeline(page);
  await page.locator(testId(`component-${queue}`)).click();
  await page.locator(testId('delete')).click();
  assert.deepEqual(await componentIds(page), [publisher, consumer]);
  assert.deepEqual(await wireIds(page), []);
  await page.keyboard.press('Control+z');
  assert.deepEqual(await componentIds(page), [publisher, queue, consumer]);
  assert.equal((await wireIds(page)).length, 2);
});
