// The broker settings in the editor, driven the way a person uses them: a FIFO
// queue from the palette, a dead-letter queue refused for its type and then
// accepted, publisher attributes, a filter policy on a subscription, a FIFO
// switch refused by a wire, and undo walking every step back.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { commit, dragFromPalette, dragWire, launch, openApp, select, testId } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Clicks an empty corner of the canvas: commits a typed value, clears the selection. */
async function deselect(page) {
  const canvas = await page.locator(testId('canvas')).boundingBox();
  await page.mouse.click(canvas.x + 30, canvas.y + 30);
  await page.locator(testId('field-seed')).waitFor();
}

/** What the canvas shows of the steps below, for the undo walk. */
async function snapshot(page, { publisher, fifoQueue, deadLetters, topic, standardQueue }) {
  const count = (id) => page.locator(testId(id)).count();
  const redrive = page.locator(testId(`dlq-${fifoQueue}-${deadLetters}`));
  return {
    components: await page.locator('[data-testid^="component-"]').count(),
    redrive: (await redrive.count()) ? await page.locator('.dlq-label').first().textContent() : null,
    publisherWire: await count(`wire-${publisher}-${topic}`),
    subscription: await count(`wire-${topic}-${standardQueue}`),
    funnel: await count(`filter-${topic}-${standardQueue}`),
  };
}

/** The publisher's attribute rows as typed: [["type", "one-of", "book, food"], …]. */
async function attributeRows(page) {
  const rows = [];
  for (let i = 0; (await page.locator(testId(`field-attribute-${i}-name`)).count()) > 0; i += 1) {
    rows.push([
      await page.locator(testId(`field-attribute-${i}-name`)).inputValue(),
      await page.locator(testId(`field-attribute-${i}-kind`)).inputValue(),
      await page.locator(testId(`field-attribute-${i}-values`)).inputValue(),
    ]);
  }
  return rows;
}

test('editor: FIFO queues, dead-letter queues, attributes and filter policies, each step undoable', async (t) => {
  const page = await openApp(browser, '/', { t });

  const publisher = await dragFromPalette(page, 'publisher', 110, 80);
  const fifoQueue = await dragFromPalette(page, 'queue-fifo', 560, 80);
  const standardQueue = await dragFromPalette(page, 'queue', 560, 220);
  const consumer = await dragFromPalette(page, 'consumer', 780, 220);
  assert.equal(await page.locator(testId(`component-${fifoQueue}`)).getAttribute('data-fifo'), 'true');
  assert.match(await page.locator(`${testId(`component-${fifoQueue}`)} .name`).textContent(), /\.fifo$/);
  await page.locator(testId(`badge-fifo-${fifoQueue}`)).waitFor();
  assert.equal(await page.locator(testId(`badge-fifo-${standardQueue}`)).count(), 0, 'a Standard queue has no FIFO badge');
  await dragWire(page, standardQueue, consumer);

  // A Standard queue as the FIFO queue's DLQ: refused with the reason, nothing drawn.
  await select(page, fifoQueue);
  assert.equal(await page.locator(testId('field-fifo')).isChecked(), true);
  await page.selectOption(testId('field-dead_letter_queue'), standardQueue);
  const refusal = page.locator(testId('field-error-dead_letter_queue'));
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /same type as its source/);
  assert.equal(await page.locator(testId('field-dead_letter_queue')).inputValue(), '', 'the choice springs back to none');
  assert.equal(await page.locator('[data-testid^="dlq-"]').count(), 0);
  assert.equal(await page.locator(testId('field-max_receive_count')).count(), 0, 'no redrive, no max receives');

  // A second FIFO queue is accepted, and max receives follows.
  const deadLetters = await dragFromPalette(page, 'queue-fifo', 780, 400);
  await select(page, fifoQueue);
  await page.selectOption(testId('field-dead_letter_queue'), deadLetters);
  assert.equal(await refusal.count(), 0, 'an accepted choice clears the refusal');
  await commit(page, 'field-max_receive_count', '3');
  const arrow = page.locator(testId(`dlq-${fifoQueue}-${deadLetters}`));
  await arrow.waitFor({ state: 'attached' });
  assert.notEqual(await arrow.evaluate((path) => getComputedStyle(path).strokeDasharray), 'none', 'the DLQ arrow is dashed');
  assert.equal(await page.locator('.dlq-label').first().textContent(), 'DLQ after 3 receives');

  // Publisher attributes: type is one of book, food (the first suggestion),
  // then a second row renamed, given a range, and removed again.
  await select(page, publisher);
  await page.click(testId('field-attributes-add'));
  await commit(page, 'field-attribute-0-name', 'type');
  await commit(page, 'field-attribute-0-values', 'book,  food');
  assert.deepEqual(await attributeRows(page), [['type', 'one-of', 'book, food']]);
  await page.click(testId('field-attributes-add'));
  assert.deepEqual((await attributeRows(page))[1], ['amount', 'between', '10–500']);
  await commit(page, 'field-attribute-1-name', 'weight');
  await commit(page, 'field-attribute-1-values', '1-20');
  assert.deepEqual((await attributeRows(page))[1], ['weight', 'between', '1–20']);
  await commit(page, 'field-attribute-1-values', 'heavy');
  assert.match(await page.locator(testId('field-error-attribute-1-values')).textContent(), /range of whole numbers/);
  await page.keyboard.press('Escape'); // drop the bad draft
  await page.click(testId('field-attribute-1-remove'));
  assert.deepEqual(await attributeRows(page), [['type', 'one-of', 'book, food']]);

  // A topic and its subscription to the Standard queue.
  const topic = await dragFromPalette(page, 'topic', 330, 220);
  await dragWire(page, publisher, topic);
  await dragWire(page, topic, standardQueue);
  const subscription = `wire-${topic}-${standardQueue}`;
  await page.locator(testId(subscription)).waitFor({ state: 'attached' });

  // Making the Standard queue FIFO would break that subscription: refused, unchanged.
  await select(page, standardQueue);
  await page.click(testId('field-fifo'));
  assert.match(await page.locator(testId('field-error-fifo')).textContent(), /FIFO queue can subscribe only to a FIFO topic/);
  assert.equal(await page.locator(testId('field-fifo')).isChecked(), false);
  assert.equal(await page.locator(testId(`component-${standardQueue}`)).getAttribute('data-fifo'), 'false');

  // The filter policy type = book: switching it on proposes exactly that,
  // from the publisher's attributes; typing it again changes nothing.
  await page.locator(testId(subscription)).click({ force: true });
  await page.locator(testId('field-filter_policy')).waitFor();
  await page.click(testId('field-filter_enabled'));
  await commit(page, 'field-filter-0-key', 'type');
  await page.selectOption(testId('field-filter-0-op'), 'exact');
  await commit(page, 'field-filter-0-value', 'book');
  const funnel = page.locator(testId(`filter-${topic}-${standardQueue}`));
  await funnel.waitFor();
  assert.match(await funnel.locator('title').textContent(), /type is book/);
  assert.match(await page.locator(testId('filter-summary')).textContent(), /where type is book/);

  // The subscription's own dead-letter queue must be Standard like the topic.
  await page.selectOption(testId('field-dead_letter_queue'), fifoQueue);
  assert.match(await page.locator(testId('field-error-dead_letter_queue')).textContent(), /FIFO exactly when the topic is/);

  // Switching the filter off and on brings the same policy back.
  await page.click(testId('field-filter_enabled'));
  await funnel.waitFor({ state: 'detached' });
  await page.click(testId('field-filter_enabled'));
  await funnel.waitFor();
  assert.equal(await page.locator(testId('field-filter-0-value')).inputValue(), 'book');

  // Undo walks back every step, one at a time.
  const ids = { publisher, fifoQueue, deadLetters, topic, standardQueue };
  const undo = async () => {
    await page.locator(testId('undo')).click();
    return snapshot(page, ids);
  };
  const end = { components: 6, redrive: 'DLQ after 3 receives', publisherWire: 1, subscription: 1, funnel: 1 };
  assert.deepEqual(await snapshot(page, ids), end);
  assert.equal((await undo()).funnel, 0, 'undo: the filter switched on again');
  assert.equal((await undo()).funnel, 1, 'undo: the filter switched off');
  assert.deepEqual(await undo(), { ...end, funnel: 0 }, 'undo: the filter switched on');
  assert.deepEqual(await undo(), { ...end, funnel: 0, subscription: 0 }, 'undo: the subscription');
  assert.deepEqual(await undo(), { ...end, funnel: 0, subscription: 0, publisherWire: 0 }, 'undo: the publisher wire');
  assert.deepEqual(await undo(), { ...end, funnel: 0, subscription: 0, publisherWire: 0, components: 5 }, 'undo: the topic');

  await select(page, publisher);
  const type = ['type', 'one-of', 'book, food'];
  const undoRows = async () => {
    await page.locator(testId('undo')).click();
    return attributeRows(page);
  };
  assert.deepEqual(await undoRows(), [type, ['weight', 'between', '1–20']], 'undo: the removed row is back');
  assert.deepEqual(await undoRows(), [type, ['weight', 'between', '10–500']], 'undo: its values');
  assert.deepEqual(await undoRows(), [type, ['amount', 'between', '10–500']], 'undo: its name');
  assert.deepEqual(await undoRows(), [type], 'undo: the second row');
  assert.deepEqual(await undoRows(), [], 'undo: the first row');

  await deselect(page);
  assert.equal((await undo()).redrive, 'DLQ after 10 receives', 'undo: max receives back to the SQS console default');
  assert.equal((await undo()).redrive, null, 'undo: no redrive policy');
  assert.equal((await undo()).components, 4, 'undo: the second FIFO queue');
});

test('editor: every broker setting has a field with its default, and bad values are explained', async (t) => {
  const page = await openApp(browser, '/', { t });
  const fields = async () =>
    page.locator('[data-testid^="field-"]').evaluateAll((elements) => elements.map((e) => e.dataset.testid));

  const publisher = await dragFromPalette(page, 'publisher', 110, 80);
  for (const name of ['rate_per_s', 'pattern', 'attributes', 'message_group', 'message_group_value', 'message_delay_ms', 'poison_every', 'resend_ratio']) {
    assert.ok((await fields()).includes(`field-${name}`), `publisher: field-${name}`);
  }
  await page.selectOption(testId('field-message_group'), 'from-attribute');
  assert.match(await page.locator(testId('field-error-message_group')).textContent(), /attribute/);
  await page.selectOption(testId('field-message_group'), 'round-robin');
  await commit(page, 'field-message_group_value', '8');
  assert.equal(await page.locator(testId('field-message_group_value')).inputValue(), '8');
  await commit(page, 'field-resend_ratio', '5%');
  assert.equal(await page.locator(testId('field-resend_ratio')).inputValue(), '0.05');
  await commit(page, 'field-message_delay_ms', '2 min');
  assert.equal(await page.locator(testId('field-message_delay_ms')).inputValue(), '120000');
  await commit(page, 'field-message_delay_ms', '20 min');
  assert.match(await page.locator(testId('field-error-message_delay_ms')).textContent(), /15 min/);

  const queue = await dragFromPalette(page, 'queue', 400, 80);
  for (const name of ['fifo', 'visibility_timeout_ms', 'delay_ms', 'receive_wait_ms', 'dead_letter_queue', 'retention_ms']) {
    assert.ok((await fields()).includes(`field-${name}`), `queue: field-${name}`);
  }
  assert.ok(!(await fields()).includes('field-content_based_deduplication'), 'a Standard queue has no content-based deduplication');
  assert.match(await page.locator(testId('field-retention_ms')).locator('..').textContent(), /= 4 d/);
  assert.match(await page.locator('.field', { has: page.locator(testId('field-visibility_timeout_ms')) }).textContent(), /default 30 s — SQS/);
  await page.locator('summary', { hasText: 'Standard queue quirks' }).click();
  await commit(page, 'field-duplicate_delivery_ratio', '0.2');
  await commit(page, 'field-receive_wait_ms', '25 s');
  assert.match(await page.locator(testId('field-error-receive_wait_ms')).textContent(), /20 s/);
  await page.keyboard.press('Escape');

  // Switching to FIFO swaps the Standard-only settings for the FIFO ones.
  await select(page, queue);
  await page.click(testId('field-fifo'));
  await page.locator(testId('field-content_based_deduplication')).waitFor();
  assert.ok(!(await fields()).includes('field-duplicate_delivery_ratio'));
  assert.equal(await page.locator(testId(`component-${queue}`)).getAttribute('data-fifo'), 'true');

  const topic = await dragFromPalette(page, 'topic-fifo', 250, 250);
  for (const name of ['fifo', 'http_retries', 'http_retry_delay_ms']) {
    assert.ok((await fields()).includes(`field-${name}`), `topic: field-${name}`);
  }
  assert.match(await page.locator('.inspector').textContent(), /100,000 at 20 s/);
  await commit(page, 'field-http_retry_delay_ms', '60 s');
  await commit(page, 'field-http_retries', '100');
  assert.match(await page.locator(testId('field-error-http_retries')).textContent(), /3,600 s/);
  assert.equal(await page.locator(testId(`component-${topic}`)).getAttribute('data-fifo'), 'true');

  const consumer = await dragFromPalette(page, 'consumer', 650, 250);
  for (const name of ['ack_mode', 'failure_ratio', 'batch_size', 'poll_interval_ms']) {
    assert.ok((await fields()).includes(`field-${name}`), `consumer: field-${name}`);
  }
  const modes = await page.locator(`${testId('field-ack_mode')} option`).evaluateAll((options) => options.map((o) => o.value));
  assert.deepEqual(modes, ['ack-on-receive', 'delete-after-processing', 'auto-delete-on-success']);
  await page.selectOption(testId('field-ack_mode'), 'ack-on-receive');
  assert.match(await page.locator('.field', { has: page.locator(testId('field-ack_mode')) }).textContent(), /loses the message/);
  await commit(page, 'field-batch_size', '11');
  assert.match(await page.locator(testId('field-error-batch_size')).textContent(), /between 1 and 10/);
  assert.ok(consumer);

  // Nothing selected: the scenario's title and description.
  await page.keyboard.press('Escape');
  await deselect(page);
  await commit(page, 'field-title', 'FIFO lesson');
  assert.equal(await page.locator('.scenario-title').textContent(), 'FIFO lesson');
  await page.fill(testId('field-description'), 'Line one.\nLine two.');
  await page.press(testId('field-description'), 'Control+Enter');
  assert.equal(await page.locator(testId('field-description')).inputValue(), 'Line one.\nLine two.');
  await page.locator(testId('undo')).click();
  assert.equal(await page.locator(testId('field-description')).inputValue(), '');
  assert.ok(publisher);
});
